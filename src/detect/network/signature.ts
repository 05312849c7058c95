import { createHash } from 'node:crypto';

/** A stable signature from a kind and the parts that define "the same problem" (never hosts or times). */
export function networkSignature(kind: string, ...parts: string[]): string {
  return createHash('sha256').update([kind, ...parts].join('|')).digest('hex').slice(0, 16);
}

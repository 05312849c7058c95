import { createHash } from 'node:crypto';
import { isSkipped, type Candidate } from './guilty.js';
import { titleFrame } from './normalize.js';

/**
 * Stable hash of the kind and the normalised guilty frames (the chosen one and the next two surviving
 * ones), or of the normalised title when the kind has no frame. Offsets, addresses, pids, timestamps and
 * hosts never enter it.
 */
export function signatureOf(
  kind: string, variant: string | undefined, title: string, frame: string | null, cands: readonly Candidate[], at: number,
  skip: readonly string[] | undefined, values: Record<string, string>,
): string {
  const parts: string[] = [kind, variant ?? ''];
  if (frame) {
    parts.push(frame);
    let added = 0;
    for (let i = at + 1; i < cands.length && added < 2; i++) {
      const name = titleFrame(cands[i].function);
      if (isSkipped(name, skip) || name === parts[parts.length - 1]) continue;
      parts.push(name);
      added++;
    }
  } else {
    parts.push(title);
    if (kind === 'oom_kill') parts.push((values.victim ?? '').replace(/\d+/g, 'N'));
  }
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

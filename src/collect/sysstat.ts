import { existsSync } from 'node:fs';
import type { CollectContext } from './types.js';

/** Where sysstat keeps its daily files: Debian/Ubuntu and RHEL/SUSE. */
const SA_DIRS = ['/var/log/sysstat', '/var/log/sa'];

/**
 * The sysstat data file of a day (`saDD`, or `saYYYYMMDD` with newer sysstat), or null.
 *
 * @example saFileFor(new Date('2024-05-03')) // '/var/log/sysstat/sa03' when present
 */
export function saFileFor(day: Date, exists: (p: string) => boolean = existsSync): string | null {
  const dd = String(day.getDate()).padStart(2, '0');
  const ymd = `${day.getFullYear()}${String(day.getMonth() + 1).padStart(2, '0')}${dd}`;
  for (const dir of SA_DIRS) {
    for (const name of [`sa${ymd}`, `sa${dd}`]) {
      if (exists(`${dir}/${name}`)) return `${dir}/${name}`;
    }
  }
  return null;
}

/** `sadf -j FILE -- -A`: every activity sar recorded, as JSON. */
export function sadfCommand(daysBack: number) {
  return (ctx: CollectContext): string[][] | { absent: string } => {
    const day = new Date(ctx.now.getTime() - daysBack * 86_400_000);
    const file = saFileFor(day);
    if (!file) return { absent: `no sysstat file for ${day.toISOString().slice(0, 10)} in ${SA_DIRS.join(' or ')}` };
    return [['sadf', '-j', file, '--', '-A']];
  };
}

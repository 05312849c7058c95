/**
 * Candidate lists for the guilty frame, by frame source: which code locations of a report (trace frames,
 * RIP lines, header names, lockdep lock sites) are considered, in which order.
 */
import type { Candidate } from './guilty.js';
import { stallInterruptEntry } from './stall-anchors.js';

/** A code location in report order: a trace frame or a RIP line. */
export interface Location extends Candidate {
  block: number;
  label: 'trace' | 'other' | 'none' | 'irq-safe';
  isRip: boolean;
  /** The stack a trace frame was printed on (`irq`, `task`, ...). */
  stack?: string;
}

/** The candidates of a frame source, in the order the guilty-frame choice walks them. */
export function candidates(source: string, locs: readonly Location[], groups: Record<string, string>, lockSites: readonly string[]): Candidate[] {
  const fromHeader = groups.hframe ? [{ function: groups.hframe, frameIndex: -1 }] : [];
  const firstTrace = (): Location[] => {
    const firstBlock = locs.find((l) => l.label === 'trace' && !l.isRip)?.block;
    if (firstBlock === undefined) return locs.filter((l) => l.label !== 'other' && l.label !== 'irq-safe' && !l.isRip);
    return locs.filter((l) => l.block === firstBlock && !l.isRip);
  };
  switch (source) {
    case 'hung':
    case 'trace':
      return firstTrace();
    case 'header':
      return [...fromHeader, ...firstTrace()];
    case 'rip': {
      const ripLoc = locs.find((l) => l.isRip);
      return [...(ripLoc ? [ripLoc] : []), ...fromHeader, ...firstTrace()];
    }
    case 'lock-site':
      return [...lockSites.slice(0, 1).map((fn) => ({ function: fn, frameIndex: -1 })), ...firstTrace()];
    case 'lockdep': {
      // The lock being acquired (first `at:`), then the one already held (second), then the trace.
      return [...lockSites.slice(0, 2).map((fn) => ({ function: fn, frameIndex: -1 })), ...firstTrace()];
    }
    case 'irq-safe': {
      // The interrupt path that made the lock irq-safe, then the lock sites, then the trace.
      const irq = locs.filter((l) => l.label === 'irq-safe' && !l.isRip);
      return [...irq, ...lockSites.slice(0, 2).map((fn) => ({ function: fn, frameIndex: -1 })), ...firstTrace()];
    }
    case 'stall':
      return stallCandidates(locs);
    default:
      return [];
  }
}

/** In a stall the code that ran is what the timer interrupt interrupted: start after its entry frames. */
function stallCandidates(locs: readonly Location[]): Location[] {
  const usable = locs.filter((l) => (l.label !== 'other' && l.label !== 'irq-safe') || l.isRip);
  const entry = usable.findIndex((l) => stallInterruptEntry.test(l.function));
  const rip = usable.findIndex((l) => l.isRip);
  // Registers printed before any interrupt frame (soft lockup, hard lockup) are the interrupted code,
  // unless the frames under them are all on the `<IRQ>` stack: then the registers were taken inside the
  // timer interrupt, and the stalled code is what that interrupt interrupted, after its entry.
  const ripInIrq = rip >= 0 && entry > rip + 1 && usable.slice(rip + 1, entry).every((l) => l.stack === 'irq');
  if (rip >= 0 && (entry < 0 || rip < entry) && !ripInIrq) return usable.slice(rip);
  if (entry < 0) return usable;
  // The entry path is a short run of interrupt frames (a non-matching helper may sit between two).
  let last = entry;
  for (let i = entry + 1; i < usable.length && i - last <= 2 && usable[i].block === usable[entry].block; i++) {
    if (stallInterruptEntry.test(usable[i].function)) last = i;
  }
  return usable.slice(last + 1);
}

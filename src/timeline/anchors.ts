import type { ClockAnchor } from '../model/observation.js';

/**
 * Boot-relative → wall clock conversion from anchors (lines that carried both clocks).
 *
 * Each anchor gives one estimate of the boot's "wall clock at uptime 0": wallMs − uptime·1000. One
 * anchor alone is off by the wall side's precision (syslog: whole seconds) and by the logging delay
 * (rsyslog stamps on receipt); many anchors agree on a median. The uptime clock also drifts against the
 * wall clock (NTP slews it, a suspended VM stops it), so a stamp uses the anchors nearest in uptime
 * rather than one median for a month-long boot.
 */
export interface BootClock {
  /** Offsets (epoch ms at uptime 0) sorted by the anchor's uptime. */
  readonly points: ReadonlyArray<{ uptime: number; offsetMs: number }>;
  /** Worst precision of the anchors' wall side, seconds. */
  readonly precisionSeconds: number;
}

/** How many anchors around the stamp's uptime vote on its offset. */
const NEAREST = 9;

/** Groups anchors by boot (undefined boot = boot 0) into sorted clocks. */
export function buildBootClocks(anchors: readonly ClockAnchor[]): Map<number, BootClock> {
  const byBoot = new Map<number, ClockAnchor[]>();
  for (const a of anchors) {
    if (!Number.isFinite(a.uptime) || !Number.isFinite(a.wallMs)) continue;
    const boot = a.boot ?? 0;
    const list = byBoot.get(boot) ?? [];
    list.push(a);
    byBoot.set(boot, list);
  }
  const clocks = new Map<number, BootClock>();
  for (const [boot, list] of byBoot) {
    const points = list
      .map((a) => ({ uptime: a.uptime, offsetMs: a.wallMs - a.uptime * 1000 }))
      .sort((x, y) => x.uptime - y.uptime);
    const precisionSeconds = Math.max(...list.map((a) => a.precisionSeconds || 0));
    clocks.set(boot, { points, precisionSeconds });
  }
  return clocks;
}

/**
 * Wall-clock offset for `uptime` in one boot: the median of the nearest anchors' offsets, with an
 * uncertainty of half their spread, never below half the wall side's precision.
 *
 * @example estimateOffset(clock, 190126) // { offsetMs: 1346020867000, uncertaintySeconds: 0.5 }
 */
export function estimateOffset(clock: BootClock, uptime: number): { offsetMs: number; uncertaintySeconds: number } {
  const pts = clock.points;
  const at = lowerBound(pts, uptime);
  let lo = at;
  let hi = at; // window [lo, hi)
  while (hi - lo < NEAREST && (lo > 0 || hi < pts.length)) {
    const left = lo > 0 ? uptime - pts[lo - 1].uptime : Infinity;
    const right = hi < pts.length ? pts[hi].uptime - uptime : Infinity;
    if (left <= right) lo -= 1;
    else hi += 1;
  }
  const offsets = pts.slice(lo, hi).map((p) => p.offsetMs).sort((a, b) => a - b);
  const offsetMs = median(offsets);
  const spreadSeconds = (offsets[offsets.length - 1] - offsets[0]) / 2000;
  return { offsetMs, uncertaintySeconds: Math.max(spreadSeconds, clock.precisionSeconds / 2) };
}

function lowerBound(pts: ReadonlyArray<{ uptime: number }>, uptime: number): number {
  let lo = 0;
  let hi = pts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pts[mid].uptime < uptime) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Median of a sorted, non-empty list. */
export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

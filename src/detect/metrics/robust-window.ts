/**
 * A trailing window of the latest values of one series with robust statistics: the median as the
 * baseline level and the median absolute deviation (scaled by 1.4826 to estimate a standard deviation
 * for normal noise) as the spread. Robust means one outlier in the window moves neither.
 */
export interface RobustWindow {
  push(value: number): void;
  readonly size: number;
  median(): number;
  spread(): number;
  /** The value at quantile q (0..1) of the window, interpolated; NaN when empty. */
  quantile(q: number): number;
  /** The latest n values, oldest first. */
  recent(n: number): number[];
  clear(): void;
  values(): number[];
}

export function createRobustWindow(capacity: number): RobustWindow {
  const ring: number[] = [];
  let next = 0;
  return {
    push(value) {
      if (ring.length < capacity) ring.push(value);
      else ring[next] = value;
      next = (next + 1) % capacity;
    },
    get size() {
      return ring.length;
    },
    median: () => medianOf(ring),
    spread() {
      const m = medianOf(ring);
      return 1.4826 * medianOf(ring.map((v) => Math.abs(v - m)));
    },
    quantile: (q) => quantileOf(ring, q),
    recent(n) {
      const k = Math.min(n, ring.length);
      const out: number[] = [];
      // `next` is where the next value goes: the newest value sits just before it (ring order once full).
      for (let i = k; i >= 1; i--) out.push(ring[(next - i + ring.length) % ring.length]);
      return out;
    },
    clear() {
      ring.length = 0;
      next = 0;
    },
    values: () => [...ring],
  };
}

export function medianOf(values: readonly number[]): number {
  return quantileOf(values, 0.5);
}

/** Quantile with linear interpolation between order statistics (type 7, as R and numpy default). */
export function quantileOf(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

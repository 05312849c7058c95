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
    clear() {
      ring.length = 0;
      next = 0;
    },
    values: () => [...ring],
  };
}

export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

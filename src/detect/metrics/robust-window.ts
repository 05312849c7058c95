/**
 * A trailing window of the latest values of one series with robust statistics: the median as the
 * baseline level and the median absolute deviation (scaled by 1.4826 to estimate a standard deviation
 * for normal noise) as the spread. Robust means one outlier in the window moves neither.
 *
 * Values must be finite (the metric detector drops the rest). The window keeps its values twice: in
 * arrival order (a ring) and sorted, the sorted copy updated in place on every push while it is read
 * between pushes, so the median and quantiles are read directly and the MAD is one merge walk outwards
 * from the median: no sort and no allocation per sample (a series has millions of them). Results are
 * those of `quantileOf` over the values (robust-window.test.ts checks it against sorting a copy).
 */
export interface RobustWindow {
  push(value: number): void;
  readonly size: number;
  median(): number;
  spread(): number;
  /** The value at quantile q (0..1) of the window, interpolated; NaN when empty. */
  quantile(q: number): number;
  /** The i-th smallest value of the window (0-based). */
  orderStatistic(i: number): number;
  /** The latest n values, oldest first. */
  recent(n: number): number[];
  clear(): void;
  /** The values in storage order (arrival order until the ring wraps). */
  values(): number[];
}

export function createRobustWindow(capacity: number): RobustWindow {
  const ring = new Float64Array(capacity);
  const sorted = new Float64Array(capacity);
  let size = 0;
  let next = 0;
  /** `sorted` holds the ring's values; `used`: it was read since the last push. */
  let fresh = true;
  let used = false;

  /** First index of `sorted` whose value is ≥ v (v's place among equal values does not matter). */
  const lowerBound = (v: number): number => {
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /**
   * The sorted copy, brought up to date. A window read after every push (the baseline) is kept sorted
   * push by push; one read now and then (the jitter window) is sorted again only when read.
   */
  const view = (): Float64Array => {
    if (!fresh) {
      for (let i = 0; i < size; i++) sorted[i] = ring[i];
      sorted.subarray(0, size).sort();
      fresh = true;
    }
    used = true;
    return sorted;
  };

  const quantile = (q: number): number => (size === 0 ? NaN : atQuantile(view(), size, q));

  return {
    push(value) {
      const keep = fresh && used;
      used = false;
      if (size < capacity) {
        if (keep) {
          let i = size;
          while (i > 0 && sorted[i - 1] > value) {
            sorted[i] = sorted[i - 1];
            i--;
          }
          sorted[i] = value;
        } else fresh = false;
        ring[next] = value;
        size++;
      } else {
        if (keep) {
          // The oldest value leaves the sorted copy and the new one enters it: one shift between the places.
          let i = lowerBound(ring[next]);
          while (i > 0 && sorted[i - 1] > value) {
            sorted[i] = sorted[i - 1];
            i--;
          }
          while (i < size - 1 && sorted[i + 1] < value) {
            sorted[i] = sorted[i + 1];
            i++;
          }
          sorted[i] = value;
        } else fresh = false;
        ring[next] = value;
      }
      next = (next + 1) % capacity;
    },
    get size() {
      return size;
    },
    median: () => quantile(0.5),
    spread() {
      if (size === 0) return NaN;
      const m = quantile(0.5);
      // |v − m| is non-increasing below the median and non-decreasing from it, so the sorted deviations
      // are a merge of the two runs walking outwards; the median deviation is read on the way.
      const pos = (size - 1) * 0.5;
      const lo = Math.floor(pos);
      const hi = Math.ceil(pos);
      let left = lowerBound(m) - 1;
      let right = left + 1;
      let atLo = 0;
      let atHi = 0;
      for (let k = 0; k <= hi; k++) {
        const dl = left >= 0 ? Math.abs(sorted[left] - m) : Infinity;
        const dr = right < size ? Math.abs(sorted[right] - m) : Infinity;
        let d: number;
        if (dl <= dr) {
          d = dl;
          left--;
        } else {
          d = dr;
          right++;
        }
        if (k === lo) atLo = d;
        atHi = d;
      }
      return 1.4826 * (atLo + (atHi - atLo) * (pos - lo));
    },
    quantile,
    orderStatistic: (i) => view()[i],
    recent(n) {
      const k = Math.min(n, size);
      const out: number[] = [];
      // `next` is where the next value goes: the newest value sits just before it (ring order once full).
      for (let i = k; i >= 1; i--) out.push(ring[(next - i + size) % size]);
      return out;
    },
    clear() {
      size = 0;
      next = 0;
      fresh = true;
      used = false;
    },
    values: () => Array.from(ring.subarray(0, size)),
  };
}

export function medianOf(values: readonly number[]): number {
  return quantileOf(values, 0.5);
}

let scratch = new Float64Array(64);

/**
 * Quantile with linear interpolation between order statistics (type 7, as R and numpy default), of
 * finite values. Sorts a scratch copy: insertion sort for the few values change points look at, the
 * native typed-array sort beyond; for finite values both give the order a numeric comparator gives.
 */
export function quantileOf(values: readonly number[], q: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  const s = scratch;
  if (n <= 32) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      let j = i - 1;
      while (j >= 0 && s[j] > v) {
        s[j + 1] = s[j];
        j--;
      }
      s[j + 1] = v;
    }
  } else {
    for (let i = 0; i < n; i++) s[i] = values[i];
    s.subarray(0, n).sort();
  }
  return atQuantile(s, n, q);
}

/** Quantile q of the first n values of `sorted`, interpolated between the two order statistics around it. */
function atQuantile(sorted: ArrayLike<number>, n: number, q: number): number {
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

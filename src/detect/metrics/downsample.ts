/**
 * A streaming min/max downsampler for charts: a fixed number of buckets, each keeping the lowest and
 * highest point it covers. When every bucket is used, neighbours merge pairwise and each bucket then
 * covers twice as many samples, so memory stays fixed however long the series is (a month of sar at
 * one sample a second still yields at most 2 × buckets points) and spikes survive downsampling.
 */
export interface Downsampler {
  push(t: number, v: number): void;
  points(): Array<[number, number]>;
}

interface Bucket {
  minT: number;
  minV: number;
  maxT: number;
  maxV: number;
  count: number;
}

export function createDownsampler(maxPoints: number): Downsampler {
  const capacity = Math.max(1, Math.floor(maxPoints / 2));
  let buckets: Bucket[] = [];
  let perBucket = 1;
  const merge = (a: Bucket, b: Bucket): Bucket => ({
    minT: b.minV < a.minV ? b.minT : a.minT,
    minV: Math.min(a.minV, b.minV),
    maxT: b.maxV > a.maxV ? b.maxT : a.maxT,
    maxV: Math.max(a.maxV, b.maxV),
    count: a.count + b.count,
  });
  /** `merge(b, one point)` in place: buckets are not shared, and a sample costs no allocation. */
  const add = (b: Bucket, t: number, v: number) => {
    if (v < b.minV) b.minT = t;
    b.minV = Math.min(b.minV, v);
    if (v > b.maxV) b.maxT = t;
    b.maxV = Math.max(b.maxV, v);
    b.count++;
  };
  return {
    push(t, v) {
      if (!Number.isFinite(v) || !Number.isFinite(t)) return;
      const last = buckets[buckets.length - 1];
      if (last && last.count < perBucket) {
        add(last, t, v);
        return;
      }
      if (buckets.length === capacity) {
        const merged: Bucket[] = [];
        for (let i = 0; i < buckets.length; i += 2) {
          merged.push(i + 1 < buckets.length ? merge(buckets[i], buckets[i + 1]) : buckets[i]);
        }
        buckets = merged;
        perBucket *= 2;
        const tail = buckets[buckets.length - 1];
        if (tail.count < perBucket) {
          add(tail, t, v);
          return;
        }
      }
      buckets.push({ minT: t, minV: v, maxT: t, maxV: v, count: 1 });
    },
    points() {
      const out: Array<[number, number]> = [];
      for (const b of buckets) {
        if (b.minT === b.maxT) out.push([b.minT, b.minV]);
        else if (b.minT < b.maxT) out.push([b.minT, b.minV], [b.maxT, b.maxV]);
        else out.push([b.maxT, b.maxV], [b.minT, b.minV]);
      }
      return out;
    },
  };
}

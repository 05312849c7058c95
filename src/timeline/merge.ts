/**
 * Streaming k-way merge: the items of N time-ordered sources as one time-ordered stream, holding one
 * pending item per source in a binary min-heap, so memory grows with N, not with the inputs' size.
 * Ties keep source order (a stable merge), so lines of one second stay in file order.
 *
 * @example for await (const rec of mergeByTime([a, b], (r) => r.at)) { ... }
 */
export async function* mergeByTime<T>(sources: AsyncIterable<T>[], key: (t: T) => number): AsyncIterable<T> {
  type Head = { item: T; k: number; src: number; it: AsyncIterator<T> };
  const heap: Head[] = [];
  const less = (a: Head, b: Head) => a.k < b.k || (a.k === b.k && a.src < b.src);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  try {
    const firsts = await Promise.all(iterators.map((it) => it.next()));
    firsts.forEach((res, src) => {
      if (res.done) return;
      heap.push({ item: res.value, k: sortKey(key(res.value)), src, it: iterators[src] });
      up(heap.length - 1);
    });
    while (heap.length) {
      const top = heap[0];
      yield top.item;
      const next = await top.it.next();
      if (next.done) {
        const last = heap.pop()!;
        if (heap.length) {
          heap[0] = last;
          down(0);
        }
      } else {
        heap[0] = { item: next.value, k: sortKey(key(next.value)), src: top.src, it: top.it };
        down(0);
      }
    }
  } finally {
    // A consumer that stops early (break) closes every source still open.
    await Promise.all(iterators.map((it) => it.return?.().catch(() => undefined)));
  }
}

/** NaN (an item that cannot be placed) sorts after every placed one instead of breaking the heap order. */
function sortKey(k: number): number {
  return Number.isNaN(k) ? Infinity : k;
}

import type { ResolvedSignal, Stage } from '../pipeline/types.js';
import { mergeByTime } from './merge.js';

async function* each<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}

/**
 * Puts the signals of all inputs on one time-ordered stream: each input's signals are already in its own
 * time order, so a k-way merge of the per-input runs orders them without sorting everything at once.
 * Signals that could not be placed keep their input order at the end.
 */
export const mergeSignalsStage: Stage = {
  name: 'merge-signals',
  async run(analysis) {
    const runs = new Map<string, ResolvedSignal[]>();
    const unplaced: ResolvedSignal[] = [];
    for (const s of analysis.signals) {
      if (s.at === null) {
        unplaced.push(s);
        continue;
      }
      const key = `${s.file}\u0000${s.host}`;
      const run = runs.get(key);
      // A signal out of its run's order (a clock step inside a file) starts a new run, keeping each sorted.
      if (run && run[run.length - 1].at! <= s.at) run.push(s);
      else runs.set(run ? `${key}\u0000${runs.size}` : key, [s]);
    }
    const merged: ResolvedSignal[] = [];
    for await (const s of mergeByTime([...runs.values()].map(each), (x) => x.at!)) merged.push(s);
    analysis.signals = [...merged, ...unplaced];
  },
};

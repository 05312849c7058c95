import { expect, it } from 'vitest';
import { newAnalysis } from '../pipeline/new-analysis.js';
import type { ResolvedSignal } from '../pipeline/types.js';
import { mergeSignalsStage } from './merge-signals.js';

const sig = (file: string, host: string, at: number | null): ResolvedSignal => ({
  topic: 't', host, file, line: 1, text: `${file}@${at}`, data: {}, stamp: {}, at, time: { wall: null, uptime: null, boot: null },
});

it('merges the per-input runs of signals into one time order, unplaced last', async () => {
  const analysis = newAnalysis({});
  analysis.signals = [sig('a', 'h1', 1), sig('a', 'h1', 5), sig('a', 'h1', 9), sig('b', 'h2', 2), sig('b', 'h2', null), sig('b', 'h2', 6), sig('a', 'h1', 3)];
  await mergeSignalsStage.run(analysis);
  expect(analysis.signals.map((s) => s.at)).toEqual([1, 2, 3, 5, 6, 9, null]);
});

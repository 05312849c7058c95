import { describe, expect, it } from 'vitest';
import type { ClockAnchor } from '../model/observation.js';
import type { LogRecord } from '../model/record.js';
import { addAnchors, createAnchorSampler } from './anchor-sample.js';
import { MAX_ANCHORS_PER_BOOT } from './hosts.js';

const rec = (line: number, boot = 0, host?: string): LogRecord => ({
  kind: 'log',
  file: 'f',
  line,
  message: 'm',
  stamp: { uptime: line, wallMs: 1_000_000 + line * 1000, boot },
  ...(host ? { host } : {}),
});

describe('anchor sampler', () => {
  it('keeps every anchor of a short input, in file order', () => {
    const s = createAnchorSampler();
    for (let i = 1; i <= 100; i++) s.offer(rec(i, i % 2));
    const out = s.finish();
    expect(out.map((a) => a.line)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(out[0]).toEqual({ host: '', boot: 1, uptime: 1, wallMs: 1_001_000, file: 'f', line: 1, precisionSeconds: 1 });
  });

  it('bounds a long input per host and boot, spread over the whole input, the same every time', () => {
    const run = () => {
      const s = createAnchorSampler();
      for (let i = 1; i <= 200_000; i++) s.offer(rec(i, 0, i % 3 === 0 ? 'other' : undefined));
      return s.finish();
    };
    const out = run();
    const mine = out.filter((a) => a.host === '');
    expect(mine.length).toBe(MAX_ANCHORS_PER_BOOT);
    expect(out.filter((a) => a.host === 'other').length).toBe(MAX_ANCHORS_PER_BOOT);
    expect(mine[0].line).toBe(1);
    expect(mine[mine.length - 1].line).toBeGreaterThan(190_000);
    expect(run()).toEqual(out);
  });

  it('ignores records without both clocks', () => {
    const s = createAnchorSampler();
    s.offer({ kind: 'log', file: 'f', line: 1, message: 'm', stamp: { wallMs: 5 } });
    s.offer({ kind: 'log', file: 'f', line: 2, message: 'm', stamp: { uptime: 5 } });
    expect(s.finish()).toEqual([]);
  });
});

describe('addAnchors', () => {
  const anchor = (line: number, boot: number): ClockAnchor => ({ host: 'h', boot, uptime: line, wallMs: line, file: 'f', line, precisionSeconds: 1 });
  it('caps each boot and replaces deterministically past the cap', () => {
    const list: ClockAnchor[] = [];
    addAnchors(list, Array.from({ length: MAX_ANCHORS_PER_BOOT + 10 }, (_, i) => anchor(i, 0)));
    addAnchors(list, [anchor(1, 1)]);
    expect(list.filter((a) => a.boot === 0).length).toBe(MAX_ANCHORS_PER_BOOT);
    expect(list.filter((a) => a.boot === 1).length).toBe(1);
    expect(list.some((a) => a.line === MAX_ANCHORS_PER_BOOT + 9)).toBe(true);
  });
});

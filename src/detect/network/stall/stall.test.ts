import { describe, expect, it } from 'vitest';
import { netStallDetector } from './detector.js';
import { stallDrafts } from './stage.js';
import type { Observation } from '../../../model/observation.js';
import type { MetricRecord } from '../../../model/record.js';
import type { ResolvedSignal } from '../../../pipeline/types.js';

const T0 = Date.UTC(2012, 7, 29, 3, 20, 1);
function sar(rows: Array<[number, number]>): ResolvedSignal[] {
  const obs: Observation[] = [];
  const d = netStallDetector.create({ file: 'h/sar', host: 'h', format: 'sar', kernelRelease: () => null });
  rows.forEach(([rx, tx], i) => {
    const rec: MetricRecord = { kind: 'metric', file: 'h/sar', line: i + 1, stamp: { wallMs: T0 + (i + 1) * 60_000 }, intervalSeconds: 60, device: 'eth0', values: { 'rxpck/s': rx, 'txpck/s': tx }, source: 'sar' };
    d.push(rec, (o) => obs.push(o));
  });
  return obs.flatMap((o) => (o.type === 'signal' ? [{ ...o.signal, at: o.signal.stamp.wallMs ?? null, time: { wall: null, uptime: null, boot: null } }] : []));
}

describe('net-stall (sar -n DEV)', () => {
  const busy: Array<[number, number]> = [[8300, 16000], [8200, 16100], [8400, 15900], [8350, 16050]];
  it('does not call a workload that ended (rx and tx fall together) a stall', () => {
    expect(sar([...busy, [25, 22], [24, 23], [26, 21]])).toEqual([]);
  });
  it('finds an rx stall when receive falls to ~0 while transmit goes on', () => {
    const idle: Array<[number, number]> = [[25, 22], [24, 23], [26, 21], [27, 20]];
    const signals = sar([...busy, ...idle, [0.37, 2.43], [0, 1.39], [0, 1.5]]);
    expect(signals.length).toBe(3);
    expect(signals[0].data).toMatchObject({ direction: 'rx', device: 'eth0' });
    const [draft] = stallDrafts(signals);
    expect(draft.kind).toBe('net_rx_stall');
    // The stall began within the first stalled sample: 60 s wide, centred.
    expect(draft.stamp.wallMs).toBe(T0 + 8 * 60_000 + 30_000);
    expect(draft.stamp.uncertaintySeconds).toBe(30);
  });
  it('finds a tx stall in the mirror case and ignores lo', () => {
    const s = sar([...busy, [8000, 10]]);
    expect(s.map((x) => x.data.direction)).toEqual(['tx']);
  });
});

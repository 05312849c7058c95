import type { Detector, Emit } from '../../types.js';
import type { MetricRecord } from '../../../model/record.js';
import { STALL_GATE, stallLineRules } from './kernel-lines.js';

/**
 * `net-stall`: per-input evidence that traffic stopped in one direction, as `netstall` signals.
 *
 * sar -n DEV rule (per device, lo skipped): a sample is an rx stall when received packets fall below
 * 2 % of the device's baseline (median of the last normal samples) while transmits do not collapse with
 * them: the tx rate keeps at least 4 times the relative level of rx (tx/baseline ≥ 4 · rx/baseline) and
 * is not zero. The second condition tells a broken inbound path (the host keeps sending, nothing comes
 * back) from a workload that ended (both fall together, as when a backup finishes). tx stalls are the
 * mirror image. Baselines need ≥ 5 pkt/s to mean anything and freeze during a stall.
 */
const WINDOW = 5;
const COLLAPSE = 0.02;
const IMBALANCE = 4;
const MIN_BASELINE = 5;

interface DeviceState {
  rx: number[];
  tx: number[];
}

function rate(values: Record<string, number>, dir: 'rx' | 'tx'): number | null {
  for (const key of [`${dir}pck/s`, `${dir}pck`, `${dir}_packets_per_s`]) if (typeof values[key] === 'number') return values[key];
  return null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function pushMetric(rec: MetricRecord, states: Map<string, DeviceState>, host: string, emit: Emit): void {
  const device = rec.device;
  if (!device || device === 'lo' || rec.stamp.wallMs === undefined) return;
  const rx = rate(rec.values, 'rx');
  const tx = rate(rec.values, 'tx');
  if (rx === null || tx === null) return;
  const st = states.get(device) ?? { rx: [], tx: [] };
  states.set(device, st);
  if (st.rx.length >= 3) {
    const bRx = median(st.rx);
    const bTx = median(st.tx);
    for (const [dir, v, b, other, bOther] of [['rx', rx, bRx, tx, bTx], ['tx', tx, bTx, rx, bRx]] as const) {
      if (b < MIN_BASELINE || bOther < MIN_BASELINE) continue;
      const ratio = v / b;
      const otherRatio = other / bOther;
      if (ratio < COLLAPSE && other > 0 && otherRatio >= IMBALANCE * ratio) {
        const interval = rec.intervalSeconds ?? 0;
        emit({
          type: 'signal',
          signal: {
            topic: 'netstall',
            host,
            // The stall began inside the sample: its start is the earliest the evidence allows.
            stamp: { ...rec.stamp, wallMs: rec.stamp.wallMs - interval * 1000, estimated: true, uncertaintySeconds: interval || undefined },
            file: rec.file,
            line: rec.line,
            text: `sar ${device}: ${dir}pck/s ${v} (baseline ${round(b)}), ${dir === 'rx' ? 'tx' : 'rx'}pck/s ${other} (baseline ${round(bOther)})`,
            data: { source: 'sar', direction: dir, device, rate: v, baseline: round(b), otherRate: other, otherBaseline: round(bOther), ratio: round(ratio), otherRatio: round(otherRatio), sampleEndMs: rec.stamp.wallMs, intervalSeconds: interval },
          },
        });
        return; // baseline frozen during the stall
      }
    }
  }
  st.rx.push(rx);
  st.tx.push(tx);
  if (st.rx.length > WINDOW) {
    st.rx.shift();
    st.tx.shift();
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export const netStallDetector: Detector = {
  name: 'net-stall',
  create(ctx) {
    const states = new Map<string, DeviceState>();
    return {
      push(record, emit) {
        const host = record.host ?? ctx.host;
        if (record.kind === 'metric') return pushMetric(record, states, host, emit);
        if (record.kind !== 'log') return;
        if (record.program && record.program !== 'kernel') return;
        if (!STALL_GATE.test(record.message)) return;
        for (const rule of stallLineRules) {
          const m = rule.pattern.exec(record.message);
          if (!m) continue;
          emit({
            type: 'signal',
            signal: { topic: 'netstall', host, stamp: record.stamp, file: record.file, line: record.line, text: record.message, data: { source: rule.name, direction: rule.direction, kind: rule.kind, ...m.groups } },
          });
          return;
        }
      },
      end() {},
    };
  },
};

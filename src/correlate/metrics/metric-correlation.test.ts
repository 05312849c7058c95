import { describe, expect, it } from 'vitest';
import type { FindingDraft, SeriesDraft } from '../../model/observation.js';
import type { LogRecord, MetricRecord } from '../../model/record.js';
import { metricChangeDetector } from '../../detect/metrics/metric-change.js';
import { storageEventDetector } from '../../detect/storage/storage-detector.js';
import { addFindings } from '../../pipeline/findings.js';
import type { Analysis, HostState } from '../../pipeline/types.js';
import { epochMsToIso } from '../../timeline/civil-time.js';
import { renderSparklines } from '../../report/sparkline.js';
import type { Report } from '../../model/report.js';
import { metricCorrelationStages } from './index.js';

const MIN = 60_000;
const T0 = Date.UTC(2018, 2, 14, 0, 40, 1);

/** 40 one-minute samples of kbcached; `dropAt` (sample index) collapses it. */
function cacheSeries(dropAt: number | null): MetricRecord[] {
  return Array.from({ length: 40 }, (_, i) => {
    const dropped = dropAt !== null && i >= dropAt && i < dropAt + 10;
    return { kind: 'metric', file: 'sar-r.txt', line: i + 3, stamp: { wallMs: T0 + i * MIN }, intervalSeconds: 60, values: { kbcached: dropped ? 400_000 + (i - dropAt!) * 10_000 : 20_100_000 + (i % 3) * 20_000 }, source: 'sar' };
  });
}
const readSeries = (surgeAt: number): MetricRecord[] =>
  Array.from({ length: 40 }, (_, i) => ({ kind: 'metric', file: 'sar-b.txt', line: i + 3, stamp: { wallMs: T0 + i * MIN }, intervalSeconds: 60, values: { 'bread/s': i >= surgeAt && i < surgeAt + 8 ? 30_000 * 0.85 ** (i - surgeAt) : 50 + (i % 4) }, source: 'sar' }));
const kernel = (offsetMs: number, message: string): LogRecord => ({ kind: 'log', file: 'kern.log', line: 1, program: 'kernel', stamp: { wallMs: T0 + offsetMs }, message });

function analyse(records: Array<MetricRecord | LogRecord>, release = '4.4.0-116-generic'): Analysis {
  const drafts: FindingDraft[] = [];
  const series: SeriesDraft[] = [];
  for (const detector of [metricChangeDetector, storageEventDetector]) {
    const d = detector.create({ file: 'f', host: 'db01', format: 'x', kernelRelease: () => null });
    const emit = (o: import('../../model/observation.js').Observation) => {
      if (o.type === 'finding') drafts.push(o.finding);
      if (o.type === 'series') series.push(o.series);
    };
    for (const r of records) d.push(r, emit);
    d.end(emit);
  }
  const host: HostState = { name: 'db01', facts: new Map([['kernel.release', [release]]]), anchors: [], clockOffsetSeconds: null, clockOffsetBounds: null, clockReference: null, clockOffsetMethod: null };
  const analysis = {
    options: {}, hosts: new Map([['db01', host]]), drafts: [], signals: [], series, inputs: [], diagnostics: [], findings: [], correlations: [],
    firstAnomaly: null, conclusion: null, knownIssues: [], requests: [], upstream: [],
    resolve: (_h: string, s: { wallMs?: number }) => ({ at: s.wallMs ?? null, time: { wall: s.wallMs !== undefined ? epochMsToIso(s.wallMs, 'Asia/Tokyo') : null, uptime: null, boot: null } }),
  } as unknown as Analysis;
  addFindings(analysis, drafts);
  for (const stage of metricCorrelationStages) void stage.run(analysis);
  return analysis;
}
const find = (a: Analysis, kind: string) => a.findings.find((f) => f.kind === kind)!;

describe('metric correlations', () => {
  it('capacity change in the drop interval → drop → read surge, with lags', () => {
    const a = analyse([...cacheSeries(22), ...readSeries(24), kernel(21 * MIN + 40_000, 'md0: detected capacity change from 107239964672 to 214614147072')]);
    const cap = find(a, 'capacity_change');
    const drop = find(a, 'metric_drop');
    const surge = a.findings.find((f) => f.kind === 'metric_surge' && f.details.series === 'bread/s')!;
    expect(a.correlations).toContainEqual(expect.objectContaining({ from: cap.id, to: drop.id, lagSeconds: 20, relation: 'explains', confidence: 'high' }));
    expect(a.correlations).toContainEqual(expect.objectContaining({ from: drop.id, to: surge.id, lagSeconds: 120 }));
    expect(a.correlations.filter((c) => c.to === cap.id)).toEqual([]);
    // The unit was assumed by the detector (no release at read time) and settled by the host's kernel.
    expect(cap.details).toMatchObject({ unit: 'bytes', unitBasis: 'kernel-release', newBytes: 214614147072 });

    const report = { findings: a.findings, correlations: a.correlations, series: a.series } as unknown as Report;
    const lines = renderSparklines(report, { width: 40 });
    expect(lines[0]).toMatch(/^kbcached on db01\s+[▁-█ ]+\s+20\.1\dM → 400\.0k kB \(-98%\) at 10:02:01/);
    expect(lines[1]).toMatch(/\^ capacity change of md0 10:01:41$/);
    const caret = lines[1].indexOf('^');
    const dropColumn = lines[0].search(/[▁-█]/) + Math.round((21.66 / 39) * 39);
    expect(Math.abs(caret - dropColumn)).toBeLessThanOrEqual(1);
  });

  it('a drop with no event near it gets no invented cause', () => {
    const a = analyse([...cacheSeries(22), kernel(5 * MIN, 'sdb: detected capacity change from 107374182400 to 214748364800')]);
    const drop = find(a, 'metric_drop');
    expect(drop).toBeDefined();
    expect(a.correlations.filter((c) => c.to === drop.id)).toEqual([]);
  });

  it('a capacity change with no drop after it is not linked', () => {
    const a = analyse([...cacheSeries(null), kernel(21 * MIN + 40_000, 'md0: detected capacity change from 107239964672 to 214614147072')]);
    expect(find(a, 'capacity_change')).toBeDefined();
    expect(a.findings.filter((f) => f.kind.startsWith('metric_'))).toEqual([]);
    expect(a.correlations).toEqual([]);
  });

  it('an event after the change sample does not explain it', () => {
    const a = analyse([...cacheSeries(22), kernel(22 * MIN + 2000, 'md0: detected capacity change from 107239964672 to 214614147072')]);
    expect(a.correlations).toEqual([]);
  });
});

import type { LogRecord, ParsedRecord } from '../../model/record.js';
import type { FindingDraft } from '../../model/observation.js';
import type { Evidence } from '../../model/report.js';
import type { DetectContext, Detector, Emit, RecordDetector } from '../types.js';
import { buildReport, type KernelReport } from './build-report.js';
import { createCollector, type RawReport } from './collector.js';
import { readLinuxVersion, taintMask } from './report-fields.js';

/** Evidence lines kept per report (the whole report up to this many lines). */
const MAX_EVIDENCE = 120;

/**
 * Multi-line kernel reports (hung task, oops, WARNING, lockups, RCU stalls, OOM kills, panics, ...) from
 * the kernel's log records of one input: one finding draft per report, plus `kernel.release` and
 * `kernel.tainted` facts from report headers and `Linux version` boot lines.
 */
export const kernelReportsDetector: Detector = {
  name: 'kernel-reports',
  create(ctx: DetectContext): RecordDetector {
    // One collector per host: a syslog file of several hosts interleaves their reports.
    const collectors = new Map<string, ReturnType<typeof createCollector>>();
    const factsSeen = new Set<string>();
    let pending: RawReport[] = [];

    const collectorFor = (host: string) => {
      let c = collectors.get(host);
      if (!c) {
        c = createCollector((r) => pending.push(r));
        collectors.set(host, c);
      }
      return c;
    };

    const fact = (emit: Emit, host: string, name: 'kernel.release' | 'kernel.tainted', value: string, rec: LogRecord) => {
      const key = `${host}\u0000${name}\u0000${value}`;
      if (factsSeen.has(key)) return;
      factsSeen.add(key);
      emit({ type: 'fact', host, name, value, file: rec.file, line: rec.line });
    };

    const flush = (emit: Emit) => {
      const done = pending;
      pending = [];
      for (const raw of done) {
        const header = raw.lines[raw.headerIndex].ref as LogRecord;
        const host = header.host ?? ctx.host;
        const report = buildReport(raw);
        if (report.kernel) {
          fact(emit, host, 'kernel.release', report.kernel.release, header);
          // The value is the decimal mask, the form of /proc/sys/kernel/tainted (`0`: not tainted).
          fact(emit, host, 'kernel.tainted', taintMask(report.kernel.taint), header);
        }
        emit({ type: 'finding', finding: toDraft(report, host) });
      }
    };

    return {
      push(record: ParsedRecord, emit: Emit): void {
        if (record.kind !== 'log') return;
        if (record.program !== undefined && record.program !== 'kernel') return;
        const host = record.host ?? ctx.host;
        const text = record.message;
        if (text.includes('Linux version ')) {
          const release = readLinuxVersion(text);
          if (release) fact(emit, host, 'kernel.release', release, record);
        }
        const line = { text, ref: record } as { text: string; ref: LogRecord; callerId?: string; uptime?: number };
        if (record.callerId !== undefined) line.callerId = record.callerId;
        if (record.stamp.uptime !== undefined) line.uptime = record.stamp.uptime;
        collectorFor(host).push(line);
        if (pending.length) flush(emit);
      },
      end(emit: Emit): void {
        for (const c of collectors.values()) c.end();
        flush(emit);
      },
    };
  },
};

/** A report as a finding draft; the first and last stamps are the header's (merging adds counts). */
export function toDraft(report: KernelReport, host: string): FindingDraft {
  const header = report.lines[0].ref as LogRecord;
  const evidence: Evidence[] = report.lines.slice(0, MAX_EVIDENCE).map((l) => {
    const rec = l.ref as LogRecord;
    return { file: rec.file, line: rec.line, text: rec.message, ...(rec.host ? { host: rec.host } : {}) };
  });
  const details: Record<string, unknown> = { ...report.details };
  if (report.frame) details.guiltyFrame = report.frame;
  if (report.cpu !== null) details.cpu = report.cpu;
  if (report.hardware) details.hardware = report.hardware;
  if (report.rip) details.rip = report.rip;
  if (report.kernel) {
    details.kernelRelease = report.kernel.release;
    details.taint = report.kernel.taint;
    if (report.kernel.build) details.kernelBuild = report.kernel.build;
  }
  return {
    kind: report.kind,
    title: report.title,
    signature: report.signature,
    host,
    layer: report.layer,
    subsystem: report.subsystem,
    device: report.device,
    stamp: { ...header.stamp },
    corrupted: report.corrupted,
    ...(report.corruptedReason ? { corruptedReason: report.corruptedReason } : {}),
    ...(report.altTitles.length ? { altTitles: report.altTitles } : {}),
    task: report.task ? { comm: report.task.comm, pid: report.task.pid, state: report.task.state } : null,
    workqueue: report.workqueue,
    frames: report.frames,
    details,
    evidence,
  };
}

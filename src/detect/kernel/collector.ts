import { notReports, reportKinds, type ReportKind } from './report-kinds.js';

/** One line as the report engine sees it, whatever front end produced it. */
export interface ReportLine {
  text: string;
  callerId?: string;
  uptime?: number;
  /** Opaque payload of the front end (the LogRecord, the raw line number, ...). */
  ref?: unknown;
}

/** The lines of one report, grouped, before interpretation. */
export interface RawReport {
  kind: ReportKind;
  groups: Record<string, string>;
  lines: ReportLine[];
  /** Index into `lines` of the header line. */
  headerIndex: number;
  /** Headers of rows that continued this report (a panic after an oops), with their groups. */
  continuations: Array<{ kind: ReportKind; groups: Record<string, string>; index: number }>;
  truncated: boolean;
  /** Position of the header among the lines pushed (orders reports that were open at the same time). */
  seq: number;
}

/** Reports open at once (one per printk context); the oldest is closed beyond this. */
const MAX_OPEN = 8;

/** Bounds that keep one report's buffer small and end reports in logs that simply go on. */
export interface CollectorLimits {
  maxLines: number;
  /** Lines of the same context after the last frame before the report is considered over. */
  maxIdleLines: number;
  /** Seconds of uptime between two lines of a report before the report is considered over. */
  maxGapSeconds: number;
  /** Lines after `---[ end trace` during which a continuing header (panic) still joins the report. */
  endGraceLines: number;
}

export const defaultLimits: CollectorLimits = { maxLines: 400, maxIdleLines: 60, maxGapSeconds: 10, endGraceLines: 6 };

// Cheap prefilter: one pass over the line for all trigger literals, before any header regex.
const triggers = [...new Set(reportKinds.map((k) => k.trigger))];
const triggerFilter = new RegExp(triggers.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** The report kind whose header this line is, with its named groups; null for ordinary lines. */
export function matchHeader(text: string): { kind: ReportKind; groups: Record<string, string> } | null {
  if (!triggerFilter.test(text)) return null;
  for (const re of notReports) if (re.test(text)) return null;
  for (const kind of reportKinds) {
    if (!text.includes(kind.trigger)) continue;
    const m = kind.header.exec(text);
    if (!m) continue;
    if (kind.notIf?.test(text)) continue;
    const groups: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) {
      // JS has no duplicate group names across alternatives: `hframe2` stands for `hframe` in another form.
      if (v !== undefined) groups[k.replace(/\d$/, '')] ??= v;
    }
    return { kind, groups };
  }
  return null;
}

const FRAMEISH = /\+0x[0-9a-fA-F]+\/0x|\[inline\]|^\s*<\/?(?:IRQ|NMI|EOI|TASK|SOFTIRQ)>|Call Trace|Call trace|^\s*(?:RIP|RSP|RAX|RDX|RBP|R10|R13|FS|CS|CR2|DR0|DR3|Code|pc|lr|sp|x\d+)\s*:/;
const ALL_CPUS = /Sending NMI from CPU|NMI backtrace for cpu/;

interface Open {
  raw: RawReport;
  context?: string;
  allContexts: boolean;
  lastUptime?: number;
  sinceFrame: number;
  sawFrame: boolean;
  /** Lines left after `---[ end trace` before the report closes; null while it is still open. */
  graceLeft: number | null;
  /** OOM task-table rows seen (counted, not kept: a table can have thousands of rows). */
  oomTableRows: number;
}

const OOM_TABLE_ROW = /^\s*\[\s*\d+\]\s+\d+\s+\d+\s+\d+/;

/**
 * Streaming grouping of kernel lines into reports: feed lines in order with `push`, get each finished
 * report through `onReport`. Memory is bounded by `limits.maxLines` per open report.
 *
 * @example const c = createCollector((r) => out.push(r)); lines.forEach((l) => c.push(l)); c.end();
 */
export function createCollector(onReport: (r: RawReport) => void, limits: CollectorLimits = defaultLimits) {
  // Open reports by printk context (caller id, '' without one): CPUs and tasks print at the same time.
  const opens = new Map<string, Open>();
  let latest: Open | null = null;
  let seq = 0;

  const close = (o: Open) => {
    if (o.oomTableRows) o.raw.groups.oomTableRows = String(o.oomTableRows);
    for (const [k, v] of opens) if (v === o) opens.delete(k);
    if (latest === o) latest = null;
    onReport(o.raw);
  };

  const start = (line: ReportLine, kind: ReportKind, groups: Record<string, string>) => {
    const o: Open = {
      raw: { kind, groups, lines: [line], headerIndex: 0, continuations: [], truncated: false, seq: seq },
      context: line.callerId,
      allContexts: false,
      lastUptime: line.uptime,
      sinceFrame: 0,
      sawFrame: false,
      graceLeft: null,
      oomTableRows: 0,
    };
    opens.set(line.callerId ?? '', o);
    latest = o;
    if (opens.size > MAX_OPEN) close(opens.values().next().value as Open);
    // A one-line report (the netdev wait) is complete as soon as it is seen.
    if (kind.kind === 'netdev_unregister_wait') close(o);
  };

  /** The open report a line belongs to: its own context's, else a report that takes every context. */
  const route = (line: ReportLine): Open | null => {
    if (line.callerId === undefined) return latest;
    const own = opens.get(line.callerId);
    if (own) return own;
    const bare = opens.get('');
    if (bare) return bare;
    for (const o of opens.values()) if (o.allContexts) return o;
    return null;
  };


  return {
    push(line: ReportLine): void {
      seq++;
      const header = matchHeader(line.text);
      let cur = opens.size ? route(line) : null;
      // A report's context that stays silent for long has ended; the line starts afresh.
      if (cur && line.uptime !== undefined && cur.lastUptime !== undefined && line.uptime - cur.lastUptime > limits.maxGapSeconds) {
        close(cur);
        cur = opens.size ? route(line) : null;
      }
      if (header) {
        const absorbed =
          cur !== null && cur.raw.kind.absorbs === true && !cur.sawFrame && cur.raw.lines.length <= 8 && (header.kind.kind === 'warning' || header.kind.kind === 'bug');
        if (cur && (header.kind.continues || absorbed)) {
          if (absorbed) for (const [k, v] of Object.entries(header.groups)) cur.raw.groups[k] ??= v;
          cur.raw.continuations.push({ ...header, index: cur.raw.lines.length });
          cur.raw.lines.push(line);
          cur.lastUptime = line.uptime ?? cur.lastUptime;
          // The OOM kill line is the last line of an OOM report.
          if (header.kind.kind === 'oom_kill' && cur.raw.kind.kind === 'oom_kill') close(cur);
          return;
        }
        const same = opens.get(line.callerId ?? '');
        if (same) close(same);
        else if (line.callerId === undefined && latest) close(latest);
        start(line, header.kind, header.groups);
        const started = latest as Open | null;
        if (started && header.kind.kind === 'oom_kill' && header.kind.variant === 'killed-only') close(started);
        return;
      }
      if (!cur) return;
      if (cur.graceLeft !== null) {
        if (--cur.graceLeft <= 0) close(cur);
        return;
      }
      if (cur.raw.kind.kind === 'oom_kill' && OOM_TABLE_ROW.test(line.text)) {
        cur.oomTableRows++;
        cur.sinceFrame = 0;
        return;
      }
      cur.raw.lines.push(line);
      cur.lastUptime = line.uptime ?? cur.lastUptime;
      if (ALL_CPUS.test(line.text)) cur.allContexts = true;
      if (FRAMEISH.test(line.text)) {
        cur.sawFrame = true;
        cur.sinceFrame = 0;
      } else {
        cur.sinceFrame++;
      }
      if (line.text.includes('---[ end trace') || line.text.includes('---[ end Kernel panic')) {
        cur.graceLeft = limits.endGraceLines;
        return;
      }
      if (cur.raw.lines.length >= limits.maxLines) {
        cur.raw.truncated = true;
        close(cur);
      } else if (cur.sawFrame && cur.sinceFrame > limits.maxIdleLines) {
        close(cur);
      }
    },
    end(): void {
      for (const o of [...opens.values()].sort((a, b) => a.raw.seq - b.raw.seq)) close(o);
    },
  };
}

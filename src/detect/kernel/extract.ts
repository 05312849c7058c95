import { buildReport, type KernelReport } from './build-report.js';
import { createCollector, type RawReport, type ReportLine } from './collector.js';
import { splitConsolePrefix } from './console-prefix.js';

export type { KernelReport } from './build-report.js';

/**
 * Every kernel report in raw console text (serial console, `dmesg`, pasted logs), in order. Each line
 * may carry `<N>`, `[ ts]` and `[ T123]` prefixes; `ReportLine.ref` is the 0-based line index.
 *
 * @example extractReports(text.split('\n'))[0]?.title // 'INFO: task hung in _xfs_log_force_lsn'
 */
export function extractReports(lines: readonly string[]): KernelReport[] {
  const raws: RawReport[] = [];
  const c = createCollector((r) => raws.push(r));
  for (let i = 0; i < lines.length; i++) {
    const p = splitConsolePrefix(lines[i].replace(/\r$/, ''));
    const line: ReportLine = { text: p.text, ref: i };
    if (p.callerId !== undefined) line.callerId = p.callerId;
    if (p.uptime !== undefined) line.uptime = p.uptime;
    c.push(line);
  }
  c.end();
  return raws.sort((a, b) => a.seq - b.seq).map(buildReport);
}

/**
 * Signs that a report's lines are not one clean report: its body was cut, or another task's dump is mixed
 * into it. syzkaller flags such reports corrupted (research/syzkaller-report.md §4); we do the same and
 * keep a best-effort title.
 */
import type { Frame } from '../../model/report.js';
import type { RawReport } from './collector.js';
import type { ReportKind } from './report-kinds.js';
import { normalizeTitle } from './normalize.js';

// Fault injection prints `FAULT_INJECTION: forcing a failure.` and a stack through should_fail() for the
// task it fails; inside another report's lines (no caller ids to tell them apart) that stack is mixed in.
const FAULT_INJECTION_LINE = /FAULT_INJECTION: forcing a failure/;
// warn_alloc() of another task: `syz-executor3: vmalloc: allocation failure: 0 bytes, mode:...` or
// `kworker/0:1: page allocation failure: order:0, ...`, followed by that task's own stack dump.
const ALLOC_FAILURE_LINE = /^\s*\S+: (?:vmalloc: allocation|page allocation) failure/;
const FAULT_INJECTION_FRAME = /^_*should_fail/;

/**
 * Why the report's lines before `untilLine` (the line of the chosen frame) mix in another task's dump
 * (fault injection, an allocation failure), or null. A dump that starts after the chosen frame does not
 * change it.
 */
export function interleavedDump(raw: RawReport, frames: readonly Frame[], frameLines: readonly number[], untilLine: number): string | null {
  const end = Math.min(untilLine, raw.lines.length);
  for (let i = 0; i < end; i++) {
    const t = raw.lines[i].text;
    if (t.includes('FAULT_INJECTION') && FAULT_INJECTION_LINE.test(t)) return 'a fault-injection dump is interleaved with the report';
    if (i > raw.headerIndex && t.includes('allocation failure') && ALLOC_FAILURE_LINE.test(t)) return "another task's allocation-failure dump is interleaved with the report";
  }
  for (let k = 0; k < frames.length && frameLines[k] < end; k++) {
    if (frames[k].reliable && FAULT_INJECTION_FRAME.test(frames[k].function)) return 'a fault-injection stack is interleaved with the report';
  }
  return null;
}

/** True when the kind's body line does not follow its header within the kind's window. */
export function bodyLost(kind: ReportKind, raw: RawReport): boolean {
  if (!kind.body) return false;
  const end = Math.min(raw.lines.length, raw.headerIndex + 1 + kind.body.within);
  for (let i = raw.headerIndex + 1; i < end; i++) if (kind.body.pattern.test(raw.lines[i].text)) return false;
  return true;
}

const LEVEL = /\b(?:WARNING|INFO|BUG): /;

/**
 * The header line as a title, from its `WARNING:`/`INFO:`/`BUG:` level on (drops `NMI watchdog: `-style
 * prefixes): what syzbot shows when no format fits the report.
 *
 * @example headerTitle('WARNING: suspicious RCU usage') // 'WARNING: suspicious RCU usage'
 */
export function headerTitle(text: string): string {
  const m = LEVEL.exec(text);
  return normalizeTitle(m ? text.slice(m.index) : text);
}

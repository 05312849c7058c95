/**
 * Front end for raw console text (serial consoles, `dmesg` without a parser, pasted reports): splits off
 * the `<N>` log level, the `[ 123.456789]` uptime stamp and the `[ T123]` / `[ C1]` printk caller id
 * (CONFIG_PRINTK_CALLER), which kernels print in that order. The lead's dmesg parser does the same for
 * files it recognises; this copy lets `extractReports` work on any text without the parse layer.
 */
export interface ConsoleLine {
  /** Seconds since boot when the line had a `[ ts]` stamp. */
  uptime?: number;
  /** Caller id without brackets (`T123`, `C1`). */
  callerId?: string;
  /** printk level 0..7 from a leading `<N>`. */
  level?: number;
  /** The message with the prefixes removed (leading spaces of the message are kept: frames are indented). */
  text: string;
}

/**
 * @example splitConsolePrefix('[  584.3][   T31] INFO: task') // { uptime: 584.3, callerId: 'T31', text: 'INFO: task' }
 */
export function splitConsolePrefix(line: string): ConsoleLine {
  // Hand-written scanner: this runs on every line of every raw input, before any regex.
  const out: ConsoleLine = { text: line };
  let i = 0;
  if (line.charCodeAt(0) === 60 /* < */ && line.charCodeAt(2) === 62 /* > */) {
    const d = line.charCodeAt(1) - 48;
    if (d >= 0 && d <= 7) {
      out.level = d;
      i = 3;
    }
  }
  const stampEnd = bracket(line, i, true);
  if (stampEnd > 0) {
    out.uptime = Number(line.slice(i + 1, stampEnd).trim());
    i = stampEnd + 1;
  }
  const callerEnd = bracket(line, i, false);
  if (callerEnd > 0) {
    out.callerId = line.slice(i + 1, callerEnd).trim();
    i = callerEnd + 1;
  }
  if (i > 0 && (out.uptime !== undefined || out.callerId !== undefined) && line.charCodeAt(i) === 32) i++;
  out.text = i ? line.slice(i) : line;
  return out;
}

/**
 * End index of `[ 123.456]` (stamp) or `[ T123]` / `[C1]` (caller id) starting at `i`, or -1.
 */
function bracket(line: string, i: number, stamp: boolean): number {
  if (line.charCodeAt(i) !== 91 /* [ */) return -1;
  let j = i + 1;
  while (line.charCodeAt(j) === 32) j++;
  if (stamp) {
    const digits = j;
    while (isDigit(line.charCodeAt(j))) j++;
    if (j === digits || line.charCodeAt(j) !== 46 /* . */) return -1;
    j++;
    const frac = j;
    while (isDigit(line.charCodeAt(j))) j++;
    if (j === frac) return -1;
  } else {
    const c = line.charCodeAt(j);
    if (c !== 84 /* T */ && c !== 67 /* C */) return -1;
    j++;
    const digits = j;
    while (isDigit(line.charCodeAt(j))) j++;
    if (j === digits) return -1;
  }
  return line.charCodeAt(j) === 93 /* ] */ ? j : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

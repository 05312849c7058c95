import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';

/** Longest line kept; the rest of a longer line is dropped and the line flagged (multi-MB lines happen). */
export const MAX_LINE_BYTES = 64 * 1024;

export interface Line {
  text: string;
  lineNo: number;
  truncated: boolean;
}

/**
 * The complete lines of one chunk of input. Handing lines over a chunk at a time (rather than one
 * async-iterator step per line) keeps the per-line cost to the parse itself.
 */
export interface LineBatch {
  texts: string[];
  /** Line number of texts[0] (1-based). */
  firstLineNo: number;
  /** Indexes into texts of lines cut to MAX_LINE_BYTES (usually empty). */
  truncated: number[];
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function decode(buf: Buffer, start: number, end: number, ascii: boolean): string {
  if (end > start && buf[end - 1] === 13) end -= 1; // CRLF
  // Pure ASCII is the common case and latin1 decoding is much cheaper than UTF-8.
  let text = ascii ? buf.toString('latin1', start, end) : isAscii(buf.subarray(start, end)) ? buf.toString('latin1', start, end) : decoder.decode(buf.subarray(start, end));
  if (text.includes('\0')) text = text.replace(/\0/g, '\uFFFD');
  return text;
}

/**
 * Splits a byte stream into batches of lines (one per chunk read) with memory bounded by the chunk size
 * and MAX_LINE_BYTES whatever the file size: handles CRLF, a missing final newline, invalid UTF-8
 * (replacement characters) and NUL bytes.
 */
export async function* readLineBatches(stream: Readable): AsyncGenerator<LineBatch> {
  let pending: Buffer | null = null; // bytes of the current line not yet terminated
  let dropping = false; // inside an over-long line: skip until its newline
  let lineNo = 0;
  for await (const chunkAny of stream) {
    const chunk: Buffer = typeof chunkAny === 'string' ? Buffer.from(chunkAny) : (chunkAny as Buffer);
    const batch: LineBatch = { texts: [], firstLineNo: lineNo + 1, truncated: [] };
    const push = (text: string, cut: boolean) => {
      if (cut) batch.truncated.push(batch.texts.length);
      batch.texts.push(text);
      lineNo += 1;
    };
    // One ASCII check per chunk instead of one per line.
    const ascii = isAscii(chunk);
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      if (dropping) {
        if (nl === -1) break;
        dropping = false;
        start = nl + 1;
        continue;
      }
      if (nl === -1) {
        const rest = chunk.subarray(start);
        pending = pending ? Buffer.concat([pending, rest]) : Buffer.from(rest);
        if (pending.length > MAX_LINE_BYTES) {
          push(decode(pending, 0, MAX_LINE_BYTES, false), true);
          pending = null;
          dropping = true;
        }
        break;
      }
      if (pending) {
        const whole = Buffer.concat([pending, chunk.subarray(start, end)]);
        pending = null;
        const cut = whole.length > MAX_LINE_BYTES;
        push(decode(whole, 0, Math.min(whole.length, MAX_LINE_BYTES), false), cut);
      } else {
        const cut = end - start > MAX_LINE_BYTES;
        push(decode(chunk, start, cut ? start + MAX_LINE_BYTES : end, ascii), cut);
      }
      start = nl + 1;
    }
    if (batch.texts.length) yield batch;
  }
  if (pending && pending.length > 0) yield { texts: [decode(pending, 0, pending.length, false)], firstLineNo: lineNo + 1, truncated: [] };
}

/** Line by line over readLineBatches, for callers that want one Line at a time. */
export async function* readLines(stream: Readable): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(stream)) {
    let t = 0;
    for (let i = 0; i < batch.texts.length; i++) {
      const truncated = batch.truncated[t] === i;
      if (truncated) t++;
      yield { text: batch.texts[i], lineNo: batch.firstLineNo + i, truncated };
    }
  }
}
/**
 * A cheap binary check on the first bytes: NULs or many control bytes mean this is not a text log.
 */
export function looksBinary(head: Buffer): boolean {
  if (head.length === 0) return false;
  let nul = 0;
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return nul > n * 0.01 || control > n * 0.1;
}

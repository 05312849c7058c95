import type { Readable } from 'node:stream';

/** Longest line kept; the rest of a longer line is dropped and the line flagged (multi-MB lines happen). */
export const MAX_LINE_BYTES = 64 * 1024;

export interface Line {
  text: string;
  lineNo: number;
  truncated: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function decode(buf: Buffer, start: number, end: number): string {
  if (end > start && buf[end - 1] === 13) end -= 1; // CRLF
  let text = '';
  // Pure ASCII is the common case and latin1 decoding is much cheaper than UTF-8.
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (buf[i] > 127) {
      ascii = false;
      break;
    }
  }
  text = ascii ? buf.toString('latin1', start, end) : decoder.decode(buf.subarray(start, end));
  if (text.includes('\0')) text = text.replace(/\0/g, '\uFFFD');
  return text;
}

/**
 * Splits a byte stream into lines with memory bounded by MAX_LINE_BYTES whatever the file size: handles
 * CRLF, a missing final newline, invalid UTF-8 (replacement characters) and NUL bytes.
 */
export async function* readLines(stream: Readable): AsyncGenerator<Line> {
  let pending: Buffer | null = null; // bytes of the current line not yet terminated
  let dropping = false; // inside an over-long line: skip until its newline
  let lineNo = 0;
  let truncated = false;
  for await (const chunkAny of stream) {
    const chunk: Buffer = typeof chunkAny === 'string' ? Buffer.from(chunkAny) : (chunkAny as Buffer);
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
          lineNo += 1;
          yield { text: decode(pending, 0, MAX_LINE_BYTES), lineNo, truncated: true };
          pending = null;
          dropping = true;
        }
        break;
      }
      lineNo += 1;
      if (pending) {
        const whole = Buffer.concat([pending, chunk.subarray(start, end)]);
        pending = null;
        truncated = whole.length > MAX_LINE_BYTES;
        yield { text: decode(whole, 0, Math.min(whole.length, MAX_LINE_BYTES)), lineNo, truncated };
      } else {
        truncated = end - start > MAX_LINE_BYTES;
        yield { text: decode(chunk, start, truncated ? start + MAX_LINE_BYTES : end), lineNo, truncated };
      }
      start = nl + 1;
    }
  }
  if (pending && pending.length > 0) {
    lineNo += 1;
    yield { text: decode(pending, 0, pending.length), lineNo, truncated: false };
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

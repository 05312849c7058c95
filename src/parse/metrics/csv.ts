import type { MetricRecord } from '../../model/record.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { parseMetricNumber } from './numbers.js';
import { readTimeCell } from './time-cell.js';
import { csvSamples } from './csv.samples.js';

/** Header names that mark the time column; otherwise the first column whose cells are times. */
const TIME_NAMES = /^(time|timestamp|ts|date|datetime|@timestamp|_time|epoch|time_?utc)$/i;

const DELIMITERS = [',', '\t', ';'] as const;

/** Splits one delimited line, honouring double quotes (RFC 4180 style, `""` inside quotes). */
export function splitDelimited(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

interface Layout {
  delimiter: string;
  names: string[];
  timeIndex: number;
}

/** A header plus data rows whose time column parses and whose other cells are mostly numbers. */
function detectLayout(header: string, rows: readonly string[]): Layout | null {
  for (const delimiter of DELIMITERS) {
    const names = splitDelimited(header, delimiter);
    if (names.length < 2 || names.some((n) => n === '' || parseMetricNumber(n) !== null)) continue;
    const split = rows.map((r) => splitDelimited(r, delimiter));
    const data = split.filter((c) => c.length === names.length);
    if (data.length === 0 || data.length < split.length * 0.8) continue;
    const named = names.findIndex((n) => TIME_NAMES.test(n));
    const candidates = named >= 0 ? [named] : names.map((_, i) => i);
    // Most rows must carry a time there; an export may hold a damaged row or two.
    const timed = (i: number) => data.filter((c) => readTimeCell(c[i], 'UTC') !== null).length;
    const timeIndex = candidates.find((i) => timed(i) >= Math.max(1, data.length * 0.7));
    if (timeIndex === undefined) continue;
    const numericCells = data.filter((c) => readTimeCell(c[timeIndex], 'UTC') !== null).flatMap((c) => c.filter((_, i) => i !== timeIndex)).filter((v) => parseMetricNumber(v) !== null);
    const total = data.filter((c) => readTimeCell(c[timeIndex], 'UTC') !== null).length * (names.length - 1);
    if (numericCells.length / total < 0.8) continue;
    return { delimiter, names, timeIndex };
  }
  return null;
}

/** Reads a CSV/TSV time-series export: one time column and numeric columns named in the header. */
export const csvParser: Parser = {
  name: 'csv',
  sniff(head, fileName) {
    const lines = head.filter((l) => l.trim() !== '' && !l.startsWith('#'));
    if (lines.length < 2) return 0;
    const layout = detectLayout(lines[0], lines.slice(1, 20));
    if (!layout) return 0;
    return /\.(csv|tsv)$/i.test(fileName) ? 0.9 : 0.7;
  },
  create: createCsvParser,
  samples: csvSamples,
};

function createCsvParser(ctx: ParseContext): LineParser {
  let layout: Layout | null = null;
  let headerLine: string | null = null;
  return {
    parse(line, lineNo) {
      const text = line.replace(/^\uFEFF/, '');
      if (text.trim() === '' || text.startsWith('#')) return [];
      if (!layout) {
        if (headerLine === null) {
          headerLine = text;
          return [];
        }
        layout = detectLayout(headerLine, [text]);
        if (!layout) return null;
      }
      const cells = splitDelimited(text, layout.delimiter);
      if (cells.length !== layout.names.length) return null;
      const time = readTimeCell(cells[layout.timeIndex], ctx.timeZone);
      if (!time) return null;
      const values: Record<string, number> = {};
      let count = 0;
      cells.forEach((cell, i) => {
        if (i === layout!.timeIndex) return;
        const v = parseMetricNumber(cell);
        if (v === null) return;
        values[layout!.names[i]] = v;
        count++;
      });
      if (count === 0) return null;
      const record: MetricRecord = {
        kind: 'metric',
        file: ctx.file,
        line: lineNo,
        host: ctx.host ?? undefined,
        stamp: time.hasOffset || !ctx.timeZoneGuessed ? { wallMs: time.wallMs } : { wallMs: time.wallMs, estimated: true },
        values,
        source: 'csv',
      };
      return [record];
    },
  };
}

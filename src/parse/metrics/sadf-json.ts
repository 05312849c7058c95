import type { FactRecord, MetricRecord, ParsedRecord } from '../../model/record.js';
import { civilToEpochMs } from '../../timeline/civil-time.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { createJsonElementScanner } from './json-scanner.js';
import { SADF_DEVICE_FIELDS, sarColumnName } from './sadf-fields.js';
import { sadfSamples } from './sadf-json.samples.js';

/** One statistics element larger than this is dropped (counted unparsed): 64 MiB of one sample is not sysstat. */
const MAX_ELEMENT_CHARS = 64 * 1024 * 1024;

/** Reads `sadf -j` output; each element of `statistics` becomes MetricRecords named as sar names them. */
export const sadfJsonParser: Parser = {
  name: 'sadf-json',
  sniff(head) {
    const text = head.slice(0, 30).join('\n');
    if (/^\s*\{\s*"sysstat"\s*:/.test(text)) return 0.97;
    return 0;
  },
  create: createSadfParser,
  samples: sadfSamples,
};

interface Timestamp {
  date?: string;
  time?: string;
  utc?: number;
  interval?: number;
}

function createSadfParser(ctx: ParseContext): LineParser {
  let out: ParsedRecord[] = [];
  let factsSent = false;
  let bad = false;
  const scanner = createJsonElementScanner('statistics', (text, startLine) => {
    let element: unknown;
    try {
      element = JSON.parse(text);
    } catch {
      bad = true;
      return;
    }
    const records = toRecords(element, startLine);
    if (records === null) bad = true;
    else out.push(...records);
  }, MAX_ELEMENT_CHARS);

  const hostName = (): string | undefined => {
    const n = scanner.scalars.get('nodename');
    return typeof n === 'string' ? n : (ctx.host ?? undefined);
  };

  const hostFacts = (lineNo: number): FactRecord[] => {
    const host = hostName();
    const facts: FactRecord[] = [];
    const add = (name: FactRecord['name'], key: string) => {
      const v = scanner.scalars.get(key);
      if (v !== undefined) facts.push({ kind: 'fact', file: ctx.file, line: lineNo, host, name, value: String(v) });
    };
    add('hostname', 'nodename');
    if (scanner.scalars.get('sysname') === 'Linux') add('kernel.release', 'release');
    add('arch', 'machine');
    return facts;
  };

  function toRecords(element: unknown, line: number): MetricRecord[] | null {
    if (!isObject(element) || !isObject(element.timestamp)) return null;
    const ts = element.timestamp as Timestamp;
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ts.date ?? '');
    const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(ts.time ?? '');
    if (!d || !t) return null;
    // `utc: 1` means date and time are UTC (sadf's default); else they are the file's local time.
    const zone = ts.utc === 1 ? 'UTC' : ctx.timeZone;
    const wallMs = civilToEpochMs(+d[1], +d[2], +d[3], +t[1], +t[2], +t[3], 0, zone);
    const stamp = ts.utc !== 1 && ctx.timeZoneGuessed ? { wallMs, estimated: true } : { wallMs };
    const rows = new Map<string, Record<string, number>>();
    const put = (device: string, name: string, value: number) => {
      let row = rows.get(device);
      if (!row) rows.set(device, (row = {}));
      row[name] = value;
    };
    const walk = (value: unknown, path: string[], device: string) => {
      if (Array.isArray(value)) {
        for (const item of value) {
          if (!isObject(item)) continue;
          const label = Object.keys(item).find((k) => SADF_DEVICE_FIELDS.has(k));
          walk(item, path, label ? String(item[label]) : device);
        }
        return;
      }
      if (!isObject(value)) return;
      for (const [key, v] of Object.entries(value)) {
        if (SADF_DEVICE_FIELDS.has(key)) continue;
        if (typeof v === 'number') put(device, sarColumnName(path, key), v);
        else walk(v, path.length === 0 || path[0] === 'network' ? [...path, key] : path, device);
      }
    };
    for (const [activity, value] of Object.entries(element)) {
      if (activity !== 'timestamp') walk(value, [activity], '');
    }
    const host = hostName();
    return [...rows].map(([device, values]) => {
      const record: MetricRecord = { kind: 'metric', file: ctx.file, line, host, stamp, values, source: 'sadf' };
      if (typeof ts.interval === 'number' && ts.interval > 0) record.intervalSeconds = ts.interval;
      if (device !== '') record.device = device;
      return record;
    });
  }

  return {
    parse(line, lineNo) {
      scanner.feed(line, lineNo);
      const records: ParsedRecord[] = out;
      out = [];
      if (records.length > 0 && !factsSent) {
        factsSent = true;
        records.unshift(...hostFacts(lineNo));
      }
      if (bad || scanner.overflowed) {
        bad = false;
        scanner.overflowed = false;
        return records.length ? records : null;
      }
      return records;
    },
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

import type { MetricRecord, ParsedRecord } from '../../model/record.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { readDateLine } from './date-line.js';
import { parseMetricNumber } from './numbers.js';
import { snapshotSamples } from './snapshot.samples.js';
import { readTimeCell } from './time-cell.js';

/** `/proc/meminfo` rows: `Cached:         20150803 kB`, `HugePages_Total:       0`. */
const MEMINFO = /^(?<name>[A-Za-z][\w()]*):\s+(?<value>\d+)(?:\s+kB)?$/;
/** `free` rows: `Mem:  65901216 ...`, `Swap: ...`, and the old `-/+ buffers/cache:` line. */
const FREE_ROW = /^(?<name>Mem|Swap|Low|High|Total|-\/\+ buffers\/cache):\s+(?<rest>[\d\s]+)$/;
const FREE_HEADER = /^\s*total\s+used\s+free\b/;
/** vmstat's second header line, with `-t` ending in the zone name. */
const VMSTAT_HEADER = /^\s*r\s+b\s+swpd\s+free\s+/;

/**
 * Snapshots taken in a loop during an incident (`while sleep 5; do date; cat /proc/meminfo; done`, with
 * `free`, `free -m` or `vmstat`/`vmstat -t`): each `date` line starts a snapshot, and each snapshot gives
 * one MetricRecord per table (meminfo; free per row `Mem`/`Swap`; vmstat's latest row).
 */
export const snapshotParser: Parser = {
  name: 'snapshot',
  sniff(head) {
    const lines = head.filter((l) => l.trim() !== '');
    const dated = lines.findIndex((l) => readDateLine(l, 'UTC') !== null);
    const tables = lines.filter((l) => MEMINFO.test(l.trim()) || FREE_HEADER.test(l) || VMSTAT_HEADER.test(l)).length;
    if (dated >= 0 && dated < 3 && tables > 0) return 0.8;
    if (lines.length > 0 && /^MemTotal:\s+\d+ kB$/.test(lines[0].trim())) return 0.5;
    return 0;
  },
  create: createSnapshotParser,
  samples: snapshotSamples,
};

type Table = 'meminfo' | 'free' | 'vmstat' | null;

function createSnapshotParser(ctx: ParseContext): LineParser {
  let wallMs: number | null = null;
  let table: Table = null;
  let columns: string[] = [];
  let meminfo: { values: Record<string, number>; line: number } | null = null;
  let vmstatRow: MetricRecord | null = null;

  const record = (line: number, values: Record<string, number>, source: string, device?: string, at = wallMs): MetricRecord | null => {
    const ms = at ?? ctx.mtimeMs;
    if (ms === null) return null;
    const r: MetricRecord = {
      kind: 'metric', file: ctx.file, line, host: ctx.host ?? undefined,
      stamp: at === null || ctx.timeZoneGuessed ? { wallMs: ms, estimated: true } : { wallMs: ms },
      values, source,
    };
    if (device) r.device = device;
    return r;
  };

  /** Emits what the previous snapshot still holds (meminfo block, latest vmstat row). */
  const flush = (): ParsedRecord[] => {
    const out: ParsedRecord[] = [];
    if (meminfo) {
      const r = record(meminfo.line, meminfo.values, 'meminfo');
      if (r) out.push(r);
      meminfo = null;
    }
    if (vmstatRow) out.push(vmstatRow);
    vmstatRow = null;
    return out;
  };

  return {
    parse(line, lineNo) {
      const text = line.trim();
      if (text === '') return [];
      const date = readDateLine(text, ctx.timeZone);
      if (date !== null) {
        const out = flush();
        wallMs = date;
        table = null;
        return out;
      }
      const mem = MEMINFO.exec(text);
      if (mem?.groups && table !== 'free') {
        table = 'meminfo';
        meminfo ??= { values: {}, line: lineNo };
        meminfo.values[mem.groups.name] = Number(mem.groups.value);
        return [];
      }
      if (FREE_HEADER.test(line)) {
        table = 'free';
        columns = text.split(/\s+/);
        return [];
      }
      const free = FREE_ROW.exec(text);
      if (free?.groups && table === 'free') {
        const cells = free.groups.rest.trim().split(/\s+/).map(Number);
        // `-/+ buffers/cache` has only used and free.
        const names = free.groups.name.startsWith('-/+') ? ['used', 'free'] : columns;
        const values: Record<string, number> = {};
        cells.forEach((v, i) => {
          if (names[i] !== undefined) values[names[i]] = v;
        });
        const r = record(lineNo, values, 'free', free.groups.name === '-/+ buffers/cache' ? 'buffers/cache' : free.groups.name);
        return r ? [r] : null;
      }
      if (/^procs\s/.test(text)) return [];
      if (VMSTAT_HEADER.test(line)) {
        table = 'vmstat';
        columns = text.split(/\s+/);
        return [];
      }
      if (table === 'vmstat') return vmstat(text, lineNo);
      return null;
    },
    end: flush,
  };

  function vmstat(text: string, lineNo: number): ParsedRecord[] | null {
    const cells = text.split(/\s+/);
    const numeric = cells.map(parseMetricNumber);
    const count = numeric.findIndex((v) => v === null);
    const n = count < 0 ? cells.length : count;
    if (n < 10) return null;
    const values: Record<string, number> = {};
    for (let i = 0; i < n && i < columns.length; i++) values[columns[i]] = numeric[i] as number;
    // `vmstat -t` ends each row with its own `YYYY-MM-DD HH:MM:SS` in the zone named by the header.
    const rest = cells.slice(n).join(' ');
    const own = rest ? readTimeCell(rest, /UTC/.test(columns[columns.length - 1] ?? '') ? 'UTC' : ctx.timeZone) : null;
    if (own) {
      const r = record(lineNo, values, 'vmstat', undefined, own.wallMs);
      return r ? [r] : null;
    }
    // Without -t only the latest row of a snapshot is kept: vmstat's first row averages since boot.
    vmstatRow = record(lineNo, values, 'vmstat');
    return [];
  }
}

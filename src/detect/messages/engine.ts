import { createHash } from 'node:crypto';
import { eventDraft, type FindingDraft } from '../../model/observation.js';
import type { Detector, DetectContext, Emit, RecordDetector } from '../types.js';
import type { FactRow, MessageRow, SignalRow } from './table.js';

/** Evidence lines kept per signature: enough to show the pattern, bounded for floods of I/O errors. */
const MAX_EVIDENCE = 20;

const fill = (template: string, groups: Record<string, string | undefined>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => groups[name] ?? '').replace(/\s+/g, ' ').replace(/ \)/g, ')').trim();

/** sha256 of the kind and the device-independent key: the same problem on two disks or hosts signs alike. */
export function messageSignature(kind: string, key: string): string {
  return createHash('sha256').update(`${kind}\u0000${key}`).digest('hex');
}

/** One regex matching wherever any row's trigger occurs (never matches when there are no rows). */
function anyTrigger(...tables: ReadonlyArray<readonly { trigger: string }[]>): RegExp {
  const triggers = [...new Set(tables.flat().map((row) => row.trigger))];
  if (triggers.length === 0) return /(?!)/;
  return new RegExp(triggers.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

/**
 * One engine for the single-line tables: a cheap substring test, then the row's regex; repeats of one
 * signature on one host are merged here (count, last stamp) so a flood of errors stays one draft.
 *
 * @example createMessageDetector('messages', MESSAGE_ROWS, SIGNAL_ROWS)
 */
export function createMessageDetector(name: string, rows: readonly MessageRow[], signalRows: readonly SignalRow[], factRows: readonly FactRow[] = []): Detector {
  return {
    name,
    create(ctx: DetectContext): RecordDetector {
      const gate = anyTrigger(rows, signalRows, factRows);
      const drafts = new Map<string, FindingDraft>();
      return {
        push(record, emit: Emit) {
          if (record.kind !== 'log') return;
          if (record.program !== undefined && record.program !== 'kernel') return;
          const text = record.message;
          // Every row needs its trigger: one scan for all of them instead of one `includes` per row.
          if (!gate.test(text)) return;
          const host = record.host ?? ctx.host;
          for (const row of signalRows) {
            if (!text.includes(row.trigger)) continue;
            const m = row.pattern.exec(text);
            if (!m) continue;
            emit({ type: 'signal', signal: { topic: row.topic, host, stamp: record.stamp, file: record.file, line: record.line, text, data: { ...(m.groups ?? {}) } } });
          }
          for (const row of factRows) {
            if (!text.includes(row.trigger)) continue;
            const m = row.pattern.exec(text);
            if (m) emit({ type: 'fact', host, name: row.name, value: fill(row.value, m.groups ?? {}), file: record.file, line: record.line });
          }
          for (const row of rows) {
            if (!text.includes(row.trigger)) continue;
            const m = row.pattern.exec(text);
            if (!m) continue;
            const groups = m.groups ?? {};
            const signature = messageSignature(row.kind, fill(row.key, groups));
            const evidence = { file: record.file, line: record.line, text, host };
            const mapKey = `${host}\u0000${signature}`;
            const prev = drafts.get(mapKey);
            if (prev) {
              prev.count = (prev.count ?? 1) + 1;
              prev.lastStamp = record.stamp;
              if (prev.evidence.length < MAX_EVIDENCE) prev.evidence.push(evidence);
              const devices = prev.details.devices as string[];
              const dev = row.device ? groups[row.device] : undefined;
              if (dev && !devices.includes(dev) && devices.length < 50) devices.push(dev);
              break;
            }
            const device = row.device ? groups[row.device] ?? null : null;
            const details: Record<string, unknown> = { why: row.why, devices: device ? [device] : [] };
            for (const [k, v] of Object.entries(groups)) if (v !== undefined) details[k] = v;
            drafts.set(mapKey, eventDraft({
              kind: row.kind,
              title: fill(row.title, groups),
              signature,
              host,
              layer: row.layer,
              subsystem: row.subsystem,
              device,
              stamp: record.stamp,
              count: 1,
              details,
              evidence: [evidence],
            }));
            break;
          }
        },
        end(emit: Emit) {
          for (const finding of drafts.values()) emit({ type: 'finding', finding });
          drafts.clear();
        },
      };
    },
  };
}

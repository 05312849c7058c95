import { createHash } from 'node:crypto';
import { eventDraft, type FindingDraft } from '../../model/observation.js';
import type { LogRecord } from '../../model/record.js';
import type { Detector, DetectContext, Emit } from '../types.js';
import { type CapacityUnit, decideCapacityUnit, toBytes } from './capacity-unit.js';
import { LOGICAL_BLOCKS, STORAGE_EVENT_RULES, STORAGE_GATE, type StorageEventRule } from './storage-events.js';

/** Devices whose size changes are set-up and tear-down, not incidents (losetup, zram, nbd connect). */
const SCRATCH_DEVICES = /^(loop|ram|zram|nbd)\d+/;

/**
 * Storage events in kernel messages (STORAGE_EVENT_RULES): capacity changes (reported in bytes whatever
 * the kernel printed), filesystem resizes and md resyncs spanning their start and end lines, multipath,
 * SCSI unit attentions, iSCSI connection errors.
 */
export const storageEventDetector: Detector = {
  name: 'storage-events',
  create(ctx: DetectContext) {
    /** Size each SCSI disk last announced, in bytes, for deciding the capacity-change unit. */
    const announced = new Map<string, number>();
    /** Started operations (resize, resync) waiting for their end line, by kind and device. */
    const open = new Map<string, FindingDraft>();
    /** Unit learnt from an unambiguous line of this input (one kernel prints one unit). */
    let hostUnit: CapacityUnit | null = null;
    return {
      push(record, emit) {
        if (record.kind !== 'log' || (record.program !== undefined && record.program !== 'kernel')) return;
        const message = record.message.trimStart();
        if (!STORAGE_GATE.test(message)) return;
        const blocks = LOGICAL_BLOCKS.exec(message);
        if (blocks?.groups) announced.set(blocks.groups.dev, Number(blocks.groups.blocks) * Number(blocks.groups.size));
        for (const rule of STORAGE_EVENT_RULES) {
          const m = rule.pattern.exec(message);
          if (!m?.groups) continue;
          handle(rule, m.groups, record, emit);
          break;
        }
      },
      end(emit) {
        for (const draft of open.values()) emit({ type: 'finding', finding: { ...draft, details: { ...draft.details, completed: false } } });
        open.clear();
      },
    };

    function handle(rule: StorageEventRule, groups: Record<string, string>, record: LogRecord, emit: Emit) {
      const dev = groups.dev;
      const draft = baseDraft(ctx, rule, groups, record);
      if (rule.kind === 'capacity_change') {
        const oldValue = Number(groups.old);
        const newValue = Number(groups.new);
        // A device appearing (from 0) or a scratch device going away is set-up, not a change.
        if (oldValue === 0 || oldValue === newValue || (newValue === 0 && SCRATCH_DEVICES.test(dev))) return;
        const decision = decideCapacityUnit(oldValue, newValue, announced.get(dev) ?? null, ctx.kernelRelease(), hostUnit);
        if (decision.basis === 'logical-blocks' || decision.basis === 'kernel-release') hostUnit = decision.unit;
        draft.signature = signature(rule.kind, dev, `${oldValue}>${newValue}`);
        draft.details = {
          oldBytes: toBytes(oldValue, decision.unit),
          newBytes: toBytes(newValue, decision.unit),
          unit: decision.unit,
          unitBasis: decision.basis,
          printedOld: oldValue,
          printedNew: newValue,
          direction: newValue > oldValue ? 'grow' : 'shrink',
        };
        emit({ type: 'finding', finding: draft });
        return;
      }
      const key = `${rule.kind}\u0000${dev}`;
      if (rule.role === 'start') {
        const previous = open.get(key);
        if (previous) emit({ type: 'finding', finding: { ...previous, details: { ...previous.details, completed: false } } });
        if (groups.old && groups.new) {
          draft.details.oldSize = Number(groups.old);
          draft.details.newSize = Number(groups.new);
          draft.details.direction = Number(groups.new) >= Number(groups.old) ? 'grow' : 'shrink';
        }
        open.set(key, draft);
        return;
      }
      if (rule.role === 'end') {
        const started = open.get(key);
        open.delete(key);
        if (started) {
          started.lastStamp = record.stamp;
          started.evidence.push(...draft.evidence);
          started.details = { ...started.details, ...draft.details, completed: true };
          if (groups.new) started.details.newSize = Number(groups.new);
          if (groups.outcome) started.details.outcome = groups.outcome;
          emit({ type: 'finding', finding: started });
          return;
        }
        if (groups.new) draft.details.newSize = Number(groups.new);
        if (groups.outcome) draft.details.outcome = groups.outcome;
      }
      emit({ type: 'finding', finding: draft });
    }
  },
};

function baseDraft(ctx: DetectContext, rule: StorageEventRule, groups: Record<string, string>, record: LogRecord): FindingDraft {
  const title = rule.title.replace('{dev}', groups.dev).replace('{what}', groups.what ?? '');
  return eventDraft({
    kind: rule.kind,
    title,
    signature: signature(rule.kind, groups.dev, groups.what ?? ''),
    host: record.host ?? ctx.host,
    layer: 'storage',
    subsystem: rule.subsystem,
    device: groups.dev,
    stamp: record.stamp,
    details: { ...(rule.details ?? {}), ...(groups.what ? { operation: groups.what } : {}) },
    evidence: [{ file: record.file, line: record.line, text: record.message }],
  });
}

function signature(kind: string, dev: string, extra: string): string {
  return createHash('sha256').update(`${kind}\u0000${dev}\u0000${extra}`).digest('hex').slice(0, 16);
}

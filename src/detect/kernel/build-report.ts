import type { Frame, Layer } from '../../model/report.js';
import type { RawReport, ReportLine } from './collector.js';
import { parseFrameLine, parseRipLine, stackMarker } from './frames.js';
import { chooseGuilty, isSkipped, type Candidate } from './guilty.js';
import { signatureOf } from './signature.js';
import { normalizeTitle, stripCloneSuffix, titleFrame } from './normalize.js';
import {
  deviceFromComm, deviceFromLine, deviceFromWorkqueue, normalizeCgroup, readCpuLine, readHardware, readOom, readTaintLine, readTaskLine,
  readWorkqueue, type KernelInfo, type TaskInfo,
} from './report-fields.js';
import { stallInterruptEntry } from './stall-anchors.js';
import { subsystemByKind, subsystemFallback, subsystemOf } from './subsystems.js';

/** One kernel report, interpreted. */
export interface KernelReport {
  kind: string;
  variant: string | null;
  title: string;
  altTitles: string[];
  corrupted: boolean;
  corruptedReason?: string;
  signature: string;
  layer: Layer;
  subsystem: string | null;
  device: string | null;
  /** The guilty function as the title shows it, null when none. */
  frame: string | null;
  frames: Frame[];
  task: TaskInfo | null;
  cpu: number | null;
  kernel: KernelInfo | null;
  workqueue: string | null;
  hardware: string | null;
  /** Function of the faulting instruction pointer (`RIP:`), when printed. */
  rip: string | null;
  details: Record<string, unknown>;
  lines: ReportLine[];
}

/** A code location in report order: a trace frame or a RIP line. */
interface Location extends Candidate {
  block: number;
  label: 'trace' | 'other' | 'none';
  isRip: boolean;
}

const BLOCK_TRACE = /^\s*(?:Call Trace|Call trace|Backtrace|backtrace|stack backtrace)\b|^\s*backtrace \(crc/;
const BLOCK_OTHER = /^\s*(?:Allocated by task|Freed by task|Last potentially related|Second to last potentially|Memory state around|The buggy address|Uninit was (?:created|stored)|Local variable)/;
const LOCK_AT = /, at: (?:\[<[0-9a-fA-F]+>\]\s*)?(?<fn>[A-Za-z_][\w.$]*)(?:\+0x|\s|$)/;
const MAX_FRAMES = 256;
/** The state a report implies for its task: hung tasks sleep uninterruptibly, soft lockups run. */
const STATE_BY_KIND: Record<string, string> = { hung_task: 'D', soft_lockup: 'R' };
/** Sources whose reports always print a call trace; without one the report was cut. */
const TRACE_REQUIRED = new Set(['rip', 'header', 'trace']);

/** Interprets the lines of one report: frames, guilty frame, title, task, kernel, signature. */
export function buildReport(raw: RawReport): KernelReport {
  const kind = raw.kind;
  const texts = raw.lines.map((l) => l.text);
  const frames: Frame[] = [];
  const locations: Location[] = [];
  const lockSites: string[] = [];
  let stack = 'task';
  let block = -1;
  let label: Location['label'] = 'none';
  let task: TaskInfo | null = null;
  let cpu: number | null = null;
  let kernel: KernelInfo | null = null;
  let workqueue: string | null = null;
  let workFunction: string | null = null;
  let hardware: string | null = null;
  let rip: string | null = null;
  let device: string | null = null;
  const fields: Record<string, string> = {};
  let traceKeywordWithoutFrames = false;
  let lastTraceKeyword = -1;

  for (let i = raw.headerIndex; i < texts.length; i++) {
    const text = texts[i];
    const frame = parseFrameLine(text);
    if (frame) {
      if (frames.length < MAX_FRAMES) {
        frames.push({ function: frame.function, offset: frame.offset, size: frame.size, module: frame.module, reliable: frame.reliable, stack });
      }
      if (frame.reliable) locations.push({ function: frame.function, frameIndex: frames.length - 1, block, label, isRip: false });
      lastTraceKeyword = -1;
      continue;
    }
    const marker = stackMarker(text);
    if (marker) {
      stack = marker;
      continue;
    }
    if (BLOCK_TRACE.test(text)) {
      if (lastTraceKeyword >= 0 && i - lastTraceKeyword > 0) traceKeywordWithoutFrames = true;
      block++;
      label = 'trace';
      stack = 'task';
      lastTraceKeyword = i;
      continue;
    }
    if (BLOCK_OTHER.test(text)) {
      block++;
      label = 'other';
      continue;
    }
    if (lastTraceKeyword >= 0 && i - lastTraceKeyword > 15) {
      traceKeywordWithoutFrames = true;
      lastTraceKeyword = -1;
    }
    const r = parseRipLine(text);
    if (r) {
      rip ??= r.function;
      locations.push({ function: r.function, frameIndex: -1, module: r.module, block, label, isRip: true });
      continue;
    }
    if (text.includes(', at: ')) {
      const m = LOCK_AT.exec(text);
      if (m?.groups) lockSites.push(m.groups.fn);
    }
    const c = readCpuLine(text);
    if (c) {
      cpu ??= c.cpu;
      kernel ??= c.kernel;
      task ??= c.task;
      continue;
    }
    const t = readTaintLine(text);
    if (t) {
      kernel ??= t;
      continue;
    }
    const tl = readTaskLine(text);
    if (tl) {
      const prev = task as TaskInfo | null;
      if (!prev || prev.state === null) task = { ...tl, comm: prev?.comm ?? tl.comm, pid: prev?.pid ?? tl.pid };
      continue;
    }
    const wq = readWorkqueue(text);
    if (wq) {
      workqueue ??= wq.workqueue;
      workFunction ??= wq.fn;
      device ??= deviceFromWorkqueue(wq.workqueue);
      continue;
    }
    hardware ??= readHardware(text);
    device ??= deviceFromLine(text);
    for (const re of kind.fields ?? []) {
      const m = re.exec(text);
      if (m?.groups) for (const [k, v] of Object.entries(m.groups)) if (v !== undefined && !(k in fields)) fields[k] = v;
    }
  }
  if (lastTraceKeyword >= 0) traceKeywordWithoutFrames = true;

  const groups = { ...raw.groups };
  // The header names the task the report is about (the CPU line may name the reporter instead).
  const headerTask = groups.comm ? { comm: groups.comm, pid: groups.pid ? Number(groups.pid) : null } : null;
  if (headerTask && (!task || (headerTask.pid !== null && task.pid !== headerTask.pid))) task = { ...headerTask, state: null };
  if (task && task.state === null) task.state = STATE_BY_KIND[kind.kind] ?? null;
  if (cpu === null && groups.cpu) cpu = Number(groups.cpu);
  // Per-device kernel threads name their device: `jbd2/sda1-8`, `xfsaild/dm-3`, `kworker/u16:3+flush-8:0`.
  if (!device && task) device = deviceFromComm(task.comm);

  const details: Record<string, unknown> = {};
  if (kind.variant) details.variant = kind.variant;
  if (groups.seconds) details.seconds = Number(groups.seconds);
  if (workFunction) details.workFunction = workFunction;
  if (raw.truncated) details.truncated = true;
  for (const c of raw.continuations) if (c.kind.kind === 'panic') details.panic = c.groups.msg ?? true;

  // Values for title placeholders other than {frame}.
  const values: Record<string, string> = { ...groups, ...fields };
  if (values.bugtype === 'Undefined behaviour') values.bugtype = 'undefined-behaviour';
  if (kind.kind === 'oom_kill') {
    const oom = readOom(texts);
    values.scope = oom.scope === 'global' ? 'global' : `memcg ${normalizeCgroup(oom.oomMemcg ?? oom.taskMemcg ?? '?')}`;
    if (oom.victim) values.victim = oom.victim;
    Object.assign(details, { oom: { ...oom, tableRows: groups.oomTableRows ? Number(groups.oomTableRows) : 0 } });
    if (groups.gfp) details.gfpMask = groups.gfp;
    if (groups.order) details.order = Number(groups.order);
  }
  if (kind.kind === 'netdev_unregister_wait' && groups.dev) {
    device = groups.dev;
    if (groups.usage) details.usageCount = Number(groups.usage);
  }
  if (kind.kind === 'page_alloc_failure') Object.assign(details, { order: Number(groups.order), mode: groups.mode });

  const cands = candidates(kind.frames, locations, groups, lockSites);
  const guilty = kind.frames === 'none' ? { function: null, at: -1 } : chooseGuilty(kind.frames, cands, kind.skip);
  let corruptedReason: string | undefined = kind.lostHeader;
  let frameName = guilty.function ? titleFrame(guilty.function) : null;
  // A WARNING whose call trace is missing or never leaves reporting code was cut (syzbot calls it
  // corrupted); other kinds keep the faulting function, which the header or RIP line names reliably.
  const chosen = guilty.at >= 0 ? cands[guilty.at] : null;
  const traceFrames = cands.filter((c) => c.frameIndex >= 0);
  const chosenFromHeader = chosen !== null && chosen.frameIndex < 0 && !(chosen as Partial<Location>).isRip;
  if (
    frameName && TRACE_REQUIRED.has(kind.frames) && kind.kind === 'warning' &&
    (traceFrames.length === 0 || (chosenFromHeader && !traceFrames.some((c) => !isSkipped(c.function, kind.skip))))
  ) {
    frameName = null;
    corruptedReason = 'the call trace has no frame outside generic code';
  }
  if (kind.frames !== 'none' && !frameName) corruptedReason ??= guilty.reason ?? 'no guilty frame';
  if (kind.frames !== 'none' && frameName && traceKeywordWithoutFrames && frames.length === 0) corruptedReason ??= 'a call trace header without frames';

  const fill = (template: string, fn: string | null): string => {
    let missing = false;
    const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'frame') return fn ?? 'corrupted';
      const v = values[name];
      if (v === undefined) missing = true;
      return v ?? '';
    });
    if (missing) corruptedReason ??= `the report lacks a line the title needs (${template})`;
    return normalizeTitle(out);
  };
  let title = fill(kind.title, frameName);
  if (kind.fallbackTitle && corruptedReason?.startsWith('the report lacks')) {
    corruptedReason = kind.lostHeader ?? (kind.frames !== 'none' && !frameName ? guilty.reason ?? 'no guilty frame' : undefined);
    title = fill(kind.fallbackTitle, frameName);
  }
  const altTitles = new Set<string>();
  for (const alt of kind.alt ?? []) altTitles.add(fill(alt, frameName));
  if (guilty.function && frameName !== stripCloneSuffix(guilty.function)) {
    altTitles.add(normalizeTitle(kind.title.replace('{frame}', stripCloneSuffix(guilty.function)).replace(/\{(\w+)\}/g, (_, n: string) => values[n] ?? '')));
  }
  altTitles.delete(title);

  const guiltyFrame = guilty.at >= 0 ? cands[guilty.at] : null;
  const module = guiltyFrame ? (guiltyFrame.frameIndex >= 0 ? frames[guiltyFrame.frameIndex]?.module ?? null : guiltyFrame.module ?? null) : null;
  const subsystem =
    subsystemByKind[kind.kind] ?? subsystemOf(guilty.function ? stripCloneSuffix(guilty.function) : null, module) ?? subsystemFallback[kind.kind] ?? null;

  return {
    kind: kind.kind,
    variant: kind.variant ?? null,
    title,
    altTitles: [...altTitles],
    corrupted: corruptedReason !== undefined,
    ...(corruptedReason ? { corruptedReason } : {}),
    signature: signatureOf(kind.kind, kind.variant, title, frameName, cands, guilty.at, kind.skip, values),
    layer: kind.layer,
    subsystem,
    device,
    frame: frameName,
    frames,
    task,
    cpu,
    kernel,
    workqueue,
    hardware,
    rip,
    details,
    lines: raw.lines,
  };
}

function candidates(source: string, locs: readonly Location[], groups: Record<string, string>, lockSites: readonly string[]): Candidate[] {
  const fromHeader = groups.hframe ? [{ function: groups.hframe, frameIndex: -1 }] : [];
  const firstTrace = (): Location[] => {
    const firstBlock = locs.find((l) => l.label === 'trace' && !l.isRip)?.block;
    if (firstBlock === undefined) return locs.filter((l) => l.label !== 'other' && !l.isRip);
    return locs.filter((l) => l.block === firstBlock && !l.isRip);
  };
  switch (source) {
    case 'hung':
    case 'trace':
      return firstTrace();
    case 'header':
      return [...fromHeader, ...firstTrace()];
    case 'rip': {
      const ripLoc = locs.find((l) => l.isRip);
      return [...(ripLoc ? [ripLoc] : []), ...fromHeader, ...firstTrace()];
    }
    case 'lock-site':
      return [...lockSites.slice(0, 1).map((fn) => ({ function: fn, frameIndex: -1 })), ...firstTrace()];
    case 'lockdep': {
      const sites = lockSites.length >= 2 ? [lockSites[1], lockSites[0]] : [...lockSites];
      return [...sites.map((fn) => ({ function: fn, frameIndex: -1 })), ...firstTrace()];
    }
    case 'stall':
      return stallCandidates(locs);
    default:
      return [];
  }
}

/** In a stall the code that ran is what the timer interrupt interrupted: start after its entry frames. */
function stallCandidates(locs: readonly Location[]): Location[] {
  const usable = locs.filter((l) => l.label !== 'other' || l.isRip);
  const entry = usable.findIndex((l) => stallInterruptEntry.test(l.function));
  const rip = usable.findIndex((l) => l.isRip);
  // Registers printed before any interrupt frame (soft lockup, hard lockup) are the interrupted code.
  if (rip >= 0 && (entry < 0 || rip < entry)) return usable.slice(rip);
  if (entry < 0) return usable;
  // The entry path is a short run of interrupt frames (a non-matching helper may sit between two).
  let last = entry;
  for (let i = entry + 1; i < usable.length && i - last <= 2 && usable[i].block === usable[entry].block; i++) {
    if (stallInterruptEntry.test(usable[i].function)) last = i;
  }
  return usable.slice(last + 1);
}

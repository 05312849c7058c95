import type { Frame, Layer } from '../../model/report.js';
import type { RawReport, ReportLine } from './collector.js';
import { parseFrameLine, parseRipLine, stackMarker } from './frames.js';
import { chooseGuilty, isSkipped, type Candidate } from './guilty.js';
import { signatureOf } from './signature.js';
import { bodyLost, headerTitle, interleavedDump } from './corruption.js';
import { normalizeTitle, stripCloneSuffix, titleFrame } from './normalize.js';
import {
  deviceFromComm, deviceFromLine, deviceFromWorkqueue, normalizeCgroup, readCpuLine, readHardware, readOom, readTaintLine, readTaskLine,
  readWorkqueue, type KernelInfo, type TaskInfo,
} from './report-fields.js';
import { candidates, type Location } from './candidates.js';
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

const BLOCK_TRACE = /^\s*(?:Call Trace|Call trace|Backtrace|backtrace|stack backtrace)\b|^\s*backtrace \(crc/;
const BLOCK_OTHER = /^\s*(?:Allocated by task|Freed by task|Last potentially related|Second to last potentially|Memory state around|The buggy address|Uninit was (?:created|stored)|Local variable)/;
// lockdep's irq-safe -> irq-unsafe report prints where the irq-safe lock was taken in interrupt context.
const BLOCK_IRQ_SAFE = /which became (?:HARDIRQ|SOFTIRQ)-(?:READ-)?irq-safe at:/;
const BLOCK_IRQ_UNSAFE = /which became (?:HARDIRQ|SOFTIRQ)-(?:READ-)?irq-unsafe at:/;
const ARM_REGS = /^\s*r\d+\s*:/;
const RELEASE_AT = /trying to release lock .* at:$/;
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
  /** Line index (into raw.lines) of each entry of `frames`. */
  const frameLines: number[] = [];
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

  let armCaller: string | null = null;
  const addFrame = (fn: string, offset: string | null, size: string | null, reliable: boolean, line: number, module: string | null = null) => {
    if (frames.length >= MAX_FRAMES) return;
    frames.push({ function: fn, offset, size, module, reliable, stack });
    frameLines.push(line);
    if (reliable) locations.push({ function: fn, frameIndex: frames.length - 1, block, label, isRip: false, stack });
  };

  for (let i = raw.headerIndex; i < texts.length; i++) {
    const text = texts[i];
    const frame = parseFrameLine(text);
    // lockdep's bad-unlock report prints the unlock site on the line after `... release lock (l) at:`.
    if (frame && i > raw.headerIndex && texts[i - 1].endsWith(' at:') && RELEASE_AT.test(texts[i - 1])) lockSites.push(frame.function);
    if (frame) {
      if (armCaller && armCaller !== frame.function) addFrame(armCaller, null, null, true, i);
      addFrame(frame.function, frame.offset, frame.size, frame.reliable, i, frame.module);
      armCaller = frame.caller ?? null;
      lastTraceKeyword = -1;
      continue;
    }
    // The arm unwinder's `f from [<a>] (g+0x..)` names the caller g; when no line for g follows (the trace
    // was cut, or f was a noreturn call), g is the last frame known. Register lines sit between frames.
    if (armCaller && !ARM_REGS.test(text)) {
      addFrame(armCaller, null, null, true, i);
      armCaller = null;
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
    if (text.includes('which became ') && (BLOCK_IRQ_SAFE.test(text) || BLOCK_IRQ_UNSAFE.test(text))) {
      block++;
      label = BLOCK_IRQ_SAFE.test(text) ? 'irq-safe' : 'other';
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
  if (armCaller) addFrame(armCaller, null, null, true, texts.length - 1);
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
  // Another task's dump mixed into the trace: a frame picked from that trace may be the other task's.
  if (chosen && chosen.frameIndex >= 0) {
    const mixed = interleavedDump(raw, frames, frameLines, frameLines[chosen.frameIndex] ?? raw.lines.length);
    if (mixed) {
      corruptedReason ??= mixed;
      frameName = null;
    }
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
  if (bodyLost(kind, raw)) {
    title = headerTitle(raw.lines[raw.headerIndex].text);
    corruptedReason = 'the lines that follow the header are missing or mixed with other output';
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

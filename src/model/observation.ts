import type { Stamp } from './time.js';
import type { FactName } from './record.js';
import type { Evidence, Frame, Layer } from './report.js';

/**
 * A finding as a per-input detector sees it: times still as stamps (resolved to wall clock later,
 * once every input's clock anchors and the hosts' skew are known).
 */
export interface FindingDraft {
  kind: string;
  title: string;
  signature: string;
  host: string;
  layer: Layer;
  subsystem: string | null;
  device: string | null;
  stamp: Stamp;
  /** Set when the detector already merged repeats; else first = last = stamp. */
  lastStamp?: Stamp;
  count?: number;
  corrupted: boolean;
  corruptedReason?: string;
  altTitles?: string[];
  task: { comm: string; pid: number | null; state: string | null } | null;
  workqueue: string | null;
  frames: Frame[];
  details: Record<string, unknown>;
  evidence: Evidence[];
}

/** What a system event's finding (not a kernel report) has to say: no task, workqueue or trace. */
export type EventDraft = Omit<FindingDraft, 'corrupted' | 'task' | 'workqueue' | 'frames'>;

/** The finding of a system event: the kernel-report fields empty, never corrupted. */
export function eventDraft(draft: EventDraft): FindingDraft {
  return { ...draft, corrupted: false, task: null, workqueue: null, frames: [] };
}

/** A line that carries both clocks: lets boot-relative stamps of the same host and boot become wall time. */
export interface ClockAnchor {
  host: string;
  boot?: number;
  uptime: number;
  wallMs: number;
  file: string;
  line: number;
  /** How precise the wall side is, in seconds (1 for syslog's whole seconds). */
  precisionSeconds: number;
}

/**
 * A structured message that cross-host stages need (a DHCP packet seen by one side, an NFS timeout, a
 * metric change point, ...). `topic` names its family; `data` its fields, defined by the producer.
 */
export interface Signal {
  topic: string;
  host: string;
  stamp: Stamp;
  file: string;
  line: number;
  text: string;
  data: Record<string, unknown>;
}

/** A downsampled metric series for charts and change-point context. */
export interface SeriesDraft {
  host: string;
  name: string;
  device: string | null;
  file: string;
  points: Array<[number, number]>;
}

export type Observation =
  | { type: 'finding'; finding: FindingDraft }
  | { type: 'anchor'; anchor: ClockAnchor }
  | { type: 'fact'; host: string; name: FactName; value: string; file: string; line: number }
  | { type: 'signal'; signal: Signal }
  | { type: 'series'; series: SeriesDraft };

import type { ClockAnchor, FindingDraft, SeriesDraft, Signal } from '../model/observation.js';
import type { Diagnostic, FactName } from '../model/record.js';
import type {
  Correlation,
  Finding,
  InfoRequest,
  KnownIssueMatch,
  Report,
} from '../model/report.js';
import type { Time } from '../model/time.js';

/** Options of one analysis, from the CLI or a library caller. */
export interface AnalyzeOptions {
  /** Year for year-less timestamps; else each file's mtime year. */
  year?: number;
  /** IANA zone for inputs without an offset; default UTC. */
  timeZone?: string;
  /** Per-host zone overrides (`--host-tz db01=Asia/Tokyo`). */
  hostTimeZones?: Record<string, string>;
  /** Extra knowledge-base folders (`--kb DIR`), searched after the built-in one. */
  kbDirs?: string[];
  /** A kernel git tree for MAINTAINERS routing and fix search. */
  kernelTree?: string;
  /** History database path; null disables history. */
  historyDb?: string | null;
  /** Called as inputs are read, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** What the analysis knows about one host. */
export interface HostState {
  name: string;
  /** Every fact seen, in input order; most are single-valued (the last wins), `module` is a set. */
  facts: Map<FactName, string[]>;
  anchors: ClockAnchor[];
  /** Seconds to add to this host's clock to get the reference clock (from skew estimation). */
  clockOffsetSeconds: number | null;
  clockOffsetBounds: [number, number] | null;
  clockReference: string | null;
  clockOffsetMethod: string | null;
}

/** A signal once its time is resolved on the common (skew-corrected) axis. */
export interface ResolvedSignal extends Signal {
  /** Epoch ms on the common axis, or null when it could not be placed. */
  at: number | null;
  time: Time;
}

export interface InputSummary {
  file: string;
  format: string;
  host: string | null;
  lines: number;
  unparsed: number;
  skipped?: boolean;
  error?: string;
}

/**
 * The state every cross-input stage reads and extends. Per-input detectors fill `drafts`, `signals`,
 * `series` and host anchors/facts; stages then resolve clocks, merge, correlate, match and route.
 */
export interface Analysis {
  options: AnalyzeOptions;
  hosts: Map<string, HostState>;
  /** When set, every fact committed, in order: a worker's job hands it back to be replayed on the main thread. */
  factLog?: Array<[host: string, name: FactName, value: string]>;
  drafts: FindingDraft[];
  signals: ResolvedSignal[];
  series: SeriesDraft[];
  inputs: InputSummary[];
  diagnostics: Diagnostic[];
  findings: Finding[];
  correlations: Correlation[];
  firstAnomaly: Report['firstAnomaly'];
  conclusion: Report['conclusion'];
  knownIssues: KnownIssueMatch[];
  requests: InfoRequest[];
  upstream: Report['upstream'];
  /** Resolves a host's stamp to the common axis (set by the clock stage; identity-ish before it). */
  resolve: (host: string, stamp: import('../model/time.js').Stamp) => { at: number | null; time: Time };
}

/** One cross-input step; stages run in the order of the list in `src/pipeline/stages.ts`. */
export interface Stage {
  readonly name: string;
  run(analysis: Analysis): void | Promise<void>;
}

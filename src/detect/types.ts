import type { ParsedRecord } from '../model/record.js';
import type { Observation } from '../model/observation.js';

/** What a per-input detector knows of the input it watches. */
export interface DetectContext {
  file: string;
  /** The input's host (lines may override it with their own host field). */
  host: string;
  format: string;
  /** Kernel release of the host when already known (from `uname`, an earlier input): may be null. */
  kernelRelease: () => string | null;
}

export type Emit = (observation: Observation) => void;

/**
 * A streaming detector over the records of one input, in file order. It keeps bounded state (one
 * report's lines, a rolling window) and emits observations as soon as it can.
 */
export interface RecordDetector {
  push(record: ParsedRecord, emit: Emit): void;
  end(emit: Emit): void;
}

export interface Detector {
  /** Registry key, also the module's file name and the name users see in diagnostics. */
  readonly name: string;
  create(ctx: DetectContext): RecordDetector;
}

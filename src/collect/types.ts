import { z } from 'zod';
import type { RunResult } from './run-command.js';

/** What every collection item can see: the time window, the limits, who we run as. */
export interface CollectContext {
  /** Start of the log window (epoch ms), from `--since`; null = everything available. */
  sinceMs: number | null;
  now: Date;
  isRoot: boolean;
  /** Default per-command timeout (ms), from `--timeout`. */
  timeoutMs: number;
  /** Default cap on one item's output (bytes). */
  maxBytes: number;
}

/** Where an item's content comes from. */
export type ItemSource =
  /** One or more commands whose outputs are concatenated; `null` when the input is absent (reason). */
  | { kind: 'command'; commands: (ctx: CollectContext) => string[][] | { absent: string } }
  /** A file, optionally reduced to the lines matching `lines`. */
  | { kind: 'file'; path: string; lines?: RegExp }
  /** Every file in `dir` matching `match` (rotated logs), gunzipped; each becomes its own output. */
  | { kind: 'files'; dir: string; match: RegExp }
  /** Code that needs several steps (scanning /proc); it runs its commands through the given runner. */
  | { kind: 'producer'; produce: (ctx: CollectContext, run: CommandRunner) => Promise<ProducerResult> };

export interface ProducerResult {
  text: string;
  /** Notes for the manifest (tasks whose stack timed out, ...). */
  notes: string[];
  status?: 'collected' | 'denied' | 'empty';
}

export type CommandRunner = (
  argv: string[],
  opts?: { timeoutMs?: number; maxBytes?: number },
) => Promise<RunResult>;

/**
 * One row of the collection table: what to fetch, how long it may take, whether root is needed.
 * `name` is the file name in the bundle (its extension tells the format).
 */
export interface CollectItem {
  name: string;
  why: string;
  format: 'text' | 'json' | 'journal-json' | 'dmesg' | 'syslog' | 'sadf-json';
  source: ItemSource;
  needsRoot?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** Logs: keep the newest part when over the cap (logs are oldest first). */
  keep?: 'head' | 'tail';
  /** Skip when one of these items was collected (the journal already has what kern.log would add). */
  coveredBy?: string[];
}

export const ItemStatusSchema = z.enum(['collected', 'missing', 'denied', 'timeout', 'empty', 'failed', 'skipped']);
export type ItemStatus = z.infer<typeof ItemStatusSchema>;

export const ManifestEntrySchema = z.object({
  name: z.string(),
  /** Path inside the bundle, when something was written. */
  file: z.string().nullable(),
  source: z.string(),
  status: ItemStatusSchema,
  reason: z.string().nullable(),
  bytes: z.number().int(),
  truncated: z.boolean(),
  durationMs: z.number().int(),
  needsRoot: z.boolean(),
  notes: z.array(z.string()).optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const RedactionSummarySchema = z.record(
  z.string(),
  z.object({ values: z.number().int(), replacements: z.number().int() }),
);

export const ManifestSchema = z.object({
  tool: z.literal('ktriage collect'),
  version: z.number().int(),
  createdAt: z.string(),
  host: z.string(),
  runAsRoot: z.boolean(),
  since: z.string().nullable(),
  timeoutMs: z.number().int(),
  maxBytes: z.number().int(),
  items: z.array(ManifestEntrySchema),
  redaction: RedactionSummarySchema.nullable(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

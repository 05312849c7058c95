import { z } from 'zod';

/**
 * A position in time as the report publishes it. `wall` is ISO 8601 with offset when known; `uptime` is
 * seconds since boot when the source gave it; `boot` tells boots of one host apart (0 = first seen).
 * `estimated` and `uncertaintySeconds` say when `wall` was derived (from an anchor, a skew correction).
 */
export const TimeSchema = z.object({
  wall: z.string().nullable(),
  uptime: z.number().nullable(),
  boot: z.number().int().nullable(),
  estimated: z.boolean().optional(),
  uncertaintySeconds: z.number().optional(),
});
export type Time = z.infer<typeof TimeSchema>;

/**
 * The internal stamp of one record: what its source said, before clock resolution.
 * `wallMs` is epoch milliseconds (UTC) once the parser could resolve it (year, time zone known).
 */
export interface Stamp {
  wallMs?: number;
  uptime?: number;
  boot?: number;
  /** wallMs was inferred (year from file mtime, default time zone, anchor) rather than read. */
  estimated?: boolean;
  uncertaintySeconds?: number;
}

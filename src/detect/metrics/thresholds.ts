/**
 * When a change in a metric series is significant. Each value is a trade-off between missing a real
 * incident and flagging noise; they are documented here so that a reader of a finding can check it.
 */
export const CHANGE_THRESHOLDS = {
  /** Trailing samples forming the baseline (15 one-minute sar samples: a quarter of an hour). */
  window: 15,
  /** No detection before the baseline has this many samples: a median of 2 values is no baseline. */
  minBaseline: 5,
  /** The new value must depart from the median by this many robust standard deviations (MAD × 1.4826). */
  spreads: 6,
  /** ... and by this share of the baseline level (50%): a busy series wobbling 20% is not an incident. */
  minRelative: 0.5,
  /** ... and by at least one unit (1 kB, 1 /s, 1 %, 1 ms): near-zero series (0 → 0.3 drops/s) stay quiet. */
  minAbsolute: 1,
  /** The step from the previous sample must carry half the departure: a slow ramp is not a sudden change. */
  stepShare: 0.5,
  /** Samples after the change that must stay departed (same direction, half the change) to confirm it. */
  confirmations: 2,
  confirmShare: 0.5,
  /** Recovered once back within 10% of the change from the old level. */
  recoveryShare: 0.1,
  /** A new level whose own spread is within 10% of the change is a level shift: the baseline restarts. */
  plateauShare: 0.1,
  /** After this many samples without recovery or plateau, the episode ends unrecovered. */
  maxEpisode: 240,
} as const;

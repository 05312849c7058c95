/**
 * When a change in a metric series is significant. Each value is a trade-off between missing a real
 * incident and flagging noise; they are documented here so that a reader of a finding can check it.
 *
 * "Spread" is a robust estimate of the series' noise (a standard deviation for normal noise). It must not
 * collapse when a window happens to be tight (15 samples of uniform noise can by chance have a tiny MAD,
 * and then any ordinary value looks like a change), so it pools two estimates: the median absolute step
 * between consecutive samples over a long trailing window (it ignores level shifts and is kept across
 * episodes, so it is there even right after one), and the baseline window's MAD and IQR (which also see
 * slow wander that small steps hide). While the baseline is shorter than `fullBaseline` the spread is
 * widened by √(fullBaseline / n): a few samples give a poor estimate.
 *
 * Checked by simulation over 6 million samples: i.i.d. uniform and normal noise of any range gave no
 * change point, and steps of 5-7.5 standard deviations and 50% after a full baseline were found in 99.9%
 * of series (an exact 5σ step under normal noise is missed now and then: tails of the new level look like
 * the old one); change-point.test.ts checks noise and 6σ steps as properties.
 */
export const CHANGE_THRESHOLDS = {
  /** Trailing samples forming the baseline (30 one-minute sar samples: half an hour). */
  window: 30,
  /** No detection before the baseline has this many samples: a median of 2 values is no baseline. */
  minBaseline: 10,
  /** Trailing consecutive differences for the step-based spread (an hour of one-minute samples). */
  jitterWindow: 60,
  /**
   * Median |x[i] − x[i−1]| divided by this estimates a standard deviation: for normal noise the difference
   * of two samples has sd σ√2, whose median absolute value is 0.6745·σ√2 = 0.954σ.
   */
  jitterScale: 0.954,
  /** IQR / 1.349 estimates a standard deviation for normal noise (MAD × 1.4826 is the other one). */
  iqrScale: 1 / 1.349,
  /** Baseline samples from which the spread estimate is trusted as it is. */
  fullBaseline: 30,
  /** The change sample and the samples after it that form the candidate's new level. */
  confirmWindow: 4,
  /**
   * Each of them departs in the change's direction by at least this share of the change; one of the
   * later ones may fall short, and then the change sample must reach `gapChangeShare` of the new level.
   */
  confirmShare: 0.5,
  gapChangeShare: 0.75,
  /** The candidate's new level (median of its window) departs from the baseline median by this many spreads. */
  candidateSpreads: 2.5,
  /**
   * The first run of departed samples (up to `runWindow` of them) must have its median this many spreads
   * from the old level. Judged over more samples than the candidate, so noise rarely passes while a
   * clear step of 5 spreads keeps a wide margin.
   */
  spreads: 3,
  runWindow: 8,
  /** ... and by this share of the baseline level (50%): a busy series wobbling 20% is not an incident. */
  minRelative: 0.5,
  /** ... and by at least one unit (1 kB, 1 /s, 1 %, 1 ms): near-zero series (0 → 0.3 drops/s) stay quiet. */
  minAbsolute: 1,
  /**
   * The candidate's samples must lie outside the baseline's range, the single most extreme value on each
   * side set aside once the baseline has this many samples (one outlier must not hide a change).
   */
  trimFrom: 20,
  /**
   * The new level must also depart from the baseline's most recent values (their median) by this share
   * of the change: a slow ramp has already moved the recent values and is not a sudden change.
   */
  recentSamples: 3,
  suddenShare: 0.5,
  /**
   * A run of departed samples no longer than this (a dip that recovers within a few samples) is noise
   * unless the change reaches `briefSpreads` spreads: real incidents in per-minute data last longer, or
   * are extreme (the page cache emptied for three minutes is still news). One sample of the run may fall
   * short of the change (a tail of normal noise) without ending it.
   */
  briefEpisode: 5,
  briefSpreads: 12,
  /** Recovered once back within 10% of the change from the old level. */
  recoveryShare: 0.1,
  /**
   * A new level whose own spread (over `plateauSamples`) is within 10% of the change is a level shift:
   * the baseline restarts.
   */
  plateauSamples: 15,
  plateauShare: 0.1,
  /** After this many samples without recovery or plateau, the episode ends unrecovered. */
  maxEpisode: 240,
} as const;

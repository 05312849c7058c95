import { createRobustWindow, medianOf } from './robust-window.js';
import { CHANGE_THRESHOLDS as T } from './thresholds.js';

/** One sample of a series: time (epoch ms, end of the interval it describes), value, source line. */
export interface Sample {
  t: number;
  v: number;
  line: number;
  /** Start of the interval the value describes (sar: the previous row; CSV: the previous sample). */
  start: number | null;
}

/** A confirmed sudden change of one series and what happened after it. */
export interface ChangePoint {
  direction: 'drop' | 'surge';
  before: number;
  /** The value of the change sample (the first at the new level). */
  after: number;
  /** The new level: median of the change sample and its confirmations. */
  level: number;
  spread: number;
  /** The last sample before the change (the baseline side), when there is one. */
  previous: Sample | null;
  change: Sample;
  confirmations: Sample[];
  /** The most extreme value of the episode (lowest for a drop, highest for a surge). */
  peak: number;
  /** First sample back within reach of the old level, or null when it did not recover. */
  recovery: Sample | null;
}

type Window = ReturnType<typeof createRobustWindow>;
type State =
  | { mode: 'baseline' }
  /** `inRun`: the episode is still in its first run of departed samples (one gap allowed), not yet judged. */
  | { mode: 'episode'; cp: ChangePoint; episode: Sample[]; post: Window; inRun: boolean };

/**
 * A streaming change-point tracker for one series (see CHANGE_THRESHOLDS). Feed samples in time order;
 * it holds back the last few samples (the confirming window), returns a ChangePoint when an episode ends
 * (recovered, settled on a new level, or too long), and `end()` returns one still open. State is a few
 * fixed-size windows whatever the series' length.
 *
 * A change is found in two steps: a candidate (the change sample and the next few form a new level far
 * from the baseline, outside its range, reached suddenly), then a judgement of its first run of departed
 * samples (long enough, and its median still far from the old level), unless the change is extreme.
 *
 * @example const tr = createChangeTracker(); for (const s of samples) tr.push(s).forEach(report);
 */
export function createChangeTracker() {
  const baseline = createRobustWindow(T.window);
  /** |x[i] − x[i−1]| over a long window, kept across episodes: the spread floor that does not collapse. */
  const jitter = createRobustWindow(T.jitterWindow);
  /** Samples waiting for their confirming window, oldest first (at most T.confirmWindow). */
  const ahead: Sample[] = [];
  let state: State = { mode: 'baseline' };
  let previous: Sample | null = null;
  let last: number | null = null;

  /** See CHANGE_THRESHOLDS: pooled step and level spreads, widened while the baseline is short. */
  const spreadOf = (): number => {
    const fromSteps = jitter.size > 0 ? jitter.median() / T.jitterScale : 0;
    const fromLevel = (baseline.spread() + (baseline.quantile(0.75) - baseline.quantile(0.25)) * T.iqrScale) / 2;
    const pooled = jitter.size > 0 ? (fromSteps + fromLevel) / 2 : fromLevel;
    return Math.max(pooled * Math.max(1, Math.sqrt(T.fullBaseline / baseline.size)), 1e-9);
  };

  /** Is `window[0]` a candidate change, the samples after it forming the new level with it? */
  const evaluate = (window: Sample[]): ChangePoint | null => {
    if (baseline.size < T.minBaseline) return null;
    const before = baseline.median();
    const level = medianOf(window.map((s) => s.v));
    const delta = level - before;
    const size = Math.abs(delta);
    // Cheap level tests first: most samples of most series stop here without computing a spread.
    if (size < T.minAbsolute || (before !== 0 && size < T.minRelative * Math.abs(before))) return null;
    const sign = Math.sign(delta);
    // Every sample of the window departs in the change's direction by half the change, the change sample
    // itself included; one later sample may fall short (a normal tail), not two.
    const short = window.map((s) => Math.sign(s.v - before) !== sign || Math.abs(s.v - before) < T.confirmShare * size);
    const shorts = short.filter(Boolean).length;
    if (short[0] || shorts > 1) return null;
    // The new level is that of the samples that hold it; the change sample must hold it too (a sample
    // just before a step, pulled along by the median, is not the change).
    const held = window.filter((_, i) => !short[i]).map((s) => s.v);
    const heldLevel = medianOf(held);
    if (held.some((v) => Math.abs(v - before) < T.confirmShare * Math.abs(heldLevel - before))) return null;
    // With a sample short, a noise tail just before a step could pass for its first sample: the change
    // sample must then sit close to the new level.
    if (shorts > 0 && Math.abs(window[0].v - before) < T.gapChangeShare * Math.abs(heldLevel - before)) return null;
    const spread = spreadOf();
    if (size < T.candidateSpreads * spread) return null;
    // The new level's samples lie outside the baseline's range (its single most extreme values aside).
    const trim = baseline.size >= T.trimFrom ? 1 : 0;
    const lo = baseline.orderStatistic(trim);
    const hi = baseline.orderStatistic(baseline.size - 1 - trim);
    if (window.some((s, i) => !short[i] && s.v >= lo && s.v <= hi)) return null;
    // Sudden, not a ramp: the most recent baseline values had not already moved towards the new level.
    const recent = medianOf(baseline.recent(T.recentSamples));
    if (sign * (level - recent) < T.suddenShare * size) return null;
    const [change, ...confirmations] = window;
    const peak = sign < 0 ? Math.min(...window.map((s) => s.v)) : Math.max(...window.map((s) => s.v));
    return {
      direction: sign < 0 ? 'drop' : 'surge', before, after: change.v, level, spread, previous, change,
      confirmations, peak, recovery: null,
    };
  };

  /** Does `v` still depart from the old level in the change's direction by half the change? */
  const departed = (cp: ChangePoint, v: number) => {
    const d = v - cp.before;
    return (cp.direction === 'drop' ? d < 0 : d > 0) && Math.abs(d) >= T.confirmShare * Math.abs(cp.level - cp.before);
  };

  /**
   * Is the first run of departed samples a change? Extreme changes count however short; otherwise the run
   * must outlast T.briefEpisode samples (a dip of a few samples is noise) and its own median must stay
   * T.spreads spreads and T.minRelative away from the old level.
   */
  const judge = (cp: ChangePoint, run: Sample[]): boolean => {
    if (Math.abs(cp.level - cp.before) >= T.briefSpreads * cp.spread) return true;
    const held = run.filter((s) => departed(cp, s.v));
    if (held.length <= T.briefEpisode) return false;
    const size = Math.abs(medianOf(held.map((s) => s.v)) - cp.before);
    return size >= T.spreads * cp.spread && (cp.before === 0 || size >= T.minRelative * Math.abs(cp.before));
  };

  const open = (cp: ChangePoint, window: Sample[]) => {
    const post = createRobustWindow(T.window);
    for (const s of window) post.push(s.v);
    state = { mode: 'episode', cp, episode: [...window], post, inRun: true };
  };

  /** Ends an episode: the baseline restarts from the newest values (the recovered or new level). */
  const finish = (restart: number[]) => {
    baseline.clear();
    for (const v of restart) baseline.push(v);
    state = { mode: 'baseline' };
  };

  /** A candidate judged as noise: its samples rejoin the baseline (the median shrugs them off). */
  const absorb = (episode: Sample[]) => {
    for (const x of episode) baseline.push(x.v);
    state = { mode: 'baseline' };
  };

  /**
   * One sample inside an episode; returns the change points ended by it, or 'reread' when the sample
   * ended a run judged as noise and must be read again as an ordinary sample.
   */
  const follow = (s: Sample): ChangePoint[] | 'reread' => {
    if (state.mode !== 'episode') return [];
    const { cp, post, episode } = state;
    const add = () => {
      post.push(s.v);
      episode.push(s);
      cp.peak = cp.direction === 'drop' ? Math.min(cp.peak, s.v) : Math.max(cp.peak, s.v);
    };
    if (state.inRun) {
      const size = Math.abs(cp.level - cp.before);
      const gaps = episode.filter((x) => !departed(cp, x.v)).length;
      // One sample short of the change (a normal tail) does not end the run; a second one, or a sample
      // back at the old level, does.
      const gap = !departed(cp, s.v) && gaps === 0 && Math.abs(s.v - cp.before) > T.recoveryShare * size;
      if (departed(cp, s.v) || gap) {
        add();
        if (episode.length - gaps < T.runWindow) return [];
        if (judge(cp, episode)) state.inRun = false;
        else absorb(episode);
        return [];
      }
      if (!judge(cp, episode)) {
        absorb(episode);
        return 'reread';
      }
      state.inRun = false;
    }
    add();
    const size = Math.abs(cp.level - cp.before);
    if (Math.abs(s.v - cp.before) <= T.recoveryShare * size) {
      cp.recovery = s;
      finish([s.v]);
      return [cp];
    }
    if (post.size >= T.plateauSamples && post.spread() <= T.plateauShare * size) {
      finish(post.values());
      return [cp];
    }
    if (episode.length >= T.maxEpisode) {
      finish(post.values());
      return [cp];
    }
    return [];
  };

  /** Decides the oldest held-back sample: a candidate (an episode opens) or one more baseline value. */
  const decide = (window: Sample[]): void => {
    const cp = evaluate(window);
    if (cp) {
      ahead.splice(0, window.length);
      open(cp, window);
      return;
    }
    const s = ahead.shift()!;
    baseline.push(s.v);
    previous = s;
  };

  const push = (s: Sample): ChangePoint[] => {
    if (last !== null) jitter.push(Math.abs(s.v - last));
    last = s.v;
    if (state.mode === 'episode') {
      const done = follow(s);
      if (done !== 'reread') {
        previous = s;
        return done;
      }
    }
    ahead.push(s);
    if (ahead.length >= T.confirmWindow) decide(ahead.slice(0, T.confirmWindow));
    return [];
  };

  /**
   * At the end of the input: held-back samples are decided with what there is (a candidate confirmed by
   * at least one later sample), and an open episode is reported unrecovered if its run so far is judged
   * a change.
   */
  const end = (): ChangePoint[] => {
    while (state.mode === 'baseline' && ahead.length >= 2) decide([...ahead]);
    const open = state.mode === 'episode' && (!state.inRun || judge(state.cp, state.episode)) ? [state.cp] : [];
    state = { mode: 'baseline' };
    return open;
  };

  return { push, end };
}

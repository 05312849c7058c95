import { createRobustWindow } from './robust-window.js';
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
  after: number;
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

type State =
  | { mode: 'baseline' }
  | { mode: 'pending'; cp: ChangePoint }
  | { mode: 'episode'; cp: ChangePoint; since: number; post: ReturnType<typeof createRobustWindow> };

/**
 * A streaming change-point tracker for one series (see CHANGE_THRESHOLDS). Feed samples in time order;
 * it returns a ChangePoint when an episode ends (recovered, settled on a new level, or too long), and
 * `end()` returns one still open. State is a fixed-size window whatever the series' length.
 *
 * @example const tr = createChangeTracker(); for (const s of samples) tr.push(s).forEach(report);
 */
export function createChangeTracker() {
  const window = createRobustWindow(T.window);
  let state: State = { mode: 'baseline' };
  let previous: Sample | null = null;

  const departed = (cp: ChangePoint, s: Sample) => {
    const delta = cp.after - cp.before;
    const d = s.v - cp.before;
    return Math.sign(d) === Math.sign(delta) && Math.abs(d) >= T.confirmShare * Math.abs(delta);
  };

  const candidate = (s: Sample): ChangePoint | null => {
    if (window.size < T.minBaseline) return null;
    const before = window.median();
    const spread = Math.max(window.spread(), 1e-9);
    const delta = s.v - before;
    const size = Math.abs(delta);
    if (size < T.minAbsolute || size < T.spreads * spread) return null;
    if (before !== 0 && size < T.minRelative * Math.abs(before)) return null;
    if (previous && Math.abs(s.v - previous.v) < T.stepShare * size) return null;
    return {
      direction: delta < 0 ? 'drop' : 'surge', before, after: s.v, spread, previous, change: s,
      confirmations: [], peak: s.v, recovery: null,
    };
  };

  /** Ends an episode: the baseline restarts from the newest values (the recovered or new level). */
  const finish = (cp: ChangePoint, restart: number[]): ChangePoint => {
    window.clear();
    for (const v of restart) window.push(v);
    state = { mode: 'baseline' };
    return cp;
  };

  const push = (s: Sample): ChangePoint[] => {
    const out: ChangePoint[] = [];
    if (state.mode === 'pending') {
      const cp = state.cp;
      if (departed(cp, s)) {
        cp.confirmations.push(s);
        cp.peak = cp.direction === 'drop' ? Math.min(cp.peak, s.v) : Math.max(cp.peak, s.v);
        if (cp.confirmations.length >= T.confirmations) {
          const post = createRobustWindow(T.window);
          for (const c of [cp.change, ...cp.confirmations]) post.push(c.v);
          state = { mode: 'episode', cp, since: post.size, post };
        }
      } else {
        // A lone spike: it joins the baseline (the median ignores it) and detection goes on.
        window.push(cp.change.v);
        for (const c of cp.confirmations) window.push(c.v);
        state = { mode: 'baseline' };
      }
    } else if (state.mode === 'episode') {
      const { cp, post } = state;
      post.push(s.v);
      state.since += 1;
      cp.peak = cp.direction === 'drop' ? Math.min(cp.peak, s.v) : Math.max(cp.peak, s.v);
      const delta = Math.abs(cp.after - cp.before);
      if (Math.abs(s.v - cp.before) <= T.recoveryShare * delta) {
        cp.recovery = s;
        out.push(finish(cp, [s.v]));
      } else if (post.size >= T.window && post.spread() <= T.plateauShare * delta) {
        out.push(finish(cp, post.values()));
      } else if (state.since >= T.maxEpisode) {
        out.push(finish(cp, post.values()));
      }
    }
    if (state.mode === 'baseline' && out.length === 0) {
      const cp = candidate(s);
      if (cp) state = { mode: 'pending', cp };
      else window.push(s.v);
    }
    previous = s;
    return out;
  };

  /** At the end of the input: an open episode is reported; a change with one confirming sample too. */
  const end = (): ChangePoint[] => {
    if (state.mode === 'episode') return [state.cp];
    if (state.mode === 'pending' && state.cp.confirmations.length > 0) return [state.cp];
    return [];
  };

  return { push, end };
}

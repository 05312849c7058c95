import { globalSkip } from './skip-frames.js';
import { hungAnchors, hungWaitParts, softStallAnchor, stallAnchor, stallAnswer } from './stall-anchors.js';
import type { FrameSource } from './report-kinds.js';
import { normalizeSyscall, stripCloneSuffix } from './normalize.js';

/** One candidate for the guilty frame, in report order. */
export interface Candidate {
  function: string;
  /** Index of the frame in the report's frame list, -1 for a name read from a header or RIP line. */
  frameIndex: number;
  /** Module of a RIP line's function (`[ext4]`), when printed. */
  module?: string | null;
}

export interface GuiltyResult {
  /** The raw function name chosen, null when none survived. */
  function: string | null;
  /** Index into the candidate list of the choice (for the frames after it, used by signatures). */
  at: number;
  reason?: string;
}

const skipCache = new Map<string, RegExp | null>();
function kindSkip(extra: readonly string[] | undefined): RegExp | null {
  if (!extra || extra.length === 0) return null;
  const key = extra.join('\u0000');
  let re = skipCache.get(key);
  if (re === undefined) {
    re = new RegExp(extra.map((p) => `(?:${p})`).join('|'));
    skipCache.set(key, re);
  }
  return re;
}

/** Layers 1 and 2: the global list and the kind's own. */
export function isSkipped(fn: string, extra: readonly string[] | undefined): boolean {
  const name = stripCloneSuffix(fn);
  if (globalSkip.test(name)) return true;
  return kindSkip(extra)?.test(name) ?? false;
}

/** The first candidate that survives the skip layers and the kind's extractor. */
export function chooseGuilty(source: FrameSource, candidates: readonly Candidate[], extraSkip?: readonly string[]): GuiltyResult {
  if (source === 'hung') return hung(candidates, extraSkip);
  if (source === 'stall') return stall(candidates, extraSkip);
  for (let i = 0; i < candidates.length; i++) {
    if (!isSkipped(candidates[i].function, extraSkip)) return { function: candidates[i].function, at: i };
  }
  return { function: null, at: -1, reason: candidates.length ? 'every frame is generic code' : 'no frames in the report' };
}

function hung(candidates: readonly Candidate[], extraSkip?: readonly string[]): GuiltyResult {
  for (let i = 0; i < candidates.length; i++) {
    const name = stripCloneSuffix(candidates[i].function);
    const anchor = hungAnchors.find((a) => a.pattern.test(name));
    if (anchor) return { function: anchor.name, at: i };
    if (isSkipped(name, extraSkip)) continue;
    if (hungWaitParts.some((p) => name.includes(p))) continue;
    return { function: candidates[i].function, at: i };
  }
  return { function: null, at: -1, reason: candidates.length ? 'only waiting frames in the trace' : 'no frames in the report' };
}

function stall(candidates: readonly Candidate[], extraSkip?: readonly string[]): GuiltyResult {
  // A CPU spinning in a cross-CPU call anywhere on its stack waits for the others: that is the answer.
  for (let i = 0; i < candidates.length; i++) {
    const answer = stallAnswer.find((a) => a.pattern.test(candidates[i].function));
    if (answer) return { function: answer.name, at: i };
  }
  let last = -1;
  for (let i = 0; i < candidates.length; i++) {
    const name = stripCloneSuffix(candidates[i].function);
    if (stallAnchor.test(name) || stallAnchor.test(normalizeSyscall(name))) {
      if (last >= 0) return { function: candidates[last].function, at: last };
      continue;
    }
    if (softStallAnchor.test(name)) {
      if (last >= 0) return { function: candidates[last].function, at: last };
      if (!isSkipped(name, extraSkip)) last = i;
      continue;
    }
    if (!isSkipped(name, extraSkip)) last = i;
  }
  return { function: null, at: -1, reason: candidates.length ? 'no dispatcher frame below the stalled code' : 'no frames in the report' };
}

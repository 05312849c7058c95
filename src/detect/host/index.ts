import type { Stage } from '../../pipeline/types.js';
import { hostFacts } from './host-facts.js';

export { distroFromRelease, describeRelease, type DistroInfo } from './distro.js';
export { decodeTaintLetters, decodeTaintMask, TAINT_FLAGS, type TaintFlag } from './taint.js';
export { kernelSummary, deriveHostFacts, taintMaskOf } from './host-facts.js';

/** Cross-input host steps, first of all stages: distro and taint for every later consumer. */
export const hostStages: Stage[] = [hostFacts];

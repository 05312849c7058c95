import type { Stage } from '../pipeline/types.js';
import { createKbStage } from './stage.js';

/** Known issues, requests to the reporter and upstream routes; runs after correlation, before history. */
export const kbStages: Stage[] = [createKbStage()];

export { loadKb, builtinKbDir } from './loader.js';
export { parseKernelRelease } from './versions.js';

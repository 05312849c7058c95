import type { Detector } from './types.js';
import { kernelDetectors } from './kernel/index.js';
import { storageDetectors } from './storage/index.js';
import { metricDetectors } from './metrics/index.js';
import { networkDetectors } from './network/index.js';
import { messageDetectors } from './messages/index.js';

/** Every per-input detector; each sees every record of every input and ignores what is not its own. */
export const detectors: readonly Detector[] = [
  ...kernelDetectors,
  ...messageDetectors,
  ...storageDetectors,
  ...networkDetectors,
  ...metricDetectors,
];

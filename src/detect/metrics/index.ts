import type { Detector } from '../types.js';
import { metricChangeDetector } from './metric-change.js';

/** Per-input detectors over MetricRecords. */
export const metricDetectors: Detector[] = [metricChangeDetector];

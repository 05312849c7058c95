import type { Detector } from '../types.js';
import { kernelReportsDetector } from './kernel-reports.js';

export const kernelDetectors: Detector[] = [kernelReportsDetector];

export { extractReports, type KernelReport } from './extract.js';
export { splitConsolePrefix, type ConsoleLine } from './console-prefix.js';
export { kernelReportsDetector, toDraft } from './kernel-reports.js';
export { reportKinds, type ReportKind } from './report-kinds.js';

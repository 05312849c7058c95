import type { Stage } from './types.js';
import { hostStages } from '../detect/host/index.js';
import { timelineStages } from '../timeline/index.js';
import { networkStages } from '../detect/network/index.js';
import { metricCorrelationStages } from '../correlate/metrics/index.js';
import { conclusionStages, incidentStages } from '../correlate/incident/index.js';
import { kbStages } from '../kb/index.js';
import { historyStages } from '../store/index.js';
import { addFindings } from './findings.js';

/** Per-input drafts become findings once clocks and skew are known. */
const mergeFindings: Stage = {
  name: 'merge-findings',
  run(analysis) {
    addFindings(analysis, analysis.drafts);
    analysis.drafts = [];
  },
};

/** Cross-input stages in the order they run; each reads what the ones before it wrote. */
export const stages: readonly Stage[] = [
  ...hostStages,
  ...timelineStages,
  mergeFindings,
  ...networkStages,
  ...metricCorrelationStages,
  ...incidentStages,
  ...kbStages,
  ...conclusionStages,
  ...historyStages,
];

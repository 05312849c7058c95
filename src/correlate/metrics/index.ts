import type { Stage } from '../../pipeline/types.js';
import { capacityUnitStage } from './capacity-units.js';
import { metricCorrelationStage } from './metric-correlation.js';

/** After findings exist: settle capacity units by the host's kernel, then link events and metric changes. */
export const metricCorrelationStages: Stage[] = [capacityUnitStage, metricCorrelationStage];

import type { Stage } from '../../pipeline/types.js';
import { firstAnomalyStage, incidentChainStage } from './order.js';
import { conclusionStage } from './conclusion.js';

/** Order the findings and mark the first anomaly, link the chain, then conclude from both. */
export const incidentStages: Stage[] = [firstAnomalyStage, incidentChainStage, conclusionStage];

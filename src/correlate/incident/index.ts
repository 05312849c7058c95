import type { Stage } from '../../pipeline/types.js';
import { firstAnomalyStage, incidentChainStage } from './order.js';
import { conclusionStage } from './conclusion.js';

/** Order the findings and mark the first anomaly, then link the chain. */
export const incidentStages: Stage[] = [firstAnomalyStage, incidentChainStage];

/** The conclusion reads the chain and the matched known issues, so it runs after the knowledge base. */
export const conclusionStages: Stage[] = [conclusionStage];

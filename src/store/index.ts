import type { Stage } from '../pipeline/types.js';
import { historyStage } from './history-stage.js';

export { openHistory, defaultHistoryPath } from './open.js';
export { migrate, migrations, type Migration } from './migrations.js';
export { recordAnalysis, type AnalysisRecord, type Seen } from './record.js';
export { listHistory, countAnalyses, type HistoryRow, type HistoryFilter } from './query.js';
export { historyStage, toRecord } from './history-stage.js';

/** Runs last, after the knowledge base, so matched known issues are recorded with the findings. */
export const historyStages: Stage[] = [historyStage];

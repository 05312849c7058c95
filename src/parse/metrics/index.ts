import type { Parser } from '../types.js';
import { csvParser } from './csv.js';
import { sadfJsonParser } from './sadf-json.js';
import { sarParser } from './sar.js';
import { snapshotParser } from './snapshot.js';

/** Metric table formats (sar, sadf -j, CSV/TSV, date-stamped meminfo/free/vmstat snapshots). */
export const metricParsers: Parser[] = [sarParser, sadfJsonParser, csvParser, snapshotParser];

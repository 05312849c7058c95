import type { Stage } from '../pipeline/types.js';
import { clocksStage } from './clocks.js';
import { skewStage } from './skew.js';
import { mergeSignalsStage } from './merge-signals.js';

/**
 * Clock stages in order: `clocks` installs the resolver (anchors, boot time, time zones) and places the
 * signals on each host's own clock; `skew` measures the offsets between hosts from exchanges both ends
 * logged, stores them on the hosts and re-places the signals on the corrected axis; `merge-signals`
 * k-way merges the inputs' signals into one ordered stream. Findings are merged after these, so their
 * times are final.
 */
export const timelineStages: Stage[] = [clocksStage, skewStage, mergeSignalsStage];

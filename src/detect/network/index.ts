import type { Detector } from '../types.js';
import type { Stage } from '../../pipeline/types.js';
import { dhcpDetector } from './dhcp/detector.js';
import { dhcpLeaseLossStage } from './dhcp/stage.js';
import { netStallDetector } from './stall/detector.js';
import { netStallStage } from './stall/stage.js';

/** Per-input detectors: DHCP lines and stall evidence become signals (read after clocks and skew). */
export const networkDetectors: Detector[] = [dhcpDetector, netStallDetector];
/** Cross-host stages, after the timeline: stalls first, then DHCP transactions judged against the servers. */
export const networkStages: Stage[] = [netStallStage, dhcpLeaseLossStage];

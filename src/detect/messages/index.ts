import type { Detector } from '../types.js';
import { createMessageDetector } from './engine.js';
import { FACT_ROWS, MESSAGE_ROWS, SIGNAL_ROWS } from './table.js';

/** Single-line kernel messages (fs errors, I/O errors, conntrack, MCE/EDAC, libceph) and input signals. */
export const messageDetectors: Detector[] = [createMessageDetector('messages', MESSAGE_ROWS, SIGNAL_ROWS, FACT_ROWS)];

import type { Detector } from '../types.js';
import { storageEventDetector } from './storage-detector.js';

/** Per-input detectors over kernel messages about block devices, filesystems, md, dm, SCSI and iSCSI. */
export const storageDetectors: Detector[] = [storageEventDetector];

import type { SeriesRole } from './series-roles.js';

/**
 * Which events explain which metric changes. An event explains a change when it happened inside the
 * sample interval of the change (or within `slackSeconds` before it: the clock precision of the logs).
 * Each row says why the mechanism exists.
 */
export interface EventRule {
  eventKinds: readonly string[];
  role: SeriesRole;
  direction: 'drop' | 'surge';
  confidence: 'low' | 'medium' | 'high';
  why: string;
}

export const EVENT_RULES: readonly EventRule[] = [
  {
    eventKinds: ['capacity_change'],
    role: 'page-cache',
    direction: 'drop',
    confidence: 'high',
    why: 'resizing a block device invalidated the page cache of the filesystem on it (flush_disk on a size change, before 4.17 also on growth)',
  },
  {
    eventKinds: ['capacity_change'],
    role: 'free-memory',
    direction: 'surge',
    confidence: 'medium',
    why: 'memory freed by the page-cache invalidation that followed the resize',
  },
  {
    eventKinds: ['fs_resize'],
    role: 'page-cache',
    direction: 'drop',
    confidence: 'medium',
    why: 'an online filesystem resize runs on a freshly resized device whose cache was invalidated',
  },
  {
    eventKinds: ['oom_kill'],
    role: 'page-cache',
    direction: 'drop',
    confidence: 'medium',
    why: 'memory pressure severe enough to kill a task also reclaims the page cache',
  },
  {
    eventKinds: ['oom_kill'],
    role: 'free-memory',
    direction: 'surge',
    confidence: 'medium',
    why: 'the killed task\'s memory was freed',
  },
  {
    eventKinds: ['md_resync'],
    role: 'read-io',
    direction: 'surge',
    confidence: 'medium',
    why: 'an md resync reads every member device',
  },
  {
    eventKinds: ['iscsi_conn_error', 'dm_path_failed', 'hung_task'],
    role: 'latency',
    direction: 'surge',
    confidence: 'medium',
    why: 'I/O stalled while the storage path was broken',
  },
];

/**
 * Metric changes that cause later ones: a page cache emptied must be refilled from disk (read surge),
 * and reads that used to hit memory now wait for the disk (latency rise).
 */
export interface ChainRule {
  from: { role: SeriesRole; direction: 'drop' | 'surge' };
  to: { role: SeriesRole; direction: 'drop' | 'surge' };
  /** The effect must end at most this many sample intervals after the cause. */
  maxIntervals: number;
  confidence: 'low' | 'medium' | 'high';
  why: string;
}

export const CHAIN_RULES: readonly ChainRule[] = [
  {
    from: { role: 'page-cache', direction: 'drop' },
    to: { role: 'read-io', direction: 'surge' },
    maxIntervals: 5,
    confidence: 'medium',
    why: 'data evicted from the page cache is read again from disk',
  },
  {
    from: { role: 'page-cache', direction: 'drop' },
    to: { role: 'io', direction: 'surge' },
    maxIntervals: 5,
    confidence: 'low',
    why: 'refilling the page cache adds disk transfers',
  },
  {
    from: { role: 'page-cache', direction: 'drop' },
    to: { role: 'latency', direction: 'surge' },
    maxIntervals: 5,
    confidence: 'medium',
    why: 'reads that hit memory before now wait for the disk',
  },
];

/** Log and metric clocks of one host are read in whole seconds: an event 1 s "before" may be inside. */
export const SLACK_SECONDS = 1;

/**
 * Kernel messages about storage changing under a running system: each row names the message, the
 * finding it gives and why it matters. Named groups: `dev` (device), `old`/`new` (sizes), `what`.
 * Rows with `role: 'start'`/`'end'` pair up per device into one finding spanning both lines.
 */
export interface StorageEventRule {
  id: string;
  kind: string;
  pattern: RegExp;
  subsystem: string;
  /** Title of the finding; `{dev}` and `{what}` are filled from the groups. */
  title: string;
  role?: 'start' | 'end';
  /** Extra details fixed by the rule (`operation: 'resync'`). */
  details?: Record<string, string>;
  why: string;
}

export const STORAGE_EVENT_RULES: readonly StorageEventRule[] = [
  {
    id: 'capacity-change',
    kind: 'capacity_change',
    pattern: /^(?<dev>[\w.:-]+): detected capacity change from (?<old>\d+) to (?<new>\d+)/,
    subsystem: 'block',
    title: 'capacity change of {dev}',
    why: 'A block device was resized online; before 4.17 a grow also invalidated the page cache on it.',
  },
  {
    id: 'ext4-resize-start',
    kind: 'fs_resize',
    pattern: /^EXT4-fs \((?<dev>[^)]+)\): resizing filesystem from (?<old>\d+) to (?<new>\d+) blocks/,
    subsystem: 'ext4',
    title: 'filesystem resize of {dev}',
    role: 'start',
    details: { filesystem: 'ext4', unit: 'blocks' },
    why: 'Online resize2fs: new block groups are written while the filesystem is in use.',
  },
  {
    id: 'ext4-resize-end',
    kind: 'fs_resize',
    pattern: /^EXT4-fs \((?<dev>[^)]+)\): resized filesystem to (?<new>\d+)/,
    subsystem: 'ext4',
    title: 'filesystem resize of {dev}',
    role: 'end',
    details: { filesystem: 'ext4', unit: 'blocks' },
    why: 'End of an online ext4 resize.',
  },
  {
    // XFS logs nothing when it grows; only the experimental shrink (5.12+) leaves a line.
    id: 'xfs-shrink',
    kind: 'fs_resize',
    pattern: /^XFS \((?<dev>[^)]+)\): EXPERIMENTAL online shrink feature in use/,
    subsystem: 'xfs',
    title: 'filesystem resize of {dev}',
    details: { filesystem: 'xfs', direction: 'shrink' },
    why: 'xfs_growfs shrinking a filesystem online.',
  },
  {
    id: 'md-sync-start',
    kind: 'md_resync',
    pattern: /^md: (?<what>resync|recovery|reshape|data-check|requested-resync) of RAID array (?<dev>md\w+)/,
    subsystem: 'md',
    title: 'md {what} of {dev}',
    role: 'start',
    why: 'An md array copies or checks all its data: heavy member I/O until done (grows trigger a resync of the new space).',
  },
  {
    id: 'md-sync-end',
    kind: 'md_resync',
    pattern: /^md: (?<dev>md\w+): (?<what>resync|recovery|reshape|data-check|requested-resync) (?<outcome>done|interrupted)/,
    subsystem: 'md',
    title: 'md {what} of {dev}',
    role: 'end',
    why: 'End of an md resync, recovery or reshape.',
  },
  {
    id: 'dm-path-failed',
    kind: 'dm_path_failed',
    pattern: /^device-mapper: multipath: (?:\d+:\d+: )?Failing path (?<dev>\d+:\d+)/,
    subsystem: 'dm',
    title: 'multipath path {dev} failed',
    why: 'A path of a multipath device went away (SAN, iSCSI session or HBA trouble).',
  },
  {
    id: 'dm-path-reinstated',
    kind: 'dm_path_reinstated',
    pattern: /^device-mapper: multipath: (?:\d+:\d+: )?Reinstating path (?<dev>\d+:\d+)/,
    subsystem: 'dm',
    title: 'multipath path {dev} reinstated',
    why: 'A failed multipath path came back.',
  },
  {
    id: 'scsi-unit-attention',
    kind: 'scsi_unit_attention',
    pattern:
      /^(?:sd|scsi) (?<dev>\d+:\d+:\d+:\d+): (?:\[\w+\] )?(?<what>Capacity data has changed|Inquiry data has changed|Mode parameters changed|Asymmetric access state changed|Warning! Received an indication that the LUN assignments on this target have changed)/,
    subsystem: 'scsi',
    title: 'SCSI target {dev}: {what}',
    why: 'The storage array told the host a LUN changed (resized, remapped): a rescan usually follows.',
  },
  {
    id: 'iscsi-conn-error',
    kind: 'iscsi_conn_error',
    pattern: /^ ?(?<dev>connection\d+:\d+): detected conn error \((?<what>\d+)\)/,
    subsystem: 'iscsi',
    title: 'iSCSI {dev} connection error',
    why: 'An iSCSI session lost its connection; I/O stalls until it recovers or times out.',
  },
];

/** `sd 3:0:0:1: [sdb] 419430400 512-byte logical blocks: (215 GB/200 GiB)`: the size the SCSI disk announced. */
export const LOGICAL_BLOCKS = /\[(?<dev>\w+)\] (?<blocks>\d+) (?<size>\d+)-byte logical blocks/;

/**
 * Cheap gate on the (start-trimmed) message: every rule above and LOGICAL_BLOCKS needs one of these
 * literals, so a line without any of them skips all the rule regexes. Keep in step with the rules.
 */
export const STORAGE_GATE =
  /detected capacity change from |^EXT4-fs \(|^XFS \(|^md: |^device-mapper: multipath: |Capacity data has changed|Inquiry data has changed|Mode parameters changed|Asymmetric access state changed|Warning! Received an indication|detected conn error|-byte logical blocks/;

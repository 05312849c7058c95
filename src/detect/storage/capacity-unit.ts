/**
 * The unit of `X: detected capacity change from A to B`. Until Linux 5.10 the message came from
 * check_disk_size_change() in fs/block_dev.c with sizes in bytes; the Nov-2020 block rework (merged for
 * 5.11) moved it into set_capacity_and_notify() in block/genhd.c, which prints 512-byte sectors
 * (research/seed-cases.md §C; example bytes `dm-4: ... from 34359738368 to 38654705664`, sectors
 * `loop0: ... from 0 to 4096`).
 */
export const SECTOR_UNIT_SINCE: readonly [number, number] = [5, 11];

export type CapacityUnit = 'bytes' | 'sectors';

/** Why the unit was chosen: the device's logical-block line, the kernel release, the sizes, or a default. */
export type UnitBasis = 'logical-blocks' | 'kernel-release' | 'same-host' | 'alignment' | 'assumed';

export interface UnitDecision {
  unit: CapacityUnit;
  basis: UnitBasis;
}

/** `4.4.0-116-generic` → [4, 4]; null when the release does not start with major.minor. */
export function releaseVersion(release: string | null): [number, number] | null {
  const m = /^(\d+)\.(\d+)/.exec(release ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The unit the kernel release prints, or null when the release is unknown. */
export function unitForRelease(release: string | null): CapacityUnit | null {
  const v = releaseVersion(release);
  if (!v) return null;
  const [major, minor] = v;
  const newer = major > SECTOR_UNIT_SINCE[0] || (major === SECTOR_UNIT_SINCE[0] && minor >= SECTOR_UNIT_SINCE[1]);
  return newer ? 'sectors' : 'bytes';
}

/**
 * Decides the unit of a capacity change: first by the size the SCSI disk driver announced for the same
 * device (`[sdb] 419430400 512-byte logical blocks`), which is unambiguous; then by the kernel release;
 * then by alignment (a byte size is always a multiple of 512, so a value that is not is in sectors);
 * failing all, bytes, marked assumed so that a later stage can redo it once the release is known.
 */
export function decideCapacityUnit(
  oldValue: number,
  newValue: number,
  announcedBytes: number | null,
  release: string | null,
  /** A unit already established for another device of this host (same kernel, same message). */
  hostUnit: CapacityUnit | null = null,
): UnitDecision {
  if (announcedBytes !== null) {
    if (newValue === announcedBytes) return { unit: 'bytes', basis: 'logical-blocks' };
    if (newValue * 512 === announcedBytes) return { unit: 'sectors', basis: 'logical-blocks' };
  }
  const byRelease = unitForRelease(release);
  if (byRelease) return { unit: byRelease, basis: 'kernel-release' };
  if (hostUnit) return { unit: hostUnit, basis: 'same-host' };
  if (oldValue % 512 !== 0 || newValue % 512 !== 0) return { unit: 'sectors', basis: 'alignment' };
  return { unit: 'bytes', basis: 'assumed' };
}

export function toBytes(value: number, unit: CapacityUnit): number {
  return unit === 'sectors' ? value * 512 : value;
}

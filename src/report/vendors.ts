/**
 * Facts the upstream report needs about distributions and devices. reporting-issues.rst: an issue
 * seen on a vendor kernel goes to the vendor first, unless it reproduces on the latest mainline.
 */
export interface Vendor {
  /** Matched case-insensitively against `hosts[].kernel.distro`. */
  pattern: RegExp;
  name: string;
  tracker: string;
}

export const VENDORS: readonly Vendor[] = [
  { pattern: /ubuntu/i, name: 'Ubuntu', tracker: 'https://bugs.launchpad.net/ubuntu/+source/linux (ubuntu-bug linux)' },
  { pattern: /debian/i, name: 'Debian', tracker: 'https://bugs.debian.org/src:linux (reportbug src:linux)' },
  { pattern: /rhel|red ?hat|centos|rocky|alma|oracle/i, name: 'Red Hat family', tracker: 'https://issues.redhat.com (or the rebuild’s own tracker)' },
  { pattern: /fedora/i, name: 'Fedora', tracker: 'https://bugzilla.redhat.com (component kernel)' },
  { pattern: /suse|sles/i, name: 'SUSE', tracker: 'https://bugzilla.suse.com' },
  { pattern: /arch/i, name: 'Arch Linux', tracker: 'https://gitlab.archlinux.org/archlinux/packaging/packages/linux/-/issues' },
];

export function vendorOf(distro: string | null | undefined): Vendor | null {
  if (!distro) return null;
  return VENDORS.find((v) => v.pattern.test(distro)) ?? null;
}

/** Device names → the driver a maintainer recognises in a subject line (`rbd0` → krbd). */
const DEVICE_DRIVERS: ReadonlyArray<{ pattern: RegExp; driver: string }> = [
  { pattern: /(?:^|\/)rbd\d+/, driver: 'krbd' },
  { pattern: /(?:^|\/)nbd\d+/, driver: 'nbd' },
  { pattern: /(?:^|\/)md\d+/, driver: 'md' },
  { pattern: /(?:^|\/)dm-\d+/, driver: 'dm' },
  { pattern: /(?:^|\/)nvme\d+/, driver: 'nvme' },
  { pattern: /(?:^|\/)loop\d+/, driver: 'loop' },
  { pattern: /(?:^|\/)vd[a-z]+/, driver: 'virtio_blk' },
  { pattern: /(?:^|\/)sd[a-z]+/, driver: 'sd' },
];

/** The short device part of the subject: `krbd rbd0`, or the device alone. */
export function deviceLabel(device: string | null): string | null {
  if (!device) return null;
  const base = device.split('/').pop() ?? device;
  const known = DEVICE_DRIVERS.find((d) => d.pattern.test(device));
  return known ? `${known.driver} ${base}` : base;
}

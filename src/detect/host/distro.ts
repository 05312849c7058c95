/**
 * Distribution of a kernel from its release string (`uname -r`) and, when known, its version string
 * (`uname -v`: `#81-Ubuntu SMP ...`, `#1 SMP Debian 4.19.67-2+deb10u2`). Each row says why; the first
 * matching row wins, so more specific rows come first.
 */
export interface DistroInfo {
  /** Stream key the knowledge base uses for version ranges. */
  id: 'ubuntu' | 'debian' | 'rhel' | 'fedora' | 'suse' | 'amazon' | 'arch' | 'proxmox' | 'alpine' | 'wsl' | 'upstream';
  /** Name for reports. */
  name: string;
}

interface Row extends DistroInfo {
  release: RegExp;
  /** When set, the version string must match too (ambiguous flavours). */
  version?: RegExp;
  why: string;
}

const ROWS: readonly Row[] = [
  // Ubuntu: `4.15.0-72-generic` = upstream base, ABI number, flavour; `#81-Ubuntu` in uname -v.
  { id: 'ubuntu', name: 'Ubuntu', release: /./, version: /#\d+(~[\w.]+)?-Ubuntu\b/, why: 'uname -v names Ubuntu' },
  { id: 'debian', name: 'Debian', release: /./, version: /\bDebian\b/, why: 'uname -v names Debian' },
  { id: 'ubuntu', name: 'Ubuntu', release: /^\d+\.\d+\.\d+-\d+-(generic|lowlatency|aws|azure|gcp|gke|gkeop|oracle|kvm|raspi2?|ibm|nvidia|generic-lpae|generic-pae|generic-64k|lowlatency-64k|intel-iotg|realtime|virtual|server)$/, why: 'Ubuntu ABI number and flavour' },
  { id: 'proxmox', name: 'Proxmox VE', release: /-pve$/, why: 'Proxmox kernels end in -pve' },
  { id: 'debian', name: 'Debian', release: /\+deb\d+|-(cloud-)?(amd64|arm64|armmp(-lpae)?|686(-pae)?|rt-amd64|ppc64el|s390x|marvell)$/, why: 'Debian flavour suffix (-amd64, -cloud-amd64) or +debN' },
  { id: 'rhel', name: 'RHEL family', release: /\.el\d+(_\d+)?(uek)?(\.|$)/, why: '.el7 / .el8 / .el9 dist tag (RHEL, CentOS, Rocky, Alma, Oracle)' },
  { id: 'fedora', name: 'Fedora', release: /\.fc\d+(\.|$)/, why: '.fcNN dist tag' },
  { id: 'amazon', name: 'Amazon Linux', release: /\.amzn\d+(\.|$)/, why: '.amzn2 / .amzn2023 dist tag' },
  { id: 'suse', name: 'SUSE', release: /-(default|azure|preempt|rt|kvmsmall)$/, version: undefined, why: 'SUSE flavour after a dotted release number' },
  { id: 'arch', name: 'Arch Linux', release: /-arch\d+-\d+$/, why: 'Arch kernels end in -archN-M' },
  { id: 'alpine', name: 'Alpine Linux', release: /-\d+-(lts|virt|edge)$/, why: 'Alpine flavours' },
  { id: 'wsl', name: 'WSL', release: /-microsoft-standard(-WSL2)?$/, why: 'Windows Subsystem for Linux kernel' },
  { id: 'upstream', name: 'upstream', release: /^\d+\.\d+(\.\d+)?(-rc\d+)?\+?$/, why: 'a plain kernel.org version' },
];

// SUSE's `-default` follows a dotted package release (`5.14.21-150400.24.38-default`); Ubuntu's
// `-azure` an integer ABI (caught by the Ubuntu row before).
const SUSE_SHAPE = /^\d+\.\d+\.\d+-\d+(\.\d+)+-\w+$/;

/**
 * @example describeRelease('4.15.0-72-generic') // { id: 'ubuntu', name: 'Ubuntu' }
 * @example describeRelease('3.10.0-1160.el7.x86_64') // { id: 'rhel', name: 'RHEL family' }
 */
export function describeRelease(release: string | null | undefined, version?: string | null): DistroInfo | null {
  if (!release) return null;
  const r = release.trim();
  for (const row of ROWS) {
    if (row.version && !(version && row.version.test(version))) continue;
    if (!row.release.test(r)) continue;
    if (row.id === 'suse' && !SUSE_SHAPE.test(r)) continue;
    return { id: row.id, name: row.name };
  }
  return null;
}

/**
 * Display name of the distribution (`Ubuntu`, `Debian`, `RHEL family`, ..., `upstream`), or null when
 * the release string does not say.
 *
 * @example distroFromRelease('4.19.0-6-amd64') // 'Debian'
 */
export function distroFromRelease(release: string | null | undefined, version?: string | null): string | null {
  return describeRelease(release, version)?.name ?? null;
}

/**
 * Kernel and package version strings, parsed into a stream and comparable parts.
 *
 * Distribution kernels do not sort like upstream: Ubuntu's `4.15.0-72-generic` is upstream 4.15 plus the
 * distribution's ABI 72 (a later ABI may carry backports); Debian's `4.19.0-6-amd64` is 4.19 with ABI 6;
 * RHEL's `3.10.0-1160.el7` is a 3.10 base with build 1160 of the el7 line, carrying years of backports.
 * A fix is therefore stated per stream: the upstream release that has it, and per distribution stream
 * the first build that has it.
 */

export type Distro = 'upstream' | 'ubuntu' | 'debian' | 'rhel';

export interface KernelVersion {
  /** The string as given. */
  raw: string;
  distro: Distro;
  /** `upstream`, `ubuntu-4.15`, `debian-4.19`, `rhel-el7`: fixes are stated per stream. */
  stream: string;
  /** The upstream release the build is based on: [major, minor, patch]. */
  base: [number, number, number];
  /** Release candidate number of an upstream `-rcN`, else null. */
  rc: number | null;
  /** Distribution build numbers after the base (Ubuntu ABI, Debian ABI, RHEL build parts). */
  build: number[];
}

// Why each shape: these are the release strings `uname -r` prints on each family.
const UBUNTU = /^(?<base>\d+\.\d+(?:\.\d+)?)-(?<abi>\d+)(?:\.(?<upload>\d+))?-(?<flavour>generic|lowlatency|aws|azure|gcp|gke|kvm|oracle|raspi\w*|virtual|server|oem\w*|hwe\w*|[a-z]+)$/;
const DEBIAN = /^(?<base>\d+\.\d+(?:\.\d+)?)-(?<abi>\d+)(?:-(?<flavour>amd64|arm64|686(?:-pae)?|cloud-amd64|cloud-arm64|rt-amd64|armmp(?:-lpae)?|powerpc64le|s390x|marvell|rpi))$/;
const DEBIAN_PLUS = /^(?<base>\d+\.\d+(?:\.\d+)?)-(?<abi>\d+)(?:-[a-z0-9-]+)?\+deb(?<deb>\d+)/;
const RHEL = /^(?<base>\d+\.\d+(?:\.\d+)?)-(?<build>\d+(?:\.\d+)*)\.el(?<el>\d+)(?:_(?<minor>\d+))?/;
const UPSTREAM = /^(?<base>\d+\.\d+(?:\.\d+)?)(?:-rc(?<rc>\d+))?(?:[-+].*)?$/;

function baseParts(text: string): [number, number, number] {
  const [a, b, c] = text.split('.').map(Number);
  return [a ?? 0, b ?? 0, c ?? 0];
}

/**
 * @example parseKernelRelease('4.15.0-72-generic') // { distro: 'ubuntu', stream: 'ubuntu-4.15', base: [4,15,0], build: [72] }
 * @example parseKernelRelease('3.10.0-1160.el7.x86_64') // { stream: 'rhel-el7', build: [1160] }
 */
export function parseKernelRelease(raw: string): KernelVersion | null {
  const text = raw.trim();
  let m = RHEL.exec(text);
  if (m?.groups) {
    const build = m.groups.build!.split('.').map(Number);
    return { raw: text, distro: 'rhel', stream: `rhel-el${m.groups.el}`, base: baseParts(m.groups.base!), rc: null, build };
  }
  m = DEBIAN_PLUS.exec(text);
  if (m?.groups) {
    const base = baseParts(m.groups.base!);
    return { raw: text, distro: 'debian', stream: `debian-${base[0]}.${base[1]}`, base, rc: null, build: [Number(m.groups.abi)] };
  }
  m = DEBIAN.exec(text);
  if (m?.groups) {
    const base = baseParts(m.groups.base!);
    return { raw: text, distro: 'debian', stream: `debian-${base[0]}.${base[1]}`, base, rc: null, build: [Number(m.groups.abi)] };
  }
  m = UBUNTU.exec(text);
  if (m?.groups) {
    const base = baseParts(m.groups.base!);
    const build = [Number(m.groups.abi)];
    if (m.groups.upload) build.push(Number(m.groups.upload));
    return { raw: text, distro: 'ubuntu', stream: `ubuntu-${base[0]}.${base[1]}`, base, rc: null, build };
  }
  m = UPSTREAM.exec(text);
  if (m?.groups) {
    return { raw: text, distro: 'upstream', stream: 'upstream', base: baseParts(m.groups.base!), rc: m.groups.rc ? Number(m.groups.rc) : null, build: [] };
  }
  return null;
}

/** Compares two number lists element by element; a missing element counts as 0. */
export function compareParts(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Compares the upstream base of a kernel with an upstream release (`4.17`, `5.10-rc3`). An -rc sorts before its release. */
export function compareUpstream(v: KernelVersion, release: string): number {
  const other = parseKernelRelease(release);
  if (!other) return NaN;
  const c = compareParts(v.base, other.base);
  if (c !== 0) return c;
  const rcA = v.distro === 'upstream' ? v.rc : null;
  if (rcA === other.rc) return 0;
  if (rcA === null) return 1;
  if (other.rc === null) return -1;
  return rcA < other.rc ? -1 : 1;
}

/**
 * Compares a kernel with a build of its own stream (`72` or `4.15.0-72` for Ubuntu, `1160` or
 * `3.10.0-1160.el7` for RHEL): base first, then the build numbers.
 */
export function compareInStream(v: KernelVersion, other: string): number {
  const text = other.trim();
  if (/^\d+(?:\.\d+)*$/.test(text) && v.distro !== 'upstream') {
    return compareParts(v.build, text.split('.').map(Number));
  }
  const o = parseKernelRelease(text);
  if (!o) return NaN;
  const c = compareParts(v.base, o.base);
  if (c !== 0) return c;
  if (v.distro === 'upstream') return compareUpstream(v, text);
  return compareParts(v.build, o.build);
}

export type Comparator = '<' | '<=' | '>' | '>=' | '=';

const RANGE_TERM = /^(?<op><=|>=|<|>|=)?\s*(?<ver>\S+)$/;

/**
 * Tests a version against a range such as `< 4.17`, `>= 4.4, < 4.17` or `all`. `compare` orders the
 * version against one bound. Returns null when a bound cannot be parsed.
 */
export function inRange(range: string, compare: (bound: string) => number): boolean | null {
  const text = range.trim();
  if (text === 'all' || text === '*') return true;
  for (const term of text.split(',')) {
    const m = RANGE_TERM.exec(term.trim());
    if (!m?.groups) return null;
    const c = compare(m.groups.ver!);
    if (Number.isNaN(c)) return null;
    const op = (m.groups.op ?? '=') as Comparator;
    const ok = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : c === 0;
    if (!ok) return false;
  }
  return true;
}

/**
 * A Debian-style package version comparison (epoch, upstream, revision; `~` sorts first), good enough
 * for dpkg and rpm versions of qemu-kvm, ceph and rook (`1.0+noroms-0ubuntu14.1`, `14.2.4`, `v1.1.7`).
 */
export function comparePackageVersions(a: string, b: string): number {
  const split = (v: string): [number, string, string] => {
    const s = v.trim().replace(/^v(?=\d)/, '');
    const colon = s.indexOf(':');
    const epoch = colon > 0 && /^\d+$/.test(s.slice(0, colon)) ? Number(s.slice(0, colon)) : 0;
    const rest = colon > 0 ? s.slice(colon + 1) : s;
    const dash = rest.lastIndexOf('-');
    return dash > 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ''];
  };
  const [ea, ua, ra] = split(a);
  const [eb, ub, rb] = split(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  return compareDebianPart(ua, ub) || compareDebianPart(ra, rb);
}

function order(ch: string | undefined): number {
  if (ch === undefined) return 0;
  if (ch === '~') return -1;
  if (/[A-Za-z]/.test(ch)) return ch.charCodeAt(0);
  return ch.charCodeAt(0) + 256;
}

function compareDebianPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !/\d/.test(a[i]!)) || (j < b.length && !/\d/.test(b[j]!))) {
      const ca = i < a.length && !/\d/.test(a[i]!) ? a[i] : undefined;
      const cb = j < b.length && !/\d/.test(b[j]!) ? b[j] : undefined;
      const d = order(ca) - order(cb);
      if (d !== 0) return d < 0 ? -1 : 1;
      if (ca !== undefined) i++;
      if (cb !== undefined) j++;
      if (ca === undefined && cb === undefined) break;
    }
    let na = '';
    let nb = '';
    while (i < a.length && /\d/.test(a[i]!)) na += a[i++];
    while (j < b.length && /\d/.test(b[j]!)) nb += b[j++];
    const d = Number(na || 0) - Number(nb || 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

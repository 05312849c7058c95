import { describe, expect, it } from 'vitest';
import { comparePackageVersions, compareUpstream, parseKernelRelease } from './versions.js';
import { kernelStatus } from './verdict.js';
import { ComponentSchema } from './schema.js';

describe('parseKernelRelease', () => {
  it.each([
    ['4.15.0-72-generic', 'ubuntu', 'ubuntu-4.15', [4, 15, 0], [72]],
    ['4.4.0-116-generic', 'ubuntu', 'ubuntu-4.4', [4, 4, 0], [116]],
    ['5.4.0-42-generic', 'ubuntu', 'ubuntu-5.4', [5, 4, 0], [42]],
    ['6.8.0-31-generic', 'ubuntu', 'ubuntu-6.8', [6, 8, 0], [31]],
    ['4.19.0-6-amd64', 'debian', 'debian-4.19', [4, 19, 0], [6]],
    ['6.1.0-18-amd64', 'debian', 'debian-6.1', [6, 1, 0], [18]],
    ['4.19.0-6-amd64+deb10u2', 'debian', 'debian-4.19', [4, 19, 0], [6]],
    ['3.10.0-1160.el7.x86_64', 'rhel', 'rhel-el7', [3, 10, 0], [1160]],
    ['4.18.0-513.el8', 'rhel', 'rhel-el8', [4, 18, 0], [513]],
    ['4.17.0', 'upstream', 'upstream', [4, 17, 0], []],
  ])('%s', (raw, distro, stream, base, build) => {
    const v = parseKernelRelease(raw)!;
    expect(v.distro).toBe(distro);
    expect(v.stream).toBe(stream);
    expect(v.base).toEqual(base);
    expect(v.build).toEqual(build);
  });
  it('orders release candidates before the release', () => {
    const rc = parseKernelRelease('5.10.0-rc3')!;
    expect(rc.rc).toBe(3);
    expect(compareUpstream(rc, '5.10')).toBe(-1);
    expect(compareUpstream(rc, '5.10-rc2')).toBe(1);
    expect(compareUpstream(parseKernelRelease('4.17.0')!, '4.17')).toBe(0);
  });
  it('rejects garbage', () => {
    expect(parseKernelRelease('not a kernel')).toBeNull();
  });
});

describe('package versions', () => {
  it('compares dpkg-style versions', () => {
    expect(comparePackageVersions('1.0+noroms-0ubuntu14.1', '1.0+noroms-0ubuntu14.2')).toBe(-1);
    expect(comparePackageVersions('v1.1.7', '1.3.0')).toBe(-1);
    expect(comparePackageVersions('14.2.4', '14.2.4')).toBe(0);
    expect(comparePackageVersions('1.0~rc1', '1.0')).toBe(-1);
    expect(comparePackageVersions('1:0.9', '2.0')).toBe(1);
  });
});

describe('kernel verdicts for a fix merged in 4.17 (blockdev-expand-flushes-pagecache)', () => {
  const c = ComponentSchema.parse({ component: 'kernel', fixed: '4.17', streams: { 'ubuntu-4.4': { status: 'affected', note: 'no backport' } } });
  it.each([
    ['4.4.0-116-generic', 'affected'],
    ['4.15.0-72-generic', 'unknown'],
    ['4.17.0', 'fixed'],
    ['5.4.0-42-generic', 'fixed'],
    ['6.8.0-31-generic', 'fixed'],
    ['4.19.0-6-amd64', 'fixed'],
    ['3.10.0-1160.el7.x86_64', 'unknown'],
    ['4.16.0', 'affected'],
  ])('%s is %s', (release, status) => {
    const s = kernelStatus(c, release);
    expect(s.status).toBe(status);
    expect(s.reason.length).toBeGreaterThan(10);
  });
  it('unknown when the release is missing, naming what is missing', () => {
    expect(kernelStatus(c, null)).toMatchObject({ status: 'unknown', missing: 'kernel release' });
  });
  it('a stream build with a backport is fixed, an older build affected', () => {
    const b = ComponentSchema.parse({ component: 'kernel', fixed: '4.17', streams: { 'ubuntu-4.15': { fixed: '50', note: 'backported' } } });
    expect(kernelStatus(b, '4.15.0-72-generic').status).toBe('fixed');
    expect(kernelStatus(b, '4.15.0-45-generic').status).toBe('affected');
  });
});

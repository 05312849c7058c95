import { describe, expect, it } from 'vitest';
import type { HostState } from '../../pipeline/types.js';
import type { FactName } from '../../model/record.js';
import { decodeTaintLetters, decodeTaintMask, distroFromRelease, describeRelease, kernelSummary, hostStages } from './index.js';

function host(facts: Partial<Record<FactName, string[]>>): HostState {
  return {
    name: 'h', facts: new Map(Object.entries(facts) as Array<[FactName, string[]]>), anchors: [],
    clockOffsetSeconds: null, clockOffsetBounds: null, clockReference: null, clockOffsetMethod: null,
  };
}

describe('distroFromRelease', () => {
  it.each([
    ['4.15.0-72-generic', 'Ubuntu'],
    ['4.4.0-116-generic', 'Ubuntu'],
    ['3.2.0-29-virtual', 'Ubuntu'],
    ['5.15.0-1037-azure', 'Ubuntu'],
    ['6.8.0-31-generic', 'Ubuntu'],
    ['4.19.0-6-amd64', 'Debian'],
    ['5.10.0-26-cloud-amd64', 'Debian'],
    ['3.10.0-1160.el7.x86_64', 'RHEL family'],
    ['5.14.0-70.13.1.el9_0.x86_64', 'RHEL family'],
    ['6.5.6-300.fc39.x86_64', 'Fedora'],
    ['5.14.21-150400.24.38-default', 'SUSE'],
    ['4.14.336-255.557.amzn2.x86_64', 'Amazon Linux'],
    ['6.1.1-arch1-1', 'Arch Linux'],
    ['5.15.108-1-pve', 'Proxmox VE'],
    ['4.17.0', 'upstream'],
    ['5.10.0-foo', null],
  ])('%s → %s', (release, name) => expect(distroFromRelease(release)).toBe(name));

  it('uses uname -v when the release alone is ambiguous', () => {
    expect(describeRelease('5.4.0-1000-custom', '#81-Ubuntu SMP')).toEqual({ id: 'ubuntu', name: 'Ubuntu' });
    expect(distroFromRelease('4.19.0-6-foo', '#1 SMP Debian 4.19.67-2+deb10u2 (2019-11-11)')).toBe('Debian');
    expect(distroFromRelease(null)).toBeNull();
  });
});

describe('taint', () => {
  it('decodes header letters and the /proc mask alike', () => {
    expect(decodeTaintLetters('Tainted: G        W  O').map((f) => f.letter)).toEqual(['W', 'O']);
    expect(decodeTaintLetters('P           OE').map((f) => [f.letter, f.bit])).toEqual([['P', 0], ['O', 12], ['E', 13]]);
    expect(decodeTaintLetters('Not tainted')).toEqual([]);
    expect(decodeTaintLetters('W O')[0].meaning).toMatch(/warning/);
    expect(decodeTaintMask(4609).map((f) => f.letter)).toEqual(['P', 'W', 'O']);
    expect(decodeTaintMask(0)).toEqual([]);
    expect(decodeTaintMask(2 ** 20)[0]).toMatchObject({ letter: '?', bit: 20 });
  });
});

describe('host-facts stage', () => {
  it('derives the distro and unites the taint of every source', async () => {
    const h = host({ 'kernel.release': ['4.15.0-72-generic'], 'kernel.tainted': ['Not tainted', 'G W', '4096'] });
    const analysis = { hosts: new Map([['h', h]]) } as never;
    for (const s of hostStages) await s.run(analysis);
    expect(h.facts.get('distro')).toEqual(['Ubuntu']);
    expect(h.facts.get('kernel.tainted')).toEqual([String(512 + 4096)]);
    expect(kernelSummary(h)).toMatchObject({ release: '4.15.0-72-generic', distro: 'Ubuntu', tainted: true, taint: [{ letter: 'W', bit: 9 }, { letter: 'O', bit: 12 }] });
  });

  it('keeps a stated distro and reports unknown taint as null', () => {
    const h = host({ 'kernel.release': ['4.15.0-72-generic'], distro: ['Ubuntu 18.04.3 LTS'] });
    expect(kernelSummary(h)).toMatchObject({ distro: 'Ubuntu 18.04.3 LTS', tainted: null, taint: [] });
    expect(kernelSummary(host({ 'kernel.tainted': ['Not tainted'] }))).toMatchObject({ tainted: false });
  });
});

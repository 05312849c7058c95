import { describe, expect, it } from 'vitest';
import type { Observation } from '../../model/observation.js';
import { messageDetectors } from './index.js';

function run(lines: string[], program?: string): Observation[] {
  const out: Observation[] = [];
  const d = messageDetectors[0]!.create({ file: 'k.log', host: 'h1', format: 'dmesg', kernelRelease: () => null });
  lines.forEach((message, i) => d.push({ kind: 'log', file: 'k.log', line: i + 1, stamp: { uptime: i }, message, ...(program ? { program } : {}) }, (o) => out.push(o)));
  d.end((o) => out.push(o));
  return out;
}
const findings = (obs: Observation[]) => obs.flatMap((o) => (o.type === 'finding' ? [o.finding] : []));

describe('message detectors', () => {
  it.each([
    ['EXT4-fs error (device sdb1): ext4_find_entry:1456: inode #2: comm ls: reading directory lblock 0', 'ext4_error', 'sdb1', 'EXT4-fs error in ext4_find_entry'],
    ['EXT4-fs (sdb1): Remounting filesystem read-only', 'fs_readonly_remount', 'sdb1', 'filesystem remounted read-only'],
    ['XFS (sdc1): Log I/O Error Detected. Shutting down filesystem', 'xfs_shutdown', 'sdc1', 'XFS: filesystem shut down'],
    ['XFS (dm-3): Metadata corruption detected at xfs_inode_buf_verify+0x7b/0x170 [xfs], xfs_inode block 0x1d4c0', 'xfs_corruption', 'dm-3', 'XFS: metadata corruption in xfs_inode_buf_verify'],
    ['blk_update_request: I/O error, dev sdb, sector 4096', 'io_error', 'sdb', 'block: I/O error'],
    ['Buffer I/O error on dev sdb1, logical block 512, async page read', 'io_error', 'sdb1', 'block: Buffer I/O error'],
    ['nf_conntrack: nf_conntrack: table full, dropping packet', 'conntrack_full', null, 'nf_conntrack: table full, dropping packet'],
    ['NETDEV WATCHDOG: eno1 (e1000e): transmit queue 0 timed out', 'tx_timeout', 'eno1', 'NETDEV WATCHDOG: transmit queue timed out (e1000e)'],
    ['libceph: connect 10.0.0.1:6789 error -101', 'libceph_error', null, 'libceph: connection error -101'],
    ['EDAC MC0: 1 CE memory read error on CPU_SrcID#0_Ha#0_Chan#1_DIMM#0', 'edac', 'MC0', 'EDAC: CE memory error'],
    ['mce: [Hardware Error]: Machine check events logged', 'mce', null, 'machine check: hardware error'],
  ])('%s', (line, kind, device, title) => {
    const [f] = findings(run([line]));
    expect(f).toMatchObject({ kind, device, title, host: 'h1' });
  });

  it('merges repeats of one signature, and devices do not change the signature', () => {
    const fs = findings(run(['blk_update_request: I/O error, dev sdb, sector 1', 'blk_update_request: I/O error, dev sdc, sector 9']));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.count).toBe(2);
    expect(fs[0]!.details.devices).toEqual(['sdb', 'sdc']);
  });

  it('ignores user-space programs that print the same words', () => {
    expect(findings(run(['nf_conntrack: table full, dropping packet'], 'myapp'))).toEqual([]);
  });

  it('emits boot signals and the hypervisor fact', () => {
    const obs = run(['Linux version 4.15.0-72-generic (buildd@x) #81-Ubuntu', 'Memory: 16318232K/16696632K available (12300K kernel code)', 'Hypervisor detected: KVM']);
    expect(obs.filter((o) => o.type === 'signal').map((o) => (o.type === 'signal' ? o.signal.topic : ''))).toEqual(['kernel.boot-banner', 'kernel.boot-memory']);
    expect(obs.find((o) => o.type === 'fact')).toMatchObject({ name: 'virtualised', value: 'KVM' });
  });
});

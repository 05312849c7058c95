import { describe, expect, it } from 'vitest';
import type { FindingDraft } from '../../model/observation.js';
import type { LogRecord } from '../../model/record.js';
import { decideCapacityUnit, unitForRelease } from './capacity-unit.js';
import { storageEventDetector } from './storage-detector.js';

function detect(messages: string[], release: string | null = null): FindingDraft[] {
  const out: FindingDraft[] = [];
  const d = storageEventDetector.create({ file: 'kern.log', host: 'h1', format: 'syslog', kernelRelease: () => release });
  messages.forEach((message, i) => {
    const r: LogRecord = { kind: 'log', file: 'kern.log', line: i + 1, program: 'kernel', stamp: { wallMs: i * 1000 }, message };
    d.push(r, (o) => o.type === 'finding' && out.push(o.finding));
  });
  d.end((o) => o.type === 'finding' && out.push(o.finding));
  return out;
}

describe('storage events', () => {
  it('capacity change in bytes on 4.x, in sectors on 5.11+', () => {
    const [old] = detect(['dm-4: detected capacity change from 34359738368 to 38654705664'], '4.15.0-72-generic');
    expect(old).toMatchObject({ kind: 'capacity_change', title: 'capacity change of dm-4', device: 'dm-4', layer: 'storage' });
    expect(old.details).toMatchObject({ oldBytes: 34359738368, newBytes: 38654705664, unit: 'bytes', direction: 'grow' });
    const [modern] = detect(['sdb: detected capacity change from 209715200 to 419430400'], '6.8.0-31-generic');
    expect(modern.details).toMatchObject({ oldBytes: 100 * 1024 ** 3, newBytes: 200 * 1024 ** 3, unit: 'sectors', unitBasis: 'kernel-release' });
    const [shrink] = detect(['sdb: detected capacity change from 419430400 to 209715200'], '5.15.0-1-generic');
    expect(shrink.details.direction).toBe('shrink');
  });

  it('decides the unit from the SCSI logical-block line when the release is unknown, and reuses it for md', () => {
    const fs = detect([
      'sd 3:0:0:1: [sdb] 419430400 512-byte logical blocks: (215 GB/200 GiB)',
      'sdb: detected capacity change from 209715200 to 419430400',
      'md0: detected capacity change from 209453056 to 419168256',
    ]);
    expect(fs[0].details).toMatchObject({ unit: 'sectors', unitBasis: 'logical-blocks', newBytes: 214748364800 });
    expect(fs[1].details).toMatchObject({ unit: 'sectors', unitBasis: 'same-host' });
    expect(unitForRelease('5.10.0-8-amd64')).toBe('bytes');
    expect(unitForRelease('5.11.0')).toBe('sectors');
    expect(decideCapacityUnit(1024, 2048, null, null)).toEqual({ unit: 'bytes', basis: 'assumed' });
  });

  it('a loop device appearing (growth from 0) or detaching is not a finding', () => {
    expect(detect(['loop0: detected capacity change from 0 to 4096', 'loop0: detected capacity change from 4096 to 0'], '6.1.0')).toEqual([]);
  });

  it('ext4 resize and md resync are one finding each, spanning start and end', () => {
    const fs = detect([
      'md: resync of RAID array md0',
      'EXT4-fs (md0): resizing filesystem from 26181632 to 52396032 blocks',
      'EXT4-fs (md0): resized filesystem to 52396032',
      'md: md0: resync done.',
    ]);
    const resize = fs.find((f) => f.kind === 'fs_resize')!;
    expect(resize).toMatchObject({ title: 'filesystem resize of md0', device: 'md0', stamp: { wallMs: 1000 }, lastStamp: { wallMs: 2000 } });
    expect(resize.details).toMatchObject({ oldSize: 26181632, newSize: 52396032, direction: 'grow', completed: true });
    expect(resize.evidence).toHaveLength(2);
    const resync = fs.find((f) => f.kind === 'md_resync')!;
    expect(resync).toMatchObject({ title: 'md resync of md0', stamp: { wallMs: 0 }, lastStamp: { wallMs: 3000 } });
    expect(resync.details).toMatchObject({ outcome: 'done', completed: true });
  });

  it('an unfinished resize is reported as not completed; SCSI and multipath events are recognised', () => {
    const fs = detect([
      'EXT4-fs (dm-0): resizing filesystem from 100 to 200 blocks',
      'sd 2:0:0:0: Capacity data has changed',
      'device-mapper: multipath: Failing path 8:32.',
      'eth0: link up',
    ]);
    expect(fs.map((f) => f.kind).sort()).toEqual(['dm_path_failed', 'fs_resize', 'scsi_unit_attention']);
    expect(fs.find((f) => f.kind === 'fs_resize')!.details.completed).toBe(false);
  });
});

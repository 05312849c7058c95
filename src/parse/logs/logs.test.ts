import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LogRecord, ParsedRecord } from '../../model/record.js';
import type { ParseContext, Parser } from '../types.js';
import { sniffFormat } from '../index.js';
import { dmesg } from './dmesg.js';
import { kmsg } from './kmsg.js';
import { syslog } from './syslog.js';
import { journalJson } from './journal-json.js';
import { markdown } from './markdown.js';
import { uname } from './uname.js';
import { logParsers } from './index.js';

const CASES = '/work/shared/cases';
const ctx = (over: Partial<ParseContext> = {}): ParseContext => ({
  file: 'f', host: null, year: 2019, yearGuessed: false, mtimeMs: null, timeZone: 'UTC', timeZoneGuessed: false, ...over,
});

function parseAll(parser: Parser, text: string, c = ctx()): { records: ParsedRecord[]; unparsed: number } {
  const lp = parser.create(c);
  const records: ParsedRecord[] = [];
  let unparsed = 0;
  text.split('\n').forEach((line, i) => {
    const r = lp.parse(line.replace(/\r$/, ''), i + 1);
    if (r === null) unparsed++;
    else records.push(...r);
  });
  if (lp.end) records.push(...lp.end());
  return { records, unparsed };
}
const logs = (rs: ParsedRecord[]) => rs.filter((r): r is LogRecord => r.kind === 'log');

describe('dmesg', () => {
  it('tells two boots in one file apart (uptime going back, a new banner)', () => {
    const text = [
      '[    0.000000] Linux version 4.15.0-72-generic (b@h) (gcc) #81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019',
      '[51717.039319] INFO: task kworker/2:1:5938 blocked for more than 120 seconds.',
      '[51717.039300] a line printed concurrently, a little earlier',
      '[    0.000000] Linux version 4.15.0-74-generic (b@h) (gcc) #84-Ubuntu SMP Thu Dec 19 08:06:28 UTC 2019',
      '[    1.200000] second boot',
      '[    0.500000] a step back under a second, no banner: same boot',
      '[    0.000000] Linux version 4.15.0-74-generic (b@h) (gcc) #84-Ubuntu SMP (crash kernel)',
    ].join('\n');
    const boots = logs(parseAll(dmesg, text).records).map((r) => r.stamp.boot);
    expect(boots).toEqual([0, 0, 0, 1, 1, 1, 2]);
  });

  it('reads dmesg -T with a German weekday in the given zone', () => {
    const { records } = parseAll(dmesg, '[Do Nov 21 14:02:11 2019] hello', ctx({ timeZone: 'Europe/Berlin' }));
    expect(logs(records)[0]).toMatchObject({ message: 'hello', stamp: { wallMs: Date.UTC(2019, 10, 21, 13, 2, 11) } });
    expect(logs(records)[0].stamp.estimated).toBeUndefined();
    const guessed = parseAll(dmesg, '[Mi Dez 25 10:00:00 2019] x', ctx({ timeZoneGuessed: true }));
    expect(logs(guessed.records)[0].stamp).toMatchObject({ wallMs: Date.UTC(2019, 11, 25, 10), estimated: true });
  });

  it('never throws on hostile lines', () => {
    const lp = dmesg.create(ctx());
    for (const line of ['\0\0\0', '[', '[ 1.2', '<9999>[', 'x'.repeat(70000), '[\uFFFD] \uFFFD', '[ 1.5][', '<6>']) {
      expect(() => lp.parse(line, 1)).not.toThrow();
    }
  });
});

describe('kmsg', () => {
  it('reads uptime in microseconds and skips dictionary lines', () => {
    const { records, unparsed } = parseAll(kmsg, '6,1,5000000,-;hello\n SUBSYSTEM=pci\n3,2,1000,-;after reboot');
    expect(unparsed).toBe(0);
    expect(logs(records).map((r) => [r.stamp.uptime, r.stamp.boot, r.level])).toEqual([[5, 0, 6], [0.001, 1, 3]]);
  });
});

describe('syslog', () => {
  it('rolls over December → January inside a file', () => {
    const text = ['Dec 31 23:59:58 h app: a', 'Jan  1 00:00:02 h app: b'].join('\n');
    const rs = logs(parseAll(syslog, text, ctx({ year: 2019 })).records);
    expect(rs.map((r) => r.stamp.wallMs)).toEqual([Date.UTC(2019, 11, 31, 23, 59, 58), Date.UTC(2020, 0, 1, 0, 0, 2)]);
  });

  it('takes the year before the mtime year for a December start in a January-written file', () => {
    const c = ctx({ year: 2020, yearGuessed: true, mtimeMs: Date.UTC(2020, 0, 2) });
    const rs = logs(parseAll(syslog, 'Dec 31 23:59:58 h app: a\nJan  1 00:00:02 h app: b', c).records);
    expect(rs[0].stamp).toMatchObject({ wallMs: Date.UTC(2019, 11, 31, 23, 59, 58), estimated: true });
    expect(rs[1].stamp.wallMs).toBe(Date.UTC(2020, 0, 1, 0, 0, 2));
  });

  it('puts both clocks of a kernel line on one stamp (a clock anchor) and reads the openstack case', () => {
    const text = readFileSync(`${CASES}/openstack-dhcp-vanish/backup01/syslog`, 'utf8');
    const { records, unparsed } = parseAll(syslog, text, ctx({ year: 2012 }));
    expect(unparsed).toBe(0);
    const nfs = logs(records).find((r) => r.message.startsWith('nfs: server'));
    expect(nfs).toMatchObject({ host: 'backup01', program: 'kernel', stamp: { uptime: 190126, wallMs: Date.UTC(2012, 7, 29, 3, 41, 7), boot: 0 } });
  });
});

describe('journal json', () => {
  it('gives kernel entries the printk uptime and the wall time of that moment', () => {
    const line = JSON.stringify({
      __REALTIME_TIMESTAMP: '1000005000000', __MONOTONIC_TIMESTAMP: '7000000', _SOURCE_MONOTONIC_TIMESTAMP: '2000000',
      _TRANSPORT: 'kernel', _BOOT_ID: 'b1', MESSAGE: 'Linux version 5.4.0-42-generic (b@h) (gcc) #46-Ubuntu SMP Fri Jul 10 00:24:02 UTC 2020',
    });
    const { records } = parseAll(journalJson, line);
    expect(records[0]).toMatchObject({ program: 'kernel', stamp: { uptime: 2, wallMs: 1000000000, boot: 0 } });
    expect(records.filter((r) => r.kind === 'fact')).toMatchObject([{ name: 'kernel.release', value: '5.4.0-42-generic' }, { name: 'kernel.version' }]);
  });
});

describe('uname', () => {
  it('gives the facts of the resize case uname.txt', () => {
    const { records } = parseAll(uname, readFileSync(`${CASES}/resize-pagecache-drop/db01/uname.txt`, 'utf8'), ctx({ file: 'uname.txt' }));
    expect(records).toMatchObject([
      { name: 'hostname', value: 'db01' },
      { name: 'kernel.release', value: '4.4.0-116-generic' },
      { name: 'kernel.version', value: '#140-Ubuntu SMP Mon Feb 12 21:23:04 UTC 2018' },
      { name: 'arch', value: 'x86_64' },
    ]);
  });
});

describe('markdown', () => {
  const issue = readFileSync(`${CASES}/rook-krbd-xfs-hang/issue.md`, 'utf8');
  const raw = readFileSync(`${CASES}/rook-krbd-xfs-hang/node-a/dmesg.txt`, 'utf8');

  it('gives the same kernel records as the raw dmesg for the rook case', () => {
    const md = parseAll(markdown, issue, ctx({ file: 'issue.md' }));
    expect(md.unparsed).toBe(0);
    const strip = (r: LogRecord) => ({ program: r.program, message: r.message, stamp: r.stamp, callerId: r.callerId, level: r.level });
    const fromMd = logs(md.records).map(strip);
    const fromRaw = logs(parseAll(dmesg, raw).records).filter((r) => r.stamp.uptime! >= 51717 && r.stamp.uptime! < 51718).map(strip);
    expect(fromMd.length).toBeGreaterThan(10);
    expect(fromMd).toEqual(fromRaw);
    expect(md.records.filter((r) => r.kind === 'fact')).toMatchObject([
      { name: 'hostname', value: 'node-a' },
      { name: 'kernel.release', value: '4.15.0-72-generic' },
      { name: 'kernel.version' },
      { name: 'arch' },
      { name: 'kernel.tainted', value: 'Not tainted' },
      { name: 'kernel.release', value: '4.15.0-72-generic' },
    ]);
  });

  it('sniffs issue.md as markdown and the raw dmesg as dmesg', () => {
    expect(sniffFormat(issue.split('\n').slice(0, 60), 'issue.md')?.parser.name).toBe('markdown');
    expect(sniffFormat(issue.split('\n').slice(0, 60), 'issue.txt')?.parser.name).toBe('markdown');
    expect(sniffFormat(raw.split('\n').slice(0, 60), 'dmesg.txt')?.parser.name).toBe('dmesg');
  });

  it('does not claim text without logs', () => {
    expect(sniffFormat(['Hello there, this is a letter', 'with several lines of prose', 'and nothing else'], 'notes.txt')).toBeNull();
  });
});

describe('every log parser', () => {
  it('survives random and hostile lines', () => {
    const hostile = ['', '\r', '\0', '\uFFFD'.repeat(100), '<', '<1>1 ', '{', '{"MESSAGE":[1,2,"x"]}', '-- ', 'Jan 99 99:99:99 h p: x', '```', '    ', '> > >', 'Linux ', 'Linux version', 'x'.repeat(65536)];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 300; i++) {
      const base = hostile[i % hostile.length] + '[ 1.2] Aug 29 03:41:07 h kernel: [190126.0] x';
      const cut = Math.floor(rnd() * base.length);
      hostile.push(base.slice(0, cut) + String.fromCharCode(Math.floor(rnd() * 0x3000)) + base.slice(cut));
    }
    for (const p of logParsers) {
      const lp = p.create(ctx());
      hostile.forEach((l, i) => expect(() => lp.parse(l, i + 1)).not.toThrow());
      expect(() => lp.end?.()).not.toThrow();
      expect(() => p.sniff(hostile.slice(0, 60), 'x')).not.toThrow();
    }
  });
});

describe('markdown continuations', () => {
  it('keeps an indented next line of a pasted message with its stamp, and prose after a fence as prose', () => {
    const text = ['```', '[  12.000000] first line of a long message', '               second line', '```', 'The log ends here.'].join('\n');
    const { records, unparsed } = parseAll(markdown, text, ctx({ file: 'a.md' }));
    expect(unparsed).toBe(0);
    expect(logs(records)).toMatchObject([
      { line: 2, program: 'kernel', stamp: { uptime: 12 } },
      { line: 3, program: 'kernel', stamp: { uptime: 12 }, message: '               second line' },
    ]);
    expect(logs(records)).toHaveLength(2);
  });
});

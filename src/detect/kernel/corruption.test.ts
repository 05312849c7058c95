import { describe, expect, it } from 'vitest';
import { extractReports } from './extract.js';

const warn = [
  '[  100.000001] WARNING: CPU: 0 PID: 42 at drivers/foo/bar.c:10 bar_check+0x10/0x20',
  '[  100.000002] CPU: 0 PID: 42 Comm: worker Not tainted 5.10.0 #1',
  '[  100.000003] RIP: 0010:bar_check+0x10/0x20',
  '[  100.000004] Call Trace:',
];
const tail = ['[  100.000010]  bar_submit+0x22/0x40', '[  100.000011]  vfs_write+0x1a/0x30', '[  100.000012]  ksys_write+0x1a/0x30'];

describe('corrupted reports', () => {
  it('a clean WARNING names its frame', () => {
    expect(extractReports([...warn, ...tail])[0].title).toBe('WARNING in bar_check');
  });
  it('a fault-injection dump before the chosen frame makes a trace-chosen frame corrupted', () => {
    const lines = [
      '[  100.000001] WARNING: CPU: 0 PID: 42 at lib/debugobjects.c:10 debug_print_object+0x10/0x20',
      '[  100.000002] FAULT_INJECTION: forcing a failure.',
      '[  100.000004] Call Trace:',
      '[  100.000005]  should_fail+0x10/0x20',
      ...tail,
    ];
    const r = extractReports(lines)[0];
    expect(r.title).toBe('WARNING: ODEBUG bug in corrupted');
    expect(r.corrupted).toBe(true);
  });
  it('a dump that starts after the chosen frame changes nothing', () => {
    const r = extractReports([...warn, ...tail, '[  100.000020] FAULT_INJECTION: forcing a failure.'])[0];
    expect(r.title).toBe('WARNING in bar_check');
  });
  it('a lockdep header without its body takes the header line as title', () => {
    const r = extractReports(['[   26.226988] WARNING: possible circular locking dependency detected', '[   26.226991] 4.15.0-rc7+ #255 Not tainted'])[0];
    expect(r.title).toBe('WARNING: possible circular locking dependency detected');
    expect(r.corrupted).toBe(true);
  });
});

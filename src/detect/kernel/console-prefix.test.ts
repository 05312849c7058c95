import { describe, expect, it } from 'vitest';
import { splitConsolePrefix } from './console-prefix.js';

describe('splitConsolePrefix', () => {
  it('splits level, stamp and caller id, keeping the message indentation', () => {
    expect(splitConsolePrefix('<4>[  584.319520][   T31]  __schedule+0x1/0x2')).toEqual({ level: 4, uptime: 584.31952, callerId: 'T31', text: ' __schedule+0x1/0x2' });
    expect(splitConsolePrefix('[51717.039319] INFO: task')).toEqual({ uptime: 51717.039319, text: 'INFO: task' });
    expect(splitConsolePrefix('[    C1] x')).toEqual({ callerId: 'C1', text: 'x' });
  });
  it('leaves lines without a prefix (or with a look-alike) alone', () => {
    expect(splitConsolePrefix(' Call Trace:')).toEqual({ text: ' Call Trace:' });
    expect(splitConsolePrefix('[  412]     0   412 systemd')).toEqual({ text: '[  412]     0   412 systemd' });
    expect(splitConsolePrefix('[ 1.x] y')).toEqual({ text: '[ 1.x] y' });
    expect(splitConsolePrefix('')).toEqual({ text: '' });
  });
});

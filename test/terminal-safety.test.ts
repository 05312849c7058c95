/**
 * Log text reaches the terminal summary: titles, evidence-derived facts, host names, known-issue text.
 * None of the control sequences a log can carry (clear screen, OSC 52 clipboard write, window title,
 * BEL, 8-bit C1 controls) may survive into what `ktriage analyze` prints.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../src/model/report.js';
import { stripTerminalControls } from '../src/report/escape.js';
import { SAMPLE_REPORTS } from '../src/report/samples.js';
import { renderText } from '../src/report/text.js';

/** Any C0 control except tab and newline, DEL, C1, and ESC in any form. */
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
/** With colour on, the only escapes allowed are picocolors' SGR sequences. */
const withoutSgr = (s: string) => s.replace(/\x1b\[\d+(;\d+)*m/g, '');

describe('terminal output of hostile reports', () => {
  it('plain output has no control characters at all', () => {
    const out = renderText(SAMPLE_REPORTS.hostile, { color: false, width: 100 });
    expect(out).not.toMatch(FORBIDDEN);
    expect(out).toContain('WARNING in </script><script>');
    expect(out).not.toContain('52;c;');
  });
  it('coloured output has only SGR colour codes', () => {
    const out = renderText(SAMPLE_REPORTS.hostile, { color: true, width: 100 });
    expect(withoutSgr(out)).not.toMatch(FORBIDDEN);
  });
  it('extra sections from other renderers keep their colours but lose every other control', () => {
    const lines = ['\x1b[31mred\x1b[39m \x1b[2J\x1b]52;c;eA==\x07 \x9b1m'];
    const out = renderText(SAMPLE_REPORTS.hostile, { color: false, extraSections: [{ title: 'T\x1b[2J', lines }] });
    expect(out).toContain('\x1b[31mred\x1b[39m');
    expect(withoutSgr(out)).not.toMatch(FORBIDDEN);
  });
  it('random control-laden strings in every text field never reach the terminal', () => {
    const nasty = fc.stringMatching(/^[\x00-\x1f\x7f-\x9fa-z\[\];\\\u2028\u202e]{0,40}$/);
    fc.assert(
      fc.property(nasty, nasty, nasty, (title, text, host) => {
        const base = SAMPLE_REPORTS.rook;
        const report = ReportSchema.parse({
          ...base,
          hosts: [{ ...base.hosts[0]!, name: host }],
          findings: [{ ...base.findings[0]!, title, host, evidence: [{ file: text, line: 1, text }], task: { comm: text, pid: 1, state: text } }],
          knownIssues: [{ ...base.knownIssues[0]!, summary: text, workaround: [title] }],
          requests: [{ ...base.requests[0]!, command: text, why: title }],
        });
        expect(withoutSgr(renderText(report, { color: true }))).not.toMatch(FORBIDDEN);
        expect(renderText(report, { color: false })).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 200 },
    );
  });
  it('stripTerminalControls is idempotent and leaves nothing forbidden', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const once = stripTerminalControls(s);
        expect(once).not.toMatch(FORBIDDEN);
        expect(stripTerminalControls(once)).toBe(once);
      }),
    );
  });
});

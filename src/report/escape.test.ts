import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, markdownCode, markdownFence, markdownProse, safeHref, safeJsonForScript, stripTerminalControls } from './escape.js';

describe('stripTerminalControls', () => {
  it('removes CSI, OSC (BEL and ST terminated), other escapes and C0/C1 controls', () => {
    expect(stripTerminalControls('a\x1b[2Jb\x1b[1;31mc\x1b[0m')).toBe('abc');
    expect(stripTerminalControls('x\x1b]52;c;ZXZpbA==\x07y')).toBe('xy');
    expect(stripTerminalControls('x\x1b]0;title\x1b\\y')).toBe('xy');
    expect(stripTerminalControls('x\x9b31my\x9d0;t\x9cz')).toBe('xyz');
    expect(stripTerminalControls('a\x07b\x00c\x7fd\x1b(Be\x1bcf')).toBe('abcdef');
    expect(stripTerminalControls('\x1bPq#0;2;0;0;0\x1b\\ok')).toBe('ok');
  });
  it('keeps tabs and printable Unicode; line breaks become spaces; bidi overrides go', () => {
    expect(stripTerminalControls('a\tb é 日本 🙂')).toBe('a\tb é 日本 🙂');
    expect(stripTerminalControls('a\nb\r\nc\u2028d')).toBe('a b c d');
    expect(stripTerminalControls('\u202eevil\u202c')).toBe('evil');
  });
  it('leaves no ESC behind for unterminated sequences', () => {
    const out = stripTerminalControls('a\x1b]52;c;unterminated');
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(out.startsWith('a')).toBe(true);
  });
});

describe('HTML and script escaping', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });
  it('keeps a forged </script> and U+2028 out of inline JSON, and round-trips', () => {
    const value = { t: '</script><script>x()</script><!-- & \u2028\u2029' };
    const json = safeJsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
  it('only http(s) URLs become links', () => {
    expect(safeHref('https://example.org/x')).toBe('https://example.org/x');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>')).toBeNull();
    expect(safeHref('https://x/"onmouseover=')).toBeNull();
  });
});

describe('Markdown escaping', () => {
  it('escapes table pipes, emphasis, links and HTML', () => {
    expect(escapeMarkdown('a|b *c* [d](e) <s>')).toBe('a\\|b \\*c\\* \\[d\\](e) &lt;s&gt;');
    expect(escapeMarkdown('x\ny')).toBe('x y');
  });
  it('code spans and fences are longer than any backtick run inside', () => {
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    const fence = markdownFence(['ok', 'evil ```` close', '```']);
    expect(fence.split('\n')[0]).toBe('`````');
    expect(fence.split('\n').at(-1)).toBe('`````');
  });
  it('prose keeps backtick code and escapes the rest', () => {
    expect(markdownProse('use `fstype` with *ext4*')).toBe('use `fstype` with \\*ext4\\*');
  });
});

/**
 * Escaping for every place log text is shown. Log lines are attacker-controlled: a line can carry
 * terminal escape sequences (clear screen, OSC 52 clipboard writes, window titles), HTML, or a forged
 * `</script>`. Each renderer passes log-derived strings through one of these functions.
 */

/** String sequences (OSC, DCS, SOS, PM, APC) run until BEL or ST; a terminal swallows everything inside. */
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)/g;
/** CSI: parameters, intermediates, one final byte (ECMA-48 §5.4). `\x9b` is the 8-bit form. */
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g;
/** Other two-or-more-byte escapes: ESC, intermediates, a final byte (charset selection, DECSC, RIS...). */
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]/g;
/** What remains: C0 except tab, DEL, C1, and the bidi overrides that can reorder what a reader sees. */
const LEFTOVER_CONTROL = /[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * Removes terminal control sequences and control characters, keeping printable Unicode and tabs.
 * Line breaks become a space so that a log string cannot forge extra output lines.
 * @example stripTerminalControls('a\x1b[2Jb\x1b]52;c;ZXZpbA==\x07c') === 'abc'
 */
export function stripTerminalControls(s: string): string {
  return s
    .replace(STRING_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(OTHER_ESCAPE, '')
    .replace(LINE_BREAK, ' ')
    .replace(LEFTOVER_CONTROL, '');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values (controls stripped first). */
export function escapeHtml(s: string): string {
  return stripTerminalControls(s).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * JSON to place inside `<script type="application/json">`. `<`, `>` and `&` become `\u003c`... so no
 * `</script>` or `<!--` can appear in the element; U+2028/2029 are escaped for older JS parsers.
 */
export function safeJsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Only http(s) links become hrefs: `javascript:`, `data:` and relative URLs are shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  return /^https?:\/\/[^\s<>"']+$/i.test(trimmed) ? trimmed : null;
}

/**
 * Escapes text for Markdown inline positions and table cells (never at a line start, so `#`, `-`, `+`
 * need nothing): punctuation that starts emphasis, links, code or cells gets a backslash; `<`/`>`/`&` become entities so no HTML passes through.
 * @example escapeMarkdown('a|b *c*') === 'a\\|b \\*c\\*'
 */
export function escapeMarkdown(s: string): string {
  return stripTerminalControls(s)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function longestBacktickRun(s: string): number {
  let longest = 0;
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** An inline code span whose delimiter is longer than any backtick run inside. */
export function markdownCode(s: string): string {
  const text = stripTerminalControls(s);
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A fenced code block for log lines; the fence is longer than any backtick run in the lines, so a
 * line cannot close it early and turn the rest into Markdown.
 */
export function markdownFence(lines: readonly string[], info = ''): string {
  const clean = lines.map(stripTerminalControls);
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(clean.join('\n')) + 1));
  return [`${fence}${info}`, ...clean, fence].join('\n');
}

/**
 * Escapes prose from the knowledge base or the analysis that may mark code with backticks (`fstype`):
 * the code spans stay code, everything else is escaped like {@link escapeMarkdown}.
 */
export function markdownProse(s: string): string {
  return stripTerminalControls(s)
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? markdownCode(part.slice(1, -1)) : escapeMarkdown(part)))
    .join('');
}

/** First letter capitalised and a final full stop, for reasons written as fragments. */
export function asSentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  const cap = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?:]$/.test(cap) ? cap : `${cap}.`;
}

const SGR = /(\x1b\[[0-9;]*m)/;

/**
 * For lines other renderers laid out with colour (timeline, sparklines): SGR colour codes stay,
 * every other control sequence goes, so log text inside those lines cannot reach the terminal raw.
 */
export function stripTerminalControlsKeepColor(s: string): string {
  return s
    .split(SGR)
    .map((part, i) => (i % 2 === 1 ? part : stripTerminalControls(part)))
    .join('');
}

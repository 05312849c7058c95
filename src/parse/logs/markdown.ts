import type { LogRecord, ParsedRecord } from '../../model/record.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { baseName, isJunk, logRecord, PROBE_CONTEXT } from './common.js';
import { createDmesgParser } from './dmesg.js';
import { createKmsgParser } from './kmsg.js';
import { createSyslogEngine } from './syslog-line.js';
import { unameFacts } from './uname.js';
import { markdownSamples } from './markdown.samples.js';

/**
 * Bug reports: Markdown or plain text with logs pasted inside (code fences ``` / ~~~, indented blocks,
 * `> ` quotes, bullets). Each line, with its quote and indentation taken off, is offered to the dmesg,
 * kmsg and syslog/journal line parsers; the first that understands it gives the records, so a pasted
 * dmesg gives the same kernel records as the raw file. `uname -a` and `/proc/version` strings anywhere
 * in prose become host facts. Prose is understood text (no records), not unparsed.
 *
 * A line inside a code block that follows a long log line, has no timestamp and does not start with a
 * space is taken as that line wrapped by the bug tracker or mail client, and rejoined with a space.
 * Records are therefore held back one line.
 */
const FENCE_RE = /^(\s*)(`{3,}|~{3,})/;
const QUOTE_RE = /^ {0,3}> ?/;
/** A logged line at least this long may have been wrapped by the tracker. */
const WRAP_MIN = 60;

interface Fence {
  char: string;
  length: number;
  indent: number;
}

interface Delegates {
  dmesg: LineParser;
  syslog: LineParser;
  kmsg: LineParser;
}

function delegatesFor(ctx: ParseContext): Delegates {
  return { dmesg: createDmesgParser(ctx), syslog: createSyslogEngine(ctx), kmsg: createKmsgParser(ctx) };
}

/** Records of a log line, or null when no log format takes it. */
function delegate(d: Delegates, text: string, lineNo: number): ParsedRecord[] | null {
  const c = text.charCodeAt(0);
  if (c === 91 /* [ */ || c === 60 /* < */) {
    const dm = DMESG_PREFIX_RE.test(text) ? d.dmesg.parse(text, lineNo) : null;
    if (dm && dm.length) return dm;
    return c === 60 ? nonEmpty(d.syslog.parse(text, lineNo)) : null;
  }
  if (c >= 48 && c <= 57) {
    if (/^\d+,\d+,\d+,/.test(text)) return nonEmpty(d.kmsg.parse(text, lineNo));
    if (/^\d{4}-\d\d-\d\dT[\d:]+,\d+[+-]/.test(text)) return nonEmpty(d.dmesg.parse(text, lineNo));
    return nonEmpty(d.syslog.parse(text, lineNo));
  }
  if (c >= 65 && c <= 90) return nonEmpty(d.syslog.parse(text, lineNo));
  return null;
}

// Only stamped kernel lines are delegated to dmesg: its "no prefix = continuation" rule must not
// swallow prose.
const DMESG_PREFIX_RE = /^(?:<\d{1,3}>)?\[ *(?:\d+\.\d+|[TC]\d+|\S+ +\S{3,4}\.? +\d{1,2} \d\d:\d\d:\d\d \d{4})\]/;

function nonEmpty(r: ParsedRecord[] | null): ParsedRecord[] | null {
  return r && r.length ? r : null;
}

export function createMarkdownParser(ctx: ParseContext): LineParser {
  let fence: Fence | null = null;
  let d = delegatesFor(ctx);
  let held: ParsedRecord[] = []; // records of the last log line, held back for a wrapped continuation
  let heldLength = 0;

  const flush = (more: ParsedRecord[] = []): ParsedRecord[] => {
    const out = held.length ? [...held, ...more] : more;
    held = [];
    heldLength = 0;
    return out;
  };

  return {
    parse(raw, lineNo) {
      let line = raw;
      while (QUOTE_RE.test(line)) line = line.replace(QUOTE_RE, '');
      const f = FENCE_RE.exec(line);
      if (f) {
        const char = f[2][0];
        if (!fence) {
          fence = { char, length: f[2].length, indent: f[1].length };
          d = delegatesFor(ctx); // each pasted block is its own excerpt
          return flush();
        }
        if (char === fence.char && f[2].length >= fence.length && line.slice(f[0].length).trim() === '') {
          fence = null;
          return flush();
        }
      }
      if (line.trim() === '') return flush();
      let body = line;
      if (fence && fence.indent) body = body.replace(new RegExp(`^ {0,${fence.indent}}`), '');
      const text = body.trimStart();
      const logged = delegate(d, text, lineNo);
      if (logged) {
        const out = flush();
        held = logged;
        heldLength = text.length;
        return out;
      }
      const inBlock = fence !== null || /^( {4}|\t)/.test(line);
      const last = held.find((r): r is LogRecord => r.kind === 'log');
      if (inBlock && last) {
        if (body !== text) {
          // indented: a multi-line message's next line (dmesg prints them indented): same source and stamp
          const cont = logRecord(ctx, lineNo, last.stamp, body, {
            host: last.host, program: last.program, pid: last.pid, callerId: last.callerId, level: last.level,
          });
          return flush([cont]);
        } else if (heldLength >= WRAP_MIN && !/^[$#>%]/.test(text) && !isJunk(text)) {
          last.message = last.message.trimEnd() + ' ' + text;
          heldLength = text.length;
          return [];
        }
      }
      if (isJunk(line)) {
        // binary garbage pasted into the text: counted as unparsed unless held records must go out
        return held.length ? flush() : null;
      }
      const facts = text.indexOf('Linux ') !== -1 ? unameFacts(text, ctx.file, lineNo) : null;
      return flush(facts ?? []);
    },
    end() {
      return flush();
    },
  };
}

// Markdown structure: fences, headings, bullets, quotes, tables.
const STRUCTURE_RE = /^(\s*(`{3,}|~{3,})|#{1,6} |\s*[*+-] |\s*\d+\. |> |\|.*\|$)/;

function looksLogged(line: string, d: Delegates): boolean {
  return delegate(d, line.trimStart(), 1) !== null || (line.indexOf('Linux ') !== -1 && unameFacts(line, '', 0) !== null);
}

export const markdown: Parser = {
  name: 'markdown',
  sniff(head, fileName) {
    const name = baseName(fileName);
    const mdName = /\.(md|markdown|mdown|mkd)$/.test(name);
    const d = delegatesFor(PROBE_CONTEXT);
    let total = 0;
    let structure = 0;
    let fences = 0;
    let logged = 0;
    let prose = 0;
    for (const line of head) {
      if (line.trim() === '') continue;
      total++;
      if (FENCE_RE.test(line)) fences++;
      if (STRUCTURE_RE.test(line)) structure++;
      if (looksLogged(line, d)) logged++;
      else if (/^\S+( \S+){2,}/.test(line) && !isJunk(line)) prose++;
    }
    if (total === 0) return 0;
    if (mdName) return Math.min(0.95, 0.6 + (fences ? 0.25 : 0) + (logged ? 0.1 : 0));
    if (logged === 0) return 0; // text without any log in it is not ours to claim
    if (fences) return 0.9;
    const proseShare = prose / total;
    if (structure >= 2) return Math.min(0.85, 0.45 + proseShare * 0.4);
    return proseShare >= 0.3 ? Math.min(0.8, 0.3 + proseShare * 0.6) : 0;
  },
  create: createMarkdownParser,
  samples: markdownSamples,
};

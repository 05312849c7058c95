import type { FactRecord } from '../../model/record.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { baseName, factRecord, shareOf } from './common.js';
import { parseProcVersion } from './kernel-line.js';
import { unameSamples } from './uname.samples.js';

/**
 * `uname -a` output and `/proc/version` → host facts: hostname, kernel.release, kernel.version (`uname -v`,
 * `#81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019`) and arch. Also used by the markdown parser to find a
 * `uname -a` string quoted anywhere in prose.
 */
export interface UnameFacts {
  hostname: string;
  release: string;
  version: string | null;
  arch: string | null;
}

// Machine names uname prints (machine, processor and platform; `unknown` where not known).
const ARCH_RE = /^(x86_64|i[3-6]86|aarch64|arm\w*|ppc64\w*|ppc|s390x?|riscv\d+|mips\w*|loongarch64|sparc64|ia64|alpha|unknown)$/;
const UNAME_RE = /\bLinux ([A-Za-z0-9][\w.-]*) (\d+\.\d+[\w.+~-]*) (#\d+\S*(?: \S+)*)/;

/**
 * Finds `Linux HOST RELEASE #VERSION ... ARCH ARCH ARCH GNU/Linux` in a text.
 *
 * @example parseUname('Linux node-a 4.15.0-72-generic #81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux')
 *   // { hostname: 'node-a', release: '4.15.0-72-generic', version: '#81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019', arch: 'x86_64' }
 */
export function parseUname(text: string): UnameFacts | null {
  const m = UNAME_RE.exec(text);
  if (!m || m[1] === 'version') return null;
  let tokens = m[3].split(' ');
  const gnu = tokens.indexOf('GNU/Linux');
  if (gnu !== -1) tokens = tokens.slice(0, gnu); // prose may go on after the quoted output
  // trailing `GNU/Linux` (or busybox's `Linux`), then machine/processor/platform
  while (tokens.length && /^(GNU\/Linux|Linux|GNU)$/.test(tokens[tokens.length - 1])) tokens.pop();
  let firstArch = tokens.length;
  while (firstArch > 1 && ARCH_RE.test(tokens[firstArch - 1])) firstArch--;
  const archs = tokens.slice(firstArch).filter((t) => t !== 'unknown');
  const version = tokens.slice(0, firstArch).join(' ').replace(/[`'"),.;]+$/, '');
  return { hostname: m[1], release: m[2], version: version || null, arch: archs[0] ?? null };
}

/** The facts of a `uname -a` or `/proc/version` line, or null when it is neither. */
export function unameFacts(line: string, file: string, lineNo: number): FactRecord[] | null {
  const idx = line.indexOf('Linux ');
  if (idx === -1) return null;
  const proc = parseProcVersion(line.slice(idx));
  if (proc) {
    const out = [factRecord(file, lineNo, 'kernel.release', proc.release)];
    if (proc.version) out.push(factRecord(file, lineNo, 'kernel.version', proc.version));
    return out;
  }
  const u = parseUname(line);
  if (!u) return null;
  const out = [
    factRecord(file, lineNo, 'hostname', u.hostname),
    factRecord(file, lineNo, 'kernel.release', u.release),
  ];
  if (u.version) out.push(factRecord(file, lineNo, 'kernel.version', u.version));
  if (u.arch) out.push(factRecord(file, lineNo, 'arch', u.arch));
  return out;
}

const RELEASE_ONLY_RE = /^\s*(\d+\.\d+\.\d+[\w.+~-]*)\s*$/;

export function createUnameParser(ctx: ParseContext): LineParser {
  // `uname -r` alone in a file named after it
  const releaseOnly = /uname/.test(baseName(ctx.file));
  return {
    parse(line, lineNo) {
      if (line.trim() === '') return [];
      const facts = unameFacts(line, ctx.file, lineNo);
      if (facts || !releaseOnly) return facts;
      const r = RELEASE_ONLY_RE.exec(line);
      return r ? [factRecord(ctx.file, lineNo, 'kernel.release', r[1])] : null;
    },
  };
}

export const uname: Parser = {
  name: 'uname',
  sniff(head, fileName) {
    const share = shareOf(head, (l) => /^\s*Linux (version )?\S+ \d+\.\d+/.test(l) && unameFacts(l, '', 0) !== null);
    if (share === 0) return 0;
    const named = /uname|version/.test(baseName(fileName)) ? 0.05 : 0;
    return Math.min(0.97, 0.5 + share * 0.42 + named);
  },
  create: createUnameParser,
  samples: unameSamples,
};

import { spawnSync } from 'node:child_process';
import type { Finding } from '../model/report.js';

/** A commit that may fix (or relate to) a finding, with why it ranked where it did. */
export interface FixCandidate {
  commit: string;
  date: string;
  subject: string;
  score: number;
  hasFixesTag: boolean;
  reasons: string[];
}

// Frames every trace of a kind shares: searching history for them finds everything and nothing.
const GENERIC = /^(__?schedule|schedule(_timeout|_preempt_disabled)?|io_schedule|kthread|ret_from_fork|worker_thread|process_one_work|do_syscall_64|entry_SYSCALL_64.*|dump_stack|panic|warn_slowpath.*|__warn|report_bug|do_error_trap|do_invalid_op|invalid_op|page_fault|asm_.*|__wait_on_bit|out_of_line_wait_on_bit|wake_up_q|mutex_lock|down_read|down_write|rwsem_.*|bit_wait_io)$/;

/** The functions of a finding worth searching for: reliable, not generic, compiler suffixes removed. */
export function searchFunctions(f: Finding, limit = 6): string[] {
  const out: string[] = [];
  for (const fr of f.frames) {
    if (!fr.reliable) continue;
    const fn = fr.function.replace(/\.(isra|constprop|part|cold|lto_priv)(\.\d+)*$/g, '');
    if (GENERIC.test(fn) || out.includes(fn)) continue;
    out.push(fn);
    if (out.length >= limit) break;
  }
  return out;
}

const SEP = '\u001e';
const FIELD = '\u001f';

interface RawCommit {
  commit: string;
  date: string;
  subject: string;
  body: string;
}

// Bounded: a commit count, an output size and a time limit; a tree that is not a git repository gives [].
function gitLog(tree: string, args: string[], timeoutMs: number): RawCommit[] {
  const res = spawnSync('git', ['-C', tree, 'log', '--no-color', `--format=%H${FIELD}%cs${FIELD}%s${FIELD}%b${SEP}`, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (res.status !== 0 || !res.stdout) return [];
  return res.stdout
    .split(SEP)
    .map((chunk) => chunk.replace(/^\n/, ''))
    .filter((chunk) => chunk.includes(FIELD))
    .map((chunk) => {
      const [commit, date, subject, body] = chunk.split(FIELD);
      return { commit: commit!.trim(), date: date ?? '', subject: subject ?? '', body: body ?? '' };
    });
}

/**
 * Searches the tree's history for commits mentioning the finding's functions or title (message search,
 * fast) and commits whose diff adds or removes a line naming one of the functions (`git log -G`, bounded
 * by `perQuery` commits and a time limit). Commits with a `Fixes:` tag rank first.
 *
 * @example searchFixes('/src/linux', finding).slice(0, 5)
 */
export function searchFixes(tree: string, f: Finding, options: { perQuery?: number; timeoutMs?: number } = {}): FixCandidate[] {
  const n = String(options.perQuery ?? 50);
  const timeout = options.timeoutMs ?? 30_000;
  const functions = searchFunctions(f);
  const byCommit = new Map<string, { raw: RawCommit; reasons: Set<string>; score: number }>();
  const note = (raw: RawCommit, reason: string, points: number): void => {
    const e = byCommit.get(raw.commit) ?? { raw, reasons: new Set<string>(), score: 0 };
    if (!e.reasons.has(reason)) {
      e.reasons.add(reason);
      e.score += points;
    }
    byCommit.set(raw.commit, e);
  };
  for (const fn of functions) {
    for (const c of gitLog(tree, ['-n', n, '-F', `--grep=${fn}`], timeout)) note(c, `message mentions ${fn}`, 3);
    for (const c of gitLog(tree, ['-n', n, `-G\\b${fn}\\b`], timeout)) note(c, `diff touches ${fn}`, 2);
  }
  const titleKey = f.title.replace(/^.*? in /, '').trim();
  if (titleKey && titleKey !== f.title) {
    for (const c of gitLog(tree, ['-n', n, '-F', `--grep=${f.title}`], timeout)) note(c, 'message quotes the title', 5);
  }
  const out: FixCandidate[] = [];
  for (const { raw, reasons, score } of byCommit.values()) {
    const hasFixesTag = /^Fixes:\s*[0-9a-f]{8,}/im.test(raw.body);
    const bonus = (hasFixesTag ? 10 : 0) + (/\b(fix|deadlock|hang|race|leak|avoid|prevent)\b/i.test(raw.subject) ? 2 : 0);
    out.push({ commit: raw.commit, date: raw.date, subject: raw.subject, score: score + bonus, hasFixesTag, reasons: [...reasons, ...(hasFixesTag ? ['has a Fixes: tag'] : [])] });
  }
  return out.sort((a, b) => Number(b.hasFixesTag) - Number(a.hasFixesTag) || b.score - a.score || b.date.localeCompare(a.date));
}

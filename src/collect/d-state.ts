import { promises as fs } from 'node:fs';
import type { CollectContext, CommandRunner, ProducerResult } from './types.js';

/** At most this many D tasks get their stack read: a storm of thousands says enough with the first ones. */
const MAX_TASKS = 200;
/** Reading one stack must be quick; a read that blocks means the task holds what the reader needs. */
const STACK_TIMEOUT_MS = 3000;

interface Task {
  pid: number;
  tid: number;
  comm: string;
  state: string;
}

/**
 * The kernel stacks of tasks in uninterruptible sleep (state D), the same view `echo w >
 * /proc/sysrq-trigger` gives without writing to the kernel log. Each stack is read by a separate `cat` so
 * that a read that hangs is killed and noted, not waited on. Reading stacks needs root (mode 0400).
 *
 * Output: `# comm=kworker/2:1 pid=5938 tid=5938 state=D wchan=...` then the stack lines.
 */
export async function dStateStacks(ctx: CollectContext, run: CommandRunner): Promise<ProducerResult> {
  const deadline = Date.now() + Math.max(ctx.timeoutMs * 3, 5000);
  const tasks = await listTasks('D');
  const notes: string[] = [];
  const out: string[] = [`# tasks in D state at ${ctx.now.toISOString()}: ${tasks.length}`];
  let denied = 0;
  for (const [index, task] of tasks.slice(0, MAX_TASKS).entries()) {
    if (Date.now() > deadline) {
      notes.push(`stopped after the time budget; ${Math.min(tasks.length, MAX_TASKS) - index} tasks not read`);
      break;
    }
    const dir = `/proc/${task.pid}/task/${task.tid}`;
    const wchan = await readSmall(`${dir}/wchan`);
    out.push(`# comm=${task.comm} pid=${task.pid} tid=${task.tid} state=${task.state} wchan=${wchan ?? '?'}`);
    const r = await run(['cat', `${dir}/stack`], { timeoutMs: STACK_TIMEOUT_MS, maxBytes: 64 * 1024 });
    if (r.status === 'collected') out.push(r.stdout.toString('utf8').trimEnd());
    else {
      if (r.status === 'denied') denied += 1;
      out.push(`# stack not read: ${r.status}${r.stderr ? ` (${r.stderr.split('\n')[0]})` : ''}`);
      if (r.status === 'timeout') notes.push(`reading the stack of ${task.comm}/${task.tid} timed out`);
    }
  }
  if (tasks.length > MAX_TASKS) notes.push(`${tasks.length} tasks in D state; stacks of the first ${MAX_TASKS} read`);
  if (denied > 0) notes.push(`${denied} stacks not readable (needs root)`);
  const status = tasks.length === 0 ? 'empty' : denied === Math.min(tasks.length, MAX_TASKS) ? 'denied' : 'collected';
  return { text: out.join('\n') + '\n', notes, status };
}

/** Every thread whose state letter is `state`, from /proc/PID/task/TID/stat. */
export async function listTasks(state: string): Promise<Task[]> {
  const found: Task[] = [];
  const pids = (await fs.readdir('/proc').catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
  for (const pid of pids) {
    const tids = await fs.readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
    for (const tid of tids) {
      const stat = await readSmall(`/proc/${pid}/task/${tid}/stat`);
      const parsed = stat ? parseStat(stat) : null;
      if (parsed && parsed.state === state) found.push({ pid: Number(pid), tid: Number(tid), ...parsed });
    }
  }
  return found;
}

/** `/proc/PID/stat`: `pid (comm) S ...`; comm may hold spaces and parentheses, so split at the last `)`. */
export function parseStat(text: string): { comm: string; state: string } | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const state = text.slice(close + 1).trim().split(/\s+/)[0];
  return state ? { comm: text.slice(open + 1, close), state } : null;
}

async function readSmall(path: string): Promise<string | null> {
  try {
    return (await fs.readFile(path, 'utf8')).trim();
  } catch {
    return null;
  }
}

import { spawn } from 'node:child_process';
import type { ItemStatus } from './types.js';

export interface RunResult {
  status: ItemStatus;
  stdout: Buffer;
  stderr: string;
  exitCode: number | null;
  truncated: boolean;
  durationMs: number;
  reason: string | null;
}

export interface RunOptions {
  timeoutMs: number;
  maxBytes: number;
  keep?: 'head' | 'tail';
  /** After SIGKILL, how long to wait for the exit before giving up on the child (a D-state child never exits). */
  graceMs?: number;
}

const STDERR_KEEP = 2000;

/**
 * Runs one command in its own process group with a timeout and an output cap. A command that hangs (as
 * `lsblk` on a dead device or a read of a D task's stack do) gets SIGKILL on its whole group; if even that
 * does not end it (a child stuck in D state cannot die), it is abandoned and collection goes on.
 * Never throws: a missing command, a denied permission, a timeout are statuses.
 *
 * @example await runCommand(['uname', '-a'], { timeoutMs: 10_000, maxBytes: 1 << 20 })
 */
export function runCommand(argv: string[], opts: RunOptions): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    let timedOut = false;
    let truncated = false;
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    const child = spawn(argv[0], argv.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a kill reaches its children too
      env: { ...process.env, LC_ALL: 'C', SYSTEMD_PAGER: '', PAGER: 'cat' },
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        try {
          child.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
    };
    const finish = (result: Omit<RunResult, 'stdout' | 'durationMs' | 'truncated' | 'stderr'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
      resolve({ ...result, stdout: Buffer.concat(chunks), stderr: stderr.trim(), truncated, durationMs: Date.now() - started });
    };
    let grace: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
      grace = setTimeout(
        () => finish({ status: 'timeout', exitCode: null, reason: `killed after ${opts.timeoutMs} ms; did not exit after SIGKILL` }),
        opts.graceMs ?? 1000,
      );
    }, opts.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (opts.keep === 'tail') {
        chunks.push(chunk);
        size += chunk.length;
        while (size - chunks[0].length >= opts.maxBytes) size -= chunks.shift()!.length;
        if (size > opts.maxBytes) truncated = true;
        return;
      }
      if (truncated) return;
      const room = opts.maxBytes - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        truncated = true;
        killGroup(); // we have what we keep; no point letting it run
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_KEEP) stderr += chunk.toString('utf8').slice(0, STDERR_KEEP - stderr.length);
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      const missing = err.code === 'ENOENT';
      finish({
        status: missing ? 'missing' : err.code === 'EACCES' ? 'denied' : 'failed',
        exitCode: null,
        reason: missing ? `command not found: ${argv[0]}` : `cannot run ${argv[0]}: ${err.message}`,
      });
    });
    child.on('close', (code, signal) => {
      if (timedOut) return finish({ status: 'timeout', exitCode: null, reason: `killed after ${opts.timeoutMs} ms (SIGKILL to its process group)` });
      if (truncated && opts.keep !== 'tail') return finish({ status: 'collected', exitCode: code, reason: null });
      if (code !== 0) {
        const denied = /permission denied|operation not permitted|not permitted|must be root|access denied/i.test(stderr);
        return finish({
          status: denied ? 'denied' : 'failed',
          exitCode: code,
          reason: `${denied ? 'permission denied' : `exit ${code ?? signal}`}: ${firstLine(stderr) || 'no message'}`,
        });
      }
      finish({ status: size > 0 && hasContent(chunks) ? 'collected' : 'empty', exitCode: code, reason: size > 0 ? null : 'no output' });
    });
    // Keep the tail trimming exact at the end.
    void truncated;
  }).then((r) => (opts.keep === 'tail' ? trimTail(r as RunResult, opts.maxBytes) : (r as RunResult)));
}

function trimTail(r: RunResult, maxBytes: number): RunResult {
  if (r.stdout.length <= maxBytes) return r;
  let cut = r.stdout.subarray(r.stdout.length - maxBytes);
  const nl = cut.indexOf(10);
  if (nl >= 0) cut = cut.subarray(nl + 1); // start on a whole line
  return { ...r, stdout: cut, truncated: true };
}

function hasContent(chunks: Buffer[]): boolean {
  return chunks.some((c) => c.toString('utf8').trim().length > 0);
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? '';
}

/** Runs one command under `/usr/bin/time -v` (when present) and reads wall time and peak RSS. */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';

export interface Measurement {
  name: string;
  seconds: number;
  /** Peak resident set size in MB, null when it could not be measured. */
  rssMb: number | null;
  exitCode: number;
  /** First bytes of stderr, for failures. */
  stderr: string;
}

const TIME = '/usr/bin/time';

export function measure(name: string, cmd: string, args: string[], stdoutFile: string, cwd?: string): Promise<Measurement> {
  const timed = existsSync(TIME);
  const argv = timed ? ['-v', cmd, ...args] : args;
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(timed ? TIME : cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(createWriteStream(stdoutFile));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const exit = /Exit status: (\d+)/.exec(stderr);
      resolve({
        name,
        seconds,
        rssMb: rss ? Number(rss[1]) / 1024 : null,
        exitCode: exit ? Number(exit[1]) : (code ?? -1),
        stderr: stderr.replace(/\n\s*Command being timed:[\s\S]*$/, '').slice(0, 2000),
      });
    });
  });
}

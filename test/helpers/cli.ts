import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ReportSchema, type Report } from '../../src/model/report.js';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
export const CASES = `${SHARED}/cases`;
export const hasShared = existsSync(CASES);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`bin/ktriage.js`) as a user would, with history off unless a test asks for it. */
export async function ktriage(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [`${ROOT}/bin/ktriage.js`, ...args], {
      cwd: ROOT,
      env: { ...process.env, KTRIAGE_NO_HISTORY: '1', NO_COLOR: '1', ...env },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** `ktriage analyze ... --json`, validated against the published schema. */
export async function analyzeJson(args: string[], env: Record<string, string> = {}): Promise<{ report: Report; stderr: string }> {
  const result = await ktriage(['analyze', ...args, '--json'], env);
  if (result.code !== 0) throw new Error(`ktriage exited ${result.code}: ${result.stderr}`);
  const report = ReportSchema.parse(JSON.parse(result.stdout));
  return { report, stderr: result.stderr };
}

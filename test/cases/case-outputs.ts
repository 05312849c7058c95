/**
 * Runs the real CLI on the three acceptance cases and collects every output (text on stdout, JSON,
 * user and upstream Markdown, HTML), so that the output tests and the browser test read what a user
 * would get. Two runs per case: one for text + user Markdown + HTML, one for JSON + upstream Markdown.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Report } from '../../src/model/report.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const CASES = '/work/shared/cases';

export interface CaseSpec {
  name: string;
  args: string[];
}

/** The three acceptance cases with the clock options their READMEs give. */
export const CASE_SPECS: CaseSpec[] = [
  { name: 'rook-krbd-xfs-hang', args: [join(CASES, 'rook-krbd-xfs-hang', 'node-a')] },
  { name: 'openstack-dhcp-vanish', args: [join(CASES, 'openstack-dhcp-vanish'), '--year', '2012', '--tz', 'UTC'] },
  { name: 'resize-pagecache-drop', args: [join(CASES, 'resize-pagecache-drop'), '--year', '2018', '--tz', 'Asia/Tokyo'] },
];

export interface CaseOutputs {
  text: string;
  report: Report;
  userMd: string;
  upstreamMd: string;
  htmlFile: string;
  html: string;
}

async function cli(args: string[]): Promise<string> {
  const env = { ...process.env, KTRIAGE_NO_HISTORY: '1', NO_COLOR: '1', COLUMNS: '100' };
  const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'ktriage.js'), 'analyze', ...args, '--no-history'], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return stdout;
}

/** Writes the case's files into `dir` (created) and returns all outputs. */
export async function caseOutputs(spec: CaseSpec, dir: string): Promise<CaseOutputs> {
  mkdirSync(dir, { recursive: true });
  const htmlFile = join(dir, `${spec.name}.html`);
  const user = join(dir, `${spec.name}-user.md`);
  const upstream = join(dir, `${spec.name}-upstream.md`);
  const [text, json] = await Promise.all([
    cli([...spec.args, '--markdown', user, '--audience', 'user', '--html', htmlFile]),
    cli([...spec.args, '--json', '--markdown', upstream, '--audience', 'upstream']),
  ]);
  return {
    text,
    report: JSON.parse(json) as Report,
    userMd: readFileSync(user, 'utf8'),
    upstreamMd: readFileSync(upstream, 'utf8'),
    htmlFile,
    html: readFileSync(htmlFile, 'utf8'),
  };
}

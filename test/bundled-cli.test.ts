// bin/ktriage.js runs a cached esbuild bundle of the sources from node_modules/.cache/ktriage/, so every
// module that finds a file (kb/, the chart library, the worker thread, package.json) must do so from
// there as well as from src/ and dist/.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../bench/generate.js';
import { checkFindings } from '../bench/check.js';
import { sourceBundle } from '../scripts/source-bundle.mjs';
import { PARALLEL_MIN_BYTES } from '../src/pipeline/parallel.js';
import { ReportSchema } from '../src/model/report.js';
import { ROOT } from './helpers/cli.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'ktriage-bundled-'));
let main = '';

beforeAll(async () => {
  const bundle = await sourceBundle(ROOT);
  expect(bundle).not.toBeNull();
  expect(existsSync(bundle!.worker)).toBe(true);
  main = bundle!.main;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bundled CLI, run from the repository as bin/ktriage.js runs it. */
const bundled = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [main, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 });

describe('the bundled CLI', () => {
  it('reads the built-in knowledge base and inlines the chart library in HTML', async () => {
    const html = join(dir, 'timeline.html');
    const { stdout } = await bundled(['analyze', 'examples/storage-node-hang', '--no-history', '--html', html]);
    expect(stdout).toContain('krbd-xfs-osd-colocation-hang');
    const uplot = readFileSync(join(ROOT, 'node_modules', 'uplot', 'dist', 'uPlot.iife.min.js'), 'utf8');
    expect(readFileSync(html, 'utf8')).toContain(uplot.slice(0, 200));
  });

  it('starts its worker thread beside itself', async () => {
    // Two files over the threshold, two threads: the main thread takes one, the worker the other.
    const manifest = generate(join(dir, 'gen'), { sizeBytes: PARALLEL_MIN_BYTES + (4 << 20), hosts: 2, seed: 5, reportsPerKind: 1 });
    const args = ['analyze', join(dir, 'gen', 'data'), '--json', '--no-history', '--year', String(manifest.year), '--tz', manifest.timeZone];
    const { stdout } = await bundled(args, { KTRIAGE_WORKERS: '2' });
    const report = ReportSchema.parse(JSON.parse(stdout));
    expect(checkFindings(manifest.expected, report.findings).problems).toEqual([]);
    // The thread count changes nothing in the report (facts such as the kernel release included).
    const single = await bundled(args, { KTRIAGE_WORKERS: '1' });
    expect(single.stdout).toBe(stdout);
  }, 60_000);
});

import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addHistoryCommand } from '../src/cli/history.js';
import { countAnalyses, listHistory, openHistory } from '../src/store/index.js';

const root = join(import.meta.dirname, '..');
const run = promisify(execFile);
const temp = () => mkdtempSync(join(tmpdir(), 'ktriage-history-'));

function child(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('error', reject);
    p.on('close', (code) => resolve(code ?? -1));
  });
}

describe('history under concurrent writers', () => {
  it('keeps every record when 6 processes write the same database at once', async () => {
    const db = join(temp(), 'history.db');
    const workers = 6;
    const perWorker = 15;
    const codes = await Promise.all(
      Array.from({ length: workers }, (_, w) => child([join(root, 'test', 'history-writer.ts'), db, String(w), String(perWorker)])),
    );
    expect(codes).toEqual(Array(workers).fill(0));
    const h = openHistory(db);
    expect(countAnalyses(h)).toBe(workers * perWorker);
    expect(h.pragma('integrity_check', { simple: true })).toBe('ok');
    const shared = listHistory(h, { signature: 'shared-signature' })[0];
    expect(shared.count).toBe(workers * perWorker);
    expect(shared.hosts).toHaveLength(workers);
    for (let w = 0; w < workers; w++) expect(listHistory(h, { signature: `only-${w}` })[0].count).toBe(perWorker);
    h.close();
  });
});

describe('ktriage history', () => {
  it('lists signatures as JSON and text, filtered', async () => {
    const dir = temp();
    const db = join(dir, 'h.db');
    await child([join(root, 'test', 'history-writer.ts'), db, '1', '2']);
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      const program = new Command().exitOverride();
      addHistoryCommand(program);
      await program.parseAsync(['node', 'ktriage', 'history', '--db', db, '--json', '--signature', 'only-']);
      const json = JSON.parse(out.join(''));
      expect(json.analyses).toBe(2);
      expect(json.signatures).toEqual([expect.objectContaining({ signature: 'only-1', count: 2, hosts: ['host-1'] })]);
      out.length = 0;
      const text = new Command().exitOverride();
      addHistoryCommand(text);
      await text.parseAsync(['node', 'ktriage', 'history', '--db', db, '--host', 'host-1']);
      expect(out.join('')).toMatch(/2 analyses recorded.*\n[\s\S]*seen in 2 analyses/);
    } finally {
      process.stdout.write = write;
    }
  });
});

describe('ktriage analyze with history (end to end)', () => {
  it('marks the rook hung task as seen before with count 2 on the second analysis', async () => {
    const db = join(temp(), 'history.db');
    const rook = '/work/shared/cases/rook-krbd-xfs-hang/node-a';
    const analyze = async () => {
      const { stdout } = await run(process.execPath, [join(root, 'bin', 'ktriage.js'), 'analyze', rook, '--json', '--db', db], {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
      });
      return JSON.parse(stdout) as { findings: Array<{ kind: string; signature: string; seen?: { isNew: boolean; count: number; hosts: string[]; lastSeen: string | null } }> };
    };
    const first = (await analyze()).findings.find((f) => f.kind === 'hung_task');
    expect(first?.seen).toMatchObject({ isNew: true, count: 1, hosts: ['node-a'], lastSeen: null });
    const second = (await analyze()).findings.find((f) => f.kind === 'hung_task');
    expect(second?.signature).toBe(first?.signature);
    expect(second?.seen).toMatchObject({ isNew: false, count: 2, hosts: ['node-a'] });
    expect(second?.seen?.lastSeen).toEqual(expect.any(String));
  });
});

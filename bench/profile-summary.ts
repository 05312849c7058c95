/**
 * `tsx bench/profile-summary.ts DIR`: self time per function over every `.cpuprofile` in DIR (the main
 * thread and the workers), the hottest first, with the file they live in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export function selfTimes(profiles: Profile[]): { name: string; ms: number; share: number }[] {
  const totals = new Map<string, number>();
  let all = 0;
  for (const p of profiles) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const url = n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/');
      const key = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      totals.set(key, (totals.get(key) ?? 0) + ms);
      all += ms;
    });
  }
  return [...totals].map(([name, ms]) => ({ name, ms, share: ms / all })).sort((a, b) => b.ms - a.ms);
}

if (process.argv[2]) {
  const dir = process.argv[2];
  const profiles = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Profile);
  for (const t of selfTimes(profiles).slice(0, Number(process.argv[3] ?? 30))) console.log(`${t.ms.toFixed(0).padStart(8)} ms ${(t.share * 100).toFixed(1).padStart(5)}%  ${t.name}`);
}

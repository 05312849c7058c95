import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/**
 * The folder of ktriage's package.json, where kb/, node_modules/ and the sources are. Modules find their
 * files from here, not from their own location: that differs between src/, dist/ and the bundles of the
 * sources in node_modules/.cache/ktriage/.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (packageName(join(dir, 'package.json')) === 'ktriage') return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`ktriage: no package.json named ktriage above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

function packageName(file: string): string | null {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name ?? null;
  } catch {
    return null;
  }
}

#!/usr/bin/env node
// In a clone (sources present, dev dependencies installed) run the TypeScript sources, so nothing needs a
// build step and nothing can run stale output: a cached esbuild bundle of them (scripts/source-bundle.mjs),
// else through tsx (~1 s of CPU and ~50 MB more). An installed package runs dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli', 'main.ts');
const fromSources = existsSync(source);
const bundle = fromSources ? await import('../scripts/source-bundle.mjs').then((m) => m.sourceBundle(root)).catch(() => null) : null;
const tsx = fromSources && !bundle ? await import('tsx/esm/api').catch(() => null) : null;
if (bundle) {
  await import(pathToFileURL(bundle.main).href);
} else if (tsx) {
  tsx.register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href);
}

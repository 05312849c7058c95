import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinKbDir, loadKb, parseEntryText } from '../src/kb/loader.js';
import { kbEntryJsonSchema } from '../src/kb/schema.js';
import { runExample } from '../src/kb/example-runner.js';

const kb = loadKb([builtinKbDir()]);

describe('knowledge base', () => {
  it('every entry is valid and there are at least 25', () => {
    expect(kb.problems).toEqual([]);
    expect(kb.entries.length).toBeGreaterThanOrEqual(25);
  });

  it('the published JSON Schema is the one generated from the zod schema', () => {
    const committed = JSON.parse(readFileSync(join(builtinKbDir(), '..', 'schema', 'kb-entry.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(kbEntryJsonSchema())));
  });

  it('lint names the file and line of a bad field', () => {
    const text = 'id: bad-entry\ntitle: t\nsummary: s\ndetails: d\nmatch:\n  finding:\n    kind: hung_task\n    colour: red\nreferences: []\nexamples: { positive: [], negative: [] }\n';
    const { entry, problems } = parseEntryText(text, 'bad-entry.yaml');
    expect(entry).toBeNull();
    // The unknown key is reported at its object (match.finding, line 7); the empty list at its own line.
    expect(problems.some((p) => p.line === 7 && /colour/i.test(p.message))).toBe(true);
    expect(problems.some((p) => /^references/.test(p.message) && p.line === 9)).toBe(true);
  });

  it('rejects a pattern that does not compile', () => {
    const text = readFileSync(join(builtinKbDir(), 'tcp-syn-flood.yaml'), 'utf8').replace('kind: syn_flood', "kind: syn_flood\n    title: '(['");
    const { problems } = parseEntryText(text, 'tcp-syn-flood.yaml');
    expect(problems.map((p) => p.message).join()).toMatch(/invalid regex/);
  });
});

// `ktriage kb test` in the suite: each example through the real analysis.
describe('kb examples', () => {
  for (const loaded of kb.entries) {
    for (const polarity of ['positive', 'negative'] as const) {
      for (const ex of loaded.entry.examples[polarity]) {
        it(`${loaded.entry.id} ${polarity}: ${ex.name ?? ''}`, async () => {
          const result = await runExample(loaded, ex, polarity);
          expect(result.message).toBe(result.passed ? result.message : 'expected the opposite');
          expect(result.passed).toBe(true);
        });
      }
    }
  }
});

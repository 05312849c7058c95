import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { packageRoot } from '../package-root.js';
import { KbEntrySchema, type KbEntry } from './schema.js';

/** An entry with where it was read from (examples' `files` are relative to `dir`). */
export interface LoadedEntry {
  entry: KbEntry;
  file: string;
  dir: string;
}

/** A problem in a knowledge-base file, with the line it is on when known. */
export interface KbProblem {
  file: string;
  line: number | null;
  message: string;
}

export interface KbLoad {
  entries: LoadedEntry[];
  problems: KbProblem[];
}

/** The built-in `kb/` folder at the package root. */
export function builtinKbDir(): string {
  return join(packageRoot(), 'kb');
}

/**
 * Reads every `*.yaml`/`*.yml` of the folders, built-in first; a later entry with the same id replaces an
 * earlier one (a user's folder can override a built-in entry). Bad files become problems, never throws.
 *
 * @example loadKb([builtinKbDir(), '/home/me/kb']).entries.length
 */
export function loadKb(dirs: readonly string[]): KbLoad {
  const byId = new Map<string, LoadedEntry>();
  const problems: KbProblem[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
    } catch (e) {
      problems.push({ file: dir, line: null, message: `cannot read knowledge-base folder: ${(e as Error).message}` });
      continue;
    }
    for (const name of names) {
      const file = join(dir, name);
      try {
        if (!statSync(file).isFile()) continue;
      } catch {
        continue;
      }
      const result = loadEntryFile(file);
      problems.push(...result.problems);
      if (result.entry) byId.set(result.entry.id, { entry: result.entry, file, dir });
    }
  }
  return { entries: [...byId.values()], problems };
}

/** Parses and validates one file; problems carry the line of the offending YAML node. */
export function loadEntryFile(file: string): { entry: KbEntry | null; problems: KbProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { entry: null, problems: [{ file, line: null, message: (e as Error).message }] };
  }
  return parseEntryText(text, file);
}

export function parseEntryText(text: string, file: string): { entry: KbEntry | null; problems: KbProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    return {
      entry: null,
      problems: doc.errors.map((e) => ({ file, line: lines.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  const parsed = KbEntrySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      entry: null,
      problems: parsed.error.issues.map((issue) => ({
        file,
        line: lineOfPath(doc, lines, issue.path as (string | number)[]),
        message: `${issue.path.join('.') || '(entry)'}: ${issue.message}`,
      })),
    };
  }
  const problems = checkRegexes(parsed.data, file);
  const base = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (base !== parsed.data.id) problems.push({ file, line: lineOfPath(doc, lines, ['id']), message: `id "${parsed.data.id}" differs from the file name "${base}"` });
  return { entry: problems.length ? null : parsed.data, problems };
}

// The deepest node that exists on the path gives the line: a missing key points at its parent.
function lineOfPath(doc: Document, lines: LineCounter, path: (string | number)[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}

// A pattern that does not compile would silently never match: reject it at load time.
function checkRegexes(entry: KbEntry, file: string): KbProblem[] {
  const out: KbProblem[] = [];
  const visit = (value: unknown, path: string, isPattern: boolean): void => {
    if (typeof value === 'string' && isPattern) {
      try {
        new RegExp(value, 'i');
      } catch (e) {
        out.push({ file, line: null, message: `${path}: invalid regex: ${(e as Error).message}` });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}.${i}`, isPattern));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const pattern = isPattern || ['title', 'text', 'frames', 'module', 'subsystem', 'device', 'workqueue', 'task', 'details', 'distro'].includes(k);
        visit(v, `${path}.${k}`, pattern && k !== 'why' && k !== 'relation' && k !== 'kind' && k !== 'withinSeconds');
      }
    }
  };
  visit(entry.match, 'match', false);
  return out;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One section of a kernel tree's MAINTAINERS file. */
export interface MaintainersSection {
  title: string;
  lists: string[];
  maintainers: string[];
  reviewers: string[];
  files: string[];
  status: string | null;
}

/**
 * Parses MAINTAINERS: a section is a title line followed by `X:<tab>value` lines (M: maintainer,
 * R: reviewer, L: list, F: file pattern, S: status) up to a blank line.
 *
 * @example parseMaintainers('XFS FILESYSTEM\nL:\tlinux-xfs@vger.kernel.org\nF:\tfs/xfs/\n')[0].lists
 */
export function parseMaintainers(text: string): MaintainersSection[] {
  const out: MaintainersSection[] = [];
  let current: MaintainersSection | null = null;
  for (const line of text.split(/\r?\n/)) {
    const field = /^([A-Z]):\s*(.*)$/.exec(line);
    if (field && current) {
      const value = field[2]!.trim();
      if (field[1] === 'M') current.maintainers.push(value);
      else if (field[1] === 'R') current.reviewers.push(value);
      else if (field[1] === 'L') current.lists.push(value.split(/\s+/)[0]!);
      else if (field[1] === 'F') current.files.push(value);
      else if (field[1] === 'S') current.status = value;
      continue;
    }
    if (!line.trim()) {
      current = null;
      continue;
    }
    if (!current && /^[A-Z0-9]/.test(line) && !field) {
      current = { title: line.trim(), lists: [], maintainers: [], reviewers: [], files: [], status: null };
      out.push(current);
    }
  }
  return out.filter((s) => s.files.length || s.lists.length || s.maintainers.length);
}

/** Reads `DIR/MAINTAINERS`; null when the tree has none (the caller falls back to the built-in table). */
export function readMaintainers(tree: string): MaintainersSection[] | null {
  try {
    return parseMaintainers(readFileSync(join(tree, 'MAINTAINERS'), 'utf8'));
  } catch {
    return null;
  }
}

/** Whether a MAINTAINERS `F:` pattern covers a path (`fs/xfs/` a folder, `*` a glob within one level). */
export function patternCovers(pattern: string, path: string): boolean {
  if (pattern.endsWith('/')) return path.startsWith(pattern);
  const rx = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.') + '$');
  return rx.test(path);
}

/**
 * Sections for a subsystem or module name: those whose file patterns name it as a folder (`fs/xfs/`) or
 * a source file (`drivers/block/rbd.c`), most specific (fewest files) first. A known path is matched
 * with `patternCovers` instead.
 */
export function sectionsFor(sections: readonly MaintainersSection[], name: string, path?: string): MaintainersSection[] {
  const n = name.toLowerCase();
  const hits = sections.filter((s) =>
    s.files.some((f) => {
      if (path) return patternCovers(f, path);
      const parts = f.toLowerCase().replace(/\/$/, '').split('/');
      const lastPart = parts[parts.length - 1] ?? '';
      return lastPart === n || lastPart === `${n}.c` || (f.endsWith('/') && lastPart === n);
    }),
  );
  return hits.filter((s) => s.lists.length || s.maintainers.length).sort((a, b) => a.files.length - b.files.length);
}

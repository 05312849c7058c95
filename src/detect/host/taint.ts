/**
 * Kernel taint flags (Documentation/admin-guide/tainted-kernels.rst; see
 * /work/shared/research/seed-cases.md §D): the letter printed in `Tainted:` headers, the bit of
 * /proc/sys/kernel/tainted, and what it means. Bit 0 prints `P` when set and `G` when clear.
 */
export interface TaintFlag {
  letter: string;
  bit: number;
  meaning: string;
}

export const TAINT_FLAGS: readonly TaintFlag[] = [
  { letter: 'P', bit: 0, meaning: 'a proprietary (non-GPL-compatible) module was loaded' },
  { letter: 'F', bit: 1, meaning: 'a module was force-loaded' },
  { letter: 'S', bit: 2, meaning: 'out-of-specification system (e.g. SMP on an unsupported CPU, late microcode load)' },
  { letter: 'R', bit: 3, meaning: 'a module was force-unloaded' },
  { letter: 'M', bit: 4, meaning: 'a machine check exception was reported' },
  { letter: 'B', bit: 5, meaning: 'bad page reference or unexpected page flags' },
  { letter: 'U', bit: 6, meaning: 'taint requested by user space' },
  { letter: 'D', bit: 7, meaning: 'the kernel died recently (OOPS or BUG)' },
  { letter: 'A', bit: 8, meaning: 'an ACPI table was overridden by the user' },
  { letter: 'W', bit: 9, meaning: 'the kernel issued a warning' },
  { letter: 'C', bit: 10, meaning: 'a staging driver was loaded' },
  { letter: 'I', bit: 11, meaning: 'a workaround for a platform firmware bug was applied' },
  { letter: 'O', bit: 12, meaning: 'an externally built (out-of-tree) module was loaded' },
  { letter: 'E', bit: 13, meaning: 'an unsigned module was loaded on a kernel with module signing' },
  { letter: 'L', bit: 14, meaning: 'a soft lockup occurred' },
  { letter: 'K', bit: 15, meaning: 'the kernel was live-patched' },
  { letter: 'X', bit: 16, meaning: 'auxiliary taint, used by distributions' },
  { letter: 'T', bit: 17, meaning: 'built with the struct-randomization plugin' },
  { letter: 'N', bit: 18, meaning: 'an in-kernel test was run' },
];

const BY_LETTER = new Map(TAINT_FLAGS.map((f) => [f.letter, f]));

/**
 * Flags of a mask as read from /proc/sys/kernel/tainted; unknown bits (newer kernels) are kept with
 * letter `?`.
 *
 * @example decodeTaintMask(4609) // bits 0, 9, 12 → P, W, O
 */
export function decodeTaintMask(mask: number): TaintFlag[] {
  const out: TaintFlag[] = [];
  if (!Number.isFinite(mask) || mask <= 0) return out;
  for (let bit = 0; bit < 53 && 2 ** bit <= mask; bit++) {
    if (Math.floor(mask / 2 ** bit) % 2 === 1) {
      out.push(TAINT_FLAGS[bit] ?? { letter: '?', bit, meaning: `taint bit ${bit} (not in the table of this tool)` });
    }
  }
  return out;
}

/**
 * Flags of a `Tainted:` header or letter string: `Tainted: G        W  O`, `P OE`, `Not tainted`,
 * `[W]=WARN, [O]=OOT_MODULE`. `G` (all modules GPL) is no flag; a bare number is read as a mask.
 *
 * @example decodeTaintLetters('Tainted: G        W  O') // [W (bit 9), O (bit 12)]
 */
export function decodeTaintLetters(s: string): TaintFlag[] {
  const text = s.trim();
  if (/^\d+$/.test(text)) return decodeTaintMask(Number(text));
  if (/not tainted/i.test(text)) return [];
  const letters = text.replace(/^Tainted:\s*/i, '').replace(/=\w+/g, '');
  const seen = new Set<string>();
  const out: TaintFlag[] = [];
  for (const ch of letters) {
    const flag = BY_LETTER.get(ch);
    if (flag && !seen.has(ch)) {
      seen.add(ch);
      out.push(flag);
    }
  }
  return out.sort((a, b) => a.bit - b.bit);
}

/** The mask of a list of flags. */
export function taintMask(flags: readonly TaintFlag[]): number {
  return flags.reduce((m, f) => m + 2 ** f.bit, 0);
}

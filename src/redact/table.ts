import { ipv4Network, placeholder, type Category } from './placeholders.js';

/**
 * The mapping shared by every file of one bundle: the same value gets the same placeholder wherever it
 * appears, so the timeline still pairs hosts and addresses. It counts replacements per category for the
 * manifest and never exposes the original values there.
 */
export interface MappingTable {
  /** The placeholder for `value` (allocating one on first sight). */
  map(category: Category, value: string): string;
  /** A value that must never be replaced (a module name that is also the host name, ...). */
  isProtected(word: string): boolean;
  protect(word: string): void;
  /** Names learned before the rewrite pass (host names, user names), matched as whole words. */
  learn(category: 'hostname' | 'user', value: string): void;
  learned(category: 'hostname' | 'user'): ReadonlySet<string>;
  /** Per category: distinct values and replacements made. */
  summary(): Record<string, { values: number; replacements: number }>;
}

/** @example const t = createMappingTable(); t.map('hostname', 'db01') // 'host-01' */
export function createMappingTable(): MappingTable {
  const maps = new Map<string, Map<string, string>>();
  const replacements = new Map<string, number>();
  const networks = new Map<string, string>();
  const learnedNames = { hostname: new Set<string>(), user: new Set<string>() };
  const protectedWords = new Set<string>();
  const keyOf = (category: Category, value: string) =>
    category === 'hostname' || category === 'email' || category === 'mac' || category === 'ipv6' ? value.toLowerCase() : value;

  return {
    map(category, value) {
      replacements.set(category, (replacements.get(category) ?? 0) + 1);
      let m = maps.get(category);
      if (!m) maps.set(category, (m = new Map()));
      const key = keyOf(category, value);
      const known = m.get(key);
      if (known) return known;
      let made: string;
      if (category === 'ipv4') {
        const octets = value.split('.');
        const net = octets.slice(0, 3).join('.');
        let mapped = networks.get(net);
        if (!mapped) networks.set(net, (mapped = ipv4Network(networks.size + 1)));
        made = `${mapped}.${octets[3]}`;
      } else {
        made = placeholder(category, m.size + 1);
      }
      m.set(key, made);
      return made;
    },
    isProtected: (word) => protectedWords.has(word),
    protect: (word) => void protectedWords.add(word),
    learn(category, value) {
      if (value && !protectedWords.has(value)) learnedNames[category].add(value);
    },
    learned: (category) => learnedNames[category],
    summary() {
      const out: Record<string, { values: number; replacements: number }> = {};
      for (const [category, m] of maps) out[category] = { values: m.size, replacements: replacements.get(category) ?? 0 };
      return out;
    },
  };
}

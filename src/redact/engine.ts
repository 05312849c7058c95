import { isIPv4, isIPv6 } from 'node:net';
import type { Category } from './placeholders.js';
import { GROUP_CATEGORY, redactRules, type RedactRule } from './rules.js';
import type { MappingTable } from './table.js';
import { keepEmail, keepHostname, keepIpv4, keepIpv6, keepMac, keepUser } from './keep.js';

const KEEP: Partial<Record<Category, (v: string) => boolean>> = {
  ipv4: keepIpv4,
  ipv6: keepIpv6,
  mac: keepMac,
  user: keepUser,
  hostname: keepHostname,
  email: keepEmail,
};

/** Maps one captured value, or returns it unchanged when it is one of the values kept on purpose. */
function mapValue(table: MappingTable, category: Category, value: string): string {
  if (category === 'hostname' && isIPv4(value)) category = 'ipv4';
  else if (category === 'hostname' && isIPv6(value)) category = 'ipv6';
  if (KEEP[category]?.(value)) return value;
  if ((category === 'user' || category === 'hostname') && table.isProtected(value)) return value;
  // Names met in context (user=alice) are also replaced wherever they appear later as words.
  if (category === 'user' || category === 'hostname') table.learn(category, value);
  if (category === 'hostname' && value.includes('.')) {
    // An FQDN and its short name are one host: both become host-NN, the FQDN keeps a dotted shape.
    const short = value.split('.')[0];
    table.learn('hostname', short);
    return `${table.map('hostname', short)}.redacted.invalid`;
  }
  return table.map(category, value);
}

/** Applies one rule to a line: each captured group that names a category is replaced, the rest kept. */
export function applyRule(line: string, rule: RedactRule, table: MappingTable): string {
  const re = new RegExp(rule.pattern.source, rule.pattern.flags.includes('d') ? rule.pattern.flags : rule.pattern.flags + 'd');
  let out = '';
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[0] === '') {
      re.lastIndex += 1;
      continue;
    }
    const spans: Array<[number, number, Category, string]> = [];
    for (const [group, span] of Object.entries(m.indices?.groups ?? {})) {
      const category = GROUP_CATEGORY[group];
      const value = m.groups?.[group];
      if (!category || !span || value === undefined || value === '') continue;
      spans.push([span[0], span[1], category, value]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (const [start, end, category, value] of spans) {
      if (start < last) continue;
      out += line.slice(last, start) + mapValue(table, category, value);
      last = end;
    }
  }
  return last === 0 ? line : out + line.slice(last);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A line transformer sharing `table` with every other file of the bundle. Stateful per file (a PEM block
 * spans lines), so create one per file.
 *
 * @example const redact = createLineRedactor(table); redact('DHCPACK 192.168.1.7 to db01') // 'DHCPACK 10.255.1.7 to host-01' once db01 was learned
 */
export function createLineRedactor(table: MappingTable, rules: readonly RedactRule[] = redactRules): (line: string) => string {
  let inKey = false;
  let wordsKey = '';
  let words: RegExp | null = null;
  const learnedWords = (): RegExp | null => {
    const hosts = [...table.learned('hostname')].filter((n) => n.length >= 2);
    const users = [...table.learned('user')].filter((n) => n.length >= 3 && !keepUser(n));
    const key = hosts.join('\u0000') + '\u0001' + users.join('\u0000');
    if (key !== wordsKey) {
      wordsKey = key;
      const alt = (names: string[]) => names.sort((a, b) => b.length - a.length).map(escape).join('|');
      const parts = [hosts.length ? `(?<hostname>${alt(hosts)})` : '', users.length ? `(?<user>${alt(users)})` : ''].filter(Boolean);
      // A learned name is replaced as a whole word: not inside another name, not as the first label of a
      // dotted name (`vm.max_map_count` stays when the host is called vm).
      words = parts.length ? new RegExp(String.raw`(?<![\w.-])(?:${parts.join('|')})(?![\w-]|\.[A-Za-z0-9])`, 'g') : null;
    }
    return words;
  };
  return (line: string): string => {
    if (inKey) {
      if (/-----END [A-Z ]*PRIVATE KEY-----/.test(line)) inKey = false;
      else {
        table.map('secret', 'private-key-block');
        return '[private key line redacted]';
      }
      return line;
    }
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----\s*$/.test(line)) inKey = true;
    let out = line;
    for (const rule of rules) out = applyRule(out, rule, table);
    const w = learnedWords();
    if (w) out = applyRule(out, { name: 'learned-names', why: 'names learned in context', pattern: w }, table);
    return out;
  };
}

/**
 * Redacts a whole text with a table (for small texts: manifest, file names); streams use createLineRedactor.
 *
 * @example redactText('ssh alice@example.org', createMappingTable())
 */
export function redactText(text: string, table: MappingTable): string {
  const redact = createLineRedactor(table);
  return text.split('\n').map(redact).join('\n');
}

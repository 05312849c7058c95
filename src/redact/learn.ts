import type { MappingTable } from './table.js';
import { keepHostname, keepUser } from './keep.js';

/**
 * Where names show up before they are known: the host field of syslog lines, journald's `_HOSTNAME`,
 * dnsmasq leases and DHCP log lines, the node name of `uname -a`, module names (protected, never replaced).
 * A first pass over every file learns them, so that the rewrite pass replaces them in every file,
 * including files read before the line that revealed the name.
 */
interface LearnRule {
  name: string;
  pattern: RegExp;
  /** What the `name` group is: a host to replace, a user to replace, or a word to protect. */
  as: 'hostname' | 'user' | 'protect';
}

const SYSLOG_STAMP = String.raw`(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)`;

export const learnRules: LearnRule[] = [
  { name: 'syslog-host', as: 'hostname', pattern: new RegExp(String.raw`^(?:<\d+>)?${SYSLOG_STAMP} (?<name>[A-Za-z0-9][\w.-]*) [^\s:]+(?:\[\d+\])?:`) },
  { name: 'journal-hostname', as: 'hostname', pattern: /"_HOSTNAME"\s*:\s*"(?<name>[^"]+)"/ },
  { name: 'uname-node', as: 'hostname', pattern: /^Linux (?!version )(?<name>[A-Za-z0-9][\w.-]*) \d+\.\d+\.\d+\S* #\d+/ },
  { name: 'dnsmasq-dhcp', as: 'hostname', pattern: /\bDHCP(?:ACK|OFFER|REQUEST|INFORM)\([^)]*\) [\d.]+ (?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2} (?<name>[A-Za-z0-9][\w.-]*)\s*$/ },
  { name: 'dnsmasq-lease', as: 'hostname', pattern: /^\d{9,} (?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2} [\d.]+ (?<name>[A-Za-z0-9][\w.-]*) / },
  { name: 'kubelet-node', as: 'hostname', pattern: /\bnode="(?<name>[A-Za-z0-9][\w.-]*)"/ },
  { name: 'home-path', as: 'user', pattern: /\/(?:home|Users)\/(?<name>[A-Za-z_][\w.-]{0,31})/ },
  { name: 'user-field', as: 'user', pattern: /(?<![\w-])(?:user(?:name)?|USER|LOGNAME|acct)\s*=\s*["']?(?<name>[A-Za-z_][\w.-]{0,31})/ },
  { name: 'lsmod-module', as: 'protect', pattern: /^(?<name>[a-z_][\w]*)\s+\d+\s+\d+/ },
];

/** Learns from one line (first pass). */
export function learnLine(line: string, table: MappingTable): void {
  for (const rule of learnRules) {
    const name = rule.pattern.exec(line)?.groups?.name;
    if (!name) continue;
    if (rule.as === 'protect') table.protect(name);
    else if (rule.as === 'user' ? !keepUser(name) : !keepHostname(name)) table.learn(rule.as, name);
  }
}

/** What the collecting host knows about itself: its name (short and FQDN) and the invoking user. */
export function learnSelf(table: MappingTable, self: { hostname?: string; users?: string[] }): void {
  if (self.hostname && !keepHostname(self.hostname)) {
    table.learn('hostname', self.hostname);
    const short = self.hostname.split('.')[0];
    if (short !== self.hostname) table.learn('hostname', short);
  }
  for (const u of self.users ?? []) if (!keepUser(u)) table.learn('user', u);
}

import type { Detector } from '../../types.js';
import { dhcpLineRules, type DhcpLineRule } from './patterns.js';

/** Cheap prefilter: every rule's line contains one of these. */
const HINT = /DHCP|dhcp4|bound to|receive_packet|exiting|No working leases/;

/** Fields of one DHCP line, or null when no rule matches. */
export function matchDhcpLine(message: string, program: string | undefined): Record<string, string> | null {
  if (!HINT.test(message)) return null;
  for (const rule of dhcpLineRules) {
    if (rule.program && program && !rule.program.test(program)) continue;
    if (rule.program && !program) continue;
    const m = rule.pattern.exec(message);
    if (!m) continue;
    const data = fieldsOf(rule, m.groups ?? {});
    if (data) return data;
  }
  return null;
}

function fieldsOf(rule: DhcpLineRule, groups: Record<string, string | undefined>): Record<string, string> | null {
  const data: Record<string, string> = { role: rule.role, rule: rule.name };
  for (const [k, v] of Object.entries(groups)) if (v !== undefined && k !== 'rest' && k !== 'type') data[k] = v;
  const type = rule.typeFrom ? rule.typeFrom.map[groups[rule.typeFrom.group] ?? ''] : rule.type ?? groups.type;
  if (!type) return null;
  data.type = type;
  const rest = groups.rest?.trim();
  if (rest && rule.rest === 'clientName' && rest !== '*') data.clientName = rest;
  if (rest && rule.rest === 'reason') data.reason = rest;
  // dnsmasq's `DHCPDISCOVER(eth0) mac no address available`: the server saw it and refused.
  if (rule.role === 'server' && data.reason && type !== 'NAK') data.refused = data.reason;
  if (data.mac) data.mac = data.mac.toLowerCase();
  return data;
}

/**
 * `dhcp`: turns DHCP client and server log lines (dhclient, dnsmasq, systemd-networkd, NetworkManager)
 * into signals on topic `dhcp`, which the skew stage pairs across hosts and the lease-loss stage reads.
 */
export const dhcpDetector: Detector = {
  name: 'dhcp',
  create(ctx) {
    return {
      push(record, emit) {
        if (record.kind !== 'log') return;
        const data = matchDhcpLine(record.message, record.program);
        if (!data) return;
        const host = record.host ?? ctx.host;
        emit({
          type: 'signal',
          signal: {
            topic: 'dhcp',
            host,
            stamp: record.stamp,
            file: record.file,
            line: record.line,
            text: record.program ? `${record.program}: ${record.message}` : record.message,
            data,
          },
        });
      },
      end() {},
    };
  },
};

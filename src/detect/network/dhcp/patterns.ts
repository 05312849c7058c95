/**
 * DHCP log lines as data: one row per message form, with named groups for the fields the stages use.
 *
 * Every row yields a signal `{ role, type, ...groups }` on topic `dhcp`. Types are RFC 2131 message names
 * (`DISCOVER`, `OFFER`, `REQUEST`, `ACK`, `NAK`, `INFORM`, `RELEASE`, `DECLINE`) for packets, and
 * client states for the rest: `BOUND` (a lease was obtained), `NO_OFFERS`, `GAVE_UP` (no lease, client
 * stops trying for now), `LEASE_LOST` (lease expired or dropped), `RECEIVE_FAILED`, `EXIT`.
 */
export interface DhcpLineRule {
  readonly name: string;
  readonly role: 'client' | 'server';
  /** Fixed type, or taken from the `type` group (dnsmasq prints it in the line). */
  readonly type?: string;
  /** When set, the line's program (syslog tag) must match: for lines too generic to stand alone. */
  readonly program?: RegExp;
  readonly pattern: RegExp;
  /** dnsmasq's free text after the MAC: the client's name on ACK/OFFER, a reason on NAK or a refusal. */
  readonly rest?: 'clientName' | 'reason';
  /** Maps a group value to a type (NetworkManager's state names). */
  readonly typeFrom?: { group: string; map: Record<string, string> };
}

const IP = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const MAC = String.raw`[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5,19}`;

export const dhcpLineRules: readonly DhcpLineRule[] = [
  // ISC dhclient (Debian/Ubuntu `dhclient`, also run by NetworkManager and ifupdown).
  // `DHCPREQUEST of 10.0.0.5 on eth0 to 10.0.0.1 port 67` (older: `DHCPREQUEST on eth0 to ...`).
  { name: 'dhclient-request', role: 'client', type: 'REQUEST', pattern: new RegExp(String.raw`^DHCPREQUEST (?:of (?<ip>${IP}) )?on (?<iface>\S+) to (?<dest>${IP}) port \d+`) },
  { name: 'dhclient-discover', role: 'client', type: 'DISCOVER', pattern: new RegExp(String.raw`^DHCPDISCOVER on (?<iface>\S+) to (?<dest>${IP}) port \d+(?: interval (?<interval>\d+))?`) },
  { name: 'dhclient-inform', role: 'client', type: 'INFORM', pattern: new RegExp(String.raw`^DHCPINFORM (?:of (?<ip>${IP}) )?on (?<iface>\S+) to (?<dest>${IP})`) },
  { name: 'dhclient-release', role: 'client', type: 'RELEASE', pattern: new RegExp(String.raw`^DHCPRELEASE (?:of (?<ip>${IP}) )?on (?<iface>\S+) to (?<dest>${IP})`) },
  { name: 'dhclient-decline', role: 'client', type: 'DECLINE', pattern: new RegExp(String.raw`^DHCPDECLINE (?:of (?<ip>${IP}) )?on (?<iface>\S+) to (?<dest>${IP})`) },
  { name: 'dhclient-ack', role: 'client', type: 'ACK', pattern: new RegExp(String.raw`^DHCPACK (?:of (?<ip>${IP}) )?from (?<server>${IP})`) },
  { name: 'dhclient-offer', role: 'client', type: 'OFFER', pattern: new RegExp(String.raw`^DHCPOFFER (?:of (?<ip>${IP}) )?from (?<server>${IP})`) },
  { name: 'dhclient-nak', role: 'client', type: 'NAK', pattern: new RegExp(String.raw`^DHCPNAK from (?<server>${IP})`) },
  { name: 'dhclient-bound', role: 'client', type: 'BOUND', pattern: new RegExp(String.raw`^bound to (?<ip>${IP}) -- renewal in (?<renewal>\d+) seconds`) },
  { name: 'dhclient-no-offers', role: 'client', type: 'NO_OFFERS', pattern: /^No DHCPOFFERS received\.?/ },
  // dhclient found no usable lease, not even an old one: the interface stays without an address.
  { name: 'dhclient-gave-up', role: 'client', type: 'GAVE_UP', pattern: /^No working leases in persistent database - sleeping\.?/ },
  { name: 'dhclient-receive-failed', role: 'client', type: 'RECEIVE_FAILED', pattern: /^receive_packet failed on (?<iface>\S+?):? (?<reason>.*)$/ },
  { name: 'dhclient-exit', role: 'client', type: 'EXIT', program: /^dhclient/i, pattern: /^exiting\.?$/ },

  // dnsmasq (`dnsmasq-dhcp` tag): `DHCPACK(br100) 10.0.0.5 fa:16:3e:4c:2a:91 backup01`,
  // `DHCPDISCOVER(br100) fa:16:3e:4c:2a:91`, `DHCPNAK(eth0) 10.0.0.9 mac wrong network`,
  // `DHCPDISCOVER(eth0) mac no address available` (a refusal: dnsmasq offers nothing).
  { name: 'dnsmasq-nak', role: 'server', type: 'NAK', rest: 'reason', pattern: new RegExp(String.raw`^DHCPNAK\((?<iface>[^)]+)\) (?:(?<ip>${IP}) )?(?<mac>${MAC})(?: (?<rest>.+))?$`) },
  { name: 'dnsmasq-reply', role: 'server', rest: 'clientName', pattern: new RegExp(String.raw`^DHCP(?<type>ACK|OFFER)\((?<iface>[^)]+)\) (?:(?<ip>${IP}) )?(?<mac>${MAC})(?: (?<rest>\S+))?`) },
  { name: 'dnsmasq-request', role: 'server', rest: 'reason', pattern: new RegExp(String.raw`^DHCP(?<type>DISCOVER|REQUEST|INFORM|RELEASE|DECLINE)\((?<iface>[^)]+)\) (?:(?<ip>${IP}) )?(?<mac>${MAC})(?: (?<rest>.+))?$`) },

  // systemd-networkd: `eth0: DHCPv4 address 10.0.0.5/24 via 10.0.0.1`, newer `..., gateway G acquired from S`.
  { name: 'networkd-bound', role: 'client', type: 'BOUND', pattern: new RegExp(String.raw`^(?<iface>[\w.-]+): DHCPv4 address (?<ip>${IP})/\d+(?:,? via (?<server>${IP}))?`) },
  { name: 'networkd-lost', role: 'client', type: 'LEASE_LOST', pattern: /^(?<iface>[\w.-]+): DHCP lease lost/ },
  { name: 'networkd-failed', role: 'client', type: 'GAVE_UP', pattern: /^(?<iface>[\w.-]+): Could not acquire DHCPv4 lease/ },

  // NetworkManager: `dhcp4 (eth0): state changed bound -> expire`, `dhcp4 (eth0): option ip_address => '10.0.0.5'`.
  {
    name: 'nm-state', role: 'client', pattern: /dhcp4 \((?<iface>[^)]+)\): state changed (?<from>\w+) -> (?<to>\w+)/,
    typeFrom: { group: 'to', map: { bound: 'BOUND', extended: 'BOUND', expire: 'LEASE_LOST', fail: 'GAVE_UP', timeout: 'GAVE_UP', end: 'LEASE_LOST' } },
  },
  { name: 'nm-ip', role: 'client', type: 'OPTION', pattern: new RegExp(String.raw`dhcp4 \((?<iface>[^)]+)\):\s+(?:option ip_address\s+=>\s+'|address )(?<ip>${IP})`) },
  { name: 'nm-timeout', role: 'client', type: 'GAVE_UP', pattern: /dhcp4 \((?<iface>[^)]+)\): request timed out/ },
  { name: 'nm-renew-failed', role: 'client', type: 'LEASE_LOST', pattern: /\((?<iface>[^)]+)\): DHCPv4 lease renewal failed/ },
];

/** Client messages that go out, and what counts as hearing back. */
export const CLIENT_SENDS = new Set(['DISCOVER', 'REQUEST', 'INFORM']);
export const CLIENT_HEARS = new Set(['ACK', 'OFFER', 'NAK', 'BOUND']);
/** Client states that end an unanswered run: the lease is gone or the client stopped trying. */
export const CLIENT_ENDS = new Set(['GAVE_UP', 'LEASE_LOST', 'EXIT', 'NO_OFFERS']);
export const BROADCAST = '255.255.255.255';

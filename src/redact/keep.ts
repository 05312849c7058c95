import { isIPv4, isIPv6 } from 'node:net';

/**
 * Values that look sensitive but are not, and that the analysis needs as they are: special addresses
 * (0.0.0.0 and broadcast in DHCP exchanges, loopback, link-local metadata service, multicast, netmasks),
 * all-zero/broadcast MACs, system accounts, and public project domains named in kernel messages.
 */
const SYSTEM_USERS = new Set(
  'root nobody nogroup daemon bin sys sync games man lp mail news uucp proxy www-data backup list irc gnats syslog messagebus _apt sshd ceph polkitd chrony ntp postfix dnsmasq libvirt-qemu qemu nova neutron kubelet unknown admin user'.split(
    ' ',
  ),
);

/** Distribution ids that are also default cloud user names: replacing them would break distro detection. */
const DISTRO_WORDS = new Set('ubuntu debian centos fedora rhel rocky almalinux opensuse sles amzn coreos flatcar arch core'.split(' '));

const PUBLIC_DOMAINS = [
  'kernel.org', 'ubuntu.com', 'canonical.com', 'launchpad.net', 'debian.org', 'redhat.com', 'fedoraproject.org',
  'centos.org', 'suse.com', 'github.com', 'gitlab.com', 'ceph.io', 'ceph.com', 'rook.io', 'kubernetes.io', 'k8s.io',
  'docker.com', 'docker.io', 'quay.io', 'gcr.io', 'openstack.org', 'example.com', 'example.org', 'example.net',
  'redacted.invalid', 'systemd.io', 'freedesktop.org', 'intel.com', 'amd.com', 'nvidia.com', 'microsoft.com',
];

export function keepIpv4(ip: string): boolean {
  const o = ip.split('.').map(Number);
  if (ip === '0.0.0.0' || ip === '255.255.255.255') return true;
  if (o[0] === 127 || (o[0] === 169 && o[1] === 254) || (o[0] >= 224 && o[0] <= 239)) return true;
  // Netmasks: 255.x.x.x made of contiguous ones.
  const masks = [0, 128, 192, 224, 240, 248, 252, 254, 255];
  if (o[0] === 255 && o.every((x) => masks.includes(x))) return true;
  return false;
}

export function keepIpv6(ip: string): boolean {
  const lower = ip.toLowerCase().replace(/%.*$/, '');
  return lower === '::' || lower === '::1' || /^ff[0-9a-f]{2}:/.test(lower) || !isIPv6(lower);
}

export function keepMac(mac: string): boolean {
  return /^(?:00[:-]){5}00$/.test(mac) || /^(?:ff[:-]){5}ff$/i.test(mac);
}

export function keepUser(name: string): boolean {
  return SYSTEM_USERS.has(name) || DISTRO_WORDS.has(name.toLowerCase()) || name.startsWith('systemd-') || /^\d+$/.test(name);
}

export function keepHostname(name: string): boolean {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower === 'localhost' || lower === 'localhost.localdomain' || lower === 'kernel') return true;
  if (isIPv4(lower)) return keepIpv4(lower);
  return PUBLIC_DOMAINS.some((d) => lower === d || lower.endsWith('.' + d));
}

export function keepEmail(address: string): boolean {
  const domain = address.split('@')[1]?.toLowerCase() ?? '';
  // systemd units (`getty@tty1.service`) look like addresses; public project lists are not personal.
  return /\.(service|socket|timer|mount|target|slice|scope|device|path|swap|automount)$/.test(domain) || domain === 'vger.kernel.org' || domain === 'lists.ceph.io' || domain === 'redacted.invalid' || domain.endsWith('.redacted.invalid');
}

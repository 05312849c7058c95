/**
 * Placeholders that keep the shape of what they replace, so the parsers and detectors still recognise an
 * IP, a MAC or a host field: IPv4 → 10.255.N.last (the /24 network numbered, the host octet kept, so
 * subnets and broadcast addresses still relate), IPv6 → fd00::N, MAC → 02:00:00:xx:xx:xx (locally
 * administered), hosts → host-01, users → user-01, e-mail → email-01@redacted.invalid, secrets → REDACTED-01.
 */
export type Category = 'ipv4' | 'ipv6' | 'mac' | 'hostname' | 'user' | 'email' | 'secret' | 'machine-id';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Makes the n-th (1-based) placeholder of a category; ipv4 goes through the network table instead. */
export function placeholder(category: Category, n: number): string {
  switch (category) {
    case 'ipv6':
      return `fd00::${n.toString(16)}`;
    case 'mac': {
      const hex = (n & 0xffffff).toString(16).padStart(6, '0');
      return `02:00:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`;
    }
    case 'hostname':
      return `host-${pad(n)}`;
    case 'user':
      return `user-${pad(n)}`;
    case 'email':
      return `email-${pad(n)}@redacted.invalid`;
    case 'secret':
      return `REDACTED-${pad(n)}`;
    case 'machine-id':
      return n.toString(16).padStart(32, '0');
    case 'ipv4':
      return ipv4Network(n) + '.0';
  }
}

/** The n-th /24 network: 10.255.1 … 10.255.254, then 10.254.1 …: ~64k networks before they repeat. */
export function ipv4Network(n: number): string {
  const block = Math.floor((n - 1) / 254);
  return `10.${255 - (block % 255)}.${((n - 1) % 254) + 1}`;
}

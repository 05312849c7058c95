/**
 * The redaction rules, applied in order to every line. A rule's named groups name what they capture:
 * `secret`, `user`, `email`, `hostname`, `mac`, `ipv6`, `ipv4`, `machineId`; the engine replaces each
 * captured group through the shared mapping table and leaves the rest of the match as it was (so
 * `password=` stays and only its value changes). Order matters: secrets and URLs before e-mail
 * addresses, MACs before IPv6 (a MAC is not an IPv6 address but looks like part of one), IPv6 before IPv4.
 */
export interface RedactRule {
  name: string;
  why: string;
  pattern: RegExp;
}

const SECRET_VALUE = String.raw`(?<secret>[^\s"'&;,<>{}\[\]]+)`;
const SECRET_KEYS = String.raw`(?:password|passwd|pass|passphrase|secret|token|access_token|refresh_token|auth_token|id_token|api[_-]?key|access[_-]?key(?:_id)?|secret[_-]?key|private[_-]?key|client[_-]?secret|credentials?|aws_secret_access_key|aws_session_token|sessionid|session_token)`;
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const TLDS = String.raw`(?:com|net|org|io|info|biz|local|localdomain|lan|internal|intranet|corp|home|cloud|dev|app|ai|novalocal|openstacklocal|uk|de|fr|nl|eu|ru|cn|jp|au|ca|ch|se|fi|it|es|br|cz|at|be|dk|us|edu|gov)`;

export const redactRules: RedactRule[] = [
  {
    name: 'url-credentials',
    why: 'https://user:pass@host: credentials embedded in URLs (registries, proxies, git remotes)',
    pattern: /(?<scheme>\b[a-z][a-z0-9+.-]*:\/\/)(?<user>[^\s:/@"']+):(?<secret>[^\s@/"']+)@(?<hostname>[^\s/:?#"'\]]+)/gi,
  },
  {
    name: 'auth-header',
    why: 'Authorization / X-Auth-Token headers printed by HTTP clients and kubelet at high verbosity',
    pattern: /\b(?:proxy-)?authorization"?\s*[:=]\s*"?(?:(?:bearer|basic|token|negotiate|digest)\s+)?(?<secret>[^\s"',;]+)/gi,
  },
  { name: 'token-header', why: 'OpenStack and API key headers', pattern: /\bx-(?:auth|subject)-token"?\s*[:=]\s*"?(?<secret>[^\s"',;]+)/gi },
  {
    name: 'secret-flag',
    why: 'command-line options carrying secrets (`--token abc`, `--password=abc`) in process lists and audit logs',
    pattern: new RegExp(String.raw`(?<![\w-])--(?:password|passwd|pass|token|secret|api-key|apikey|access-key|secret-key|client-secret|auth-token|bootstrap-token|key|private-key)(?:=|\s+)["']?` + SECRET_VALUE, 'gi'),
  },
  {
    name: 'secret-assignment',
    why: '`password=...`, `"token": "..."`, `secret: ...` in configs, URLs and command lines',
    pattern: new RegExp(String.raw`(?<![\w-])` + SECRET_KEYS + String.raw`["']?\s*[=:]\s*["']?` + SECRET_VALUE, 'gi'),
  },
  {
    name: 'key-assignment',
    why: '`key=` followed by a long hex/base64 value (cephx keys, API keys); short values are settings, kept',
    pattern: /(?<![\w-])key["']?\s*[=:]\s*["']?(?<secret>[A-Za-z0-9+/_-]{16,}={0,2})/gi,
  },
  { name: 'aws-access-key', why: 'AWS access key ids', pattern: /\b(?<secret>(?:AKIA|ASIA)[0-9A-Z]{16})\b/g },
  { name: 'jwt', why: 'JSON web tokens (service account tokens)', pattern: /\b(?<secret>eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,})/g },
  { name: 'vendor-token', why: 'GitHub, GitLab and Slack tokens', pattern: /\b(?<secret>(?:gh[pousr]_[A-Za-z0-9]{30,}|glpat-[\w-]{20,}|xox[abprs]-[\w-]{10,}))/g },
  { name: 'private-key-inline', why: 'PEM private keys pasted on one line (JSON strings)', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----(?<secret>.*?)-----END/g },
  { name: 'machine-id', why: 'journald machine id identifies the installation', pattern: /"_MACHINE_ID"\s*:\s*"(?<machineId>[0-9a-f]{32})"/g },
  { name: 'email', why: 'e-mail addresses (users, maintainers of local scripts)', pattern: /(?<![\w.%+-])(?<email>[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24})(?![\w-])/g },
  {
    name: 'home-path',
    why: 'user names in home folder paths',
    pattern: /(?<prefix>\/(?:home|Users|var\/home)\/)(?<user>[A-Za-z_][\w.-]{0,31})/g,
  },
  {
    name: 'user-field',
    why: 'user names in `user=`, `USER=`, `acct="..."` (audit, sudo, PAM) and sshd/PAM sentences',
    pattern: /(?<![\w-])(?:user(?:name)?|USER|LOGNAME|login|acct|owner)\s*=\s*["']?(?<user>[A-Za-z_][\w.-]{0,31})|\bfor (?:invalid )?user (?<user2>[A-Za-z_][\w.-]{0,31})|\bAccepted \S+ for (?<user3>[A-Za-z_][\w.-]{0,31}) from|\bsudo: +(?<user4>[A-Za-z_][\w.-]{0,31}) : /g,
  },
  { name: 'mac', why: 'MAC addresses (interfaces, DHCP clients, iptables MAC=)', pattern: /(?<![0-9A-Fa-f])(?<mac>[0-9A-Fa-f]{2}(?<sep>[:-])(?:[0-9A-Fa-f]{2}\k<sep>){4}[0-9A-Fa-f]{2})(?![0-9A-Fa-f])/g },
  {
    name: 'ipv6',
    why: 'IPv6 addresses; candidates are validated, so times (12:34:56) and trace offsets stay',
    pattern: /(?<![\w:.])(?<ipv6>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)\d{1,3}(?:\.\d{1,3}){3})?)(?:%[\w.-]+)?(?![\w:])/g,
  },
  { name: 'ipv4', why: 'IPv4 addresses', pattern: new RegExp(String.raw`(?<![\w.])(?<ipv4>${OCTET}(?:\.${OCTET}){3})(?![\w]|\.\d)`, 'g') },
  {
    name: 'fqdn',
    why: 'fully qualified host names (public project domains are kept)',
    pattern: new RegExp(String.raw`(?<![\w.@/-])(?<hostname>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+${TLDS})\.?(?![\w-]|\.[A-Za-z0-9])`, 'gi'),
  },
];

/** Group name → mapping category (several groups may feed one category). */
export const GROUP_CATEGORY: Record<string, 'secret' | 'user' | 'email' | 'hostname' | 'mac' | 'ipv6' | 'ipv4' | 'machine-id'> = {
  secret: 'secret',
  user: 'user',
  user2: 'user',
  user3: 'user',
  user4: 'user',
  email: 'email',
  hostname: 'hostname',
  mac: 'mac',
  ipv6: 'ipv6',
  ipv4: 'ipv4',
  machineId: 'machine-id',
};

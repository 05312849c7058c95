import type { FactName, FactRecord } from '../../model/record.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { epochMsToIso } from '../../timeline/civil-time.js';
import { baseName, factRecord, wallMs } from './common.js';
import { systemInfoSamples } from './system-info.samples.js';

/**
 * Small host snapshots people attach or `ktriage collect` saves, each line → host facts:
 * `/proc/stat` (`btime`), `uptime -s`, `/proc/sys/kernel/tainted` (a bare integer, trusted only in a
 * file named `tainted`), `/proc/cmdline`, `lsmod` and `/proc/modules` (one `module` fact each),
 * `hostnamectl` / `timedatectl`, and `/etc/os-release`.
 *
 * Stored values: `boot.time` is an ISO 8601 instant in UTC (`2019-11-21T05:02:11Z`); `kernel.tainted`
 * the decimal mask as read; `distro` the PRETTY_NAME / Operating System text; `arch` as uname prints it.
 */
type Kind = 'stat' | 'uptime' | 'tainted' | 'cmdline' | 'lsmod' | 'modules' | 'keyed' | 'os-release';

const BTIME_RE = /^btime (\d+)$/;
const STAT_OTHER_RE = /^(cpu\d* |intr |ctxt |processes |procs_running |procs_blocked |softirq )/;
const UPTIME_S_RE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/;
const LSMOD_HEADER_RE = /^Module\s+Size\s+Used by/;
const LSMOD_ROW_RE = /^(\w+)\s+(\d+)\s+(\d+|-)(?:\s+(\S+))?$/;
const PROC_MODULES_RE = /^(\w+) \d+ \d+ \S+ (Live|Loading|Unloading)\b/;
const KEYED_RE = /^\s*(Static hostname|Operating System|Kernel|Architecture|Virtualization|Hardware Vendor|Hardware Model|Time zone): (.+)$/;
// hostnamectl / timedatectl lines understood but not kept.
const KEYED_OTHER_RE = /^\s*(Transient hostname|Pretty hostname|Icon name|Chassis|Deployment|Location|Machine ID|Boot ID|Firmware Version|Firmware Date|Firmware Age|Hardware Serial|OS Support End|Operating System CPE Name|Local time|Universal time|RTC time|System clock synchronized|NTP service|RTC in local TZ|NTP synchronized|Network time on): /;
const OS_RELEASE_RE = /^(NAME|PRETTY_NAME|ID|ID_LIKE|VERSION|VERSION_ID|VERSION_CODENAME|UBUNTU_CODENAME|HOME_URL|SUPPORT_URL|BUG_REPORT_URL|PRIVACY_POLICY_URL|LOGO|ANSI_COLOR|CPE_NAME|PLATFORM_ID|BUILD_ID|VARIANT|VARIANT_ID)=(.*)$/;
const CMDLINE_RE = /(^|\s)(BOOT_IMAGE=|root=\S+)/;

// hostnamectl's names → ours (normalised like uname: x86-64 → x86_64).
const KEYED: Record<string, FactName> = {
  'Static hostname': 'hostname',
  'Operating System': 'distro',
  Kernel: 'kernel.release',
  Architecture: 'arch',
  Virtualization: 'virtualised',
  'Hardware Vendor': 'hardware',
  'Hardware Model': 'hardware',
  'Time zone': 'timezone',
};

function classify(line: string, name: string): Kind | null {
  if (BTIME_RE.test(line) || STAT_OTHER_RE.test(line)) return 'stat';
  if (UPTIME_S_RE.test(line)) return 'uptime';
  if (name === 'tainted' && /^\d+$/.test(line.trim())) return 'tainted';
  if (LSMOD_HEADER_RE.test(line) || (name === 'lsmod' && LSMOD_ROW_RE.test(line))) return 'lsmod';
  if (PROC_MODULES_RE.test(line)) return 'modules';
  if (KEYED_RE.test(line)) return 'keyed';
  if (KEYED_OTHER_RE.test(line)) return 'os-release';
  if (OS_RELEASE_RE.test(line)) return 'os-release';
  if (name === 'cmdline' || CMDLINE_RE.test(line)) return 'cmdline';
  return null;
}

const unquote = (v: string) => v.trim().replace(/^"(.*)"$/, '$1');

export function createSystemInfoParser(ctx: ParseContext): LineParser {
  const name = baseName(ctx.file).replace(/\.(txt|out|log)$/, '');
  let lsmod = name === 'lsmod';
  const fact = (n: FactName, v: string, lineNo: number): FactRecord[] => [factRecord(ctx.file, lineNo, n, v)];
  return {
    parse(line, lineNo) {
      if (line.trim() === '') return [];
      if (lsmod) {
        const row = LSMOD_ROW_RE.exec(line);
        if (row) return fact('module', row[1], lineNo);
      }
      switch (classify(line, name)) {
        case 'stat': {
          const b = BTIME_RE.exec(line);
          return b ? fact('boot.time', epochMsToIso(Number(b[1]) * 1000), lineNo) : [];
        }
        case 'uptime': {
          const m = UPTIME_S_RE.exec(line)!;
          const ms = wallMs(ctx, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6], 0, null);
          return fact('boot.time', epochMsToIso(ms), lineNo);
        }
        case 'tainted':
          return fact('kernel.tainted', line.trim(), lineNo);
        case 'cmdline':
          return fact('kernel.cmdline', line.trim(), lineNo);
        case 'lsmod':
          lsmod = true;
          return [];
        case 'modules':
          return fact('module', PROC_MODULES_RE.exec(line)![1], lineNo);
        case 'keyed': {
          const m = KEYED_RE.exec(line)!;
          let value = m[2].trim();
          if (m[1] === 'Kernel') value = value.replace(/^Linux /, '');
          if (m[1] === 'Architecture') value = value.replace('x86-64', 'x86_64').replace('arm64', 'aarch64');
          if (m[1] === 'Time zone') value = value.split(' ')[0];
          return fact(KEYED[m[1]], value, lineNo);
        }
        case 'os-release': {
          const m = OS_RELEASE_RE.exec(line);
          return m && m[1] === 'PRETTY_NAME' ? fact('distro', unquote(m[2]), lineNo) : [];
        }
        default:
          return null;
      }
    },
  };
}

export const systemInfo: Parser = {
  name: 'system-info',
  sniff(head, fileName) {
    const name = baseName(fileName).replace(/\.(txt|out|log)$/, '');
    let total = 0;
    let hits = 0;
    let strong = 0; // lines only these files have
    for (const line of head) {
      if (line.trim() === '') continue;
      total++;
      const kind = classify(line, name);
      if (kind) hits++;
      if (kind && kind !== 'uptime' && kind !== 'cmdline') strong++;
      if (kind === 'lsmod' && LSMOD_HEADER_RE.test(line)) strong += 10;
    }
    if (total === 0 || hits === 0) return 0;
    const share = hits / total;
    const named = /^(stat|uptime|tainted|cmdline|lsmod|modules|hostnamectl|timedatectl|os-release)$/.test(name);
    if (named) return Math.min(0.95, 0.55 + share * 0.4);
    if (strong === 0) return total <= 2 && share === 1 ? 0.4 : 0;
    return share * 0.9;
  },
  create: createSystemInfoParser,
  samples: systemInfoSamples,
};

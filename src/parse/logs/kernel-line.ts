import type { FactRecord } from '../../model/record.js';
import { factRecord } from './common.js';

/**
 * The kernel's own line prefixes, shared by dmesg, kmsg, syslog (`kernel: [ 12.3] msg`) and journald:
 * `<6>` level, `[ 123.456789]` uptime, `[ T1234]` / `[C3]` printk caller id (CONFIG_PRINTK_CALLER, in
 * that order), plus boot counting and the host facts a kernel log states about itself.
 */
export interface KernelPrefix {
  uptime?: number;
  callerId?: string;
  level?: number;
  /** The message; one separating space removed, deeper indentation (trace frames) kept. */
  text: string;
}

const LEVEL_RE = /^<(\d{1,3})>/;
const STAMP_RE = /^\[ *(\d+\.\d+)\]/;
const CALLER_RE = /^\[ *([TC]\d+)\]/;

/**
 * @example splitKernelPrefix('<6>[ 12.3][ T42] hi') // { level: 6, uptime: 12.3, callerId: 'T42', text: 'hi' }
 */
export function splitKernelPrefix(line: string): KernelPrefix {
  let rest = line;
  let level: number | undefined;
  let uptime: number | undefined;
  let callerId: string | undefined;
  if (rest.charCodeAt(0) === 60 /* < */) {
    const m = LEVEL_RE.exec(rest);
    if (m) {
      level = Number(m[1]) & 7; // <14> = facility 1, level 6
      rest = rest.slice(m[0].length);
    }
  }
  if (rest.charCodeAt(0) === 91 /* [ */) {
    const m = STAMP_RE.exec(rest);
    if (m) {
      uptime = Number(m[1]);
      rest = rest.slice(m[0].length);
    }
    if (rest.charCodeAt(0) === 91 || (uptime !== undefined && rest.charCodeAt(1) === 91 && rest.charCodeAt(0) === 32)) {
      const probe = rest.charCodeAt(0) === 32 ? rest.slice(1) : rest;
      const c = CALLER_RE.exec(probe);
      if (c) {
        callerId = c[1];
        rest = probe.slice(c[0].length);
      }
    }
    if ((uptime !== undefined || callerId !== undefined) && rest.charCodeAt(0) === 32) rest = rest.slice(1);
  }
  const out: KernelPrefix = { text: rest };
  if (level !== undefined) out.level = level;
  if (uptime !== undefined) out.uptime = uptime;
  if (callerId !== undefined) out.callerId = callerId;
  return out;
}

/**
 * Counts boots in one kernel log: a new boot when the uptime goes back by more than a second (a
 * second boot appended to the first; small steps back happen when CPUs print concurrently), when a
 * `Linux version` banner comes at uptime < 1 s after later lines, or on a journald `-- Boot --` marker.
 * Boot 0 is the first seen.
 */
export function createBootCounter(start = 0) {
  let boot = start;
  let last = -1;
  let started = false;
  return {
    observe(uptime: number, message: string): number {
      if (
        last >= 0 &&
        (uptime + 1 < last || (uptime < 1 && last > uptime && message.startsWith('Linux version ')))
      ) {
        boot++;
      }
      last = uptime;
      started = true;
      return boot;
    },
    /** A banner or marker that starts a boot without an uptime to compare (first one: boot `start`). */
    mark(): number {
      if (started) boot++;
      last = -1;
      started = false; // the banner or marker itself: a second one right after is the same boot
      return boot;
    },
    /** A record of this boot without uptime (wall-clock-only lines). */
    touch(): void {
      started = true;
    },
    get current(): number {
      return boot;
    },
  };
}
export type BootCounter = ReturnType<typeof createBootCounter>;

export interface KernelVersion {
  release: string;
  /** `uname -v`: `#81-Ubuntu SMP Tue Nov 26 12:20:02 UTC 2019`. */
  version: string | null;
}

const PROC_VERSION_RE = /^Linux version (\S+)/;

/**
 * Release and version of a `/proc/version` line (also the first line of every boot in dmesg). The
 * compiler part has nested parentheses, so the version is what follows the last `) #`; Ubuntu's
 * `(Ubuntu 4.15.0-72.81-generic 4.15.18)` signature appended in dmesg is not part of it.
 *
 * @example parseProcVersion('Linux version 4.15.0-72-generic (b@h) (gcc (U 7.4)) #81-Ubuntu SMP Tue Nov 26 2019')
 */
export function parseProcVersion(text: string): KernelVersion | null {
  const m = PROC_VERSION_RE.exec(text);
  if (!m) return null;
  const hash = text.lastIndexOf(') #');
  let version: string | null = null;
  if (hash !== -1) version = text.slice(hash + 2).replace(/ \(Ubuntu [^()]*\)$/, '').trim() || null;
  else {
    const h = text.indexOf(' #');
    if (h !== -1) version = text.slice(h + 1).trim();
  }
  return { release: m[1], version };
}

// `Not tainted 4.15.0-72-generic #81-Ubuntu`, `Tainted: G        W  O      4.15.0 #1`, and the 6.x
// `Tainted: [W]=WARN, [O]=OOT_MODULE` line. Letters kept as printed; detect/host decodes them.
const TAINT_RE = /(Not tainted|Tainted: ([A-Z][A-Z ]*?)) +(\d+\.\d+\S*)(?: (#\S+))?/;
const TAINT_LIST_RE = /^Tainted: ((?:\[[A-Z]\]=\w+(?:, )?)+)$/;

/**
 * Host facts a kernel message states: the `Linux version` banner (release, version), `Command line:`,
 * `DMI:` (hardware), `Hypervisor detected:`, and the taint of report headers. Null for the other
 * messages; a cheap first-character test keeps this off the hot path.
 */
export function kernelFacts(message: string, file: string, line: number, host?: string): FactRecord[] | null {
  const c = message.charCodeAt(0);
  if (c === 76 /* L */ && message.startsWith('Linux version ')) {
    const v = parseProcVersion(message);
    if (!v) return null;
    const out = [factRecord(file, line, 'kernel.release', v.release, host)];
    if (v.version) out.push(factRecord(file, line, 'kernel.version', v.version, host));
    return out;
  }
  if (c === 67 /* C */ && message.startsWith('Command line: ')) {
    return [factRecord(file, line, 'kernel.cmdline', message.slice(14).trim(), host)];
  }
  if (c === 68 /* D */ && message.startsWith('DMI: ')) {
    return [factRecord(file, line, 'hardware', message.slice(5).trim(), host)];
  }
  if (c === 72 /* H */ && message.startsWith('Hypervisor detected: ')) {
    return [factRecord(file, line, 'virtualised', message.slice(21).trim(), host)];
  }
  if (message.indexOf('ainted') === -1) return null;
  const list = TAINT_LIST_RE.exec(message.trim());
  if (list) {
    const letters = list[1].match(/\[([A-Z])\]/g)?.map((s) => s[1]).join(' ') ?? '';
    return [factRecord(file, line, 'kernel.tainted', letters, host)];
  }
  const t = TAINT_RE.exec(message);
  if (!t) return null;
  const out = [
    factRecord(file, line, 'kernel.tainted', t[2] ? t[2].trim().replace(/ +/g, ' ') : 'Not tainted', host),
    factRecord(file, line, 'kernel.release', t[3], host),
  ];
  return out;
}

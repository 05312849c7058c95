import { dStateStacks } from './d-state.js';
import { sadfCommand } from './sysstat.js';
import type { CollectContext, CollectItem } from './types.js';

const MiB = 1024 * 1024;

/** `journalctl` arguments limiting output to the `--since` window (`@epoch` is understood since systemd 2xx). */
function since(ctx: CollectContext): string[] {
  return ctx.sinceMs === null ? [] : ['--since', `@${Math.floor(ctx.sinceMs / 1000)}`];
}

/** The journal of one unit (kubelet, containerd, ...), JSON like the kernel journal so one parser reads both. */
function unitJournal(unit: string): CollectItem {
  return {
    name: `journal-${unit}.json`,
    why: `${unit} messages around the incident (pods evicted, volumes stuck, runtime errors)`,
    format: 'journal-json',
    keep: 'tail',
    source: {
      kind: 'command',
      // Without --since, two days: enough for an incident, bounded for a busy kubelet.
      commands: (ctx) => [['journalctl', '--no-pager', '-o', 'json', '-u', unit, ...since({ ...ctx, sinceMs: ctx.sinceMs ?? ctx.now.getTime() - 2 * 86_400_000 })]],
    },
  };
}

/**
 * What `ktriage collect` fetches, in order. Facts first (small, quick), then the logs, then the commands
 * most likely to hang on a sick host (block devices, D-state stacks) so a hang costs the least.
 */
export const collectItems: CollectItem[] = [
  // Facts: kernel release and build, boot parameters, taint, boot time (anchors boot-relative stamps).
  { name: 'uname.txt', why: 'kernel release, version string, architecture', format: 'text', source: { kind: 'command', commands: () => [['uname', '-a']] } },
  { name: 'proc-version.txt', why: 'kernel build (compiler, distribution build string)', format: 'text', source: { kind: 'file', path: '/proc/version' } },
  { name: 'os-release', why: 'distribution and its version, for known-issue verdicts', format: 'text', source: { kind: 'file', path: '/etc/os-release' } },
  { name: 'cmdline.txt', why: 'boot parameters (hung_task_timeout, mitigations, ...)', format: 'text', source: { kind: 'file', path: '/proc/cmdline' } },
  { name: 'tainted', why: 'taint flags: a tainted kernel changes what upstream can do', format: 'text', source: { kind: 'file', path: '/proc/sys/kernel/tainted' } },
  { name: 'btime', why: 'boot time, to place dmesg uptimes on the wall clock', format: 'text', source: { kind: 'file', path: '/proc/stat', lines: /^btime / } },
  { name: 'lsmod.txt', why: 'loaded modules (rbd, nbd, out-of-tree drivers)', format: 'text', source: { kind: 'command', commands: () => [['lsmod']] } },
  // Without kmod installed, the kernel's own list says the same.
  { name: 'modules.txt', why: 'loaded modules, when lsmod is missing', format: 'text', coveredBy: ['lsmod.txt'], source: { kind: 'file', path: '/proc/modules' } },
  // Kernel log: journald keeps this and the previous boot with both clocks; else the ring buffer and kern.log.
  {
    name: 'journal-kernel.json',
    why: 'kernel messages of the previous and the current boot, with wall and monotonic clocks',
    format: 'journal-json',
    keep: 'tail',
    timeoutMs: 30_000,
    source: {
      kind: 'command',
      commands: (ctx) => [
        ['journalctl', '--no-pager', '-k', '-o', 'json', '-b', '-1', ...since(ctx)],
        ['journalctl', '--no-pager', '-k', '-o', 'json', '-b', '0', ...since(ctx)],
      ],
    },
  },
  { name: 'dmesg.txt', why: 'kernel ring buffer (no journald)', format: 'dmesg', needsRoot: true, keep: 'tail', coveredBy: ['journal-kernel.json'], source: { kind: 'command', commands: () => [['dmesg']] } },
  { name: 'kern.log', why: 'kernel messages kept by syslog, older boots included', format: 'syslog', keep: 'tail', coveredBy: ['journal-kernel.json'], source: { kind: 'files', dir: '/var/log', match: /^kern\.log(\.\d+)?(\.gz)?$/ } },
  { name: 'messages', why: 'syslog of RHEL-like systems (kernel lines included), when there is no kern.log', format: 'syslog', keep: 'tail', coveredBy: ['journal-kernel.json', 'kern.log'], source: { kind: 'files', dir: '/var/log', match: /^messages(-\d{8}|\.\d+)?(\.gz)?$/ } },
  unitJournal('kubelet'),
  unitJournal('containerd'),
  unitJournal('docker'),
  unitJournal('crio'),
  // Memory and pressure now; sysstat history for the hours before.
  { name: 'meminfo.txt', why: 'memory state now (dirty, writeback, slab)', format: 'text', source: { kind: 'file', path: '/proc/meminfo' } },
  { name: 'pressure-cpu.txt', why: 'CPU pressure stall information', format: 'text', source: { kind: 'file', path: '/proc/pressure/cpu' } },
  { name: 'pressure-memory.txt', why: 'memory pressure stall information', format: 'text', source: { kind: 'file', path: '/proc/pressure/memory' } },
  { name: 'pressure-io.txt', why: 'I/O pressure stall information', format: 'text', source: { kind: 'file', path: '/proc/pressure/io' } },
  { name: 'sadf-today.json', why: 'sysstat history of today', format: 'sadf-json', timeoutMs: 60_000, maxBytes: 256 * MiB, source: { kind: 'command', commands: sadfCommand(0) } },
  { name: 'sadf-yesterday.json', why: 'sysstat history of yesterday', format: 'sadf-json', timeoutMs: 60_000, maxBytes: 256 * MiB, source: { kind: 'command', commands: sadfCommand(1) } },
  // Network: interfaces, addresses and counters (drops, errors).
  { name: 'ip-link.txt', why: 'interfaces with their counters (drops, errors)', format: 'text', source: { kind: 'command', commands: () => [['ip', '-s', '-d', 'link']] } },
  { name: 'ip-addr.json', why: 'addresses of each interface', format: 'json', source: { kind: 'command', commands: () => [['ip', '-j', 'addr']] } },
  { name: 'net-dev.txt', why: 'interface counters as the kernel keeps them', format: 'text', source: { kind: 'file', path: '/proc/net/dev' } },
  // Storage last: on a host with a hung task these are the commands that hang.
  { name: 'mounts.txt', why: 'mounted filesystems, their devices and options', format: 'text', source: { kind: 'file', path: '/proc/self/mounts' } },
  {
    name: 'lsblk.json',
    why: 'block devices, their filesystems and mount points',
    format: 'json',
    source: { kind: 'command', commands: () => [['lsblk', '-J', '-o', 'NAME,KNAME,TYPE,SIZE,RO,FSTYPE,MOUNTPOINT,MODEL']] },
  },
  { name: 'd-state-stacks.txt', why: 'kernel stacks of tasks blocked in D state (what a hung task waits for)', format: 'text', needsRoot: true, source: { kind: 'producer', produce: dStateStacks } },
];

/**
 * Readers for the descriptive lines of a report: the task, CPU, kernel release and taint, workqueue,
 * hardware, devices named by filesystem prefixes, and the OOM killer's victim and cgroup.
 */

export interface TaskInfo {
  comm: string;
  pid: number | null;
  state: string | null;
}

export interface KernelInfo {
  release: string;
  /** Taint letters without the leading G/P column (`W`, `O`, `L`, ...); empty when not tainted. */
  taint: string[];
  /** `#81-Ubuntu` and what follows, when printed. */
  build?: string;
}

// `CPU: 1 PID: 8314 Comm: syz-executor2 Not tainted 4.19.0-rc2+ #6`, also `UID: 0` (6.x) and `Tainted: G W`.
const CPU_LINE =
  /CPU: (?<cpu>\d+) (?:UID: \d+ )?PID: (?<pid>\d+) Comm: (?<comm>.+?) (?:Not tainted|Tainted: (?<flags>[A-Z ]*?))\s+(?<release>\d[^\s]*)(?: (?<build>#.*))?\s*$/;
// The hung-task detector's second line: `      Not tainted 4.15.0-72-generic #81-Ubuntu`.
const TAINT_LINE = /^\s*(?:Not tainted|Tainted: (?<flags>[A-Z ]*?))\s+(?<release>\d[^\s]*)(?: (?<build>#.*))?\s*$/;
// 5.x+ `task:udevd state:D stack:0 pid:5612 tgid:5612 ppid:4302 flags:0x00004000`.
const TASK_LINE = /^\s*task:(?<comm>.+?)\s+state:(?<state>[A-Z])\s.*?\bpid:\s*(?<pid>\d+)/;
// Before 5.x: `kworker/2:1     D    0  5938      2 0x80000000` (comm, state, stack free, pid, ppid, flags).
const OLD_TASK_LINE = /^\s*(?<comm>\S(?:.*?\S)?)\s+(?<state>[RSDTtXZPIK])\s+(?:running task\s+)?\d+\s+(?<pid>\d+)\s+(?<ppid>\d+)\s+0x[0-9a-f]+\s*$/;
const WORKQUEUE = /^\s*Workqueue:\s+(?<wq>\S+)(?:\s+(?<fn>[\w.$]+))?/;
const HARDWARE = /^\s*Hardware name:\s+(?<hw>.+?)\s*$/;
const LINUX_VERSION = /Linux version (?<release>\S+) \((?<builder>[^)]*)\)/;

export function readCpuLine(text: string): { cpu: number; task: TaskInfo; kernel: KernelInfo } | null {
  if (!text.includes('Comm:')) return null;
  const m = CPU_LINE.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  return {
    cpu: Number(g.cpu),
    task: { comm: g.comm.trim(), pid: Number(g.pid), state: null },
    kernel: { release: g.release, taint: taintLetters(g.flags), ...(g.build ? { build: g.build } : {}) },
  };
}

// lockdep's banner puts the release first: `5.15.0-rc3+ #12 Not tainted`.
const LOCKDEP_TAINT_LINE = /^\s*(?<release>\d+\.\d+\S*) (?<build>#\S+)(?: \S+)*? (?:Not tainted|Tainted: (?<flags>[A-Z ]*?))\s*$/;

export function readTaintLine(text: string): KernelInfo | null {
  if (!text.includes('ainted')) return null;
  const m = TAINT_LINE.exec(text) ?? LOCKDEP_TAINT_LINE.exec(text);
  if (!m?.groups) return null;
  return { release: m.groups.release, taint: taintLetters(m.groups.flags), ...(m.groups.build ? { build: m.groups.build } : {}) };
}

/** Taint letters in bit order (kernel/panic.c taint_flags): index = bit number. */
const TAINT_LETTERS = 'PFSRMBUDAWCIOELKXTNJ';

/**
 * The taint mask as /proc/sys/kernel/tainted prints it (decimal), from the letters of a report header.
 * @example taintMask(['W', 'O']) // '4608'
 */
export function taintMask(letters: readonly string[]): string {
  let mask = 0;
  for (const l of letters) {
    const bit = TAINT_LETTERS.indexOf(l);
    if (bit >= 0) mask += 2 ** bit;
  }
  return String(mask);
}

function taintLetters(flags: string | undefined): string[] {
  if (!flags) return [];
  // The first column is P (proprietary module) or G (all GPL); G alone means not tainted.
  return flags.split('').filter((c) => c !== ' ' && c !== 'G');
}

export function readTaskLine(text: string): TaskInfo | null {
  if (text.includes('task:') && text.includes('state:')) {
    const m = TASK_LINE.exec(text);
    if (m?.groups) return { comm: m.groups.comm.trim(), pid: Number(m.groups.pid), state: m.groups.state };
  }
  if (!text.includes(' 0x')) return null;
  const o = OLD_TASK_LINE.exec(text);
  if (o?.groups) return { comm: o.groups.comm, pid: Number(o.groups.pid), state: o.groups.state };
  return null;
}

export function readWorkqueue(text: string): { workqueue: string; fn: string | null } | null {
  if (!text.includes('Workqueue:')) return null;
  const m = WORKQUEUE.exec(text);
  return m?.groups ? { workqueue: m.groups.wq, fn: m.groups.fn ?? null } : null;
}

export function readHardware(text: string): string | null {
  if (!text.includes('Hardware name:')) return null;
  return HARDWARE.exec(text)?.groups?.hw ?? null;
}

/** `Linux version 4.15.0-72-generic (buildd@lcy01) (gcc ...) #81-Ubuntu SMP ...` → the release. */
export function readLinuxVersion(text: string): string | null {
  if (!text.includes('Linux version ')) return null;
  return LINUX_VERSION.exec(text)?.groups?.release ?? null;
}

// Block devices as kernels name them: sda1, nvme0n1p2, dm-3, rbd0, nbd1, md127, loop0, vdb, xvda, mmcblk0p1.
const DEVICE_NAME = /^(?:sd[a-z]+\d*|hd[a-z]+\d*|vd[a-z]+\d*|xvd[a-z]+\d*|nvme\d+n\d+(?:p\d+)?|dm-\d+|rbd\d+(?:p\d+)?|nbd\d+(?:p\d+)?|md\d+(?:p\d+)?|loop\d+(?:p\d+)?|mmcblk\d+(?:p\d+)?|zram\d+|sr\d+|drbd\d+|bcache\d+)$/;
const FS_PREFIX = /(?:XFS|EXT4-fs(?: error| warning)?|EXT3-fs|BTRFS(?: \w+)?|F2FS-fs|JBD2|Buffer I\/O error on dev|blk_update_request: .* dev|I\/O error, dev) \(?(?:device )?(?<dev>[\w-]+?)\)?[:,]/;

/** A block device named by a workqueue (`xfs-sync/rbd0`, `kblockd`, `dm-thin`) or a filesystem prefix. */
export function deviceFromWorkqueue(workqueue: string): string | null {
  const slash = workqueue.lastIndexOf('/');
  if (slash < 0) return null;
  const tail = workqueue.slice(slash + 1);
  return DEVICE_NAME.test(tail) ? tail : null;
}

export function deviceFromComm(comm: string): string | null {
  const m = /^(?:jbd2|xfsaild|xfs-\w+|ext4-\w+)\/(?<dev>[\w-]+?)(?:-\d+)?$/.exec(comm);
  const dev = m?.groups?.dev;
  return dev && DEVICE_NAME.test(dev) ? dev : null;
}

export function deviceFromLine(text: string): string | null {
  if (!/XFS|EXT|BTRFS|F2FS|JBD2|I\/O error/.test(text)) return null;
  const dev = FS_PREFIX.exec(text)?.groups?.dev;
  return dev && DEVICE_NAME.test(dev) ? dev : null;
}

export interface OomInfo {
  constraint: string | null;
  victim: string | null;
  victimPid: number | null;
  /** The cgroup whose limit was hit (memcg OOM), or null for a global OOM. */
  oomMemcg: string | null;
  taskMemcg: string | null;
  podUid: string | null;
  containerId: string | null;
  scope: 'global' | 'memcg';
}

const OOM_KILL_LINE = /oom-kill:constraint=(?<constraint>\w+)(?<rest>.*)/;
const KILLED = /(?<memcg>Memory cgroup out of memory|Out of memory(?: \(oom_kill_allocating_task\))?): Kill(?:ed)? process (?<pid>\d+) \((?<comm>[^)]*)\)/;
const TASK_IN = /Task in (?<task>\S+) killed as a result of limit of (?<limit>\S+)/;

/** Reads the OOM killer's summary lines of one report. */
export function readOom(lines: readonly string[]): OomInfo {
  const info: OomInfo = { constraint: null, victim: null, victimPid: null, oomMemcg: null, taskMemcg: null, podUid: null, containerId: null, scope: 'global' };
  let memcgKill = false;
  for (const text of lines) {
    if (text.includes('oom-kill:constraint=')) {
      const m = OOM_KILL_LINE.exec(text);
      if (m?.groups) {
        info.constraint = m.groups.constraint;
        const kv = new Map(m.groups.rest.split(',').map((p) => p.split('=') as [string, string]).filter((p) => p.length === 2));
        info.oomMemcg = kv.get('oom_memcg') ?? info.oomMemcg;
        info.taskMemcg = kv.get('task_memcg') ?? info.taskMemcg;
        info.victim = kv.get('task') ?? info.victim;
        if (kv.has('pid')) info.victimPid = Number(kv.get('pid'));
      }
    } else if (text.includes('ill process')) {
      const m = KILLED.exec(text);
      if (m?.groups) {
        info.victim = m.groups.comm;
        info.victimPid = Number(m.groups.pid);
        if (m.groups.memcg.startsWith('Memory cgroup')) memcgKill = true;
      }
    } else if (text.includes('killed as a result of limit of')) {
      const m = TASK_IN.exec(text);
      if (m?.groups) {
        info.taskMemcg = m.groups.task;
        info.oomMemcg = m.groups.limit;
        memcgKill = true;
      }
    }
  }
  if (info.constraint === 'CONSTRAINT_MEMCG' || memcgKill) info.scope = 'memcg';
  if (info.scope === 'global') info.oomMemcg = null;
  const path = info.taskMemcg ?? info.oomMemcg ?? '';
  info.podUid = /pod([0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})/.exec(path)?.[1]?.replace(/_/g, '-') ?? null;
  info.containerId = /(?:^|[/-])([0-9a-f]{64})(?:\.scope)?$/.exec(path)?.[1] ?? null;
  return info;
}

/**
 * The memory cgroup path with per-instance ids replaced, so that restarts of one workload group together:
 * `/kubepods/burstable/pod1b2c.../0123abcd...` → `/kubepods/burstable/podUID/CONTAINER`.
 */
export function normalizeCgroup(path: string): string {
  return path
    .replace(/pod[0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12}/g, 'podUID')
    .replace(/[0-9a-f]{64}/g, 'CONTAINER')
    .replace(/session-\d+\.scope/g, 'session-NUM.scope');
}

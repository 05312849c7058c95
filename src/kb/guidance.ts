import type { RequestSpec } from './schema.js';

/**
 * Generic guidance for a finding that matches no known issue, by kind: what it means in plain words,
 * which layer to suspect, and what to collect next. Commands are the ones an expert would ask for.
 */
export interface Guidance {
  meaning: string;
  suspect: string;
  requests: RequestSpec[];
}

const FULL_DMESG: RequestSpec = { command: 'journalctl -k -b 0 --no-pager  (or: dmesg)', why: 'the whole kernel log from boot shows what happened before the first report', unlessHave: ['boot-log'] };
const SYSRQ_W: RequestSpec = { command: 'echo w > /proc/sysrq-trigger; dmesg', why: 'lists every blocked (D state) task with its stack, to see who holds what the hung task waits for', unlessHave: ['blocked-tasks'] };
const UNAME: RequestSpec = { command: 'uname -a; cat /proc/version', why: 'the exact kernel build decides which fixes it has', unlessHave: ['kernel-release'] };
const DECODE: RequestSpec = { command: './scripts/decode_stacktrace.sh vmlinux < oops.txt', why: 'turns offsets into source lines, which upstream asks for (Documentation/admin-guide/reporting-issues.rst)', unlessHave: [] };

export const GUIDANCE: Record<string, Guidance> = {
  hung_task: {
    meaning: 'A task waited uninterruptibly for more than the hung-task timeout. It is a symptom: something it waits for (I/O, a lock, memory) did not complete.',
    suspect: 'the storage or filesystem under the blocked task first (its device, its network path), then locks held by other blocked tasks',
    requests: [SYSRQ_W, FULL_DMESG, { command: 'iostat -x 5 3; cat /proc/pressure/io /proc/pressure/memory', why: 'shows whether the device is stalled or slow and whether memory pressure is involved', unlessHave: [] }, UNAME],
  },
  soft_lockup: {
    meaning: 'A CPU ran kernel code for too long without scheduling. On virtual machines this is often the hypervisor not running the vCPU (steal time), not a kernel bug.',
    suspect: 'hypervisor overcommit on VMs; otherwise the looping function in the trace',
    requests: [{ command: 'sar -u 1 10  (look at %steal); vmstat 1 10', why: 'high steal time means the vCPU was not scheduled by the hypervisor', unlessHave: [] }, FULL_DMESG, UNAME],
  },
  hard_lockup: {
    meaning: 'A CPU stopped taking interrupts for seconds: a kernel bug with interrupts disabled, or hardware/firmware trouble.',
    suspect: 'the function in the NMI trace, then firmware and hardware',
    requests: [FULL_DMESG, { command: 'dmidecode -t bios -t system', why: 'firmware versions matter for lockups with interrupts off', unlessHave: [] }, UNAME],
  },
  rcu_stall: {
    meaning: 'A CPU did not pass through a quiescent state for a long time, which blocks memory reclaim of RCU-protected data. On VMs often caused by vCPU starvation.',
    suspect: 'the stalled CPU\'s trace; on VMs the hypervisor (steal time)',
    requests: [{ command: 'sar -u 1 10  (look at %steal)', why: 'vCPU starvation causes RCU stalls on overcommitted hosts', unlessHave: [] }, FULL_DMESG, UNAME],
  },
  oops: { meaning: 'The kernel hit an invalid memory access and killed the current task; the system may be unstable afterwards.', suspect: 'the guilty function and its module', requests: [DECODE, FULL_DMESG, UNAME, { command: 'cat /proc/modules', why: 'out-of-tree modules taint the kernel and change who must look at it', unlessHave: ['loaded-modules'] }] },
  bug: { meaning: 'A kernel consistency check (BUG_ON) failed: a bug in the named code or memory corruption.', suspect: 'the function in the report', requests: [DECODE, FULL_DMESG, UNAME] },
  warning: { meaning: 'A kernel self-check warned about an unexpected state; the system usually keeps running.', suspect: 'the function in the report; check whether a later kernel fixed it', requests: [FULL_DMESG, UNAME] },
  gpf: { meaning: 'A general protection fault: the kernel used a corrupt pointer.', suspect: 'the guilty function; memory corruption by another component is possible', requests: [DECODE, FULL_DMESG, UNAME] },
  kasan: { meaning: 'The address sanitizer caught an invalid memory access (debug kernel).', suspect: 'the allocation and free stacks in the report', requests: [DECODE, UNAME] },
  lockdep: { meaning: 'The lock validator found an ordering that can deadlock (debug kernel).', suspect: 'the two lock chains in the report', requests: [UNAME] },
  oom_kill: {
    meaning: 'Memory ran out (for the whole machine or for one container\'s limit) and the kernel killed a process to free memory.',
    suspect: 'the application\'s memory use or its limit; for a container, the memory limit of its pod',
    requests: [{ command: 'kubectl describe pod <pod>  /  cat /sys/fs/cgroup/<cgroup>/memory.max', why: 'shows the limit that was hit and whether it fits the workload', unlessHave: [] }, { command: 'sar -r 1 10; cat /proc/meminfo', why: 'shows whether the whole host was short of memory', unlessHave: [] }],
  },
  panic: { meaning: 'The kernel stopped the machine (panic).', suspect: 'the report printed just before the panic', requests: [FULL_DMESG, { command: 'kdump / pstore: ls /var/crash /sys/fs/pstore', why: 'a crash dump or pstore record holds the messages before the panic', unlessHave: [] }, UNAME] },
  netdev_unregister_wait: { meaning: 'A network device could not be removed because something still holds a reference to it (common with container network namespaces).', suspect: 'the network stack or a driver leaking a reference', requests: [UNAME, FULL_DMESG] },
  page_alloc_failure: { meaning: 'The kernel could not find free memory of the requested size (often a large contiguous block) at that moment.', suspect: 'memory fragmentation or pressure; the allocating driver', requests: [{ command: 'cat /proc/buddyinfo /proc/meminfo; sysctl vm.min_free_kbytes', why: 'shows fragmentation and reserves', unlessHave: [] }] },
  capacity_change: { meaning: 'A block device changed size.', suspect: 'the storage operation that resized it', requests: [] },
  fs_resize: { meaning: 'A filesystem was grown or shrunk.', suspect: 'the operation that resized it', requests: [] },
  md_resync: { meaning: 'A software RAID array is resynchronising its copies, which adds I/O load.', suspect: 'the array operation that started it', requests: [] },
  metric_drop: { meaning: 'A measured value fell sharply.', suspect: 'an event just before the drop', requests: [] },
  metric_surge: { meaning: 'A measured value rose sharply.', suspect: 'an event just before the rise', requests: [] },
  dhcp_lease_lost: { meaning: 'A machine lost its network address because its lease renewals went unanswered.', suspect: 'the network path between client and server, before DHCP itself', requests: [{ command: 'tcpdump -ni <iface> port 67 or port 68 (on both client and server)', why: 'shows on which side the DHCP messages disappear', unlessHave: [] }] },
  net_rx_stall: { meaning: 'A network interface stopped receiving while it kept sending.', suspect: 'the virtual NIC or hypervisor path for VMs, else the driver or the switch port', requests: [{ command: 'ip -s link; ethtool -S <iface>', why: 'driver counters show drops and errors on the receive side', unlessHave: [] }] },
  net_tx_stall: { meaning: 'A network interface stopped sending.', suspect: 'the NIC driver or firmware', requests: [{ command: 'ethtool -i <iface>; ethtool -S <iface>', why: 'driver and firmware versions and error counters', unlessHave: [] }] },
  nfs_server_not_responding: { meaning: 'The NFS server did not answer in time; processes using the mount wait.', suspect: 'the network path to the server, then the server', requests: [{ command: 'nfsstat -c; mount | grep nfs', why: 'retransmission counts and mount options (hard/soft, timeo)', unlessHave: [] }] },
};

/** Kinds that record an event or a measurement rather than a problem: no upstream report, no requests. */
export const EVENT_KINDS = new Set(['capacity_change', 'fs_resize', 'md_resync', 'metric_drop', 'metric_surge']);

export const DEFAULT_GUIDANCE: Guidance = {
  meaning: 'The kernel reported a problem of this kind; no known issue in the knowledge base matches it.',
  suspect: 'the subsystem named in the finding',
  requests: [FULL_DMESG, UNAME],
};

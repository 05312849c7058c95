/**
 * Kernel report texts the generator injects, as data: one template per kind, each a function of a seeded
 * random source and the host's kernel version. They follow real x86_64 output closely enough that the
 * detectors' header, body and frame rules apply as they do on field logs.
 */
export type Rand = () => number;

export interface ReportTemplate {
  /** Name in the manifest (a report kind may have several templates: `oom_kill` global and memcg). */
  name: string;
  /** The finding kind ktriage must report. */
  kind: string;
  lines: (r: Rand, pid: number) => string[];
}

const hex = (r: Rand, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
const off = (r: Rand) => `0x${hex(r, 2)}/0x${(256 + Math.floor(r() * 512)).toString(16)}`;
const frames = (r: Rand, fns: string[]) => fns.map((f) => ` ${f}+${off(r)}`);
const cpuLine = (cpu: number, pid: number, comm: string, kernel: string) => `CPU: ${cpu} PID: ${pid} Comm: ${comm} Not tainted ${kernel}`;
const HW = 'Hardware name: Dell Inc. PowerEdge R640/0W23H8, BIOS 2.12.2 07/09/2021';
const regs = (r: Rand) => [
  `RSP: 0018:ffffb1a2${hex(r, 8)} EFLAGS: 00010246`,
  `RAX: 0000000000000000 RBX: ffff9e${hex(r, 10)} RCX: 0000000000000000`,
];

function hung(kernel: string, comm: string, newStyle: boolean, fns: string[]) {
  return (r: Rand, pid: number) => [
    `INFO: task ${comm}:${pid} blocked for more than ${120 + Math.floor(r() * 3) * 121} seconds.`,
    `      Not tainted ${kernel}`,
    `"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.`,
    newStyle
      ? `task:${comm.padEnd(15)} state:D stack:    0 pid:${String(pid).padStart(6)} ppid:     2 flags:0x00004000`
      : `${comm.padEnd(15)} D    0 ${String(pid).padStart(5)}      2 0x80000000`,
    'Call Trace:',
    ...(newStyle ? [' <TASK>'] : []),
    ...frames(r, ['__schedule', 'schedule', 'io_schedule', ...fns, 'kthread', 'ret_from_fork']),
    ...(newStyle ? [' </TASK>'] : []),
  ];
}

export const reportTemplates: ReportTemplate[] = [
  { name: 'hung_task_4.15', kind: 'hung_task', lines: hung('4.15.0-112-generic #113-Ubuntu', 'jbd2/sda1-8', false, ['bit_wait_io', '__wait_on_bit', 'out_of_line_wait_on_bit', 'jbd2_journal_commit_transaction', 'kjournald2']) },
  { name: 'hung_task_5.x', kind: 'hung_task', lines: hung('5.15.0-91-generic #101-Ubuntu', 'xfsaild/rbd0', true, ['xlog_wait_on_iclog', 'xfs_log_force', 'xfsaild']) },
  {
    name: 'soft_lockup',
    kind: 'soft_lockup',
    lines: (r, pid) => [
      `watchdog: BUG: soft lockup - CPU#3 stuck for ${22 + Math.floor(r() * 20)}s! [kworker/3:1:${pid}]`,
      'Modules linked in: xt_conntrack nf_nat overlay bonding ixgbe mdio dca',
      cpuLine(3, pid, 'kworker/3:1', '5.4.0-150-generic #167-Ubuntu'),
      HW,
      `RIP: 0010:smp_call_function_many_cond+0x${hex(r, 3)}/0x2d0`,
      ...regs(r),
      'Call Trace:',
      ...frames(r, ['on_each_cpu_cond_mask', 'flush_tlb_kernel_range', '__purge_vmap_area_lazy', 'drain_vmap_area_work', 'process_one_work', 'worker_thread', 'kthread', 'ret_from_fork']),
    ],
  },
  {
    name: 'rcu_stall',
    kind: 'rcu_stall',
    lines: (r, pid) => [
      'INFO: rcu_sched self-detected stall on CPU',
      `\t1-....: (14999 ticks this GP) idle=${hex(r, 3)}/1/0x4000000000000002 softirq=${Math.floor(r() * 1e6)}/${Math.floor(r() * 1e6)} fqs=6836`,
      `\t (t=15000 jiffies g=${Math.floor(r() * 1e7)} q=${Math.floor(r() * 1e4)})`,
      'NMI backtrace for cpu 1',
      cpuLine(1, pid, 'ksoftirqd/1', '5.4.0-150-generic #167-Ubuntu'),
      HW,
      'Call Trace:',
      ' <IRQ>',
      ...frames(r, ['dump_stack', 'nmi_cpu_backtrace', 'nmi_trigger_cpumask_backtrace', 'rcu_dump_cpu_stacks', 'rcu_sched_clock_irq', 'update_process_times', 'tick_sched_timer', '__hrtimer_run_queues', 'hrtimer_interrupt', 'smp_apic_timer_interrupt', 'apic_timer_interrupt']),
      ' </IRQ>',
      `RIP: 0010:ipt_do_table+0x${hex(r, 3)}/0x6a0 [ip_tables]`,
      ...regs(r),
      ...frames(r, ['iptable_filter_hook', 'nf_hook_slow', 'ip_forward', 'ip_rcv', '__netif_receive_skb_core', 'process_backlog', 'net_rx_action', '__do_softirq', 'run_ksoftirqd', 'smpboot_thread_fn', 'kthread', 'ret_from_fork']),
    ],
  },
  {
    name: 'warning',
    kind: 'warning',
    lines: (r, pid) => [
      '------------[ cut here ]------------',
      `WARNING: CPU: 2 PID: ${pid} at fs/ext4/inode.c:3931 ext4_set_page_dirty+0x44/0x60`,
      'Modules linked in: xt_conntrack nf_nat overlay bonding ixgbe mdio dca',
      cpuLine(2, pid, 'postgres', '5.4.0-150-generic #167-Ubuntu'),
      HW,
      `RIP: 0010:ext4_set_page_dirty+0x44/0x60`,
      ...regs(r),
      'Call Trace:',
      ...frames(r, ['set_page_dirty', 'unmap_page_range', 'unmap_vmas', 'exit_mmap', 'mmput', 'do_exit', 'do_group_exit', '__x64_sys_exit_group', 'do_syscall_64', 'entry_SYSCALL_64_after_hwframe']),
      `---[ end trace ${hex(r, 16)} ]---`,
    ],
  },
  {
    name: 'null_deref',
    kind: 'oops',
    lines: (r, pid) => [
      'BUG: kernel NULL pointer dereference, address: 0000000000000008',
      '#PF: supervisor read access in kernel mode',
      '#PF: error_code(0x0000) - not-present page',
      'PGD 0 P4D 0 ',
      'Oops: 0000 [#1] SMP NOPTI',
      cpuLine(5, pid, 'kworker/5:0', '5.4.0-150-generic #167-Ubuntu'),
      HW,
      'Workqueue: nvme-wq nvme_rdma_reconnect_ctrl_work [nvme_rdma]',
      `RIP: 0010:nvme_rdma_alloc_queue+0x${hex(r, 2)}/0x1a0 [nvme_rdma]`,
      ...regs(r),
      'Call Trace:',
      ...frames(r, ['nvme_rdma_setup_ctrl', 'nvme_rdma_reconnect_ctrl_work', 'process_one_work', 'worker_thread', 'kthread', 'ret_from_fork']),
      `---[ end trace ${hex(r, 16)} ]---`,
    ],
  },
  {
    name: 'gpf',
    kind: 'gpf',
    lines: (r, pid) => [
      'general protection fault, probably for non-canonical address 0xdead000000000108: 0000 [#1] SMP NOPTI',
      cpuLine(0, pid, 'ceph-osd', '5.4.0-150-generic #167-Ubuntu'),
      HW,
      `RIP: 0010:__list_del_entry_valid+0x${hex(r, 2)}/0x90`,
      ...regs(r),
      'Call Trace:',
      ...frames(r, ['tcp_v4_destroy_sock', 'inet_csk_destroy_sock', 'tcp_close', 'inet_release', '__sock_release', 'sock_close', '__fput', 'task_work_run', 'exit_to_usermode_loop', 'do_syscall_64', 'entry_SYSCALL_64_after_hwframe']),
      `---[ end trace ${hex(r, 16)} ]---`,
    ],
  },
  { name: 'oom_global', kind: 'oom_kill', lines: oom('java', 'CONSTRAINT_NONE', 'Out of memory') },
  { name: 'oom_memcg', kind: 'oom_kill', lines: oom('python3', 'CONSTRAINT_MEMCG', 'Memory cgroup out of memory') },
];

function oom(comm: string, constraint: string, killedBy: string) {
  return (r: Rand, pid: number) => [
    `${comm} invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0`,
    cpuLine(3, pid, comm, '5.4.0-150-generic #167-Ubuntu'),
    HW,
    'Call Trace:',
    ...frames(r, ['dump_stack', 'dump_header', 'oom_kill_process.cold', 'out_of_memory', ...(constraint === 'CONSTRAINT_MEMCG' ? ['mem_cgroup_out_of_memory', 'try_charge'] : ['__alloc_pages_slowpath']), '__alloc_pages_nodemask', 'alloc_pages_vma', 'handle_mm_fault', 'do_user_addr_fault', 'page_fault']),
    ...(constraint === 'CONSTRAINT_MEMCG' ? ['memory: usage 524288kB, limit 524288kB, failcnt 1234', 'Memory cgroup stats for /kubepods/burstable/pod0a1b:'] : ['Mem-Info:', `active_anon:${Math.floor(r() * 1e7)} inactive_anon:0 isolated_anon:0`]),
    'Tasks state (memory values in pages):',
    '[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name',
    `[${String(pid).padStart(7)}]  1000 ${pid}  4123456  3901234 32000000        0             0 ${comm}`,
    `oom-kill:constraint=${constraint},nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/app.service,task=${comm},pid=${pid},uid=1000`,
    `${killedBy}: Killed process ${pid} (${comm}) total-vm:16493824kB, anon-rss:15604936kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:31250kB oom_score_adj:0`,
  ];
}

/** Union of the kernel-report triggers of the injected kinds: the `grep -cE` floor. */
export const grepPattern = [
  'blocked for more than', 'soft lockup', 'rcu_.*detected stall', 'rcu: INFO', 'WARNING: CPU', 'NULL pointer dereference',
  'general protection fault', 'invoked oom-killer', 'Killed process', 'BUG: ', 'Oops', 'kernel BUG at', 'Kernel panic',
  'No DHCPOFFERS', 'hard LOCKUP', 'KASAN:', 'UBSAN:', 'page allocation failure', 'hung_task',
].join('|');

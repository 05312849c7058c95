/**
 * Stall and hung-task anchors. In a stall (RCU stall, soft lockup) the top frame is a random point of a
 * loop; the useful name is what the dispatcher called, i.e. the frame just above the first dispatcher
 * frame (an anchor) on the way down the stack. Our own list, after syzkaller's pkg/report design.
 */
export interface AnchorGroup {
  why: string;
  patterns: string[];
}

export const stallAnchorGroups: AnchorGroup[] = [
  { why: 'syscall entry: the frame above is the system call', patterns: ['^do_syscall_', '^invoke_syscall', '^el0_svc', '^do_el0_svc', '^entry_SYSCALL', '^do_fast_syscall_32', '^do_int80_syscall_32', '^__do_fast_syscall_32', '^system_call_fastpath', '^ret_fast_syscall', '^sysenter_', '^ia32_sysenter'] },
  { why: 'work item dispatch: the frame above is the work function', patterns: ['^process_one_work', '^worker_thread', '^kthread$', '^ret_from_fork'] },
  { why: 'softirq, tasklet and timer dispatch: the frame above is the handler', patterns: ['^__do_softirq', '^handle_softirqs', '^do_softirq', '^run_ksoftirqd', '^call_timer_fn', '^expire_timers', '^__run_timers', '^run_timer_softirq', '^__hrtimer_run_queues', '^tasklet_action', '^tasklet_hi_action', '^rcu_do_batch', '^rcu_core', '^net_rx_action', '^__napi_poll', '^napi_poll', '^__netif_receive_skb', '^netif_receive_skb', '^process_backlog', '^blk_done_softirq'] },
  { why: 'file operation dispatch: the frame above is the driver or filesystem method', patterns: ['^do_vfs_ioctl', '^vfs_ioctl', '^vfs_read', '^vfs_write', '^__vfs_read', '^__vfs_write', '^new_sync_read', '^new_sync_write', '^vfs_readv', '^vfs_writev', '^do_iter_read', '^do_iter_write', '^do_iter_readv_writev', '^vfs_iter_read', '^vfs_iter_write', '^do_loop_readv_writev', '^blkdev_ioctl', '^compat_blkdev_ioctl', '^do_splice', '^vfs_fallocate', '^vfs_fsync_range', '^do_sys_poll', '^do_select', '^do_mmap', '^vm_mmap_pgoff', '^mmap_region', '^sys_ioctl$', '(?:^|_)compat_(?:sys|SyS)_ioctl$'] },
  { why: 'socket dispatch: the frame above is the protocol method', patterns: ['^sock_sendmsg', '^__sock_sendmsg', '^sock_recvmsg', '^sock_ioctl', '^sock_do_ioctl', '^sock_write_iter', '^sock_read_iter', '^__sys_setsockopt', '^__sys_getsockopt', '^sock_common_setsockopt', '^__sys_connect', '^__sys_bind', '^__sys_accept4', '^__sys_listen'] },
  { why: 'netlink dispatch: the frame above is the message handler', patterns: ['^rtnetlink_rcv_msg', '^nfnetlink_rcv_msg', '^nfnetlink_rcv_batch'] },
  { why: 'task work and the return to user space: the frame above is the handler', patterns: ['^task_work_run', '^exit_to_user_mode', '^syscall_exit_to_user_mode', '^exit_to_usermode_loop'] },
];

export const stallAnchor: RegExp = new RegExp(stallAnchorGroups.flatMap((g) => g.patterns).map((p) => `(?:${p})`).join('|'));

/**
 * Dispatchers that are anchors only when something sits above them: a driver's `*_compat_ioctl` converts
 * a 32-bit request and calls the native `*_ioctl`, which is the code that ran (`lo_compat_ioctl` →
 * `lo_ioctl`); when the compat method did the work itself it is the answer.
 */
export const softStallAnchor = /_compat_ioctl$/;

/** Frames that are themselves the answer of a stall: a cross-CPU call waits for all CPUs. */
export const stallAnswer: Array<{ pattern: RegExp; name: string; why: string }> = [
  { pattern: /^smp_call_function/, name: 'smp_call_function', why: 'IPI senders spin until every CPU ran the callback; the stalled CPU is the victim' },
  { pattern: /^on_each_cpu/, name: 'smp_call_function', why: 'on_each_cpu is a cross-CPU call like smp_call_function' },
];

/** Where the interrupted code starts in a stall report: after the timer interrupt that ran the watchdog. */
export const stallInterruptEntry = /(?:apic_timer_interrupt|sysvec_apic_timer_interrupt|hrtimer_interrupt|watchdog_timer_fn|arch_timer_handler|timer_interrupt|tick_sched_timer|el1_interrupt|gic_handle_irq)/;

/**
 * Hung tasks: these callees mean "the task waits here" and are never the answer. Anchors come first: a
 * task waiting in rtnl_lock or an RCU grace period is a victim of one root cause, so all such hangs share
 * one name.
 */
export const hungAnchors: Array<{ pattern: RegExp; name: string; why: string }> = [
  { pattern: /^rtnl_lock$|^rtnl_lock_killable$/, name: 'rtnl_lock', why: 'every waiter on the RTNL mutex is a victim of its holder' },
  { pattern: /^synchronize_(rcu|srcu|net|sched)(_expedited)?$/, name: 'synchronize_rcu', why: 'waiters for a grace period are victims of the CPU that stalls it' },
];

export const hungWaitParts: string[] = ['sched', '_lock', '_slowlock', 'down', 'rwsem', 'completion', 'kthread', 'wait', 'synchronize', 'context_switch', '__switch_to', 'cancel_delayed_work', 'rcu_barrier', 'io_schedule', 'freezer', 'msleep', 'do_read_cache_'];

/**
 * Frames that are never the guilty one, by category: code that reports, allocates, locks, copies or
 * dispatches on behalf of the real culprit. A pattern is a regex source matched anywhere in the function
 * name unless anchored (`^`, `$`). Categories follow syzkaller's pkg/report skip list (credited in
 * research/syzkaller-report.md); the entries here are our own selection for production kernels.
 */
export interface SkipCategory {
  name: string;
  why: string;
  patterns: string[];
}

export const skipCategories: SkipCategory[] = [
  {
    name: 'reporting',
    why: 'the code that prints the report, traps into it or dumps stacks; it is where the report is made, not where the bug is',
    patterns: [
      '^dump_stack', '^show_stack', '^unwind_backtrace', '^walk_stackframe', '^show_regs', '^__show_regs', '^show_trace', '^print_report', '^print_address_description',
      '^kasan_', '^__kasan_', '^kmsan_', '^__msan_', '^__asan_', '^__sanitizer_', '^check_memory_region', '^kcsan_',
      '^vpanic', '^nmi_panic', '^report_bug', '^__warn', '^warn_slowpath', '^__warn_printk', '^do_trap', '^do_error_trap',
      '^do_invalid_op', '^invalid_op$', '^handle_bug', '^exc_invalid_op', '^asm_exc_', '^die$', '^__die', '^oops_', '^do_general_protection',
      '^exc_general_protection', '^general_protection$', '^nmi_cpu_backtrace', '^nmi_trigger_cpumask_backtrace',
      '^arch_trigger_cpumask_backtrace', '^trigger_', '^fail_dump', '^should_fail', '^should_failslab', '^__should_failslab',
      '^print_circular_bug', '^check_noncircular', '^check_prev_add', '^validate_chain', '^print_usage_bug', '^mark_lock',
      '^lockdep_', '^__lockdep_', '^debug_lockdep', '^print_lock', '^report_', '^__report_', '^ubsan_epilogue', '^handle_overflow',
      '^bug_handler', '^do_handle_bug', '^kfence_', '^__kfence_', '^check_stack_object', '^__check_object_size', '^usercopy_abort',
      '^dump_backtrace', '^__dump_stack', '^spin_dump', '^spin_bug', '^__panic', '^__schedule_bug', '^fortify_panic', '^__fortify',
      '^stack_trace_', '^arch_stack_walk', '^__hwasan_', '^debug_print_object', '^reiserfs_panic', '^__reiserfs_panic', '^assertfail',
      '^btrfs_assertfail', '^rust_helper_BUG', '^debug_check_no_locks', '^print_unlock_imbalance_bug', '^lockdep_rcu_suspicious',
      '^ref_tracker', '^__might_resched', '^fixup_bug', '^check_panic_on_warn', '^panic', '^trace_hardirqs', '^lockdep_hardirqs', '^print_bad_pte', '^bad_page', '^warn_bogus',
    ],
  },
  {
    name: 'allocation',
    why: 'allocators and the page allocator fail or sleep for their caller; the caller is the interesting frame',
    patterns: [
      '^(k|v|kv|__k|__v|__kv)?(m|z|c|re)alloc', '^kmem_cache_', '^__kmem_cache', '^slab_', '^__slab_', '^___slab_', '^kmalloc',
      '^__kmalloc', '^alloc_pages', '^__alloc_pages', '^alloc_page', '^folio_alloc', '^__folio_alloc', '^__get_free_pages',
      '^get_zeroed_page', '^kstrdup', '^kmemdup', '^memdup_user', '^vmemdup', '^__vmalloc', '^vmalloc', '^pcpu_alloc',
      '^alloc_pages_vma', '^new_slab', '^allocate_slab', '^warn_alloc', '^__kmalloc_node', '^__alloc_frozen', '^free_large_kmalloc',
      // Truncation walks the page cache on behalf of the filesystem that evicts or truncates an inode.
      '^find_lock_entries', '^find_get_entries', '^truncate_inode_pages',
      '^__kfree', '^kfree_sensitive', '^kvfree', '^_*kmalloc',
    ],
  },
  {
    name: 'locking',
    why: 'lock primitives and subsystem lock wrappers (`reiserfs_write_lock`) wait or complain on behalf of the code that takes the lock',
    patterns: [
      'spin_lock', 'spin_unlock', '_raw_', '_trylock', '^mutex_', '^__mutex_', '^rt_mutex_', '^__rt_mutex', '^rwsem_', '^__rwsem',
      '^down_read', '^down_write', '^up_read', '^up_write', '^down$', '^up$', '^down_interruptible', '^down_killable', '^__down',
      '^lock_acquire', '^lock_release', '^__lock_acquire', '^__lock_release', '^queued_', '^native_queued', '^do_raw_',
      '^read_lock', '^read_unlock', '^write_lock', '^write_unlock', '^percpu_down', '^percpu_up', '^__percpu_down',
      '^lock_sock', '^release_sock', '^seqcount_', '^__seqcount', '^rcu_read_lock', '^rcu_read_unlock', '^__rcu_read',
      '^osq_lock', '^lock_timer_base', '[a-z]_write_lock$', '[a-z]_read_lock$', '^folio_unlock', '^unlock_page$', '^__folio_lock', '^folio_lock$', '^lock_page$', '^__task_rq_lock', '^task_rq_lock', '^raw_spin_rq_lock', '^_raw_spin_rq_lock',
    ],
  },
  {
    name: 'atomics',
    why: 'atomics, bit operations and reference counts only carry out what their caller asked',
    patterns: ['^_?atomic', '^arch_atomic', '^raw_atomic', '^set_bit', '^clear_bit', '^change_bit', '^test_and_', '^test_bit', '^__set_bit', '^__clear_bit', '^refcount_', '^__refcount_', '^kref_', '^instrument_'],
  },
  {
    name: 'memory-and-strings',
    why: 'memory and string helpers fault on a bad pointer their caller passed',
    patterns: [
      '^mem(cpy|set|move|cmp|chr|scan|dup)', '^__mem(cpy|set|move)', '^str(cpy|ncpy|len|nlen|cmp|ncmp|chr|rchr|lcpy|scpy|cat|ncat|sep|str)',
      '^__str', '^sprintf', '^vsnprintf', '^snprintf', '^scnprintf', '^vscnprintf', '^csum_', '^__csum',
    ],
  },
  {
    name: 'user-copy',
    why: 'user copies fault or sleep for the syscall that asked for them',
    patterns: [
      'copy_to_user', 'copy_from_user', '^_copy_to', '^_copy_from', '^copy_user_', '^copy_.*_iter', '^_copy_.*_iter', '^might_fault',
      '^__might_fault', '^strncpy_from_user', '^__get_user', '^__put_user', '^get_user', '^put_user', '^raw_copy_', '^copyin', '^copyout',
      '^iov_iter_', '^__might_sleep', '^___might_sleep', '^might_sleep', '^__cond_resched', '^_cond_resched', '^preempt_schedule',
    ],
  },
  {
    name: 'lists',
    why: 'list and tree helpers (and list debugging) report corruption caused by their caller',
    patterns: ['^list_', '^__list_', '^hlist_', '^__hlist_', '^rb_', '^__rb_', '^llist_', '^__llist_'],
  },
  {
    name: 'printk',
    why: 'printing helpers are where a message is written, not where the problem is',
    patterns: ['^printk', '^vprintk', '^_printk', '^__printk', '^dev_printk', '^__dev_printk', '^_dev_(warn|err|info|printk)', '^dev_(warn|err|info)$', '^netdev_(err|warn|info)$', '^console_unlock', '^wake_up_klogd'],
  },
  {
    name: 'deferred-work',
    why: 'timers, work items and completions queue or wait for work that others do (debugobjects checks run inside them)',
    patterns: [
      '^del_timer', '^timer_delete', '^__del_timer', '^try_to_del_timer', '^flush_work', '^__flush_work', '^flush_workqueue', '^__flush_workqueue',
      '^queue_work', '^__queue_work', '^insert_work', '^try_to_grab_pending', '^debug_object', '^timer_is_static_object', '^work_is_static_object', '^__queue_delayed_work', '^mod_delayed_work', '^queue_delayed_work', '^mod_timer', '^__mod_timer', '^add_timer', '^cancel_work_sync', '^__cancel_work',
      '^cancel_delayed_work', '^wait_for_completion', '^__wait_for_common', '^wait_for_common', '^complete$', '^complete_all$',
    ],
  },
  {
    name: 'object-teardown',
    why: 'reference drops (dput and its fast path), buffer state helpers (mark_buffer_dirty warns about a buffer its caller did not read) and device/netdev teardown act on behalf of the code that called them',
    patterns: [
      '^kobject_', '^put_device', '^device_release', '^device_del$', '^device_unregister$', '^device_destroy$', '^devres_release', '^sysfs_remove_', '^add_uevent_var',
      '^klist_', '^kthread_stop', '^device_for_each_child', '^dpm_sysfs_remove', '^i2c_del_adapter', '^__unregister_client', '^rollback_registered', '^unregister_netdevice', '^get_device_parent', '^device_add$', '^kfree_skb', '^usb_kill_urb', '^iput$', '^dput$', '^fast_dput$', '^mark_buffer_dirty', '^fput$', '^__fput', '^kfree$', '^drop_nlink', '^clear_nlink', '^inc_nlink', '^set_nlink',
    ],
  },
  {
    name: 'fault-entry',
    why: 'the exception entry path runs after the faulting instruction; the faulting function sits above it',
    patterns: [
      '^page_fault$', '^asm_exc_page_fault', '^exc_page_fault', '^do_page_fault', '^__do_page_fault', '^do_user_addr_fault', '^do_kern_addr_fault',
      '^no_context', '^__bad_area', '^bad_area', '^do_mem_abort', '^__do_kernel_fault', '^do_translation_fault', '^do_bad_area', '^el1_abort',
      '^el1h_64_sync', '^el1_da', '^do_tag_check_fault', '^do_tag_recovery', '^report_tag_fault', '^el1_sync', '^el1_ia', '^do_el1', '^kernelmode_fixup_or_oops', '^page_fault_oops', '^handle_page_fault',
    ],
  },
  {
    name: 'mmio',
    why: 'register and port accessors fault on the address the driver passed them',
    patterns: ['^__raw_read', '^__raw_write', '^logic_(?:in|out)[bwlq]?$', '^read[bwlq](?:_relaxed)?$', '^write[bwlq](?:_relaxed)?$', '^io(?:read|write)(?:8|16|32|64)', '^in[bwl]$', '^out[bwl]$'],
  },
  {
    name: 'tracing',
    why: 'tracepoint probes (`perf_trace_<event>`, `trace_event_raw_event_<event>`) record an event for the code that hit the tracepoint',
    patterns: ['^perf_trace_', '^trace_event_raw_event_', '^__traceiter_', '^__bpf_trace_'],
  },
  {
    name: 'entry',
    why: 'generic task and syscall entry frames, retpoline thunks, wakeups, xarray and crc helpers are on every kind of stack',
    patterns: ['^__x86_indirect_thunk', '^__x86_return_thunk', '^__local_bh_enable', '^local_bh_enable', '^finish_wait', '^__wake_up', '^wake_up_(?:process|q|bit|var|all|interruptible|state|locked|poll|klogd)', '^xas_', '^crc', '^strnstr', '^string$', '^entry_SYSCALL', '^entry_INT80', '^ret_from_fork', '^ret_from_fork_asm', '^do_syscall_', '^syscall_exit', '^__switch_to', '^__switch_to_asm'],
  },
];

/** All global skip patterns as one regex (compiled once). */
export const globalSkip: RegExp = new RegExp(skipCategories.flatMap((c) => c.patterns).map((p) => `(?:${p})`).join('|'));

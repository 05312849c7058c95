import type { Layer } from '../../model/report.js';

/**
 * How the guilty frame is found:
 * - `hung`: hung-task extractor (anchors, then the first frame that is not waiting code);
 * - `stall`: stall extractor (the frame above the first dispatcher anchor below the interrupted code);
 * - `rip`: the faulting instruction (`RIP:` ...), then the call trace;
 * - `header`: the function the header names (`BUG: KASAN: ... in f+0x..`), then the call trace;
 * - `lockdep`: the first `at:` lock site (the lock being taken), then the second (the one held), then the trace;
 * - `irq-safe`: the interrupt path that made a lock irq-safe (lockdep's irq-safe -> irq-unsafe report), then the lock sites;
 * - `lock-site`: the first `at:` lock site, then the trace;
 * - `trace`: the call trace only;
 * - `none`: the title has no frame.
 */
export type FrameSource = 'hung' | 'stall' | 'rip' | 'header' | 'lockdep' | 'irq-safe' | 'lock-site' | 'trace' | 'none';

/**
 * One kind of kernel report. `trigger` is a literal the header line must contain (the cheap prefilter);
 * `header` is matched on that line only and its named groups fill the `title` template (`{frame}` is the
 * guilty frame; `{name}` a header group or a `fields` group read from the report's body).
 */
export interface ReportKind {
  kind: string;
  /** Variant name for details (`null-deref`, `refcount`, ...). */
  variant?: string;
  trigger: string;
  header: RegExp;
  /** Lines matching this are not a report even though `header` matched. */
  notIf?: RegExp;
  title: string;
  alt?: string[];
  frames: FrameSource;
  /** Extra skip patterns for this kind only (regex sources). */
  skip?: string[];
  /** Body fields the title needs, read from the report's lines by named group. */
  fields?: RegExp[];
  layer: Layer;
  /** This header continues a report in progress (a panic after an oops) instead of starting a new one. */
  continues?: boolean;
  /** Used when `title` needs a body field the report lacks (older kernels printed less). */
  fallbackTitle?: string;
  /**
   * A WARNING / kernel BUG header arriving in the first lines of this report is part of it (refcount_t and
   * ODEBUG print their message line first, then WARN(); a WARN() hit while an RCU stall is being dumped
   * comes from the stall's own code path, on the stalled CPU).
   */
  absorbs?: boolean;
  /**
   * A line the report always prints within `within` lines after its header (lockdep's lock line, the
   * RCU-usage message). Without it the body was lost or mixed with other output: the title is then the
   * header line itself, flagged corrupted, as syzbot titles a report whose format no longer matches.
   */
  body?: { pattern: RegExp; within: number };
  /** This header means the real report was lost: the result is flagged corrupted with this reason. */
  lostHeader?: string;
  why: string;
}

const FN = '(?<hframe>[A-Za-z_][\\w.$]*)';

/** A WARNING header at a given source file, in the old (`CPU: N PID: N at f.c:1`) and 6.x (`f.c:1 at fn`) forms. */
function warnAt(file: string): RegExp {
  return new RegExp(`WARNING: (?:CPU: \\d+ PID: \\d+ at |at )?${file}:\\d+`);
}

export const reportKinds: ReportKind[] = [
  // ---- hangs and stalls
  { kind: 'hung_task', trigger: 'blocked ', header: /INFO: task (?<comm>.+):(?<pid>\d+) blocked (?:in I\/O wait )?for more than (?<seconds>\d+) seconds/, title: 'INFO: task hung in {frame}', alt: ['hang in {frame}'], frames: 'hung', layer: 'kernel', why: 'khungtaskd: a task stayed in D state longer than hung_task_timeout_secs' },
  { kind: 'hung_task', variant: 'cant-die', trigger: "can't die", header: /INFO: task (?<comm>.+):(?<pid>\d+) can't die for more than/, title: "INFO: task can't die in {frame}", alt: ['hang in {frame}'], frames: 'hung', skip: ['schedule'], layer: 'kernel', why: 'a killed task does not exit (old syzkaller kernels)' },
  { kind: 'soft_lockup', trigger: 'soft lockup', header: /BUG: soft lockup - CPU#(?<cpu>\d+) stuck for (?<seconds>\d+)s! \[(?<comm>.*):(?<pid>\d+)\]/, title: 'BUG: soft lockup in {frame}', alt: ['stall in {frame}'], frames: 'stall', layer: 'kernel', why: 'the softlockup watchdog: a CPU ran kernel code without scheduling for watchdog_thresh*2 s' },
  { kind: 'hard_lockup', trigger: 'LOCKUP', header: /(?:Watchdog detected hard LOCKUP on cpu (?<cpu>\d+)|hard LOCKUP)/, title: 'BUG: hard lockup in {frame}', alt: ['stall in {frame}'], frames: 'stall', layer: 'kernel', why: 'the NMI watchdog: a CPU did not take timer interrupts for watchdog_thresh s' },
  { kind: 'rcu_stall', trigger: 'stall', header: /INFO: rcu_(?:preempt|sched|bh|tasks(?:_trace|_rude)?)(?: self)?[- ]?detected(?: expedited)? stalls?/, title: 'INFO: rcu detected stall in {frame}', alt: ['stall in {frame}'], frames: 'stall', skip: ['apic_timer_interrupt', 'rcu'], absorbs: true, layer: 'kernel', why: 'RCU grace period could not finish: a CPU or task did not pass a quiescent state' },
  { kind: 'rcu_stall', variant: 'stall-on-cpu', trigger: 'stall', header: /INFO: rcu (?:detected|self-detected) stall/, title: 'INFO: rcu detected stall in {frame}', alt: ['stall in {frame}'], frames: 'stall', skip: ['apic_timer_interrupt', 'rcu'], absorbs: true, layer: 'kernel', why: 'the newer wording of the RCU stall warning' },
  { kind: 'bug', variant: 'stack-guard', trigger: 'stack guard page', header: /BUG: (?:TASK |IRQ )?stack guard page was hit/, title: 'BUG: stack guard page was hit in {frame}', alt: ['stack-overflow in {frame}'], frames: 'stall', layer: 'kernel', why: 'kernel stack overflow into the guard page' },
  { kind: 'workqueue_lockup', trigger: 'workqueue lockup', header: /BUG: workqueue lockup/, title: 'BUG: workqueue lockup', frames: 'none', layer: 'kernel', why: 'a worker pool made no progress for 30 s; it names no function' },

  // ---- lockdep (before the generic WARNING: they print `WARNING: ...` headers too)
  { kind: 'lockdep', variant: 'circular', trigger: 'possible circular locking dependency', header: /possible circular locking dependency detected/, body: { pattern: /, at: /, within: 10 }, title: 'possible deadlock in {frame}', frames: 'lockdep', skip: ['process_one_work', 'flush_workqueue', 'drain_workqueue', 'destroy_workqueue'], layer: 'kernel', why: 'lockdep found a lock order cycle' },
  { kind: 'lockdep', variant: 'recursive', trigger: 'possible recursive locking', header: /possible recursive locking detected/, title: 'possible deadlock in {frame}', frames: 'lockdep', layer: 'kernel', why: 'lockdep: a task takes a lock class it already holds' },
  { kind: 'lockdep', variant: 'irq-inversion', trigger: 'possible irq lock inversion', header: /possible irq lock inversion dependency detected/, title: 'possible deadlock in {frame}', frames: 'lockdep', layer: 'kernel', why: 'lockdep: irq-safe and irq-unsafe use of one lock' },
  { kind: 'lockdep', variant: 'irq-unsafe', trigger: '-safe -> ', header: /(?:HARDIRQ|SOFTIRQ)-(?:safe|READ-safe) -> (?:HARDIRQ|SOFTIRQ)-(?:READ-)?unsafe lock order detected/, title: 'possible deadlock in {frame}', frames: 'irq-safe', layer: 'kernel', why: 'lockdep: irq-safe lock taken after an irq-unsafe one' },
  { kind: 'lockdep', variant: 'inconsistent', trigger: 'inconsistent lock state', header: /inconsistent lock state/, title: 'inconsistent lock state in {frame}', frames: 'lock-site', layer: 'kernel', why: 'lockdep: a lock used both in and out of interrupt context' },
  { kind: 'lockdep', variant: 'suspicious-rcu', trigger: 'suspicious RCU usage', header: /(?<level>INFO|WARNING|BUG): suspicious RCU usage/, body: { pattern: /\S\.[ch]:\d+ /, within: 4 }, title: '{level}: suspicious RCU usage in {frame}', frames: 'trace', skip: ['rcu', 'lockdep'], layer: 'kernel', why: 'RCU-protected pointer used outside a read-side section' },
  { kind: 'lockdep', variant: 'bad-unlock', trigger: 'bad unlock balance', header: /(?<level>INFO|WARNING|BUG): bad unlock balance detected/, title: '{level}: bad unlock balance in {frame}', frames: 'lock-site', layer: 'kernel', why: 'lockdep: unlock of a lock that is not held' },
  { kind: 'lockdep', variant: 'held-lock-freed', trigger: 'held lock freed', header: /(?<level>INFO|WARNING|BUG): held lock freed/, title: '{level}: held lock freed in {frame}', frames: 'lock-site', layer: 'kernel', why: 'lockdep: memory holding a locked lock was freed' },
  { kind: 'lockdep', variant: 'locks-held', trigger: 'still has locks held', header: /(?<level>INFO|WARNING|BUG): .*still has locks held/, title: '{level}: still has locks held in {frame}', frames: 'lock-site', layer: 'kernel', why: 'lockdep: a task returned to user space holding locks' },
  { kind: 'lockdep', variant: 'wait-context', trigger: 'Invalid wait context', header: /BUG: Invalid wait context/, title: 'WARNING: locking bug in {frame}', frames: 'trace', skip: ['lock_class', '^__lock', '^lock_', '^lockdep', '^check_', 'lock_acquire'], layer: 'kernel', why: 'lockdep: a lock taken in a context that may not sleep on it (a sleeping lock under a spinlock or RCU); syzbot files it as a locking bug' },
  { kind: 'lockdep', variant: 'non-static-key', trigger: 'non-static key', header: /INFO: trying to register non-static key/, title: 'INFO: trying to register non-static key in {frame}', frames: 'trace', skip: ['register_lock_class', 'lockdep', '__lock'], layer: 'kernel', why: 'lockdep: a lock was used before it was initialised' },

  // ---- memory-safety tools
  { kind: 'kasan', trigger: 'KASAN:', header: new RegExp(`BUG: KASAN: (?<bugtype>double-free or invalid-free|double-free|invalid-free) in ${FN}`), title: 'KASAN: invalid-free in {frame}', frames: 'header', skip: ['^slab_', '^kfree', '^vfree', '^call_rcu', '^free_', '^__free_', '^kmem_cache_free'], layer: 'kernel', why: 'KASAN: a bad or repeated free' },
  { kind: 'kasan', variant: 'at-addr', trigger: 'KASAN:', header: new RegExp(`BUG: KASAN: (?<bugtype>[\\w-]+) in ${FN}\\S* at addr (?<addr>[0-9a-fA-F]+)`), title: 'KASAN: {bugtype} {access} in {frame}', fallbackTitle: 'KASAN: {bugtype} in {frame} at addr {addr}', alt: ['bad-access in {frame}'], fields: [/(?<access>Read|Write) (?:of|at addr)/], frames: 'header', layer: 'kernel', why: 'KASAN of 4.x kernels: `... in f at addr A`; without a `Read of size` line syzbot keeps the address in the title' },
  { kind: 'kasan', variant: 'on-address', trigger: 'KASAN:', header: /BUG: KASAN: (?<bugtype>null-ptr-deref|wild-memory-access|user-memory-access) on address/, title: 'KASAN: {bugtype} {access}', fields: [/(?<access>Read|Write) of size/], frames: 'none', layer: 'kernel', why: 'KASAN of 3.x kernels: an access to a bad address, printed without the function' },
  { kind: 'kasan', trigger: 'KASAN:', header: new RegExp(`BUG: KASAN: (?<bugtype>[\\w-]+) in ${FN}`), title: 'KASAN: {bugtype} {access} in {frame}', fallbackTitle: 'KASAN: {bugtype} in {frame}', alt: ['bad-access in {frame}'], fields: [/(?<access>Read|Write) (?:of|at addr)/], frames: 'header', layer: 'kernel', why: 'KASAN: an invalid memory access' },
  { kind: 'kfence', trigger: 'KFENCE:', header: new RegExp(`BUG: KFENCE: (?<bugtype>[\\w -]+?) in ${FN}`), title: 'KFENCE: {bugtype} in {frame}', alt: ['bad-access in {frame}'], frames: 'header', skip: ['kfence'], layer: 'kernel', why: 'KFENCE: a sampled invalid access or free' },
  { kind: 'kmsan', trigger: 'KMSAN:', header: new RegExp(`BUG: KMSAN: (?<bugtype>[\\w-]+) in ${FN}`), title: 'KMSAN: {bugtype} in {frame}', frames: 'header', skip: ['kmsan'], layer: 'kernel', why: 'KMSAN: use of uninitialised memory' },
  { kind: 'kcsan', trigger: 'KCSAN:', header: /BUG: KCSAN: (?<bugtype>[\w-]+(?:: [\w-]+)?) in (?<hframe>[\w.$]+)(?: \/ (?<hsecond>[\w.$]+))?/, title: 'KCSAN: {bugtype} in {frame}', frames: 'header', skip: ['kcsan'], layer: 'kernel', why: 'KCSAN: a data race' },
  { kind: 'ubsan', trigger: 'UBSAN:', header: /UBSAN: (?<bugtype>Undefined behaviour|[\w-]+(?: [\w-]+)*) in /, title: 'UBSAN: {bugtype} in {frame}', frames: 'trace', skip: ['ubsan', 'overflow'], layer: 'kernel', why: 'UBSAN: undefined behaviour' },
  { kind: 'memory_leak', trigger: 'memory leak', header: /BUG: memory leak/, title: 'memory leak in {frame}', frames: 'trace', skip: ['kmemleak', 'alloc', 'slab', 'strdup', 'kmemdup', 'mempool', '^create_object', '^idr_', '^pcpu_', '^radix_tree', '^xa_', '^kobject_'], layer: 'kernel', why: 'kmemleak found unreferenced objects' },
  { kind: 'memory_leak', trigger: 'unreferenced object', header: /unreferenced object 0x[0-9a-f]+ \(size (?<size>\d+)\)/, title: 'memory leak in {frame}', frames: 'trace', continues: true, skip: ['kmemleak', 'alloc', 'slab', 'strdup', 'kmemdup', 'mempool', '^create_object', '^idr_', '^pcpu_', '^radix_tree', '^xa_', '^kobject_'], layer: 'kernel', why: 'kmemleak report read from /sys/kernel/debug/kmemleak' },

  // ---- faults
  { kind: 'oops', variant: 'null-deref', trigger: 'NULL pointer dereference', header: /(?:BUG: unable to handle kernel NULL pointer dereference|BUG: kernel NULL pointer dereference|Unable to handle kernel NULL pointer dereference)/, title: 'BUG: unable to handle kernel NULL pointer dereference in {frame}', alt: ['bad-access in {frame}'], frames: 'rip', layer: 'kernel', why: 'a kernel access to a near-zero address' },
  { kind: 'oops', variant: 'paging-request', trigger: 'nable to handle ', header: /(?:BUG: unable to handle kernel paging request|BUG: unable to handle page fault for address|Unable to handle kernel paging request|BUG: unable to handle kernel (?!NULL))/, title: 'BUG: unable to handle kernel paging request in {frame}', alt: ['bad-access in {frame}'], frames: 'rip', layer: 'kernel', why: 'a kernel access to an unmapped address' },
  { kind: 'gpf', trigger: 'general protection fault', header: /general protection fault/, notIf: /traps: .* general protection fault/, title: 'general protection fault in {frame}', alt: ['bad-access in {frame}'], frames: 'rip', layer: 'kernel', why: 'x86 #GP in the kernel: usually a non-canonical (poisoned or garbage) pointer' },
  { kind: 'bug', variant: 'list', trigger: 'kernel BUG at', header: /kernel BUG at lib\/list_debug\.c/, title: 'BUG: corrupted list in {frame}', frames: 'rip', layer: 'kernel', why: 'list debugging caught a corrupted list; the caller of the list operation is guilty' },
  { kind: 'bug', trigger: 'kernel BUG at', header: /kernel BUG at (?<file>\S+):(?<line>\d+)!?/, title: 'kernel BUG in {frame}', frames: 'rip', skip: ['^skb_'], layer: 'kernel', why: 'BUG_ON() fired: an assertion in kernel code' },
  { kind: 'bug', variant: 'list-corruption', trigger: 'list_', header: /list_(?:add|del) corruption/, title: 'BUG: corrupted list in {frame}', frames: 'trace', absorbs: true, layer: 'kernel', why: 'list debugging found a corrupted list; the WARN or BUG_ON() that follows the message is part of it' },
  { kind: 'oops', variant: 'divide-error', trigger: 'divide', header: /divide[ _]error: /, title: 'divide error in {frame}', frames: 'rip', layer: 'kernel', why: 'x86 #DE: division by zero in the kernel' },
  { kind: 'oops', variant: 'double-fault', trigger: 'double fault', header: /PANIC: double fault/, title: 'PANIC: double fault in {frame}', frames: 'rip', continues: true, layer: 'kernel', why: 'a fault while handling a fault (often a stack overflow); after another oops it is a consequence of it' },
  { kind: 'oops', variant: 'stack-segment', trigger: 'stack segment', header: /stack segment: /, title: 'stack segment fault in {frame}', frames: 'rip', layer: 'kernel', why: 'x86 #SS in the kernel' },
  { kind: 'oops', variant: 'int3', trigger: 'int3', header: /^\s*int3: /, title: 'int3 in {frame}', frames: 'rip', layer: 'kernel', why: 'an unexpected breakpoint trap' },
  { kind: 'oops', variant: 'internal-error', trigger: 'Internal error:', header: /Internal error: (?<msg>.*)/, title: 'Internal error in {frame}', frames: 'rip', continues: true, layer: 'kernel', why: 'arm/arm64 die(): follows an `Unable to handle` line when there is one' },
  { kind: 'oops', variant: 'unhandled-fault', trigger: 'Unhandled fault:', header: /Unhandled fault: (?<msg>.*)/, title: 'Unhandled fault in {frame}', frames: 'rip', layer: 'kernel', why: 'arm: a fault without a handler' },
  { kind: 'oops', variant: 'alignment', trigger: 'Alignment trap:', header: /Alignment trap: /, title: 'Alignment trap in {frame}', frames: 'rip', layer: 'kernel', why: 'arm: unaligned access in the kernel' },
  { kind: 'oops', variant: 'invalid-opcode', trigger: 'invalid opcode:', header: /invalid opcode: /, title: 'invalid opcode in {frame}', frames: 'rip', continues: true, layer: 'kernel', why: 'x86 #UD; after `kernel BUG at` it is part of that report' },
  { kind: 'oops', variant: 'oops', trigger: 'Oops', header: /^\s*Oops(?: -|:) /, title: 'Oops in {frame}', frames: 'rip', continues: true, layer: 'kernel', why: 'the die() counter line; it continues the oops header before it' },

  // ---- BUG: variants
  { kind: 'bug', variant: 'sleep-in-atomic', trigger: 'sleeping function called', header: /BUG: sleeping function called from invalid context/, title: 'BUG: sleeping function called from invalid context in {frame}', frames: 'trace', skip: ['might_sleep', 'might_fault'], layer: 'kernel', why: 'a function that may sleep was called in atomic context' },
  { kind: 'bug', variant: 'sched-atomic', trigger: 'scheduling while atomic', header: /BUG: scheduling while atomic/, title: 'BUG: scheduling while atomic in {frame}', frames: 'trace', skip: ['schedule'], layer: 'kernel', why: 'the scheduler ran while preemption was disabled' },
  { kind: 'bug', variant: 'spinlock', trigger: 'BUG: spinlock', header: /BUG: spinlock (?<what>lockup suspected|already unlocked|bad magic|recursion|wrong owner|wrong CPU|cpu recursion)/, title: 'BUG: spinlock {what} in {frame}', frames: 'rip', layer: 'kernel', why: 'spinlock debugging found misuse' },
  { kind: 'bug', variant: 'rwlock', trigger: 'BUG: rwlock', header: /BUG: rwlock (?<what>lockup suspected|already unlocked|bad magic|recursion|wrong owner|wrong CPU|cpu recursion)/, title: 'BUG: rwlock {what} in {frame}', frames: 'rip', layer: 'kernel', why: 'rwlock debugging found misuse' },
  { kind: 'bug', variant: 'preemptible', trigger: 'in preemptible', header: /BUG: using (?<what>smp_processor_id\(\)|__this_cpu_\w+\(\)|this_cpu_\w+\(\)) in preemptible/, title: 'BUG: using {what} in preemptible code in {frame}', frames: 'trace', skip: ['check_preemption_disabled', 'debug_smp_processor_id', '__this_cpu_preempt_check'], layer: 'kernel', why: 'per-CPU access without preemption disabled' },
  { kind: 'bug', variant: 'usercopy', trigger: 'usercopy', header: /(?:BUG: bad usercopy|usercopy: [Kk]ernel memory (?:exposure|overwrite) attempt)/, title: 'BUG: bad usercopy in {frame}', frames: 'trace', absorbs: true, layer: 'kernel', why: 'hardened usercopy refused a copy' },
  { kind: 'bug', variant: 'bad-page', trigger: 'Bad page', header: /BUG: Bad page (?<what>state|map)/, title: 'BUG: Bad page {what} in {frame}', frames: 'trace', skip: ['bad_page', 'free_pages', '__free_pages', 'free_unref_page', 'release_pages', 'put_page', 'folio_put'], layer: 'kernel', why: 'page flags or counts are inconsistent' },
  { kind: 'bug', variant: 'workqueue-leak', trigger: 'workqueue leaked lock', header: /BUG: workqueue leaked lock or atomic/, title: 'BUG: workqueue leaked lock or atomic in {lastfn}', fields: [/last function: (?<lastfn>[A-Za-z_][\w.$]*)/], frames: 'none', layer: 'kernel', why: 'a work function returned with a lock held or preemption disabled' },
  { kind: 'lockdep', variant: 'lock-held-return', trigger: 'lock held when returning', header: /(?<level>BUG|WARNING): lock held when returning to user space/, title: '{level}: lock held when returning to user space in {frame}', frames: 'lock-site', layer: 'kernel', why: 'a syscall returned with a lock held' },
  { kind: 'bug', variant: 'dentry-in-use', trigger: 'still in use', header: /BUG: Dentry .*still in use \(-?\d+\) \[(?<op>unmount) of/, title: 'BUG: Dentry still in use in {op}', frames: 'none', absorbs: true, layer: 'kernel', why: 'umount found a dentry with references left: a leaked dentry reference in the filesystem' },
  { kind: 'bug', variant: 'slub', trigger: 'BUG ', header: /^\s*BUG (?<cache>[\w.-]+(?:\([\w:.-]+\))?) \((?:Not tainted|Tainted: [^)]*)\): (?<msg>\S.*?)\s*$/, title: 'BUG: {msg}', frames: 'none', layer: 'kernel', why: 'SLUB debugging found a corrupted or double-freed object (`BUG kmalloc-8 (Not tainted): Object already free`)' },
  { kind: 'bug', variant: 'busy-inodes', trigger: 'Busy inodes after unmount', header: /VFS: Busy inodes after unmount/, title: 'VFS: Busy inodes after unmount (use-after-free)', frames: 'none', layer: 'kernel', why: 'inodes still referenced when their superblock goes away: a leaked reference that becomes a use-after-free' },
  { kind: 'bug', variant: 'generic', trigger: 'BUG: ', header: /BUG: (?<msg>\S.*?)[\s\]]*$/, notIf: /(?:ODEBUG|DEBUG|BUG: KASAN|BUG: KMSAN|BUG: KFENCE|BUG: KCSAN|soft lockup|workqueue lockup|unable to handle)/, title: 'BUG: {msg}', frames: 'none', layer: 'kernel', why: 'other BUG: reports; the message itself is the title' },

  // ---- warnings
  { kind: 'warning', variant: 'refcount', trigger: 'refcount_t', header: /refcount_t: (?<msg>.*)/, title: 'WARNING: refcount bug in {frame}', frames: 'rip', absorbs: true, skip: ['refcount'], layer: 'kernel', why: 'refcount_t saturated, underflowed or was used after reaching zero' },
  { kind: 'warning', variant: 'odebug', trigger: 'ODEBUG:', header: /ODEBUG: (?<what>\w+(?: \w+)?) .*object/, title: 'WARNING: ODEBUG bug in {frame}', frames: 'trace', skip: ['^debug_', '^__debug_', '^timer_', '^work_', '^rcu', '^free_', '^__free_', '^kfree', '^slab_', '^kmem_cache_free', '^call_rcu', '^__call_rcu', '^hrtimer_', '^vfree', '^__vunmap', '^vunmap'], absorbs: true, layer: 'kernel', why: 'debugobjects caught misuse of a timer, work item or other object' },
  { kind: 'warning', variant: 'odebug', trigger: 'WARNING:', header: warnAt('lib/debugobjects\\.c'), title: 'WARNING: ODEBUG bug in {frame}', frames: 'trace', skip: ['^debug_', '^__debug_', '^timer_', '^work_', '^rcu', '^free_', '^__free_', '^kfree', '^slab_', '^kmem_cache_free', '^call_rcu', '^__call_rcu', '^hrtimer_', '^vfree', '^__vunmap', '^vunmap'], absorbs: true, layer: 'kernel', why: 'the WARN() of debugobjects; its ODEBUG message line may come after it' },
  { kind: 'warning', variant: 'kobject', trigger: 'WARNING:', header: warnAt('lib/kobject\\.c'), title: 'WARNING: kobject bug in {frame}', frames: 'rip', skip: ['^kobject_'], layer: 'kernel', why: 'kobject core warns about misuse by its caller' },
  { kind: 'warning', variant: 'refcount', trigger: 'WARNING:', header: warnAt('lib/refcount\\.c'), title: 'WARNING: refcount bug in {frame}', frames: 'rip', skip: ['refcount'], layer: 'kernel', why: 'refcount_t misuse, reported from lib/refcount.c' },
  { kind: 'warning', variant: 'kmalloc', trigger: 'WARNING:', header: /WARNING: (?:CPU: \d+ PID: \d+ at mm\/(?:util|slab_common|slub)\.c:\d+ |(?:at )?mm\/(?:util|slab_common|slub)\.c:\d+ (?:at )?)_*(?:kv?[mz]alloc|kmalloc_)/, title: 'WARNING: kmalloc bug in {frame}', frames: 'rip', skip: ['^kvmalloc', '^kmalloc', '^__kmalloc', '^kvzalloc'], layer: 'kernel', why: 'an allocation with an impossible size or flags (the WARN sits in an allocation function; other slab warnings, e.g. on free, stay plain WARNINGs)' },
  { kind: 'warning', variant: 'zero-size-vmalloc', trigger: 'WARNING:', header: /WARNING: (?:CPU: \d+ PID: \d+ at mm\/vmalloc\.c:\d+ |(?:at )?mm\/vmalloc\.c:\d+ (?:at )?)__vmalloc_node_range/, title: 'WARNING: zero-size vmalloc in {frame}', frames: 'rip', skip: ['vmalloc', '^vzalloc', '^kvmalloc', '^kvzalloc', '^__vmalloc'], absorbs: true, layer: 'kernel', why: '__vmalloc_node_range() WARNs once on a zero size (its only WARN): the caller asked for 0 bytes' },
  { kind: 'warning', variant: 'locking', trigger: 'WARNING:', header: warnAt('kernel/locking/\\w+\\.c'), title: 'WARNING: locking bug in {frame}', frames: 'rip', skip: ['lock_class', '^__lock', '^lock_', '^lockdep', '^check_', 'lock_acquire'], layer: 'kernel', why: 'lockdep or the locking code itself found misuse' },
  { kind: 'warning', variant: 'usb-urb', trigger: 'WARNING:', header: warnAt('drivers/usb/core/urb\\.c'), title: 'WARNING in {frame}/usb_submit_urb', frames: 'rip', skip: ['^usb_submit_urb', '^usb_hcd_submit_urb', '^usb_start_wait_urb', '^usb_bulk_msg', '^usb_control_msg', '^usb_interrupt_msg'], absorbs: true, layer: 'kernel', why: 'usb_submit_urb() warns about a bad URB (wrong pipe type, bad interval) from the driver that built it: the title names that driver function, as syzbot does' },
  { kind: 'warning', variant: 'stack-regs', trigger: 'WARNING: kernel stack', header: /WARNING: kernel stack (?<what>regs|frame pointer) at .* has bad (?<val>'\w+' )?value/, title: "WARNING: kernel stack {what} has bad {val}value", frames: 'none', layer: 'kernel', why: 'the unwinder met a bad frame pointer' },
  { kind: 'warning', trigger: 'WARNING:', header: /WARNING: (?:CPU: \d+ PID: \d+ at (?<file>\S+):\d+ ?(?<hframe>[A-Za-z_][\w.$]*)?|(?<file2>[\w./-]+):\d+ at (?<hframe2>[A-Za-z_][\w.$]*)|at (?<file3>\S+):\d+ (?<hframe3>[A-Za-z_][\w.$]*)?)/, notIf: /(?:EXT4-fs|XFS \(|moduli)/, title: 'WARNING in {frame}', frames: 'rip', skip: ['^warn_', 'WARN_'], absorbs: true, layer: 'kernel', why: 'WARN_ON() fired: a condition the kernel expected to be false' },

  // ---- resource exhaustion
  { kind: 'oom_kill', trigger: 'invoked oom-killer', header: /(?<comm>\S+) invoked oom-killer: gfp_mask=(?<gfp>\S+?),? (?:\(\S*\),? )?(?:nodemask=\S+, )?order=(?<order>-?\d+)/, title: 'oom-kill in {scope}', alt: ['oom-kill of {victim}'], frames: 'none', layer: 'kernel', why: 'the OOM killer ran: the system or a memory cgroup ran out of memory' },
  { kind: 'oom_kill', variant: 'killed-only', trigger: 'Killed process', header: /(?:Out of memory|Memory cgroup out of memory): Kill(?:ed)? process (?<vpid>\d+) \((?<victim>[^)]*)\)/, title: 'oom-kill in {scope}', alt: ['oom-kill of {victim}'], frames: 'none', continues: true, layer: 'kernel', why: 'the OOM kill line; it closes an OOM report, or stands alone when the header was lost' },
  { kind: 'page_alloc_failure', trigger: 'page allocation failure', header: /(?<comm>\S+): page allocation failure: order:(?<order>\d+), mode:(?<mode>\S+)/, title: 'page allocation failure in {frame}', frames: 'trace', skip: ['warn_alloc', 'alloc', 'slab', 'kmalloc', 'page_frag'], layer: 'kernel', why: 'an allocation that may not sleep or retry failed; mostly harmless unless repeated' },
  { kind: 'netdev_unregister_wait', trigger: 'unregister_netdevice: waiting for', header: /unregister_netdevice: waiting for (?<dev>\S+) to become free(?:\. Usage count = (?<usage>-?\d+))?/, title: 'unregister_netdevice: waiting for DEV to become free', frames: 'none', continues: true, layer: 'network', why: 'a network namespace cannot go away: a leaked reference to its device' },

  // ---- panics
  { kind: 'panic', variant: 'lost', trigger: 'Kernel panic - not syncing', header: /Kernel panic - not syncing: (?:Oops: )?(?<msg>Fatal exception|panic_on_warn set|KASAN: panic_on_warn set|hung_task: blocked tasks|softlockup: hung tasks|Hard LOCKUP)/, title: 'kernel panic: {msg}', frames: 'none', continues: true, lostHeader: 'the report that caused the panic was not in the log', layer: 'kernel', why: 'a panic that follows another report; alone it means the real report was lost' },
  { kind: 'panic', variant: 'stack-end', trigger: 'Kernel panic - not syncing', header: /Kernel panic - not syncing: corrupted stack end/, title: 'kernel panic: corrupted stack end in {frame}', alt: ['stack-overflow in {frame}'], frames: 'stall', continues: true, layer: 'kernel', why: 'the scheduler found the stack end marker overwritten: a stack overflow' },
  { kind: 'panic', variant: 'stack-protector', trigger: 'Kernel panic - not syncing', header: /Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: (?:(?<hframe>[A-Za-z_][\w.$]*)|\S+)/, title: 'kernel panic: stack is corrupted in {frame}', frames: 'header', continues: true, layer: 'kernel', why: 'a stack canary was overwritten in the named function' },
  { kind: 'panic', trigger: 'Kernel panic - not syncing', header: /Kernel panic - not syncing: (?<msg>.*)/, title: 'kernel panic: {msg}', frames: 'none', continues: true, layer: 'kernel', why: 'panic(): the kernel stopped' },
];

/** Header lines that look like a trigger but are never reports. */
export const notReports: RegExp[] = [
  /INFO: lockdep is turned off/, // printed after lockdep disabled itself; no new problem
  /INFO: NMI handler .* took too long/, // a perf notice
  /INFO: Stall ended before state dump start/, // the stall that triggered a report is already over
];

/**
 * Name and title normalisation shared by titles and signatures, so that the same bug on two kernels,
 * hosts or boots reads the same.
 */

// Compiler clones: `f.isra.0`, `f.constprop.3`, `f.part.1`, `f.cold`, `f.cold.12`, `f.llvm.123`.
const CLONE_SUFFIX = /(?:\.(?:isra|constprop|part|cold|llvm|lto_priv|localalias)(?:\.\d+)*)+$/;

/** Drops compiler clone suffixes: `tcp_sendmsg.isra.0` → `tcp_sendmsg`. */
export function stripCloneSuffix(fn: string): string {
  return fn.replace(CLONE_SUFFIX, '').replace(/\.\d+$/, '');
}

// Syscall wrappers name one syscall in many ways: `__x64_sys_ioctl`, `__se_sys_ioctl`, `__do_sys_ioctl`,
// `ksys_ioctl`, `SyS_ioctl`, `__arm64_sys_ioctl`: all become `sys_ioctl`. A 32-bit compat entry
// (`compat_SyS_mount`, `__do_compat_sys_mount`, `__ia32_compat_sys_mount`) is the same system call seen
// from a 32-bit task, so it becomes the bare name (`mount`), as syzbot titles it: the shortest of the
// stripped forms, which `compat_` + `sys_` stripping leaves.
const SYSCALL_PREFIX = /^(?:__x64_|__ia32_|__arm64_|__s390x_|__riscv_|__powerpc_)?(?:__se_|__do_|k)?(compat_)?(?:sys|SyS)_(?=\w)/;

/** `__x64_sys_recvmmsg` → `sys_recvmmsg`, `__ia32_compat_sys_mount` → `mount`; other names unchanged. */
export function normalizeSyscall(fn: string): string {
  const m = SYSCALL_PREFIX.exec(fn);
  if (!m) return fn;
  const rest = fn.slice(m[0].length);
  return m[1] ? rest : `sys_${rest}`;
}

/** The name a title shows for a frame. */
export function titleFrame(fn: string): string {
  return normalizeSyscall(stripCloneSuffix(fn));
}

/**
 * syzbot title normalisation: executor names, addresses, IPs, line numbers, offsets and numbers become
 * placeholders; printable ASCII only, single spaces, at most 120 characters.
 *
 * @example normalizeTitle('kernel panic: Attempted to kill init! exitcode=0x0000000b') // '... exitcode=ADDR'
 */
export function normalizeTitle(title: string): string {
  let t = title
    .replace(/syz-executor[.\d]*/g, 'syz-executor')
    .replace(/\b(?:0x)?[0-9a-fA-F]{6,}\b/g, 'ADDR')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, 'IP')
    .replace(/([\w/.-]+\.\w+):\d+/g, '$1:LINE')
    .replace(/([A-Za-z_][\w.$]*)\+0x[0-9a-fA-F]+\/0x[0-9a-fA-F]+/g, '$1')
    .replace(/CPU#\d+/g, 'CPU')
    .replace(/(^|[^\w.])(?:0x[0-9a-fA-F]+|\d+)(?![\w])/g, '$1NUM');
  t = t.replace(/[^\x20-\x7e]/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length > 120 ? t.slice(0, 120) : t;
}

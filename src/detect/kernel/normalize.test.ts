import { describe, expect, it } from 'vitest';
import { normalizeSyscall, titleFrame } from './normalize.js';

describe('syscall wrapper names', () => {
  it('keeps sys_ for native wrappers', () => {
    expect(normalizeSyscall('__x64_sys_recvmmsg')).toBe('sys_recvmmsg');
    expect(normalizeSyscall('__se_sys_ioctl')).toBe('sys_ioctl');
    expect(normalizeSyscall('ksys_mount')).toBe('sys_mount');
    expect(normalizeSyscall('SyS_rmdir')).toBe('sys_rmdir');
  });
  it('strips compat entries to the bare system call name', () => {
    expect(normalizeSyscall('compat_SyS_mount')).toBe('mount');
    expect(normalizeSyscall('__ia32_compat_sys_ioctl')).toBe('ioctl');
    expect(normalizeSyscall('__do_compat_sys_mount')).toBe('mount');
  });
  it('leaves other names alone', () => {
    expect(normalizeSyscall('compat_sock_ioctl')).toBe('compat_sock_ioctl');
    expect(normalizeSyscall('lo_compat_ioctl')).toBe('lo_compat_ioctl');
    expect(titleFrame('tcp_sendmsg.isra.0')).toBe('tcp_sendmsg');
  });
});

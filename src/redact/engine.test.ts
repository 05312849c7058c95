import { describe, expect, it } from 'vitest';
import { createLineRedactor, redactText } from './engine.js';
import { learnLine, learnSelf } from './learn.js';
import { createMappingTable } from './table.js';

const fresh = () => {
  const table = createMappingTable();
  return { table, redact: createLineRedactor(table) };
};

describe('redaction rules', () => {
  it('replaces each category and keeps the shape', () => {
    const { table, redact } = fresh();
    expect(redact('DHCPACK on 192.168.7.42 to fa:16:3e:aa:bb:cc via eth0')).toBe('DHCPACK on 10.255.1.42 to 02:00:00:00:00:01 via eth0');
    expect(redact('src=2001:db8:0:1::17 dst=fe80::1ff:fe23:4567:890a')).toBe('src=fd00::1 dst=fd00::2');
    expect(redact('mail alice.smith@corp.example.org now')).toBe('mail email-01@redacted.invalid now');
    expect(redact('cmd --password=hunter2 --token abc.def123')).toBe('cmd --password=REDACTED-01 --token REDACTED-02');
    expect(redact('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9zzzz')).toBe('Authorization: Bearer REDACTED-03');
    expect(redact('GET https://bob:s3cr3t@registry.corp.lan/v2/')).toBe('GET https://user-01:REDACTED-04@host-01.redacted.invalid/v2/');
    expect(redact('export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE')).toContain('REDACTED-05');
    expect(redact('[client.admin] key = AQDn0XJfAAAAABAAq7aJ4nU5ZlC0YsWgZ8x0Vw==')).toBe('[client.admin] key = REDACTED-06');
    expect(redact('cd /home/carol/src && make')).toBe('cd /home/user-02/src && make');
    expect(table.summary().secret).toEqual({ values: 6, replacements: 6 });
  });

  it('uses the same placeholder for the same value everywhere, and keeps subnets related', () => {
    const { redact } = fresh();
    const a = redact('from 10.1.2.3 and 10.1.2.255');
    const b = redact('reply to 10.1.2.3, gw 10.9.9.1');
    expect(a).toBe('from 10.255.1.3 and 10.255.1.255');
    expect(b).toBe('reply to 10.255.1.3, gw 10.255.2.1');
  });

  it('keeps what the analysis needs', () => {
    const { redact } = fresh();
    const kernel = [
      '[51717.039319] INFO: task kworker/2:1:5938 blocked for more than 120 seconds.',
      '[51717.039355]       Not tainted 4.15.0-72-generic #81-Ubuntu',
      '[51717.039500]  ? __schedule+0x24e/0x880',
      '[51717.039550]  _xfs_log_force_lsn+0x20e/0x350 [xfs]',
      '[51717.039600] RSP: 0018:ffffb1c2c3d4fd08 EFLAGS: 00010246',
      '[51717.039700] Workqueue: xfs-sync/rbd0 xfs_log_worker [xfs]',
      'Dec  5 17:12:39 kernel: rbd: rbd0: capacity 10737418240 features 0x1',
      '2024-05-03T12:34:56.123456+02:00 sda: sda1 sda2 md0: detected capacity change',
      'DHCPDISCOVER from 0.0.0.0 to 255.255.255.255 mask 255.255.255.0 lo 127.0.0.1 ::1 meta 169.254.169.254',
      'systemd[1]: Started getty@tty1.service and user@1000.service.',
      'link/ether 00:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff',
      'audit: type=1400 uid=0 auid=4294967295 ses=4294967295 comm="systemd" user=root',
    ];
    for (const line of kernel) expect(redact(line)).toBe(line);
  });

  it('learns host names from syslog host fields, dnsmasq leases and uname, and replaces them everywhere', () => {
    const table = createMappingTable();
    learnSelf(table, { hostname: 'db01.prod.example.lan' });
    const lines = [
      'Jun  5 12:00:01 backup01 kernel: nfs: server storage7 not responding',
      'Jun  5 12:00:02 cloud-ctl dnsmasq-dhcp[812]: DHCPACK(tap1234) 10.0.0.5 fa:16:3e:01:02:03 web-7',
      'Linux db01 5.4.0-100-generic #113-Ubuntu SMP x86_64 GNU/Linux',
    ];
    for (const l of lines) learnLine(l, table);
    const out = redactText(lines.join('\n') + '\nweb-7 and backup01 and db01 seen; vm.max_map_count stays', table);
    for (const secret of ['backup01', 'cloud-ctl', 'web-7', 'db01', 'prod.example.lan']) expect(out).not.toContain(secret);
    expect(out).toContain('vm.max_map_count');
    expect(out).toMatch(/^Jun {2}5 12:00:01 host-\d\d kernel: nfs/m);
    // one host, one placeholder, whichever file names it
    const db = /Linux (host-\d\d) 5\.4/.exec(out)?.[1];
    expect(out).toContain(`${db} seen`);
  });

  it('redacts PEM private keys spanning lines', () => {
    const { redact } = fresh();
    const out = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAx', 'abcd', '-----END RSA PRIVATE KEY-----'].map(redact);
    expect(out.join('\n')).not.toMatch(/MIIEow|abcd/);
  });

  it('leaves JSON valid', () => {
    const { redact } = fresh();
    const line = JSON.stringify({ MESSAGE: 'login user=dave from 192.0.2.9 password=x1', _HOSTNAME: 'db01', _MACHINE_ID: 'a'.repeat(32) });
    const out = redact(line);
    expect(() => JSON.parse(out)).not.toThrow();
    expect(out).not.toMatch(/dave|192\.0\.2\.9|x1"|aaaaaaaa/);
  });
});

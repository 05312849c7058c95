/**
 * What a series measures, from its name as the source printed it. Used for the unit shown in findings
 * and for deciding which series a chart should always carry.
 */
export function seriesUnit(name: string, source: string): string | undefined {
  if (name.startsWith('%')) return '%';
  if (/^kb/.test(name) || (source === 'meminfo' && name !== 'HugePages_Total')) return 'kB';
  if (name.endsWith('/s')) return '/s';
  if (/_ms$|^await$/.test(name)) return 'ms';
  return undefined;
}

/**
 * Series always charted even without a change point: the memory, I/O and network levels an engineer
 * looks at first (sar -r, -b, -n DEV, -u, -d, -q). Everything from CSV exports and snapshots is charted:
 * the user collected it on purpose.
 */
export const KEY_SERIES: ReadonlySet<string> = new Set([
  'kbmemfree', 'kbavail', 'kbcached', 'kbbuffers', 'kbdirty', '%memused',
  'tps', 'bread/s', 'bwrtn/s', 'rkB/s', 'wkB/s', 'await', '%util',
  'rxkB/s', 'txkB/s', 'rxpck/s', 'txpck/s',
  '%iowait', '%idle', '%steal', 'ldavg-1', 'runq-sz', 'blocked',
]);

/** Interfaces and devices whose series are not worth a chart by default (loopback, virtual). */
export const QUIET_DEVICES = /^(lo|ifb\d+|dummy\d+|loop\d+|ram\d+)$/;

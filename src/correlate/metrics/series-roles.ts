/**
 * What a metric series stands for, by the names sysstat, /proc/meminfo, free, vmstat and typical
 * application exports use. Correlation rules speak in roles so that `kbcached` (sar), `Cached`
 * (meminfo), `buff/cache` (free) and `cache` (vmstat) are one thing.
 */
export type SeriesRole = 'page-cache' | 'free-memory' | 'read-io' | 'io' | 'latency';

const ROLE_TABLE: ReadonlyArray<{ role: SeriesRole; names: RegExp }> = [
  { role: 'page-cache', names: /^(kbcached|Cached|buff\/cache|cache|cached|kbbuffers|Buffers)$/ },
  { role: 'free-memory', names: /^(kbmemfree|MemFree|free|kbavail|MemAvailable|available)$/ },
  // Reads: sar -b/-d/-B, vmstat bi, iostat r/s; major faults are reads from disk too.
  { role: 'read-io', names: /^(bread\/s|rtps|rkB\/s|r\/s|rd_sec\/s|pgpgin\/s|majflt\/s|bi)$/ },
  { role: 'io', names: /^(tps|%iowait|%util|aqu-sz|avgqu-sz|wa)$/ },
  // Application latency exports and disk service times.
  { role: 'latency', names: /(^|[_.-])p\d{2,3}([_.-]|$)|latency|_ms$|^await$|^r_await$|response_time/i },
];

export function seriesRole(name: string): SeriesRole | null {
  return ROLE_TABLE.find((r) => r.names.test(name))?.role ?? null;
}

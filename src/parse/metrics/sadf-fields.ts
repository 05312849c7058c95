/**
 * sadf -j names its fields without the units sar prints (`cached` vs `kbcached`, `bread` vs `bread/s`).
 * Every field is renamed to sar's column so that both forms of the same data give one series.
 * Checked against sysstat 12.6 (`sar -r -b -n DEV -u` next to `sadf -j -- -r -b -n DEV -u`).
 */
const KILOBYTE_FIELDS = [
  'memfree', 'avail', 'memused', 'buffers', 'cached', 'commit', 'anonpg', 'slab', 'kstack', 'pgtbl',
  'vmused', 'swpfree', 'swpused', 'swpcad', 'hugfree', 'hugused', 'hugrsvd', 'hugsurp',
] as const;

/** Fields printed per second by sar (`/s` suffix): I/O, network, paging, swapping, task creation. */
const RATE_FIELDS = [
  'bread', 'bwrtn', 'bdscd', 'rxpck', 'txpck', 'rxkB', 'txkB', 'rxcmp', 'txcmp', 'rxmcst', 'rxerr', 'txerr',
  'coll', 'rxdrop', 'txdrop', 'txcarr', 'rxfram', 'rxfifo', 'txfifo', 'pgpgin', 'pgpgout', 'fault', 'majflt',
  'pgfree', 'pgscank', 'pgscand', 'pgsteal', 'rkB', 'wkB', 'dkB', 'proc', 'cswch', 'pswpin', 'pswpout',
  'intr', 'rcvin', 'xmtin', 'framerr', 'prtyerr', 'brk', 'ovrun',
] as const;

/** Memory renames where sar's column is not `kb` + field (`sar -r` abbreviates these). */
const MEMORY_SPECIAL: Record<string, string> = {
  active: 'kbactive',
  inactive: 'kbinact',
  dirty: 'kbdirty',
};

const MEMORY_RENAMES: ReadonlyMap<string, string> = new Map<string, string>([
  ...KILOBYTE_FIELDS.map((f): [string, string] => [f, 'kb' + f]),
  ...Object.entries(MEMORY_SPECIAL),
]);
const RATES: ReadonlySet<string> = new Set(RATE_FIELDS);

/** Network activities whose fields are counts, not per-second rates (`sar -n SOCK`, `SOCK6`). */
const NETWORK_COUNTS: ReadonlySet<string> = new Set(['net-sock', 'net-sock6']);

/** Fields of array items that name the device, CPU, interface or interrupt of the item. */
export const SADF_DEVICE_FIELDS: ReadonlySet<string> = new Set([
  'cpu', 'iface', 'disk-device', 'intr', 'line', 'filesystem', 'fchost', 'number',
]);

/**
 * sar's column name for a sadf field, given the activity path it sits under (`['memory']`,
 * `['network', 'net-dev']`). Percentages (`memused-percent`) become `%memused`; in CPU tables every
 * field is a percentage (`user` → `%user`); network rates take `/s` (`rxpck` → `rxpck/s`).
 *
 * @example sarColumnName(['memory'], 'cached') // 'kbcached'
 */
export function sarColumnName(path: readonly string[], field: string): string {
  const activity = path[0] ?? '';
  if (activity.startsWith('cpu-load')) return '%' + field.replace(/-percent$/, '');
  if (field.endsWith('-percent')) {
    const base = field.slice(0, -'-percent'.length);
    return '%' + base;
  }
  if (activity === 'memory' || activity === 'hugepages') return MEMORY_RENAMES.get(field) ?? field;
  if (activity === 'network') return NETWORK_COUNTS.has(path[1] ?? '') ? field : field + '/s';
  return RATES.has(field) ? field + '/s' : field;
}

import { parseMetricNumber } from './numbers.js';

/**
 * Column names of sar reports whose values name a device, interface, CPU, interrupt or terminal rather
 * than measure something (`sar -n DEV` IFACE, `sar -d` DEV, `sar -P` CPU, `sar -I` INTR, `sar -y` TTY,
 * `sar -F` FILESYSTEM, `sar -m` DEVICE/BUS/TEMP/FAN, USB descriptors). Their cells go to
 * MetricRecord.device, joined with `/` when a report has several.
 */
export const SAR_LABEL_COLUMNS: ReadonlySet<string> = new Set([
  'IFACE', 'DEV', 'CPU', 'INTR', 'TTY', 'FILESYSTEM', 'DEVICE', 'BUS', 'TEMP', 'FAN', 'MHz-CPU',
  'idvendor', 'idprod', 'manufact', 'product',
]);

/** One table header of a sar report: the column names after the time. */
export interface SarLayout {
  /** Stable key of the report type (its column names), for per-report clocks and intervals. */
  key: string;
  columns: string[];
}

/**
 * sar's column vocabulary: every report has at least one name with a unit mark (`%user`, `bread/s`,
 * `kbcached`, `runq-sz`, `file-nr`) or an upper-case label (`IFACE`, `INTR`, `DEV`). A row of plain words
 * (`eth0 garbage`) is a damaged data row, not a header.
 */
const COLUMN_NAME = /[%/-]|^kb|^MB|^[A-Z]{2,}$/;

/** A header row is a time followed only by names (no number), and not the LINUX RESTART marker. */
export function readLayout(cells: readonly string[]): SarLayout | null {
  if (cells.length === 0) return null;
  if (cells.some((c) => parseMetricNumber(c) !== null)) return null;
  if (cells[0] === 'LINUX' && cells[1] === 'RESTART') return null;
  if (!cells.every((c) => /[A-Za-z%]/.test(c))) return null;
  if (!cells.some((c) => COLUMN_NAME.test(c))) return null;
  return { key: cells.join(' '), columns: [...cells] };
}

export interface SarRow {
  device: string | undefined;
  values: Record<string, number>;
}

/**
 * Splits the cells of a data row by the layout: label columns (and any cell that is not a number) form
 * the device, the others are values under their column name. Extra cells (a USB product name with
 * spaces) are joined into the last column. Null when the row does not fit the layout.
 */
export function readRow(layout: SarLayout, cells: readonly string[]): SarRow | null {
  const n = layout.columns.length;
  if (cells.length < n) return null;
  const fitted = cells.length === n ? cells : [...cells.slice(0, n - 1), cells.slice(n - 1).join(' ')];
  const labels: string[] = [];
  const values: Record<string, number> = {};
  let numeric = 0;
  for (let i = 0; i < n; i++) {
    const name = layout.columns[i];
    const cell = fitted[i];
    const value = SAR_LABEL_COLUMNS.has(name) ? null : parseMetricNumber(cell);
    if (value === null) labels.push(cell);
    else {
      values[name] = value;
      numeric++;
    }
  }
  if (numeric === 0) return null;
  return { device: labels.length ? labels.join('/') : undefined, values };
}

import type { Stamp } from './time.js';

/** Where a record came from: the file as the user named it and the 1-based line number. */
export interface Origin {
  readonly file: string;
  readonly line: number;
}

/** One log message after its format's prefixes (timestamp, host, program) were taken off. */
export interface LogRecord extends Origin {
  readonly kind: 'log';
  /** Host named by the line itself (syslog host field); the input's host applies when absent. */
  host?: string;
  /** `kernel` for kernel messages; the syslog tag or journald identifier otherwise. */
  program?: string;
  pid?: number;
  /** printk caller id without brackets (`T1234`, `C3`), when CONFIG_PRINTK_CALLER printed it. */
  callerId?: string;
  /** syslog/kmsg priority 0..7 when the source gives it. */
  level?: number;
  stamp: Stamp;
  message: string;
}

/** One row of a metrics table (sar, sadf, CSV, meminfo snapshot): several named values at one time. */
export interface MetricRecord extends Origin {
  readonly kind: 'metric';
  host?: string;
  stamp: Stamp;
  /** Length of the interval the values describe, ending at `stamp` (sar), when known. */
  intervalSeconds?: number;
  /** Per-device rows (`eth0`, `sda`, `all` CPU) keep the device apart from the column name. */
  device?: string;
  values: Record<string, number>;
  /** Which tool produced it: `sar`, `sadf`, `csv`, `meminfo`, `vmstat`, `free`. */
  source: string;
}

/** A fact about a host read from an input: kernel release, host name, boot time, loaded module, ... */
export interface FactRecord extends Origin {
  readonly kind: 'fact';
  host?: string;
  name: FactName;
  value: string;
}

export type FactName =
  | 'hostname'
  | 'kernel.release'
  | 'kernel.version'
  | 'kernel.tainted'
  | 'kernel.cmdline'
  | 'boot.time'
  | 'distro'
  | 'arch'
  | 'module'
  | 'hardware'
  | 'virtualised'
  | 'package'
  | 'timezone';

export type ParsedRecord = LogRecord | MetricRecord | FactRecord;

/** A problem with the input, reported to the user, never thrown. */
export interface Diagnostic {
  file: string;
  line?: number;
  severity: 'warning' | 'error';
  message: string;
}

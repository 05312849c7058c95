import type { Parser } from '../types.js';
import { journalJson } from './journal-json.js';
import { journal } from './journal.js';
import { kmsg } from './kmsg.js';
import { dmesg } from './dmesg.js';
import { syslog } from './syslog.js';
import { uname } from './uname.js';
import { systemInfo } from './system-info.js';
import { markdown } from './markdown.js';

/** Log formats, most specific first (sniffing breaks ties by this order). */
export const logParsers: Parser[] = [journalJson, journal, kmsg, dmesg, syslog, uname, systemInfo, markdown];

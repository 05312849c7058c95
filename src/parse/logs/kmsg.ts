import type { ParsedRecord } from '../../model/record.js';
import type { LineParser, ParseContext, Parser } from '../types.js';
import { logRecord, readTag, shareOf } from './common.js';
import { createBootCounter, kernelFacts } from './kernel-line.js';
import { kmsgSamples } from './kmsg.samples.js';

/**
 * `/dev/kmsg` records (`cat /dev/kmsg`, `journalctl`-less collectors): `PRI,SEQ,USEC,FLAGS[,caller=T1];msg`
 * where USEC is microseconds of uptime and PRI is facility·8 + level (Documentation/ABI/testing/dev-kmsg).
 * Lines starting with a space carry the record's `KEY=value` dictionary (SUBSYSTEM=, DEVICE=): understood,
 * nothing to emit. Messages written from user space (facility ≠ 0) keep their own syslog tag.
 */
const KMSG_RE = /^(\d{1,4}),(\d+),(\d+),([^;,]*)((?:,[^;,]*)*);/;

export function createKmsgParser(ctx: ParseContext): LineParser {
  const boots = createBootCounter();
  return {
    parse(line, lineNo): ParsedRecord[] | null {
      const c = line.charCodeAt(0);
      if (line.length === 0 || c === 32 /* dictionary line */) return [];
      if (c < 48 || c > 57) return null;
      const m = KMSG_RE.exec(line);
      if (!m) return null;
      const pri = Number(m[1]);
      const uptime = Number(m[3]) / 1e6;
      const message = line.slice(m[0].length);
      const caller = /,caller=([TC]\d+)/.exec(m[5]);
      const stamp = { uptime, boot: boots.observe(uptime, message) };
      const facility = pri >> 3;
      if (facility !== 0) {
        const tag = readTag(message, 0);
        return [
          logRecord(ctx, lineNo, stamp, message.slice(tag.messageStart), {
            ...(tag.program ? { program: tag.program } : {}),
            ...(tag.pid !== undefined ? { pid: tag.pid } : {}),
            level: pri & 7,
          }),
        ];
      }
      const rec = logRecord(ctx, lineNo, stamp, message, {
        program: 'kernel',
        level: pri & 7,
        ...(caller ? { callerId: caller[1] } : {}),
      });
      const facts = kernelFacts(message, ctx.file, lineNo);
      return facts ? [rec, ...facts] : [rec];
    },
  };
}

export const kmsg: Parser = {
  name: 'kmsg',
  sniff(head, fileName) {
    const share = shareOf(head, (l) => KMSG_RE.test(l) || (l.charCodeAt(0) === 32 && /^ [A-Z_]+=/.test(l)));
    const records = shareOf(head, (l) => KMSG_RE.test(l));
    if (records === 0) return 0;
    return Math.min(0.95, share * 0.9 + (/kmsg/.test(fileName) ? 0.05 : 0));
  },
  create: createKmsgParser,
  samples: kmsgSamples,
};

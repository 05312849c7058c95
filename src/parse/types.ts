import type { ParsedRecord } from '../model/record.js';

/** What a parser knows about the input it reads, beyond its lines. */
export interface ParseContext {
  file: string;
  /** Host from the folder layout, used when the lines do not name one. */
  host: string | null;
  /** Year for year-less timestamps (syslog, sar without date): `--year`, else the file's mtime year. */
  year: number;
  /** True when `year` came from the file's mtime rather than the user. */
  yearGuessed: boolean;
  /** File modification time (epoch ms), for Dec→Jan rollover decisions. */
  mtimeMs: number | null;
  /** IANA zone for inputs without an offset (`--tz`, or a per-host override). */
  timeZone: string;
  /** True when the zone was not given by the user (UTC by default). */
  timeZoneGuessed: boolean;
}

/**
 * A stateful line parser for one input. `parse` returns the records of one line, `[]` for a line that is
 * understood but carries nothing (a header, a blank), or `null` for a line it could not parse (counted
 * and reported as unparsed). `end` flushes what is still buffered.
 */
export interface LineParser {
  parse(line: string, lineNo: number): ParsedRecord[] | null;
  end?(): ParsedRecord[];
}

/** Example input with what parsing it must give; every parser's samples run in one contract test. */
export interface ParserSample {
  name: string;
  input: string;
  /** Checks on the records parsed from `input` (partial match on the listed records, in order). */
  expect: Array<Record<string, unknown>>;
  context?: Partial<ParseContext>;
  /** How many lines of `input` must come back unparsed (null), when the sample checks malformed lines. */
  unparsed?: number;
}

export interface Parser {
  /** Format name, also the file name of the module (`dmesg`, `syslog`, `journal-json`, ...). */
  readonly name: string;
  /**
   * How sure the parser is that these first lines of a file are its format, 0..1. Sniffing takes the
   * best score; below 0.2 the file is "unrecognised".
   */
  sniff(head: readonly string[], fileName: string): number;
  create(ctx: ParseContext): LineParser;
  readonly samples: readonly ParserSample[];
}

import type { Parser } from './types.js';
import { logParsers } from './logs/index.js';
import { metricParsers } from './metrics/index.js';

/** Every input format, in tie-breaking order. */
export const parsers: readonly Parser[] = [...logParsers, ...metricParsers];

/** Below this score a file is "unrecognised" and skipped with a warning. */
export const MIN_SNIFF_SCORE = 0.2;

/**
 * Picks the format of a file from its first lines and its name: the best score wins, the earlier parser
 * on a tie. Returns null when no parser is confident enough.
 *
 * @example sniffFormat(['[    0.000000] Linux version 4.15.0'], 'dmesg.txt')?.parser.name // 'dmesg'
 */
export function sniffFormat(head: readonly string[], fileName: string): { parser: Parser; score: number } | null {
  let best: { parser: Parser; score: number } | null = null;
  for (const parser of parsers) {
    let score = 0;
    try {
      score = parser.sniff(head, fileName);
    } catch {
      score = 0; // a sniffer must never take the analysis down
    }
    if (score > (best?.score ?? 0)) best = { parser, score };
  }
  return best && best.score >= MIN_SNIFF_SCORE ? best : null;
}

export type { Parser, LineParser, ParseContext, ParserSample } from './types.js';

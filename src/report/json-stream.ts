/**
 * `JSON.stringify(value, null, 2)` in pieces. A report of a few hundred hosts is tens of MB of JSON:
 * one string of it (plus the stringifier's working copy and the buffer `write` makes of it) was the peak
 * memory of a whole analysis. Here the outer `depth` levels are walked and every value below them is
 * stringified on its own and indented to its place, so the text is byte for byte that of `JSON.stringify`
 * while the largest string held at once is one finding or one series.
 */
export function* jsonChunks(value: unknown, depth = 2): Generator<string> {
  yield* walk(resolve(value, ''), '', depth);
}

/** What JSON.stringify serialises for a member: the result of its toJSON, when it has one. */
function resolve(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(k: string): unknown }).toJSON(key) : v;
}

/** Members JSON.stringify leaves out of objects (and writes as null in arrays). */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function* walk(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth <= 0 || value === null || typeof value !== 'object') {
    const text = JSON.stringify(value, null, 2) as string | undefined;
    // Newlines in JSON text are structural only (those inside strings are escaped).
    yield text === undefined ? 'null' : indent ? text.replaceAll('\n', `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i > 0 ? ',' : '['}\n${inner}`;
      const v = resolve(value[i], String(i));
      if (skipped(v)) yield 'null';
      else yield* walk(v, inner, depth - 1);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const k of Object.keys(value)) {
    const v = resolve((value as Record<string, unknown>)[k], k);
    if (skipped(v)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* walk(v, inner, depth - 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

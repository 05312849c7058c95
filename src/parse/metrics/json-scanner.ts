/**
 * A small incremental JSON scanner: it follows nesting (objects, arrays, strings) character by
 * character across lines and hands over the complete text of every element of one chosen array, so a
 * large document (a month of `sadf -j`) is never held whole. The caller parses each element with
 * JSON.parse.
 */
export interface JsonElementScanner {
  /** Feeds one line; calls `onElement(text, startLine)` for each element of the target array completed. */
  feed(line: string, lineNo: number): void;
  /** Scalar members (`"nodename": "db01"`) seen directly in objects outside the target array, by key. */
  readonly scalars: Map<string, string | number>;
  /** True when an element grew over the cap and was dropped. */
  overflowed: boolean;
}

interface Frame {
  type: '{' | '[';
  key: string | null;
}

export function createJsonElementScanner(
  arrayKey: string,
  onElement: (text: string, startLine: number) => void,
  maxElementChars: number,
): JsonElementScanner {
  const stack: Frame[] = [];
  let inString = false;
  let escaped = false;
  let token = '';
  let pendingKey: string | null = null;
  let scalar = '';
  let captureDepth = -1;
  let capture: string[] = [];
  let captureSize = 0;
  let captureLine = 0;
  const scalars = new Map<string, string | number>();
  const scanner: JsonElementScanner = { feed, scalars, overflowed: false };

  const closeScalar = () => {
    const text = scalar.trim();
    if (pendingKey !== null && captureDepth < 0 && text !== '') {
      const n = Number(text);
      scalars.set(pendingKey, Number.isFinite(n) ? n : text);
    }
    scalar = '';
  };

  function feed(line: string, lineNo: number): void {
    let segmentStart = captureDepth >= 0 ? 0 : -1;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          // A string after `key:` is that key's value; any other string is a key.
          if (pendingKey !== null && captureDepth < 0) {
            scalars.set(pendingKey, token);
            pendingKey = null;
          }
        } else if (captureDepth < 0 && token.length < 4096) token += c;
        continue;
      }
      if (c === '"') {
        inString = true;
        token = '';
        continue;
      }
      if (c === ':') {
        pendingKey = token;
        scalar = '';
        continue;
      }
      if (c === '{' || c === '[') {
        const parent = stack[stack.length - 1];
        const startsElement = captureDepth < 0 && c === '{' && parent?.type === '[' && parent.key === arrayKey;
        stack.push({ type: c, key: pendingKey });
        pendingKey = null;
        if (startsElement) {
          captureDepth = stack.length;
          capture = [];
          captureSize = 0;
          captureLine = lineNo;
          segmentStart = i;
        }
        continue;
      }
      if (c === '}' || c === ']') {
        if (pendingKey !== null) closeScalar();
        const depth = stack.length;
        stack.pop();
        if (captureDepth >= 0 && depth === captureDepth) {
          capture.push(line.slice(segmentStart, i + 1));
          captureSize += i + 1 - segmentStart;
          if (captureSize <= maxElementChars) onElement(capture.join('\n'), captureLine);
          else scanner.overflowed = true;
          captureDepth = -1;
          capture = [];
          segmentStart = -1;
        }
        pendingKey = null;
        continue;
      }
      if (c === ',') {
        if (pendingKey !== null) closeScalar();
        pendingKey = null;
        continue;
      }
      if (pendingKey !== null && captureDepth < 0 && scalar.length < 64) scalar += c;
    }
    if (captureDepth >= 0 && segmentStart >= 0) {
      const piece = line.slice(segmentStart);
      captureSize += piece.length + 1;
      if (captureSize <= maxElementChars) capture.push(piece);
      else scanner.overflowed = true;
    }
  }
  return scanner;
}

/**
 * Word wrapping for the terminal summary. Widths count code points (log text is mostly ASCII; wide
 * CJK characters would only make a line wrap a little late, never break the layout).
 */
export function wrap(text: string, width: number, indent = '', firstIndent = indent): string[] {
  const room = Math.max(20, width);
  const lines: string[] = [];
  let line = firstIndent;
  let lineHasWord = false;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = lineHasWord ? `${line} ${word}` : `${line}${word}`;
    if (lineHasWord && [...candidate].length > room) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = candidate;
    }
    lineHasWord = true;
  }
  if (lineHasWord || lines.length === 0) lines.push(line);
  return lines;
}

/** Cuts a string to `max` code points with an ellipsis. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

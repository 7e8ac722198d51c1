// Line breaks as VS Code (and remark) read them: "\r\n", "\n", and a lone "\r" (old Mac files, or a text converted
// twice, "\r\r\n" = a lone CR then a CRLF). One place for every module that walks lines or writes new ones.

/** Returns the file's line ending: the first line break found ("\r\n", "\n" or a lone "\r"), else "\n". */
export function detectEol(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return '\n';
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return '\n';
}

/** Returns true when the character at `i` ends a line: "\n", or a "\r" not followed by "\n". */
export function isLineBreakAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

/** Returns the offset just after the line that contains `offset` (after its line break), or the text's end. */
export function nextLineStart(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) if (isLineBreakAt(text, i)) return i + 1;
  return text.length;
}

/** Returns the offset where the line containing `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) if (isLineBreakAt(text, i)) return i + 1;
  return 0;
}

/** Returns true when `offset` starts a line (the text's start, or just after a line break). */
export function isLineStart(text: string, offset: number): boolean {
  return offset === 0 || isLineBreakAt(text, offset - 1);
}

/** Returns a line without its trailing line break ("\r\n", "\n" or "\r"). */
export function stripEol(line: string): string {
  if (line.endsWith('\r\n')) return line.slice(0, -2);
  if (line.endsWith('\n') || line.endsWith('\r')) return line.slice(0, -1);
  return line;
}

/**
 * Returns the text with every lone "\r" turned into "\n": the same length and offsets, for parsers that know only
 * "\n" and "\r\n" as line breaks (the `yaml` package). The text itself is never rewritten on disk.
 */
export function normalizeLoneCr(text: string): string {
  if (text.indexOf('\r') === -1) return text;
  let out = '';
  let from = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) continue;
    out += text.slice(from, i) + '\n';
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

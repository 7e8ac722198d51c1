// Code spans in a line of Markdown: what a rule that reads words (placeholders, vague words) must not read.

/**
 * Returns the text with every `code span` (a backtick to the next one) blanked out with spaces of the same length,
 * so offsets into the result are offsets into the text. Why a scan and not /`[^`]*`/g: a global pattern that finds no
 * closing backtick restarts at the next one and scans to the end again (quadratic); here, once a closer is missing,
 * no later opener can have one either.
 */
export function blankCodeSpans(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('`', from);
    const close = open === -1 ? -1 : text.indexOf('`', open + 1);
    if (close === -1) return out + text.slice(from);
    out += text.slice(from, open) + ' '.repeat(close + 1 - open);
    from = close + 1;
  }
}

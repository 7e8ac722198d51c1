import { position, type Position, type Range } from './range';

/** Converts between string offsets and line/character positions of one text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    // A lone "\r" is a line break too (as in VS Code and remark): rare, so looked for only when the text has one.
    if (text.indexOf('\r') !== -1 && hasLoneCr(text)) {
      const all = [0];
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) all.push(k + 1);
      }
      this.starts = all;
      return;
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Returns the offset where `line` starts (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line];
  }

  /** Returns the offset of the end of `line`, before its '\r\n', '\n' or lone '\r'. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const brk = this.starts[line + 1] - 1; // the "\n" or the lone "\r"
    return this.text.charCodeAt(brk) === 10 && brk > this.lineStart(line) && this.text.charCodeAt(brk - 1) === 13 ? brk - 1 : brk;
  }

  /** Returns the position of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a line break ("\r|\n") is the end of its line: a position never points into a line break.
    return position(lo, Math.min(o, this.lineEnd(lo)) - this.starts[lo]);
  }

  /** Returns the offset of a position (clamped to the text and to its line). */
  offsetAt(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(p.line);
    const lineEnd = p.line + 1 < this.starts.length ? this.starts[p.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + p.character, lineEnd));
  }

  /** Returns the range between two offsets. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

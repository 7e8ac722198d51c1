// Why this file is a little over 400 lines: it is one state machine (containers, then the open leaf block),
// and splitting the per-line steps from the state they share would make each half harder to read.
import type { LineIndex } from '../model/lineIndex';
import type { BodyOutline, OutlineHeading, OutlineParagraph } from './bodyOutline';
import {
  HTML_BASIC,
  HTML_CDATA,
  HTML_COMPLETE,
  Unsure,
  atxLevel,
  atxText,
  checkboxAt,
  delimiterCells,
  fenceOpen,
  headCells,
  htmlEnds,
  htmlStart,
  isBlank,
  isFenceClose,
  isThematicBreak,
  listMarkerAt,
  setextLevel,
  skipIndent,
} from './markdownLine';
import type { Checkbox, ListMarker } from './markdownLine';

// The open leaf block of the innermost container.
const NONE = 0;
const PARA = 1;
const FENCE = 2;
const HTML = 3;
const CODE = 4;
const TABLE = 5;

/** An open container: a block quote, or a list with its current item. */
interface Frame {
  readonly quote: boolean;
  readonly ordered: boolean;
  /** The bullet, or the ordered list's delimiter: a sibling item must use the same. */
  readonly marker: number;
  /** Indentation continuation lines of the current item need. */
  size: number;
  initialBlank: boolean;
  furtherBlank: boolean;
  item: MutableItem | undefined;
  /** Last line with content in this container; handed to the parent when it closes. */
  last: number;
}

interface MutableItem {
  line: number;
  column: number;
  depth: number;
  lastLine: number;
  checked?: boolean;
}

/** Returns the outline of the body (headings, list items, top-level paragraphs), or confident: false where remark must decide. */
export function scanMarkdown(lines: LineIndex, startLine: number): BodyOutline {
  const scan = new BlockScan(lines);
  // The last line before which nothing was open: what comes before it is final whatever follows.
  let clean = startLine;
  try {
    // A lone "\r" is a line break for LineIndex and for remark alike: the scanner reads such lines like any other.
    for (let i = startLine; i < lines.lineCount; i++) {
      if (scan.isClean()) clean = i;
      scan.current = i;
      scan.line(i);
    }
    scan.finish();
    return { confident: true, headings: scan.headings, items: scan.items, paragraphs: scan.paragraphs };
  } catch (e) {
    if (!(e instanceof Unsure)) throw e;
    return {
      confident: false,
      reason: `${e.reason} (line ${scan.current + 1})`,
      unsureLine: scan.current,
      unreadFrom: clean,
      headings: scan.headings.filter((h) => h.startLine < clean),
      items: scan.items.filter((it) => it.line < clean),
      paragraphs: scan.paragraphs.filter((p) => p.startLine < clean),
    };
  }
}

/** The block structure of one body, read line by line the way micromark does (CommonMark + GFM tables and task items). */
class BlockScan {
  readonly headings: OutlineHeading[] = [];
  readonly items: MutableItem[] = [];
  readonly paragraphs: OutlineParagraph[] = [];
  current = 0;
  private readonly t: string;
  private readonly open: Frame[] = [];
  private leaf = NONE;
  // The open paragraph: its lines, where its last line's content starts, and how that line was reached.
  private paraStart = 0;
  private paraLast = 0;
  private paraLastStart = 0;
  private paraLastIndented = false;
  /** The paragraph's first line cannot be the head row of a table (see `line`), and `headless` says so while it starts. */
  private paraHeadless = false;
  private headless = false;
  private paraDepth = 0;
  /** A checkbox that opened the first paragraph of an item, settled when the paragraph closes. */
  private paraBox: { readonly item: MutableItem; readonly box: Checkbox } | undefined;
  /** The item whose first block has not started yet (a task checkbox may only open that block). */
  private pending: MutableItem | undefined;
  private fenceChar = 0;
  private fenceLen = 0;
  private htmlKind = 0;

  constructor(private readonly lines: LineIndex) {
    // A byte order mark reads as a space, as it does for remark (remarkBody.ts does the same), so columns stay put.
    this.t = lines.text.charCodeAt(0) === 0xfeff ? ' ' + lines.text.slice(1) : lines.text;
  }

  /** Reads one line: continues or closes the open containers, opens new ones, then feeds the rest to the leaf block. */
  line(i: number): void {
    const t = this.t;
    const open = this.open;
    const le = this.lines.lineEnd(i);
    let p = this.lines.lineStart(i);
    let matched = 0;
    let fresh = false;

    while (matched < open.length) {
      const f = open[matched];
      if (isBlank(t, p, le)) {
        if (f.quote) break;
        f.furtherBlank = f.furtherBlank || f.initialBlank;
        matched++;
        continue;
      }
      if (f.quote) {
        const q = skipIndent(t, p, le, 3);
        if (t.charCodeAt(q) !== 62) break;
        p = this.afterQuoteMarker(q, le);
        matched++;
        continue;
      }
      const further = f.furtherBlank;
      f.furtherBlank = f.initialBlank = false;
      if (!further) {
        let n = 0;
        while (n < f.size && t.charCodeAt(p + n) === 32) n++;
        if (n === f.size) {
          p += n;
          matched++;
          continue;
        }
        if (t.charCodeAt(p + n) === 9) throw new Unsure('a tab in indentation');
      }
      // Not in the current item: the next item of the same list, or the end of the list.
      const m = listMarkerAt(t, p, le, false, f);
      if (m) {
        this.closeLeaf();
        this.exitTo(matched + 1);
        this.startItem(f, m, i);
        p = m.contentStart;
        matched++;
        fresh = true;
      }
      break;
    }

    const all = matched === open.length;
    // Inside a fence or an HTML block no container can start; a paragraph or indented code restricts list starts.
    let interrupt = false;
    if (all && !fresh) {
      if (this.leaf === FENCE) return this.fenceLine(i, p, le);
      if (this.leaf === HTML) return this.htmlLine(i, p, le);
      interrupt = this.leaf === PARA || this.leaf === CODE;
    }

    let opened = false;
    while (!isBlank(t, p, le)) {
      const q = skipIndent(t, p, le, 3);
      const c = t.charCodeAt(q);
      if (c === 91 && t.charCodeAt(q + 1) === 94 && /^\[\^[^\]]*\]:/.test(t.slice(q, le))) throw new Unsure('a footnote definition');
      const m = c === 62 ? undefined : listMarkerAt(t, p, le, interrupt);
      if (c !== 62 && !m) break;
      if (!opened) {
        opened = true;
        this.closeLeaf();
        this.exitTo(matched);
      }
      if (m) {
        const f: Frame = { quote: false, ordered: m.ordered, marker: m.marker, size: 0, initialBlank: false, furtherBlank: false, item: undefined, last: i };
        open.push(f);
        this.startItem(f, m, i);
        p = m.contentStart;
      } else {
        open.push({ quote: true, ordered: false, marker: 0, size: 0, initialBlank: false, furtherBlank: false, item: undefined, last: i });
        this.pending = undefined;
        p = this.afterQuoteMarker(q, le);
      }
    }

    let lazy = false;
    if (!all && !opened) {
      // A line that continues the open paragraph of a container it did not continue (a lazy line).
      if (this.leaf === PARA && !isBlank(t, p, le) && this.continuesLazily(p, le)) {
        let q = p;
        while (t.charCodeAt(q) === 32) q++;
        this.continuePara(i, q, q - p >= 4);
        this.mark(i, open.length);
        return;
      }
      // On a lazy line right after a table row, micromark tries a body row (refused: lazy), never a new head row.
      this.headless = this.leaf === TABLE;
      this.closeLeaf();
      this.exitTo(matched);
      lazy = true;
    }
    this.flow(i, p, le, lazy);
    this.headless = false;
  }

  /** Returns true when no container and no leaf block is open: the next line starts afresh. */
  isClean(): boolean {
    return this.open.length === 0 && this.leaf === NONE;
  }

  /** Ends the document: closes the open leaf and every container. */
  finish(): void {
    this.closeLeaf();
    this.exitTo(0);
  }

  /** Reads the rest of a line at the innermost container: it continues or closes the leaf block, or starts a new one. */
  private flow(i: number, p: number, le: number, lazy: boolean): void {
    const t = this.t;
    if (isBlank(t, p, le)) {
      if (this.leaf === PARA || this.leaf === TABLE) this.closeLeaf();
      return;
    }
    this.mark(i, this.open.length);
    let q = p;
    while (t.charCodeAt(q) === 32) q++;
    if (t.charCodeAt(q) === 9) throw new Unsure('a tab in indentation');
    if (q - p >= 4) {
      if (this.leaf === PARA) return this.continuePara(i, q, true);
      // Indented code started on a lazy line ends with that line (micromark checks the line it is on before going on).
      if (this.leaf !== CODE) this.startBlock(lazy ? NONE : CODE);
      return;
    }
    if (this.leaf === CODE) this.leaf = NONE;
    const c = t.charCodeAt(q);
    if (this.leaf === PARA) {
      const level = c === 61 || c === 45 ? setextLevel(t, q, le) : 0;
      if (level) return this.setext(i, level);
      if ((c === 124 || c === 45 || c === 58) && !this.paraLastIndented) {
        const cells = delimiterCells(t, q, le);
        const head = this.paraHeadless && this.paraLast === this.paraStart ? 0 : headCells(t, this.paraLastStart, this.lines.lineEnd(this.paraLast));
        if (cells > 0 && cells === head) return this.tableFromPara();
      }
    }
    if (c === 35) {
      const level = atxLevel(t, q, le);
      if (level) {
        this.startBlock(NONE);
        if (this.open.length === 0) this.headings.push({ depth: level, startLine: i, endLine: i, text: atxText(t, q, le, level) });
        return;
      }
    } else if (c === 96 || c === 126) {
      const len = fenceOpen(t, q, le);
      if (len) {
        this.startBlock(FENCE);
        this.fenceChar = c;
        this.fenceLen = len;
        return;
      }
    } else if (c === 60) {
      const html = htmlStart(t, q, le);
      if (html.kind === HTML_CDATA) throw new Unsure('a CDATA block');
      // A lone complete tag cannot interrupt a paragraph (the line goes on with it); elsewhere it starts an HTML block.
      if (html.kind && (html.kind !== HTML_COMPLETE || this.leaf !== PARA)) {
        this.startBlock(HTML);
        this.htmlKind = html.kind;
        if (html.kind < HTML_BASIC && htmlEnds(html.kind, t, html.from, le, true)) this.leaf = NONE;
        return;
      }
    } else if ((c === 42 || c === 45 || c === 95) && isThematicBreak(t, q, le)) {
      this.startBlock(NONE);
      return;
    }
    if (this.leaf === PARA) return this.continuePara(i, q, false);
    // Any other line right after a table row is the next row.
    if (this.leaf === TABLE) return;
    this.startPara(i, q, q === p);
  }

  /** Reads a line inside a fenced code block: content, or the closing fence. */
  private fenceLine(i: number, p: number, le: number): void {
    if (isBlank(this.t, p, le)) return;
    this.mark(i, this.open.length);
    let q = p;
    while (q - p < 3 && this.t.charCodeAt(q) === 32) q++;
    if (this.t.charCodeAt(q) === 9) {
      let r = q;
      while (r < le && (this.t.charCodeAt(r) === 9 || this.t.charCodeAt(r) === 32)) r++;
      if (isFenceClose(this.t, r, le, this.fenceChar, this.fenceLen)) throw new Unsure('a tab before a closing fence');
      return;
    }
    if (isFenceClose(this.t, q, le, this.fenceChar, this.fenceLen)) this.leaf = NONE;
  }

  /** Reads a line inside an HTML block: kinds 1-5 end at their closing marker, 6 and 7 at a blank line. */
  private htmlLine(i: number, p: number, le: number): void {
    if (isBlank(this.t, p, le)) {
      if (this.htmlKind >= HTML_BASIC) this.leaf = NONE;
      return;
    }
    this.mark(i, this.open.length);
    if (this.htmlKind < HTML_BASIC && htmlEnds(this.htmlKind, this.t, p, le, false)) this.leaf = NONE;
  }

  /** Returns true when a lazy line (one that left a container) goes on with the open paragraph rather than starting a block. */
  private continuesLazily(p: number, le: number): boolean {
    const t = this.t;
    let q = p;
    while (t.charCodeAt(q) === 32) q++;
    if (t.charCodeAt(q) === 9) throw new Unsure('a tab in indentation');
    if (q - p >= 4) return true;
    const c = t.charCodeAt(q);
    if (c === 35) return atxLevel(t, q, le) === 0;
    if (c === 96 || c === 126) return fenceOpen(t, q, le) === 0;
    if (c === 60) {
      const kind = htmlStart(t, q, le).kind;
      if (kind === HTML_CDATA) throw new Unsure('a CDATA block');
      // micromark lets a lone complete tag interrupt a paragraph on a lazy line, and then keeps it in the
      // container or not depending on what came before (indentation, a closing tag, an earlier blank line).
      if (kind === HTML_COMPLETE) throw new Unsure('a lone HTML tag on a lazy line');
      return kind === 0;
    }
    return !((c === 42 || c === 45 || c === 95) && isThematicBreak(t, q, le));
  }

  private afterQuoteMarker(q: number, le: number): number {
    const c = this.t.charCodeAt(q + 1);
    if (c === 9 && q + 1 < le) throw new Unsure('a tab after a block quote marker');
    return c === 32 && q + 1 < le ? q + 2 : q + 1;
  }

  private startItem(f: Frame, m: ListMarker, i: number): void {
    if (f.item) f.item.lastLine = Math.max(f.item.lastLine, f.last);
    const item: MutableItem = { line: i, column: m.markerStart - this.lines.lineStart(i), depth: this.open.indexOf(f), lastLine: i };
    this.items.push(item);
    f.item = item;
    f.size = m.size;
    f.initialBlank = m.blank;
    f.furtherBlank = false;
    f.last = i;
    // micromark looks for a task checkbox only where the item's content starts with nothing before it: on the marker's
    // line, or on the next line for a marker that ends its line (trailing whitespace there rules it out).
    this.pending = m.blank && m.markerEnd < this.lines.lineEnd(i) ? undefined : item;
  }

  private startBlock(leaf: number): void {
    this.closeLeaf();
    this.leaf = leaf;
    this.pending = undefined;
  }

  private startPara(i: number, q: number, flush: boolean): void {
    const t = this.t;
    const le = this.lines.lineEnd(i);
    if (t.charCodeAt(q) === 91 && /^\[(?:[^\]]*$|(?:[^\]\\]|\\.)*\]:)/.test(t.slice(q, le))) throw new Unsure('a link reference definition');
    this.leaf = PARA;
    this.paraHeadless = this.headless;
    this.paraStart = i;
    this.paraDepth = this.open.length;
    this.continuePara(i, q, false);
    const inner = this.open[this.open.length - 1];
    const box = flush && this.pending !== undefined && inner?.item === this.pending ? checkboxAt(t, q, le) : undefined;
    this.paraBox = box ? { item: this.pending!, box } : undefined;
    this.pending = undefined;
  }

  private continuePara(i: number, q: number, indented: boolean): void {
    this.paraLast = i;
    this.paraLastStart = q;
    this.paraLastIndented = indented;
  }

  /** Turns the open paragraph into a setext heading (reported when it is at the top level). */
  private setext(i: number, level: number): void {
    if (this.paraDepth === 0) {
      const text = this.t.slice(this.lines.lineStart(this.paraStart), this.lines.lineEnd(this.paraLast)).trim();
      this.headings.push({ depth: level, startLine: this.paraStart, endLine: i, text });
    }
    // A heading is not a paragraph: a checkbox at its start is no task checkbox.
    this.paraBox = undefined;
    this.leaf = NONE;
  }

  /** Turns the open paragraph's last line into the head row of a table; the lines before it stay a paragraph. */
  private tableFromPara(): void {
    if (this.paraLast === this.paraStart) {
      this.paraBox = undefined;
    } else {
      this.paraLast--;
      this.closeLeaf();
    }
    this.leaf = TABLE;
  }

  private closeLeaf(): void {
    if (this.leaf === PARA) {
      const box = this.paraBox;
      if (box && (!box.box.needsMore || this.paraLast > this.paraStart)) box.item.checked = box.box.checked;
      this.paraBox = undefined;
      if (this.paraDepth === 0) this.paragraphs.push({ startLine: this.paraStart, endLine: this.paraLast });
    }
    this.leaf = NONE;
  }

  /** Closes the containers deeper than `depth`, handing each one's last content line to its parent. */
  private exitTo(depth: number): void {
    const open = this.open;
    while (open.length > depth) {
      const f = open.pop()!;
      if (f.item) f.item.lastLine = Math.max(f.item.lastLine, f.last);
      const parent = open[open.length - 1];
      if (parent && f.last > parent.last) parent.last = f.last;
    }
  }

  /** Records that line i has content (not only container markers) in the `depth` outermost containers; a container's first line always counts. */
  private mark(i: number, depth: number): void {
    if (depth > 0) this.open[depth - 1].last = i;
  }
}

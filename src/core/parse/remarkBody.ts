import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { LineIndex } from '../model/lineIndex';
import type { BodyOutline, OutlineHeading, OutlineItem, OutlineParagraph } from './bodyOutline';

interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset?: number;
}

interface MdNode {
  readonly type: string;
  readonly depth?: number;
  readonly checked?: boolean | null;
  readonly value?: string;
  readonly children?: readonly MdNode[];
  readonly position?: { readonly start: Point; readonly end: Point };
}

// Why one shared processor: building it (and its micromark extensions) costs more than parsing a small story.
// Only the body is parsed (the front matter is ours: `---js`, a `...` closer and unclosed blocks are not remark-frontmatter's business),
// so remark-frontmatter is not needed here; positions are shifted back by the body's first line.
const processor = unified().use(remarkParse).use(remarkGfm);

const CONTAINERS = new Set(['listItem', 'blockquote', 'footnoteDefinition']);

/** Returns the outline of the body as remark (the reference for what the Markdown means) reads it. */
export function outlineWithRemark(lines: LineIndex, startLine: number): BodyOutline {
  const offset = lines.lineStart(startLine);
  // Keep every column where it is: a BOM becomes a space. A lone CR is a line break for remark and LineIndex alike.
  let body = lines.text.slice(offset);
  if (offset === 0 && body.charCodeAt(0) === 0xfeff) body = ' ' + body.slice(1);
  const tree = processor.parse(body) as unknown as MdNode;
  const headings: OutlineHeading[] = [];
  const items: OutlineItem[] = [];
  const paragraphs: OutlineParagraph[] = [];
  const lineOf = (p: Point): number => p.line - 1 + startLine;
  const blank = (line: number): boolean => lines.text.slice(lines.lineStart(line), lines.lineEnd(line)).trim() === '';

  // The last line of a node that holds some of its content (a container's first line counts, its marker-only lines do not).
  // remark's end points are not used for containers (they run into the next line when a container closes another), nor
  // for a fence or an HTML block left open (those end after their trailing blank lines); those are counted from the value.
  const lastContentLine = (node: MdNode): number => {
    const pos = node.position!;
    const start = lineOf(pos.start);
    if (node.type === 'list' || CONTAINERS.has(node.type)) {
      let last = start;
      for (const child of node.children ?? []) if (child.position) last = Math.max(last, lastContentLine(child));
      return last;
    }
    if (node.type === 'html' || (node.type === 'code' && isOpenFence(node))) {
      const value = node.value ?? '';
      return value.trim() === '' ? start : start + (node.type === 'code' ? 1 : 0) + value.trimEnd().split(/\r\n|\n|\r/).length - 1;
    }
    let end = pos.end.column === 1 ? lineOf(pos.end) - 1 : lineOf(pos.end);
    while (end > start && blank(end)) end--;
    return Math.max(end, start);
  };

  const isOpenFence = (node: MdNode): boolean => {
    const pos = node.position!;
    const at = pos.start.offset ?? 0;
    const ch = body[at];
    if (ch !== '`' && ch !== '~') return false;
    let len = 0;
    while (body[at + len] === ch) len++;
    if (pos.end.line === pos.start.line) return true;
    const endLine = lineOf(pos.end);
    const closing = lines.text.slice(lines.lineStart(endLine), lines.lineEnd(endLine)).replace(/^[\s>]*/, '');
    const m = /^(`+|~+)\s*$/.exec(closing);
    return !(pos.end.column > 1 && m && m[1][0] === ch && m[1].length >= len);
  };

  const visit = (node: MdNode, depth: number, atRoot: boolean): void => {
    const pos = node.position;
    if (pos) {
      if (node.type === 'heading' && atRoot) {
        const kids = node.children ?? [];
        const first = kids[0]?.position?.start.offset;
        const last = kids[kids.length - 1]?.position?.end.offset;
        const text = first !== undefined && last !== undefined ? body.slice(first, last).trim() : '';
        headings.push({ depth: node.depth ?? 1, startLine: lineOf(pos.start), endLine: lineOf(pos.end), text });
      } else if (node.type === 'listItem') {
        const item: OutlineItem = { line: lineOf(pos.start), column: pos.start.column - 1, depth, lastLine: lastContentLine(node) };
        items.push(typeof node.checked === 'boolean' ? { ...item, checked: node.checked } : item);
      } else if (node.type === 'paragraph' && atRoot) {
        paragraphs.push({ startLine: lineOf(pos.start), endLine: lineOf(pos.end) });
      }
    }
    const childDepth = CONTAINERS.has(node.type) ? depth + 1 : depth;
    for (const child of node.children ?? []) visit(child, childDepth, node.type === 'root');
  };
  visit(tree, 0, false);
  return { confident: true, headings, items, paragraphs };
}

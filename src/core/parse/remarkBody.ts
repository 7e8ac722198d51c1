import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { LineIndex } from '../model/lineIndex';
import type { BodyOutline, OutlineHeading, OutlineItem, OutlineParagraph } from './bodyOutline';

interface MdNode {
  readonly type: string;
  readonly depth?: number;
  readonly checked?: boolean | null;
  readonly children?: readonly MdNode[];
  readonly position?: { readonly start: { line: number; column: number; offset?: number }; readonly end: { line: number; column: number; offset?: number } };
}

// Why one shared processor: building it (and its micromark extensions) costs more than parsing a small story.
// Only the body is parsed (the front matter is ours: `---js`, a `...` closer and unclosed blocks are not remark-frontmatter's business),
// so remark-frontmatter is not needed here; positions are shifted back by the body's first line.
const processor = unified().use(remarkParse).use(remarkGfm);

/** Returns the outline of the body as remark (the reference for what the Markdown means) reads it. */
export function outlineWithRemark(lines: LineIndex, startLine: number): BodyOutline {
  const offset = lines.lineStart(startLine);
  // Keep every column where it is: a BOM becomes a space and a lone CR (a line break for remark, not for LineIndex) too.
  let body = lines.text.slice(offset).replace(/\r(?!\n)/g, ' ');
  if (offset === 0 && body.charCodeAt(0) === 0xfeff) body = ' ' + body.slice(1);
  const tree = processor.parse(body) as unknown as MdNode;
  const headings: OutlineHeading[] = [];
  const items: OutlineItem[] = [];
  const paragraphs: OutlineParagraph[] = [];
  const lineOf = (p: { line: number }): number => p.line - 1 + startLine;

  const visit = (node: MdNode, inItem: boolean, atRoot: boolean): void => {
    const pos = node.position;
    if (pos) {
      if (node.type === 'heading' && atRoot) {
        const kids = node.children ?? [];
        const first = kids[0]?.position?.start.offset;
        const last = kids[kids.length - 1]?.position?.end.offset;
        const text = first !== undefined && last !== undefined ? body.slice(first, last).trim() : '';
        headings.push({ depth: node.depth ?? 1, startLine: lineOf(pos.start), endLine: lineOf(pos.end), text });
      } else if (node.type === 'listItem') {
        const item: OutlineItem = { line: lineOf(pos.start), column: pos.start.column - 1 };
        items.push(typeof node.checked === 'boolean' ? { ...item, checked: node.checked } : item);
      } else if (node.type === 'paragraph' && !inItem) {
        paragraphs.push({ startLine: lineOf(pos.start), endLine: lineOf(pos.end) });
      }
    }
    const childInItem = inItem || node.type === 'listItem';
    for (const child of node.children ?? []) visit(child, childInItem, node.type === 'root');
  };
  visit(tree, false, false);
  return { confident: true, headings, items, paragraphs };
}

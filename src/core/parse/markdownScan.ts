import type { LineIndex } from '../model/lineIndex';
import type { BodyOutline, OutlineHeading, OutlineItem, OutlineParagraph } from './bodyOutline';

const ATX = /^(#{1,6})(?:[ \t]+|$)/;
const ATX_CLOSE = /(?:^|[ \t]+)#+[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const SETEXT = /^(=+|-+)[ \t]*$/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^(?:[-*+]|(\d{1,9})[.)])(?=[ \t]|$)/;
const CHECKBOX = /^\[([ xX])\](?:[ \t]+(\S)?|$)/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

type Start = 'heading' | 'fence' | 'html' | 'quote' | 'hr' | 'item' | 'text';

// Classifies the start of a line's content (indentation already removed) the way CommonMark's block starts do.
function blockStart(c: string): Start {
  const ch = c.charCodeAt(0);
  if (ch === 35 /* # */ && ATX.test(c)) return 'heading';
  if (ch === 62 /* > */) return 'quote';
  if ((ch === 96 || ch === 126) && isFence(c)) return 'fence';
  if (ch === 60 /* < */ && /^<[A-Za-z/?!]/.test(c)) return 'html';
  if ((ch === 45 || ch === 42 || ch === 95) && THEMATIC.test(c)) return 'hr';
  if (LIST_ITEM.test(c)) return 'item';
  return 'text';
}

function isFence(c: string): boolean {
  const m = FENCE.exec(c);
  return !!m && !(m[1][0] === '`' && m[2].includes('`'));
}

/** Returns the outline of the body (headings, list items, top-level paragraphs), or confident: false where remark must decide. */
export function scanMarkdown(lines: LineIndex, startLine: number): BodyOutline {
  const text = lines.text;
  const headings: OutlineHeading[] = [];
  const items: OutlineItem[] = [];
  const paragraphs: OutlineParagraph[] = [];
  // Content columns of the open list items, innermost last.
  const open: number[] = [];
  let fence: { char: string; len: number } | undefined;
  let inComment = false;
  // The open paragraph always belongs to the innermost open container (open.length at the time it opened).
  let para: { startLine: number; endLine: number; depth: number; pipes: boolean } | undefined;

  const unsure = (reason: string, line: number): BodyOutline => ({
    confident: false,
    reason: `${reason} (line ${line + 1})`,
    headings,
    items,
    paragraphs,
  });
  const closePara = (): void => {
    if (para && para.depth === 0) paragraphs.push({ startLine: para.startLine, endLine: para.endLine });
    para = undefined;
  };

  if (text.indexOf('\r', lines.lineStart(startLine)) !== -1 && /\r(?!\n)/.test(text)) {
    return unsure('a carriage return without a line feed', startLine);
  }

  const lineCount = lines.lineCount;
  for (let i = startLine; i < lineCount; i++) {
    let s = text.slice(lines.lineStart(i), lines.lineEnd(i));
    if (i === 0 && s.charCodeAt(0) === 0xfeff) s = ' ' + s.slice(1);

    if (fence) {
      const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(s);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len) fence = undefined;
      continue;
    }
    if (inComment) {
      if (s.includes('-->')) inComment = false;
      continue;
    }

    let indent = 0;
    while (s.charCodeAt(indent) === 32) indent++;
    if (indent === s.length) {
      closePara();
      continue;
    }
    if (s.charCodeAt(indent) === 9) return unsure('a tab in indentation', i);
    const c = s.slice(indent);

    // How many open list items this line's indentation continues.
    let depth = 0;
    while (depth < open.length && indent >= open[depth]) depth++;
    const rel = indent - (depth > 0 ? open[depth - 1] : 0);
    const start = rel >= 4 ? 'text' : blockStart(c);

    if (depth < open.length) {
      if (para && start === 'text') {
        // Lazy continuation of the open paragraph.
        para.endLine = i;
        if (c.includes('|')) para.pipes = true;
        continue;
      }
      closePara();
      open.length = depth;
    }

    if (rel >= 4) {
      if (para) {
        para.endLine = i;
        continue;
      }
      return unsure('indented code', i);
    }

    if (para && para.depth === depth && (c.charCodeAt(0) === 61 || c.charCodeAt(0) === 45) && SETEXT.test(c)) {
      if (depth > 0) return unsure('a setext heading in a list item', i);
      if (para.pipes || c.includes('|')) return unsure('a table', i);
      headings.push({
        depth: c.charCodeAt(0) === 61 ? 1 : 2,
        startLine: para.startLine,
        endLine: i,
        text: text.slice(lines.lineStart(para.startLine), lines.lineEnd(para.endLine)).trim(),
      });
      para = undefined;
      continue;
    }

    switch (start) {
      case 'quote':
        return unsure('a block quote', i);
      case 'heading': {
        if (depth > 0) return unsure('a heading in a list item', i);
        closePara();
        const hashes = ATX.exec(c)![1].length;
        const content = c.slice(hashes).replace(ATX_CLOSE, '').trim();
        headings.push({ depth: hashes, startLine: i, endLine: i, text: content });
        continue;
      }
      case 'fence': {
        if (depth > 0) return unsure('a code fence in a list item', i);
        closePara();
        const m = FENCE.exec(c)!;
        fence = { char: m[1][0], len: m[1].length };
        continue;
      }
      case 'html': {
        if (!c.startsWith('<!--')) return unsure('an HTML block', i);
        const closed = c.includes('-->', 2);
        if (depth > 0 && !closed) return unsure('a multi-line HTML comment in a list item', i);
        closePara();
        inComment = !closed;
        continue;
      }
      case 'hr':
        closePara();
        continue;
      case 'item': {
        const m = LIST_ITEM.exec(c)!;
        const ordered = m[1] !== undefined;
        const markerLen = m[0].length;
        let after = markerLen;
        while (c.charCodeAt(after) === 32) after++;
        if (c.charCodeAt(after) === 9) return unsure('a tab after a list marker', i);
        const empty = after === c.length;
        if (para && para.depth === depth && (empty || (ordered && Number(m[1]) !== 1))) {
          // Cannot interrupt a paragraph: it continues the paragraph.
          para.endLine = i;
          continue;
        }
        if (empty) return unsure('an empty list item', i);
        if (after - markerLen > 4) return unsure('indented code in a list item', i);
        const rest = c.slice(after);
        if (blockStart(rest) !== 'text') return unsure('a block at the start of a list item', i);
        closePara();
        let checked: boolean | undefined;
        const box = CHECKBOX.exec(rest);
        if (box) {
          if (box[2] === undefined) return unsure('a checkbox with no text', i);
          checked = box[1] !== ' ';
        }
        open.length = depth;
        open.push(indent + after);
        items.push(checked === undefined ? { line: i, column: indent } : { line: i, column: indent, checked });
        para = { startLine: i, endLine: i, depth: open.length, pipes: rest.includes('|') };
        continue;
      }
      default: {
        if (para) {
          if ((para.pipes || c.includes('|')) && TABLE_DELIMITER.test(c)) return unsure('a table', i);
          para.endLine = i;
          if (c.includes('|')) para.pipes = true;
        } else {
          para = { startLine: i, endLine: i, depth, pipes: c.includes('|') };
        }
      }
    }
  }
  closePara();
  return { confident: true, headings, items, paragraphs };
}

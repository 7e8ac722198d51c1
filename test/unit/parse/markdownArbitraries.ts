// fast-check generators of story bodies for the scanner-vs-remark differential test: realistic blocks
// (headings, paragraphs, checklists) mixed with the constructs a line scanner gets wrong most easily
// (tables, block quotes, fences and HTML inside list items, blocks at the start of an item, lazy lines).
import fc from 'fast-check';

const word = fc.constantFrom('export', 'board', 'user', 'fast', 'CSV', 'the', 'a', 'login', 'Given', 'then', '`code`', '**bold**', 'x:y', '#tag', '2', 'a|b', '`a | b`', '\\|', '[link](u)');
export const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const acTitle = fc.constantFrom('Acceptance Criteria', 'acceptance criteria', 'Acceptance Criteria:', '**Acceptance Criteria**', '_Acceptance criteria_', 'ACCEPTANCE CRITERIA');
const headingText = fc.oneof(acTitle, words);
const indent03 = fc.constantFrom('', '', '', ' ', '  ', '   ');
type Lines = string[];

const atx = fc
  .tuple(indent03, fc.integer({ min: 1, max: 6 }), headingText, fc.constantFrom('', '', ' #', ' ##', '#'))
  .map(([i, d, t, close]) => [`${i}${'#'.repeat(d)} ${t}${close}`]);
const setext = fc.tuple(headingText, fc.constantFrom('===', '---', '=', '--------', '- ', '-')).map(([t, u]) => [t, u]);
const fakeLines = fc.array(fc.oneof(atx.map((l) => l[0]), fc.constantFrom('- [ ] fake', '1. fake', '* [x] fake', '', 'text', '    indented', '> quoted', '| a | b |', '```', '  ~~~')), { maxLength: 4 });
const fence = fc
  .tuple(fc.constantFrom('```', '````', '~~~', '~~~~'), fc.constantFrom('', 'js', 'md', ' yaml', 'a`b'), fakeLines, indent03, fc.constantFrom('same', 'longer', 'open', 'indented'))
  .map(([f, info, body, i, close]) => {
    const end = close === 'open' ? [] : close === 'longer' ? [`${f}${f[0]}`] : close === 'indented' ? [`   ${f}`] : [f];
    return [`${i}${f}${info}`, ...body, ...end];
  });
const paragraph = fc.oneof(
  fc.array(words, { minLength: 1, maxLength: 3 }),
  fc.tuple(fc.constantFrom('As a', 'As an', '**As a**'), words, words).map(([a, p, w]) => [`${a} ${p}, I want ${w}, so that ${w}.`]),
);
const checkbox = fc.constantFrom('', '', '[ ] ', '[x] ', '[X] ', '[ ] #1 ', '[x] #12 ', '[ ]', '[x]\t', '[ ]  ', '[x]x ', '[-] ');
const bullet = fc.constantFrom('-', '*', '+', '1.', '1)', '2.', '10.');

// Tables: head rows, delimiter rows that match or not, body rows that look like other blocks.
const cell = fc.constantFrom('a', 'b c', '`x | y`', 'a\\|b', '', ' ', '**k**');
const headRow = fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean()).map(([cells, lead, trail]) => `${lead ? '| ' : ''}${cells.join(' | ')}${trail ? ' |' : ''}`);
const delimiterCell = fc.constantFrom('---', ':--', '--:', ':-:', '-', ' --- ', ':');
const delimiterRow = fc.tuple(fc.array(delimiterCell, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), indent03).map(([cells, lead, trail, i]) => `${i}${lead ? '|' : ''}${cells.join('|')}${trail ? '|' : ''}`);
const bodyRow = fc.oneof(headRow, fc.constantFrom('- [ ] not a row', '2. x', '# h', '> q', '    code', '===', '---', '<!-- c -->', 'plain', '[a]: b'));
const table = fc.tuple(headRow, delimiterRow, fc.array(bodyRow, { maxLength: 3 })).map(([h, d, rows]) => [h, d, ...rows]);

const html = fc.constantFrom(
  ['<!-- AC:BEGIN -->'],
  ['<!-- AC:END -->'],
  ['<!--', 'multi-line', '- [ ] not an item', '-->'],
  ['<!-->', '- [ ] after'],
  ['<!-- open', '', '# still in the comment', '-->'],
  ['<details>', '<summary>More</summary>', '- [ ] in html'],
  ['<div>', '', '- [ ] after the div'],
  ['<pre>', '# not a heading', '</pre>'],
  ['<?php echo 1; ?>'],
  ['<!DOCTYPE html>'],
  ['</div>'],
  ['<pre>x</pre>', '- [ ] after'],
  ['<script src="a.js">', '', '# not a heading', '</script> tail'],
  ['<!-- a --> b', '- [ ] after'],
  ['<span>not a block</span> text'],
);
// Lone tags (CommonMark's HTML block kind 7): complete ones start a block, others are text; none interrupts a paragraph.
const tag = fc.constantFrom('<br>', '<br/>', '<img src="a.png" alt=\'x\'>', '</span>', '<a href=x>', '<x-y data-a=1 b>', '<span a=b=c>', "<a b='c'd>", '<a  />', '<a/ >', '<a b="c"/>', '<a =b>', '<a b=`c`>', '</a >', '</a b>', '<kbd>Ctrl</kbd>', '<a b>  ', '<a b=">">', '<a b=c=d>', '<a b= c>', '<a b c=d e>', '<a:b>', '<a\tb>');
const loneTag = fc.tuple(tag, words, fc.constantFrom('', '- [ ] ', '> ')).map(([g, w, lead]) => [`${lead}${g}`, w, '', `${w}`, g]);
const comment = html;
const indentedCode = fc.array(fc.constantFrom('    code', '    - [ ] not an item', '      # not a heading', ''), { minLength: 1, maxLength: 3 }).map((l) => ['    x', ...l]);

// Continuation oddities: lazy lines, deep indentation, numbers that cannot start a list.
const odd = fc.tuple(words, words).chain(([a, b]) =>
  fc.constantFrom(
    [`- [ ] ${a}`, b],
    [`- ${a}`, `  ${b}`],
    [a, `    ${b}`],
    [a, `2. ${b}`],
    [`1. ${a}`, `2. ${b}`, `   - [x] ${b}`],
    [`- ${a}`, `    - ${b}`, `        - [ ] ${b}`],
    [`- ${a}`, ` - ${b}`],
    [`- ${a}`, `      ${b}`],
    [`- ${a}`, '', `    ${b}`],
    [`- ${a}`, '===', b],
    [`- ${a}`, '---'],
    [a, '- [ ] ' + b],
    ['- [ ] ', b],
    [`-    ${a}`, `     ${b}`],
    [`10. ${a}`, `    - ${b}`],
    [a, `    - [ ] ${b}`],
    [`- ${a}`, `      - ${b}`],
    [a, `    # ${b}`],
    ['-', `  [ ] ${a}`],
    ['-', '', `  ${a}`],
    ['- [ ]', `  ${a}`],
    [a, '- 2. ' + b],
    [a, '> -'],
    [`> ${a}`, `2. ${b}`],
    [`> ${a}`, b, `> ${b}`],
    [`> ${a}`, '    ' + b],
    ['> ```', b],
    [`- ${a}`, '  ```', b],
    ['    code', `2. ${a}`],
    ['    code', '-'],
    [`- # [ ] ${a}`],
    [`- [ ] ${a}`, '  ==='],
    [`* * *`, `- - -`, `- -`],
    [`-\t${a}`, `\t${b}`],
    [`>\t${a}`],
    [`${a}\t${b}`, `\t\t${b}`],
    [`- ${a}`, `  \t- ${b}`],
    ['```', `\t${a}`, '\t```', '```'],
    [`| a\t| b |`, `|\t- |\t-\t|`],
    [`- [ ] ${a}`, ' \t ', `  ${b}`],
  ),
);
const hr = fc.constantFrom(['---'], ['***'], ['___'], ['- - -']);

const leaf = fc.oneof(
  { arbitrary: atx, weight: 3 },
  { arbitrary: setext, weight: 1 },
  { arbitrary: fence, weight: 2 },
  { arbitrary: paragraph, weight: 3 },
  { arbitrary: table, weight: 2 },
  { arbitrary: comment, weight: 1 },
  { arbitrary: loneTag, weight: 1 },
  { arbitrary: indentedCode, weight: 1 },
  { arbitrary: hr, weight: 1 },
  { arbitrary: odd, weight: 2 },
);

// Indents every line but blank ones by `pad`; with `lazy`, a paragraph line may lose it (a lazy continuation).
function indent(lines: readonly string[], pad: string, lazy: boolean): Lines {
  return lines.map((l, i) => (l === '' ? '' : lazy && i > 0 && /^[a-z`*]/i.test(l) && i % 2 === 1 ? l : pad + l));
}

type Tree =
  | { readonly kind: 'leaf'; readonly lines: readonly string[] }
  | { readonly kind: 'list'; readonly marker: string; readonly items: readonly { readonly box: string; readonly first: readonly string[]; readonly children: readonly Tree[] }[]; readonly loose: boolean; readonly slip: number; readonly lazy: boolean }
  | { readonly kind: 'quote'; readonly children: readonly Tree[]; readonly marker: string; readonly lazy: boolean };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: leaf.map((lines): Tree => ({ kind: 'leaf', lines: [...lines] })), weight: 4 },
    {
      arbitrary: fc.record({
        kind: fc.constant('list' as const),
        marker: bullet,
        items: fc.array(
          fc.record({
            box: checkbox,
            first: fc.oneof({ arbitrary: words.map((w) => [w]), weight: 4 }, { arbitrary: leaf, weight: 1 }, { arbitrary: fc.constant(['']), weight: 1 }),
            children: fc.array(tie('tree'), { maxLength: 2 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        loose: fc.boolean(),
        slip: fc.constantFrom(0, 0, 0, 0, -1, 1, 2),
        lazy: fc.boolean(),
      }),
      weight: 3,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('quote' as const), children: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }), marker: fc.constantFrom('> ', '>', ' > '), lazy: fc.boolean() }),
      weight: 1,
    },
  ),
})).tree;

function render(t: Tree): Lines {
  if (t.kind === 'leaf') return [...t.lines];
  if (t.kind === 'quote') {
    const inner = t.children.flatMap((c, i) => (i > 0 ? ['', ...render(c)] : render(c)));
    return inner.map((l, i) => (t.lazy && i === inner.length - 1 && /^[a-z]/i.test(l) ? l : `${t.marker}${l}`.trimEnd()));
  }
  const out: Lines = [];
  for (const it of t.items) {
    const [head, ...rest] = it.first;
    out.push(`${t.marker} ${head === '' ? it.box.trimEnd() : it.box + head}`.trimEnd());
    const pad = ' '.repeat(Math.max(0, t.marker.length + 1 + t.slip));
    out.push(...indent(rest, pad, t.lazy));
    for (const c of it.children) {
      if (t.loose) out.push('');
      out.push(...indent(render(c), pad, t.lazy));
    }
    if (t.loose) out.push('');
  }
  return out;
}

/**
 * Story bodies: a few top-level blocks, blank lines between some, with or without a final newline, and line endings
 * LF, CRLF, a lone CR (old Mac files), or "\r\r\n" (a CRLF file converted twice: a lone CR, then a CRLF).
 */
export const body = fc
  .tuple(fc.array(fc.tuple(tree, fc.constantFrom('\n', '\n\n', '\n\n')), { maxLength: 8 }), fc.constantFrom('\n', '\n', '\r\n', '\r\n', '\r', '\r\r\n'), fc.boolean())
  .map(([blocks, eol, finalNewline]) => {
    let s = blocks.map(([b, sep]) => render(b).join('\n') + sep).join('');
    if (!finalNewline) s = s.replace(/\n+$/, '');
    return eol === '\n' ? s : s.replace(/\n/g, eol);
  });

// Hostile story files: each construct builds a story of about `size` characters around one thing nobody planned
// for. Used by pathological.test.ts (deterministic work budget) and test/bench/pathologicalBench.ts (timings).

export interface Construct {
  readonly name: string;
  /** The story text, about `size` characters long. */
  make(size: number): string;
  /** Why it is skipped by default: the file and construct that still exceed the budget, owned by other work. */
  readonly pending?: string;
  /** Run the unit test at this fraction of the size, and why (the bench still times it at full size). */
  readonly scale?: { readonly by: number; readonly why: string };
}

// Why smaller: remark builds one tree level per '>' and the garbage collector's time grows faster than the counted
// work (measured 0.5 s at 4 KB, 1.2 s at 8 KB); the counted work stays linear, so a smaller size still tests it.
const DEEP_QUOTES = { by: 1 / 8, why: 'remark: deep block quotes are slow to collect' };

const HEAD = '---\nid: S-1\ntitle: Hostile input\nstatus: ready\nestimate: 3\nvision: [G1]\nrank: a0\n---\n';

/** Returns a story whose body is `body`, with an ordinary front matter. */
export function story(body: string): string {
  return `${HEAD}${body}`;
}

/** Returns a story with `run` as a paragraph, as a criterion and at the start of a criterion's nested line. */
function runEverywhere(run: (n: number) => string): (size: number) => string {
  return (size) => {
    const n = Math.floor(size / 3);
    return story(`# Title\n\n${run(n)}\n\n## Acceptance Criteria\n\n- [ ] Given ${run(n)} then it works\n${run(n)}\n`);
  };
}

const repeatTo = (unit: string, n: number): string => unit.repeat(Math.max(1, Math.floor(n / unit.length)));

export const CONSTRUCTS: readonly Construct[] = [
  { name: '"[a](" repeated in a criterion', make: runEverywhere((n) => repeatTo('[a](', n)) },
  {
    name: 'a heading followed by spaces',
    make: (size) => story(`# Title${' '.repeat(size)}x\n\n## Acceptance Criteria\n\n- [ ] Given a, then b\n`),
  },
  { name: 'a criterion with a run of spaces inside', make: (size) => story(`## Acceptance Criteria\n\n- [ ] fast${' '.repeat(size)}x\n`) },
  ...['`', '*', '_', '[', ']', '<', '>', '#', '|', '-', '\\', '\t', '(', '!', '&', ':', '=', '~', '"', "'", '{'].map(
    (c): Construct => ({ name: `a run of ${JSON.stringify(c)}`, make: runEverywhere((n) => c.repeat(n)), ...(c === '>' ? { scale: DEEP_QUOTES } : {}) }),
  ),
  { name: 'alternating "*a" (emphasis openers)', make: runEverywhere((n) => repeatTo('*a', n)) },
  { name: 'alternating "`a" (code span openers)', make: runEverywhere((n) => repeatTo('`a', n)) },
  { name: 'alternating "<a" (HTML openers)', make: runEverywhere((n) => repeatTo('<a', n)) },
  { name: 'digits then a letter (id-like words)', make: runEverywhere((n) => `S${'1'.repeat(n)}x`) },
  { name: 'one long line without a newline', make: (size) => story(`As a ${'word '.repeat(size / 5)}`) },
  { name: 'many short lines', make: (size) => story(repeatTo('a\n', size)) },
  { name: 'many blank lines with spaces', make: (size) => story(repeatTo('  \n', size)) },
  { name: 'deeply nested list (one item per level)', make: (size) => story(nestedList(size)) },
  {
    name: 'nested lists on one line ("- - - - x")',
    make: (size) => story(`## Acceptance Criteria\n\n${repeatTo('- ', size)}x\n`),
  },
  { name: 'deeply nested block quotes (">>>>x")', make: (size) => story(`${'>'.repeat(size)}x\n`), scale: DEEP_QUOTES },
  { name: 'nested block quotes with spaces ("> > > x")', make: (size) => story(`${repeatTo('> ', size)}x\n`), scale: DEEP_QUOTES },
  { name: 'many criteria', make: (size) => story(`## Acceptance Criteria\n\n${repeatTo('- [ ] Given a then b fast\n', size)}`) },
  { name: 'many headings', make: (size) => story(repeatTo('## Acceptance Criteria\n- [ ] x\n', size)) },
  { name: 'unclosed code fence', make: (size) => story(`## Acceptance Criteria\n\n- [ ] a\n\`\`\`\n${repeatTo('- [ ] b\n', size)}`) },
  { name: 'many fences', make: (size) => story(repeatTo('```\n# a\n```\n', size)) },
  { name: 'unclosed HTML comment', make: (size) => story(`<!--${repeatTo('- [ ] a\n', size)}`) },
  {
    name: 'a long table',
    make: (size) => story(`| a | b |\n| --- | --- |\n${repeatTo('| x | y |\n', size)}`),
    scale: { by: 1 / 4, why: 'remark builds a node with positions for every cell: ~400 JavaScript blocks per character' },
  },
  {
    name: 'a table delimiter row padded with spaces',
    make: (size) => story(`| a | b |\n|---${' '.repeat(size)}x\n`),
  },
  { name: 'a long link destination', make: (size) => story(`## Acceptance Criteria\n\n- [ ] [fast](${'a'.repeat(size)}`) },
  { name: 'CRLF line endings', make: (size) => story(repeatTo('- [ ] a\r\n', size)) },
  { name: 'lone CR line endings', make: (size) => story(repeatTo('- [ ] a\r', size)) },
  { name: 'front matter: a long title with spaces', make: (size) => `---\nid: S-1\ntitle: a${' '.repeat(size)}b\n---\nx\n` },
  { name: 'front matter: a long list item', make: (size) => `---\nid: S-1\nlabels:\n  - a${' '.repeat(size)}b\n---\nx\n` },
  { name: 'front matter: a long list item in broken YAML', make: (size) => `---\nid: S-1\n@bad\nlabels:\n  - a${' '.repeat(size)}b\n---\nx\n` },
  { name: 'front matter: a long id', make: (size) => `---\nid: S-${'1'.repeat(size)}x\ntitle: t\n---\nx\n` },
  { name: 'front matter: a long rank', make: (size) => `---\nid: S-1\nrank: a${'0'.repeat(size)}\n---\nx\n` },
  { name: 'front matter: 10,000-deep "[[["', make: () => `---\nid: S-1\ntitle: t\nlabels: ${'['.repeat(10_000)}\n---\nx\n` },
  { name: 'front matter: deep "[[[" then closed', make: (size) => `---\nid: S-1\nlabels: ${'['.repeat(size / 2)}${']'.repeat(size / 2)}\n---\nx\n` },
  { name: 'front matter: many keys', make: (size) => `---\n${Array.from({ length: size / 12 }, (_, i) => `k${i}: v${i}`).join('\n')}\n---\nx\n` },
  { name: 'front matter: nested sequences on one line', make: (size) => `---\nid: S-1\nlabels: ${repeatTo('- ', size)}x\n---\nx\n` },
  { name: 'front matter never closed', make: (size) => `---\nid: S-1\n${repeatTo('k: v\n', size)}` },
];

function nestedList(size: number): string {
  // Level k is indented 2k spaces, so the text grows with the square of the depth.
  const lines: string[] = ['## Acceptance Criteria', ''];
  let total = 0;
  for (let k = 0; total < size; k++) {
    const line = `${'  '.repeat(k)}- [ ] level ${k}`;
    lines.push(line);
    total += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

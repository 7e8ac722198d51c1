import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/model/lineIndex';
import { parseFrontMatter } from '../../../src/core/parse/frontMatter';

function fm(text: string) {
  return parseFrontMatter('backlog/s.md', text, new LineIndex(text));
}

// Applies one file's edits (non-overlapping) from the end backwards.
function apply(text: string, edits: readonly { range: { start: { line: number; character: number } }; newText: string }[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) {
    const o = lines.offsetAt(e.range.start);
    out = out.slice(0, o) + e.newText + out.slice(o);
  }
  return out;
}

describe('parseFrontMatter', () => {
  it('parses YAML with the core schema: dates stay strings', () => {
    const r = fm('---\nid: S-1\ncreated: 2024-05-01\nestimate: 3\nlabels: [a, b]\n---\nbody\n');
    assert.deepEqual(r.frontMatter!.data, { id: 'S-1', created: '2024-05-01', estimate: 3, labels: ['a', 'b'] });
    assert.equal(r.bodyStartLine, 6);
    assert.equal(r.frontMatter!.closeLine, 5);
    assert.equal(r.frontMatter!.recovered, false);
    assert.deepEqual(r.problems, []);
  });

  it('gives exact key, value and item ranges', () => {
    const r = fm('---\ntitle: "Quoted"\nlabels:\n  - x\n  - yy\nempty:\n---\n');
    const f = r.frontMatter!.fields;
    assert.deepEqual(f.title.keyRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
    assert.deepEqual(f.title.valueRange, { start: { line: 1, character: 7 }, end: { line: 1, character: 15 } });
    assert.deepEqual(f.labels.itemRanges, [
      { start: { line: 3, character: 4 }, end: { line: 3, character: 5 } },
      { start: { line: 4, character: 4 }, end: { line: 4, character: 6 } },
    ]);
    assert.deepEqual(f.labels.valueRange, { start: { line: 3, character: 2 }, end: { line: 4, character: 6 } });
    assert.deepEqual(f.empty.valueRange, { start: { line: 5, character: 6 }, end: { line: 5, character: 6 } });
  });

  it('reports "assignee: @someone" at the exact position with a quoting fix', () => {
    const text = '---\nid: BACK-4\ntitle: "CLI: edit"\nassignee: @MrLesk # owner\n---\n## Body\n';
    const r = fm(text);
    assert.equal(r.problems.length, 1);
    const p = r.problems[0];
    assert.equal(p.code, 'front-matter-syntax');
    assert.equal(p.severity, 'error');
    assert.equal(p.path, 'backlog/s.md');
    assert.deepEqual(p.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 17 } });
    assert.match(p.message, /assignee.*@.*quotes/);
    const edit = p.fixes![0].edits[0];
    assert.equal(edit.path, 'backlog/s.md');
    assert.equal(apply(text, edit.edits), '---\nid: BACK-4\ntitle: "CLI: edit"\nassignee: \'@MrLesk\' # owner\n---\n## Body\n');
    // Recovered by the line scan.
    assert.equal(r.frontMatter!.recovered, true);
    assert.deepEqual(r.frontMatter!.data, { id: 'BACK-4', title: 'CLI: edit', assignee: '@MrLesk' });
    assert.deepEqual(r.frontMatter!.fields.assignee.valueRange, p.range);
  });

  it('chooses double quotes when the value holds a single quote, and quotes inside flow lists', () => {
    const text = "---\nassignee: [@o'neil, bob]\n---\n";
    const p = fm(text).problems[0];
    assert.equal(apply(text, p.fixes![0].edits[0].edits), "---\nassignee: [\"@o'neil\", bob]\n---\n");
  });

  it('quotes a value starting with a backtick', () => {
    const text = '---\ntitle: `code` in title\n---\n';
    const p = fm(text).problems[0];
    assert.deepEqual(p.range.start, { line: 1, character: 7 });
    assert.equal(apply(text, p.fixes![0].edits[0].edits), "---\ntitle: '`code` in title'\n---\n");
  });

  it('offers to quote a value that contains ": "', () => {
    const text = '---\ntitle: Fix: the thing\n---\n';
    const p = fm(text).problems[0];
    assert.equal(apply(text, p.fixes![0].edits[0].edits), "---\ntitle: 'Fix: the thing'\n---\n");
    assert.equal(fm(text).frontMatter!.data.title, 'Fix: the thing');
  });

  it('reports duplicate keys and unclosed quotes at their line', () => {
    const dup = fm('---\nid: A\nid: B\n---\n');
    assert.deepEqual(dup.problems[0].range.start, { line: 2, character: 0 });
    assert.match(dup.problems[0].message, /"id" appears more than once/);
    const q = fm("---\nid: A\ntitle: 'oops\n---\n");
    assert.equal(q.problems.length >= 1, true);
    assert.equal(q.problems[0].range.start.line >= 2, true);
    assert.equal(q.frontMatter!.data.id, 'A');
  });

  it('never evaluates ---js front matter', () => {
    const g = globalThis as Record<string, unknown>;
    delete g.__rudderPwned;
    for (const lang of ['js', 'javascript', 'coffee', 'json']) {
      const text = `---${lang}\n{ id: (globalThis.__rudderPwned = 1, "S-1") }\n---\n# T\n`;
      const r = fm(text);
      assert.equal(g.__rudderPwned, undefined);
      assert.equal(r.frontMatter!.language, lang);
      assert.deepEqual(r.frontMatter!.data, {});
      assert.match(r.problems[0].message, new RegExp(`front matter in ${lang} is not supported; Rudder never evaluates code`, 'i'));
      assert.deepEqual(r.problems[0].range.start, { line: 0, character: 0 });
      assert.equal(r.bodyStartLine, 3);
    }
  });

  it('accepts ---yaml, ---yml, a BOM, CRLF and the ... closer', () => {
    for (const text of ['---yaml\nid: A\n---\n', '---yml\nid: A\n...\n', '\uFEFF---\nid: A\n---\n', '---\r\nid: A\r\n---\r\n']) {
      const r = fm(text);
      assert.deepEqual(r.frontMatter!.data, { id: 'A' }, JSON.stringify(text));
      assert.equal(r.bodyStartLine, 3);
      assert.deepEqual(r.problems, []);
    }
    const crlf = fm('---\r\nid: A\r\n---\r\n');
    assert.deepEqual(crlf.frontMatter!.fields.id.valueRange, { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } });
  });

  it('reports an unclosed front matter and recovers its fields', () => {
    const r = fm('---\nid: S-9\ntitle: Lost\n\n# Heading\n');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /never closed/);
    assert.equal(r.frontMatter!.closeLine, -1);
    assert.deepEqual(r.frontMatter!.data, { id: 'S-9', title: 'Lost' });
    assert.equal(r.bodyStartLine, 3);
  });

  it('reports a top-level list or scalar', () => {
    for (const text of ['---\n- a\n- b\n---\n', '---\njust text\n---\n']) {
      const r = fm(text);
      assert.equal(r.problems.length, 1, text);
      assert.match(r.problems[0].message, /must be a list of "key: value" fields/);
      assert.deepEqual(r.frontMatter!.data, {});
    }
  });

  it('stops a billion-laughs alias bomb quickly', () => {
    let y = '---\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++) y += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
    y += '---\n';
    const t0 = Date.now();
    const r = fm(y);
    assert.ok(Date.now() - t0 < 1000);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /aliases/);
    assert.equal(r.frontMatter!.recovered, true);
  });

  it('keeps __proto__ as plain data', () => {
    const r = fm('---\n__proto__: {polluted: true}\nid: A\n---\n');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(r.frontMatter!.data), Object.prototype);
    assert.equal(r.frontMatter!.data.id, 'A');
  });

  it('has no front matter when the file does not start with ---', () => {
    assert.equal(fm('# Title\n---\nid: A\n---\n').frontMatter, undefined);
    assert.equal(fm('').frontMatter, undefined);
    assert.equal(fm('----\nid: A\n---\n').frontMatter, undefined);
  });

  it('treats an empty front matter as empty data', () => {
    const r = fm('---\n---\n# T\n');
    assert.deepEqual(r.frontMatter!.data, {});
    assert.deepEqual(r.problems, []);
  });
});

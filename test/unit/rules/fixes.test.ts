import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { LineIndex } from '../../../src/core/model/lineIndex';
import type { Range, TextEdit } from '../../../src/core/model/range';
import { hasPlaceholder } from '../../../src/core/parse/placeholders';
import { loadWorkspace } from './loadWorkspace';

const FIXTURES = 'test/fixtures/rules';

function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

function indexOf(texts: Map<string, string>): BacklogIndex {
  const { config, issues } = parseConfig({ rudderYml: texts.get('.rudder.yml'), backlogMdConfigYml: texts.get('backlog/config.yml') });
  const index = new BacklogIndex(config, issues);
  for (const [p, t] of [...texts].sort()) if (p.endsWith('.md')) index.upsert(p, t);
  return index;
}

describe('rule fixes', () => {
  for (const code of fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).sort() : []) {
    it(`${code}: applying every first fix removes the fixed issues`, async () => {
      const dir = `${FIXTURES}/${code}/not-ok`;
      const index = await loadWorkspace(dir);
      const texts = new Map<string, string>();
      // Every Markdown file the index holds (stories, notes, the vision, milestones) and the configuration.
      for (const f of [...index.paths(), '.rudder.yml', 'backlog/config.yml']) {
        if (fs.existsSync(`${dir}/${f}`)) texts.set(f, fs.readFileSync(`${dir}/${f}`, 'utf8'));
      }
      const before = index.allIssues().filter((i) => i.code === code);
      const fixed = before.filter((i) => i.fixes?.length);
      if (!fixed.length) return;
      const perFile = new Map<string, TextEdit[]>();
      for (const i of fixed) {
        for (const fe of i.fixes![0].edits) {
          if (fe.create) texts.set(fe.path, '');
          perFile.set(fe.path, [...(perFile.get(fe.path) ?? []), ...fe.edits]);
        }
      }
      for (const [p, edits] of perFile) texts.set(p, applyEdits(texts.get(p) ?? '', edits));
      const afterIndex = indexOf(texts);
      // A fix that inserts a template (a user story "As a …, I want …") leaves the template to fill in: its issue then
      // points at the placeholder and nothing else. Every other issue of the code must be gone.
      const atPlaceholder = (i: { path: string; range: Range }) => hasPlaceholder(textAt(afterIndex.text(i.path) ?? '', i.range));
      const after = afterIndex.allIssues().filter((i) => i.code === code && !atPlaceholder(i));
      assert.ok(after.length <= before.length - fixed.length, `${code}: ${before.length} → ${after.length} (fixed ${fixed.length})`);
    });
  }

  it('equal-rank fixes keep the order and make every key distinct', async () => {
    const dir = `${FIXTURES}/equal-rank/not-ok`;
    const index = await loadWorkspace(dir);
    const texts = new Map<string, string>();
    for (const s of index.stories()) texts.set(s.path, index.text(s.path)!);
    const orderBefore = index.stories().map((s) => s.id);
    for (const i of index.allIssues().filter((x) => x.code === 'equal-rank' && x.fixes?.length)) {
      for (const fe of i.fixes![0].edits) texts.set(fe.path, applyEdits(texts.get(fe.path)!, fe.edits));
    }
    const after = indexOf(texts);
    assert.deepEqual(after.stories().map((s) => s.id), orderBefore);
    const ranks = after.stories().map((s) => s.rank);
    assert.equal(new Set(ranks).size, ranks.length);
  });

  it('a done story with open criteria can be checked off or reopened (to the status Reopen Story chooses)', async () => {
    const index = await loadWorkspace(`${FIXTURES}/done-with-open-criteria/not-ok`);
    const issue = index.allIssues().find((x) => x.code === 'done-with-open-criteria')!;
    assert.deepEqual(issue.fixes!.map((f) => [f.title, f.isPreferred]), [
      ['Check all acceptance criteria', false],
      ['Reopen the story (status "ready")', false],
    ]);
    const text = applyEdits(index.text(issue.path)!, issue.fixes![1].edits[0].edits);
    assert.match(text, /^status: ready$/m);
    assert.equal(indexOf(new Map([[issue.path, text]])).allIssues().filter((x) => x.code === 'done-with-open-criteria').length, 0);
  });

  it('the invalid status fix writes the nearest status', async () => {
    const index = await loadWorkspace(`${FIXTURES}/invalid-field/not-ok`);
    const i = index.issues('backlog/stories/s-1.md').find((x) => x.message.startsWith('Status'))!;
    const text = applyEdits(index.text('backlog/stories/s-1.md')!, i.fixes![0].edits[0].edits);
    assert.match(text, /^status: ready$/m);
  });
});

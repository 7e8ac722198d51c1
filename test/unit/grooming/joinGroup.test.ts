import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { joinGroupPlan } from '../../../src/core/grooming/joinGroup';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';

const p = (id: string) => `backlog/stories/${id.toLowerCase()}.md`;

function backlog(files: Record<string, string>): BacklogIndex {
  const index = new BacklogIndex(defaultConfig());
  index.upsert(p('E-1'), '---\nid: E-1\ntitle: One\ntype: epic\n---\n');
  index.upsert(p('E-2'), '---\nid: E-2\ntitle: Two\ntype: epic\n---\n');
  for (const [id, extra] of Object.entries(files)) index.upsert(p(id), `---\nid: ${id}\ntitle: Story ${id}\n${extra}---\n`);
  return index;
}

/** Drops the stories into the epic group `key`; returns the new texts by id. */
function dropIntoEpic(index: BacklogIndex, ids: string[], key: string): Record<string, string> {
  const plan = joinGroupPlan(index, { grouping: 'epic', key, label: key }, ids.map((id) => index.story(p(id))!), (x) => index.text(x));
  return Object.fromEntries(plan.edits.map((fe) => [fe.path.replace(/^.*\//, '').replace('.md', '').toUpperCase(), applyEdits(index.text(fe.path)!, fe.edits)]));
}

describe('grooming: a drop into a group', () => {
  it('writes the epic under the key the story already uses (Backlog.md parent_task_id, parent), never a second epic line', () => {
    const index = backlog({ 'T-1': 'parent_task_id: E-1\n', 'T-2': 'parent: E-1\n' });
    assert.deepEqual(dropIntoEpic(index, ['T-1'], 'e-2'), { 'T-1': '---\nid: T-1\ntitle: Story T-1\nparent_task_id: E-2\n---\n' });
    assert.deepEqual(dropIntoEpic(index, ['T-2'], 'e-2'), { 'T-2': '---\nid: T-2\ntitle: Story T-2\nparent: E-2\n---\n' });
  });

  it('adds `epic:` to a story without one, and removes the key it has for the "No epic" group', () => {
    const index = backlog({ 'S-1': 'status: draft\n', 'T-1': 'parent_task_id: E-1\n' });
    assert.deepEqual(dropIntoEpic(index, ['S-1'], 'e-1'), { 'S-1': '---\nid: S-1\ntitle: Story S-1\nstatus: draft\nepic: E-1\n---\n' });
    assert.deepEqual(dropIntoEpic(index, ['T-1'], ''), { 'T-1': '---\nid: T-1\ntitle: Story T-1\n---\n' });
  });
});

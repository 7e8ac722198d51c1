import * as assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../../src/core/config/parseConfig';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { reopenPlan, reopenStatus } from '../../../src/core/grooming/reopenStory';
import type { RudderConfig } from '../../../src/core/model/config';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';

const p = (id: string) => `backlog/stories/${id.toLowerCase()}.md`;
const story = (id: string, status: string) => `---\nid: ${id}\ntitle: Story ${id}\nstatus: ${status} # keep this comment\nrank: a1\n---\n`;

/** Reopens the given stories of an index over `files` (id → status); returns the plan and the new texts by path. */
function reopen(statuses: Record<string, string>, ids: string[], wanted?: string, config: RudderConfig = defaultConfig(), path = p) {
  const index = new BacklogIndex(config);
  for (const [id, status] of Object.entries(statuses)) index.upsert(path(id), story(id, status));
  const plan = reopenPlan(ids.map((id) => index.story(path(id))!), index.config, (x) => index.text(x), wanted);
  const texts = Object.fromEntries(plan.edits.map((fe) => [fe.path, applyEdits(index.text(fe.path)!, fe.edits)]));
  return { plan, texts };
}

describe('grooming: reopen a story', () => {
  it('sets a done or a dropped story back to the ready status, changing only the value', () => {
    const { plan, texts } = reopen({ 'S-1': 'done', 'S-2': 'dropped' }, ['S-1', 'S-2']);
    assert.equal(plan.status, 'ready');
    assert.deepEqual(plan.refused, []);
    assert.deepEqual(texts, { [p('S-1')]: story('S-1', 'ready'), [p('S-2')]: story('S-2', 'ready') });
  });

  it('refuses a story that is not closed, and reopens the closed ones of a selection', () => {
    const { plan, texts } = reopen({ 'S-1': 'draft', 'S-2': 'done', 'S-3': 'in-progress' }, ['S-1', 'S-2', 'S-3']);
    assert.deepEqual(Object.keys(texts), [p('S-2')]);
    assert.deepEqual(plan.refused, [
      { path: p('S-1'), reason: 'S-1 is not done or dropped: there is nothing to reopen' },
      { path: p('S-3'), reason: 'S-3 is not done or dropped: there is nothing to reopen' },
    ]);
  });

  it('takes the status asked for (any case, written as the workflow spells it), only an open one', () => {
    assert.deepEqual(reopen({ 'S-1': 'done' }, ['S-1'], 'In-Progress').texts, { [p('S-1')]: story('S-1', 'in-progress') });
    const closed = reopen({ 'S-1': 'done' }, ['S-1'], 'dropped');
    assert.deepEqual(closed.plan.edits, []);
    assert.deepEqual(closed.plan.refused.map((r) => r.reason), ['"dropped" is done or dropped: a story reopens to an open status']);
    const unknown = reopen({ 'S-1': 'done' }, ['S-1'], 'later');
    assert.deepEqual(unknown.plan.refused.map((r) => r.reason), ['"later" is not a status of the workflow (draft, ready, in-progress, done, dropped)']);
  });

  it('recognises done by meaning: a "Shipped" or configured done status reopens too', () => {
    const { config } = parseConfig({ rudderYml: 'statuses: [idea, ready, live, parked]\ndoneStatus: live\ndroppedStatuses: [parked]\n' });
    assert.deepEqual(reopen({ 'S-1': 'live', 'S-2': 'parked', 'S-3': 'Shipped' }, ['S-1', 'S-2', 'S-3'], undefined, config).plan.edits.length, 3);
  });

  it('when the ready status means done (Backlog.md `To Do, Done`), reopens to the open status right before done', () => {
    const md = parseConfig({ backlogMdConfigYml: 'statuses: ["To Do", "Done"]\n' }).config;
    assert.equal(md.readyStatus, 'Done', 'Backlog.md makes the second status the ready one');
    assert.equal(reopenStatus(md), 'To Do');
    const three = parseConfig({ rudderYml: 'statuses: [backlog, todo, done, wontfix]\nreadyStatus: done\n' }).config;
    assert.equal(reopenStatus(three), 'todo', 'the nearest open status before done, not the first of the workflow');
    const doneFirst = parseConfig({ rudderYml: 'statuses: [done, later, never]\nreadyStatus: done\ndroppedStatuses: [never]\n' }).config;
    assert.equal(reopenStatus(doneFirst), 'later', 'nothing before done: the first open status');
    const allClosed = parseConfig({ rudderYml: 'statuses: [done, dropped]\nreadyStatus: done\n' }).config;
    assert.equal(reopenStatus(allClosed), undefined);
    assert.deepEqual(reopen({ 'S-1': 'done' }, ['S-1'], undefined, allClosed).plan.refused.map((r) => r.reason), ['the workflow has no status that is neither done nor dropped']);
  });

  it("refuses a Backlog.md task done by its folder (completed/): a status cannot reopen it", () => {
    const md = parseConfig({ backlogMdConfigYml: 'statuses: ["To Do", "In Progress", "Done"]\n' }).config;
    const completed = (id: string) => `backlog/completed/${id.toLowerCase()}.md`;
    const { plan } = reopen({ 'task-1': 'Done' }, ['task-1'], undefined, md, completed);
    assert.deepEqual(plan.edits, []);
    assert.deepEqual(plan.refused.map((r) => r.reason), ["task-1 is done by its folder (Backlog.md's completed/): move the file out of it to reopen it"]);
    const tasks = (id: string) => `backlog/tasks/${id.toLowerCase()}.md`;
    assert.deepEqual(reopen({ 'task-1': 'Done' }, ['task-1'], undefined, md, tasks).plan.status, 'In Progress', "Backlog.md's ready status");
  });
});

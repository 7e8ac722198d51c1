import * as assert from 'node:assert/strict';
import { isDone, storyCategory } from '../../../src/core/config/workflow';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { codesOf, loadFixture, pathsWith } from './fixtures';

// D4: with `statuses: [To Do, In Progress, Done, Wontfix]` (as in a real backlog), Done is the done status, Wontfix
// is dropped, and every task in backlog/completed/ is done whatever its status. On the old main, `rudder lint` on this
// fixture gave 3 not-ready warnings (on Done, and on the completed task); the right answer is 1 (task-4).
describe('Backlog.md: done by meaning, not by position (D4)', () => {
  it('takes Done as the done status, Wontfix as dropped, completed/ as done', async () => {
    const index = await loadFixture('d4-done-before-wontfix');
    assert.equal(index.config.doneStatus, 'Done');
    const byId = (id: string) => index.byId(id)[0];
    assert.deepEqual(['task-1', 'task-2', 'task-3', 'task-4'].map((id) => storyCategory(byId(id), index.config)), ['done', 'dropped', 'done', 'doing']);
    assert.equal(isDone(byId('task-3'), index.config), true, 'completed/ is done whatever the status says');
  });

  it('gives no not-ready warning on done, dropped or completed tasks; only on work in progress', async () => {
    const index = await loadFixture('d4-done-before-wontfix');
    assert.deepEqual(pathsWith(index, 'not-ready'), ['backlog/tasks/task-4 - Working.md']);
    assert.deepEqual(codesOf(index, 'backlog/tasks/task-1 - Shipped.md'), []);
  });

  it('draws Done and completed work as done on the roadmap, and Wontfix as dropped', async () => {
    const index = await loadFixture('d4-done-before-wontfix');
    const model = toRoadmap(index, { today: '2026-12-01' });
    const cat = (id: string) => Object.values(model.stories).find((s) => s.id === id)?.category;
    assert.deepEqual(['task-1', 'task-2', 'task-3', 'task-4'].map(cat), ['done', 'dropped', 'done', 'doing']);
  });

  it('reads doneStatuses and droppedStatuses from .rudder.yml, and tells a misnamed one', () => {
    const { config, issues } = parseConfig({ rudderYml: 'statuses: [idea, doing, live, parked, gone]\ndoneStatus: live\ndroppedStatuses: [parked, gonne]\n' });
    assert.deepEqual(issues.map((i) => i.message), ['"droppedStatuses" names "gonne", which is not one of the statuses "idea", "doing", "live", "parked" or "gone". Did you mean "gone"?']);
    const index = new BacklogIndex(config);
    index.upsert('backlog/s-1.md', '---\nid: S-1\ntitle: One\nstatus: parked\n---\n');
    assert.equal(storyCategory(index.byId('S-1')[0], config), 'dropped');
    assert.deepEqual(config.doneStatuses, ['live']);
  });
});

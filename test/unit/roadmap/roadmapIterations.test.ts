import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';

// Iterations on the roadmap's timeline (issue 14): each dated one with what is committed against its capacity.
describe('the roadmap shows the iterations', () => {
  it('lists iterations by start (undated last), with committed points (never an epic\'s), the capacity and the current one', () => {
    const index = new BacklogIndex(parseConfig({ rudderYml: 'velocity: 7\n' }).config);
    index.upsert('backlog/vision.md', '---\ngoals:\n  - id: G1\n    title: Dinner decided by Sunday\n---\n');
    index.upsert('backlog/milestones/m1.md', '---\nid: M1\ntitle: Beta\nstart: 2026-03-02\ndue: 2026-04-30\n---\n');
    index.upsert('backlog/iterations/b.md', '---\nid: It-2\ntitle: Sprint 2\nstart: 2026-03-16\nend: 2026-03-29\n---\n');
    index.upsert('backlog/iterations/a.md', '---\nid: It-1\ntitle: Sprint 1\nstart: 2026-03-02\nend: 2026-03-15\ncapacity: 10\ngoal: G1\n---\n');
    index.upsert('backlog/iterations/c.md', '---\nid: It-3\ntitle: Undated\n---\n');
    index.upsert('backlog/s-1.md', '---\nid: S-1\ntitle: One\nestimate: 5\niteration: It-1\n---\n');
    index.upsert('backlog/s-2.md', '---\nid: S-2\ntitle: Two\nestimate: 3\niteration: sprint 1\n---\n');
    index.upsert('backlog/e-1.md', '---\nid: E-1\ntitle: Epic\ntype: epic\nestimate: 40\niteration: It-1\n---\n');
    const model = toRoadmap(index, { today: '2026-03-20' });
    // The timeline draws the dated ones; the undated one is listed last (its forecast has no end to meet).
    const load = model.iterations.map(({ id, title, start, end, committed, capacity, goal, current, stories }) => ({ id, title, start, end, committed, capacity, goal, current, stories }));
    assert.deepEqual(load, [
      { id: 'It-1', title: 'Sprint 1', start: '2026-03-02', end: '2026-03-15', committed: 8, capacity: 10, goal: 'Dinner decided by Sunday (G1)', current: false, stories: ['backlog/s-1.md', 'backlog/s-2.md'] },
      { id: 'It-2', title: 'Sprint 2', start: '2026-03-16', end: '2026-03-29', committed: 0, capacity: 14, goal: undefined, current: true, stories: [] },
      { id: 'It-3', title: 'Undated', start: undefined, end: undefined, committed: 0, capacity: undefined, goal: undefined, current: false, stories: [] },
    ]);
  });
});

import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { plural } from '../../../src/core/model/plural';
import { countLabel, countStories } from '../../../src/core/query/counts';
import { groupStories } from '../../../src/core/query/groupStories';

function fm(fields: Record<string, string>): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`;
}

describe('counts: stories and epics apart, points of the stories only', () => {
  const index = new BacklogIndex(defaultConfig());
  index.upsert('backlog/milestones/m1.md', fm({ id: 'M1', title: 'Beta' }));
  index.upsert('backlog/e-1.md', fm({ id: 'E-1', title: 'Epic', type: 'epic', estimate: '34', milestone: 'M1', status: 'done' }));
  index.upsert('backlog/s-1.md', fm({ id: 'S-1', title: 'One', estimate: '5', epic: 'E-1', milestone: 'M1', status: 'done' }));
  index.upsert('backlog/s-2.md', fm({ id: 'S-2', title: 'Two', estimate: '8', epic: 'E-1', milestone: 'M1', status: 'ready' }));
  index.upsert('backlog/s-3.md', fm({ id: 'S-3', title: 'Three', type: 'Epic', milestone: 'M1' }));
  index.upsert('backlog/s-4.md', fm({ id: 'S-4', title: 'Four', type: 'bug', milestone: 'M1' }));

  it("never adds an epic's points to its children's, and counts epics (any case of `type`) apart", () => {
    const c = countStories(index.stories(), index.config);
    assert.deepEqual(c, { stories: 3, epics: 2, points: 13, unestimated: 1, done: 1, donePoints: 5 });
    assert.equal(countLabel(c), '3 stories · 13 pts · 2 epics');
  });

  it('a milestone group says what the roadmap says: its stories and their points, the epic apart', () => {
    const m1 = groupStories(index, 'milestone').find((g) => g.key === 'm1')!;
    assert.equal(countLabel(countStories(m1.stories)), '3 stories · 13 pts · 2 epics');
  });

  it('says one in the singular: 1 story, 1 pt, 1 epic, 0 stories', () => {
    assert.equal(countLabel({ stories: 1, epics: 1, points: 1, unestimated: 0, done: 0, donePoints: 0 }), '1 story · 1 pt · 1 epic');
    assert.equal(countLabel({ stories: 0, epics: 0, points: 0, unestimated: 0, done: 0, donePoints: 0 }), '0 stories · 0 pts');
    assert.equal(plural(1, 'issue'), '1 issue');
    assert.equal(plural(2, 'story', 'stories'), '2 stories');
  });
});

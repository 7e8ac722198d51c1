import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { groupStories, storiesOfGroup } from '../../../src/core/query/groupStories';
import { describeFilter, filterStories, isEmptyFilter } from '../../../src/core/query/storyFilter';

function fm(fields: Record<string, string>): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\nBody\n`;
}

function backlog(): BacklogIndex {
  const index = new BacklogIndex(parseConfig({ rudderYml: 'statuses: [To Do, In Progress, Done]\n' }).config);
  index.upsert('backlog/vision.md', '---\ngoals:\n  - id: G1\n    title: One\n  - id: G2\n    title: Two\n---\n');
  index.upsert('backlog/milestones/m1.md', fm({ id: 'M1', title: 'Beta launch' }));
  index.upsert('backlog/e-1.md', fm({ id: 'E-1', title: 'Epic', type: 'epic', rank: 'a0', vision: '[G1]' }));
  index.upsert('backlog/s-1.md', fm({ id: 'S-1', title: 'Import CSV', status: 'in progress', rank: 'a1', epic: 'e-1', milestone: 'beta launch', labels: '[Import]' }));
  index.upsert('backlog/s-2.md', fm({ id: 'S-2', title: 'Export', status: 'IN PROGRESS', rank: 'a2', milestone: 'M1', assignee: '[Ana]', vision: '[G2]' }));
  index.upsert('backlog/s-3.md', fm({ id: 'S-3', title: 'Sync', status: 'Done', rank: 'a3', epic: 'E-9' }));
  index.upsert('backlog/s-4.md', fm({ id: 'S-4', title: 'Later', rank: 'a4' }));
  return index;
}

const ids = (list: readonly { id?: string }[]) => list.map((s) => s.id);

describe('core queries shared by the Backlog view and rudder list', () => {
  it('filters every field without case: status, text, label, assignee, epic, milestone (by id or title), goal', () => {
    const index = backlog();
    assert.deepEqual(ids(filterStories(index, { status: 'In Progress' })), ['S-1', 'S-2'], 'statuses compared without case');
    assert.deepEqual(ids(filterStories(index, { text: 'csv' })), ['S-1']);
    assert.deepEqual(ids(filterStories(index, { label: 'import' })), ['S-1']);
    assert.deepEqual(ids(filterStories(index, { assignee: 'ana' })), ['S-2']);
    assert.deepEqual(ids(filterStories(index, { epic: 'E-1' })), ['S-1']);
    assert.deepEqual(ids(filterStories(index, { milestone: 'm1' })), ['S-1', 'S-2'], 'a story naming the milestone by its title belongs to it');
    assert.deepEqual(ids(filterStories(index, { milestone: 'Beta Launch' })), ['S-1', 'S-2']);
    assert.deepEqual(ids(filterStories(index, { goal: 'g1' })), ['E-1', 'S-1'], 'through its epic');
    assert.deepEqual(ids(filterStories(index, { status: 'in progress', goal: 'G2' })), ['S-2'], 'fields combine');
    assert.ok(isEmptyFilter({}) && isEmptyFilter(undefined) && !isEmptyFilter({ goal: 'G1' }));
    assert.equal(describeFilter({ status: 'Done', text: 'csv' }), '"csv" · status: Done');
  });

  it('groups by status in workflow order, whatever the case of the files; unknown values then "No …" last', () => {
    const index = backlog();
    const groups = groupStories(index, 'status');
    assert.deepEqual(groups.map((g) => [g.label, ids(g.stories)]), [['In Progress', ['S-1', 'S-2']], ['Done', ['S-3']], ['No status', ['E-1', 'S-4']]]);
    const epics = groupStories(index, 'epic');
    assert.deepEqual(epics.map((g) => [g.label, g.notFound, ids(g.stories)]), [['Epic', false, ['S-1']], ['E-9 (not found)', true, ['S-3']], ['No epic', false, ['S-2', 'S-4']]]);
    const milestones = groupStories(index, 'milestone');
    assert.deepEqual(milestones.map((g) => [g.key, ids(g.stories)]), [['m1', ['S-1', 'S-2']], ['', ['E-1', 'S-3', 'S-4']]]);
    const goals = groupStories(index, 'goal');
    assert.deepEqual(goals.map((g) => [g.label, ids(g.stories)]), [['One', ['E-1', 'S-1']], ['Two', ['S-2']], ['No goal', ['S-3', 'S-4']]]);
  });

  it('storiesOfGroup is exactly a group\'s rows (the neighbours a move inside a group uses)', () => {
    const index = backlog();
    for (const grouping of ['status', 'epic', 'milestone', 'goal'] as const) {
      for (const g of groupStories(index, grouping)) assert.deepEqual(ids(storiesOfGroup(index, grouping, g.key)), ids(g.stories), `${grouping}:${g.key}`);
    }
    assert.deepEqual(ids(storiesOfGroup(index, 'status', 'IN PROGRESS')), ['S-1', 'S-2']);
    assert.deepEqual(ids(storiesOfGroup(index, 'epic', 'E-1')), ['S-1']);
  });

  it('groups with a filter leave empty groups out', () => {
    const index = backlog();
    assert.deepEqual(groupStories(index, 'epic', { text: 'export' }).map((g) => g.label), ['No epic']);
  });
});

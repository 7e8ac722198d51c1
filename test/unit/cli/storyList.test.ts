import * as assert from 'node:assert/strict';
import { formatListText, sortEntries, type JsonListStory } from '../../../src/cli/format/storyList';

function entry(id: string, over: Partial<JsonListStory> = {}): JsonListStory {
  return {
    id,
    title: `Story ${id}`,
    type: 'story',
    status: 'ready',
    rank: null,
    priority: null,
    estimate: null,
    epic: null,
    milestone: null,
    vision: [],
    file: `backlog/${id}.md`,
    acceptanceCriteria: { total: 0, done: 0 },
    definitionOfDone: { total: 0, done: 0 },
    wsjf: null,
    rice: null,
    draft: false,
    ...over,
  };
}

describe('cli list formatting and sorting', () => {
  const list = [entry('S-1', { wsjf: 2, priority: 'could' }), entry('S-2', { wsjf: null, priority: 'must' }), entry('S-3', { wsjf: 5, rice: 10 }), entry('S-4', { wsjf: 2, priority: 'must' })];

  it('sorts by score highest first, ties and missing scores keeping backlog order', () => {
    assert.deepEqual(sortEntries(list, 'wsjf', []).map((e) => e.id), ['S-3', 'S-1', 'S-4', 'S-2']);
    assert.deepEqual(sortEntries(list, 'rice', []).map((e) => e.id), ['S-3', 'S-1', 'S-2', 'S-4']);
    assert.deepEqual(sortEntries(list, 'rank', []).map((e) => e.id), ['S-1', 'S-2', 'S-3', 'S-4']);
  });

  it('sorts by priority in the configured order, unknown and missing last', () => {
    assert.deepEqual(sortEntries(list, 'priority', ['must', 'should', 'could', 'wont']).map((e) => e.id), ['S-2', 'S-4', 'S-1', 'S-3']);
  });

  it('prints an aligned table with AC done/total and dashes for missing values', () => {
    const text = formatListText([
      entry('S-1', { status: 'in-progress', priority: 'must', estimate: 13, acceptanceCriteria: { total: 4, done: 1 }, title: 'Export  CSV' }),
      entry('S-22', { status: null }),
    ]);
    assert.equal(
      text,
      ['ID    STATUS       PRIORITY  EST   AC  TITLE', 'S-1   in-progress  must       13  1/4  Export CSV', 'S-22  —            —           —    —  Story S-22', ''].join('\n'),
    );
  });
});

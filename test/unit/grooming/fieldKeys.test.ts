import * as assert from 'node:assert/strict';
import { keyFor } from '../../../src/core/grooming/fieldKeys';
import { parseStory } from '../../../src/core/parse/parseStory';

const storyWith = (lines: string) => parseStory('backlog/stories/s.md', `---\nid: S-1\ntitle: One\n${lines}---\n`);

describe('grooming: the front-matter key of a field', () => {
  it('uses the field name when no story has the field yet', () => {
    assert.equal(keyFor([storyWith('')], 'epic'), 'epic');
    assert.equal(keyFor([storyWith('')], 'depends_on'), 'depends_on');
    assert.equal(keyFor([], 'epic'), 'epic');
    assert.equal(keyFor([storyWith('')], 'vision'), 'vision', 'a field without aliases');
  });

  it('keeps the alias a story already uses: parent_task_id, parent, dependencies', () => {
    assert.equal(keyFor([storyWith('parent_task_id: E-1\n')], 'epic'), 'parent_task_id');
    assert.equal(keyFor([storyWith('parent: E-1\n')], 'epic'), 'parent');
    assert.equal(keyFor([storyWith('dependencies: [S-2]\n')], 'depends_on'), 'dependencies');
    assert.equal(keyFor([storyWith('vision: [G1]\n')], 'vision'), 'vision');
  });

  it('takes the key the parser reads when a story has two (the first of the table), whatever their order in the file', () => {
    const both = storyWith('dependencies: [S-3]\ndepends_on: [S-2]\n');
    assert.deepEqual(both.dependsOn, ['S-2'], 'the parser reads depends_on');
    assert.equal(keyFor([both], 'depends_on'), 'depends_on');
    const epicAndParent = storyWith('parent: E-2\nepic: E-1\n');
    assert.equal(epicAndParent.epic, 'E-1');
    assert.equal(keyFor([epicAndParent], 'epic'), 'epic');
  });

  it('follows the first story that has the field, skipping stories without it', () => {
    assert.equal(keyFor([storyWith(''), storyWith('parent_task_id: E-1\n'), storyWith('epic: E-2\n')], 'epic'), 'parent_task_id');
    assert.equal(keyFor([storyWith('epic: E-2\n'), storyWith('parent_task_id: E-1\n')], 'epic'), 'epic');
  });

  it('does not take an unrelated key that merely contains the name', () => {
    assert.equal(keyFor([storyWith('epic_note: x\nparents: [a]\n')], 'epic'), 'epic');
  });
});

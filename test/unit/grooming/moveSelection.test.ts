import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { moveSelection, selectionMoveTarget } from '../../../src/core/grooming/reorderStories';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import type { OrderPlan } from '../../../src/core/grooming/reorderStories';

const p = (id: string) => `backlog/stories/${id.toLowerCase()}.md`;

/** An index of S-1..S-6 ranked a1..a6. */
function sixRanked(): BacklogIndex {
  const index = new BacklogIndex(defaultConfig());
  for (let i = 1; i <= 6; i++) index.upsert(p(`S-${i}`), `---\nid: S-${i}\ntitle: Story ${i}\nrank: a${i}\n---\n`);
  return index;
}

/** Applies a plan to the index and returns the ids in backlog order. */
function after(index: BacklogIndex, plan: OrderPlan): string[] {
  for (const fe of plan.edits) index.upsert(fe.path, applyEdits(index.text(fe.path)!, fe.edits));
  return index.stories().map((s) => s.id!);
}

function move(paths: string[], direction: 'up' | 'down' | 'top' | 'bottom', groupIds?: string[]): string[] {
  const index = sixRanked();
  const group = groupIds && index.stories().filter((s) => groupIds.includes(s.id!));
  return after(index, moveSelection(index.stories(), paths.map(p), direction, index.config, (x) => index.text(x), group));
}

describe('grooming: moving a multi-selection', () => {
  it('moves a block up past the story above its first, and down past the story below its last, keeping its order', () => {
    assert.deepEqual(move(['S-3', 'S-4'], 'up'), ['S-1', 'S-3', 'S-4', 'S-2', 'S-5', 'S-6']);
    assert.deepEqual(move(['S-3', 'S-4'], 'down'), ['S-1', 'S-2', 'S-5', 'S-3', 'S-4', 'S-6']);
  });

  it('moves a scattered selection together (it closes up around its neighbour)', () => {
    assert.deepEqual(move(['S-2', 'S-5'], 'up'), ['S-2', 'S-5', 'S-1', 'S-3', 'S-4', 'S-6']);
    assert.deepEqual(move(['S-2', 'S-5'], 'down'), ['S-1', 'S-3', 'S-4', 'S-6', 'S-2', 'S-5']);
  });

  it('moves a block to the top and to the bottom of the backlog', () => {
    assert.deepEqual(move(['S-4', 'S-6'], 'top'), ['S-4', 'S-6', 'S-1', 'S-2', 'S-3', 'S-5']);
    assert.deepEqual(move(['S-1', 'S-3'], 'bottom'), ['S-2', 'S-4', 'S-5', 'S-6', 'S-1', 'S-3']);
  });

  it('stays put at the edges: writes nothing', () => {
    const index = sixRanked();
    const text = (x: string) => index.text(x);
    assert.equal(moveSelection(index.stories(), [p('S-1'), p('S-2')], 'up', index.config, text).edits.length, 0);
    assert.equal(moveSelection(index.stories(), [p('S-5'), p('S-6')], 'down', index.config, text).edits.length, 0);
    assert.equal(moveSelection(index.stories(), [p('S-1'), p('S-2')], 'top', index.config, text).edits.length, 0);
  });

  it('inside a tree group, takes the neighbours and the ends of the group, not of the backlog', () => {
    // Group: S-2, S-4, S-5, S-6. Up: S-5+S-6 go before S-4 (the group's story above), not before S-4's backlog neighbour.
    assert.deepEqual(move(['S-5', 'S-6'], 'up', ['S-2', 'S-4', 'S-5', 'S-6']), ['S-1', 'S-2', 'S-3', 'S-5', 'S-6', 'S-4']);
    // Top of the group = before S-2 (S-1 is not in the group and stays first).
    assert.deepEqual(move(['S-5', 'S-6'], 'top', ['S-2', 'S-4', 'S-5', 'S-6']), ['S-1', 'S-5', 'S-6', 'S-2', 'S-3', 'S-4']);
    // Bottom of the group = after S-5, the group's last.
    assert.deepEqual(move(['S-2', 'S-4'], 'bottom', ['S-2', 'S-4', 'S-5']), ['S-1', 'S-3', 'S-5', 'S-2', 'S-4', 'S-6']);
  });

  it('one selected story moves as moveStory says (bottom = after the last ranked story)', () => {
    const index = sixRanked();
    index.upsert(p('U-1'), '---\nid: U-1\ntitle: Unranked\n---\n');
    const plan = moveSelection(index.stories(), [p('S-2')], 'bottom', index.config, (x) => index.text(x));
    assert.deepEqual(after(index, plan), ['S-1', 'S-3', 'S-4', 'S-5', 'S-6', 'S-2', 'U-1']);
  });

  it('computes the target of a block: neighbours of its ends, the list ends in a group, the backlog ends outside one', () => {
    const index = sixRanked();
    const list = index.stories();
    assert.deepEqual(selectionMoveTarget(list, [p('S-3'), p('S-4')], 'up', false), { before: p('S-2') });
    assert.deepEqual(selectionMoveTarget(list, [p('S-3'), p('S-4')], 'down', false), { after: p('S-5') });
    assert.equal(selectionMoveTarget(list, [p('S-3'), p('S-4')], 'top', false), 'top');
    assert.equal(selectionMoveTarget(list, [p('S-3'), p('S-4')], 'bottom', false), 'bottom');
    const group = list.filter((s) => ['S-2', 'S-3', 'S-4'].includes(s.id!));
    assert.deepEqual(selectionMoveTarget(group, [p('S-3'), p('S-4')], 'top', true), { before: p('S-2') });
    assert.deepEqual(selectionMoveTarget(group, [p('S-2'), p('S-3')], 'bottom', true), { after: p('S-4') });
    assert.equal(selectionMoveTarget(group, [p('S-2'), p('S-3')], 'up', true), undefined);
    assert.equal(selectionMoveTarget(group, [p('S-1'), p('S-6')], 'down', true), undefined, 'a selection outside the group does not move');
    assert.equal(selectionMoveTarget([], [p('S-1'), p('S-2')], 'top', true), undefined);
  });
});

import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/parseConfig';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import type { FileEdit } from '../../../src/core/model/range';
import { parseStory } from '../../../src/core/parse/parseStory';
import { archiveDone } from '../../../src/core/grooming/archiveDone';
import { chainEdits, diffEdit } from '../../../src/core/grooming/fileText';
import { nextToGroom, groomingQueue } from '../../../src/core/grooming/groomingQueue';
import { markReady } from '../../../src/core/grooming/markReady';
import { newItem } from '../../../src/core/grooming/newItem';
import { mergeOrderEdits, moveStories, moveStory, reorderStories } from '../../../src/core/grooming/reorderStories';
import { rebalanceRanks, rerankByScore } from '../../../src/core/grooming/rerankByScore';
import { editListPlan, setFieldsPlan } from '../../../src/core/grooming/setFields';
import { backlogMdTitle, seenIds, splitStory } from '../../../src/core/grooming/splitStory';
import { parseConfig } from '../../../src/core/config/parseConfig';

const story = (id: string, extra: string, body = '\nAs a user, I want it, so that it works.\n'): string => `---\nid: ${id}\ntitle: Story ${id}\n${extra}---\n${body}`;

/** Builds an index over `files` (path → text). */
function indexOf(files: Record<string, string>): BacklogIndex {
  const index = new BacklogIndex(defaultConfig());
  for (const [p, t] of Object.entries(files)) index.upsert(p, t);
  return index;
}

/** Applies a plan's file edits to the index's texts; returns the changed texts by path. */
function apply(index: BacklogIndex, edits: readonly FileEdit[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const fe of edits) out[fe.path] = applyEdits(fe.create ? '' : (index.text(fe.path) ?? ''), fe.edits);
  return out;
}

/** Applies edits to the index itself and returns the ids in backlog order. */
function applyAndOrder(index: BacklogIndex, edits: readonly FileEdit[]): string[] {
  for (const [p, t] of Object.entries(apply(index, edits))) index.upsert(p, t);
  return index.stories().map((s) => s.id ?? s.path);
}

const ids = (index: BacklogIndex) => index.stories().map((s) => s.id);
const text = (index: BacklogIndex) => (p: string) => index.text(p);
const p = (id: string) => `backlog/stories/${id.toLowerCase()}.md`;

function fiveRanked(): BacklogIndex {
  return indexOf({
    [p('S-1')]: story('S-1', 'rank: a1\n'),
    [p('S-2')]: story('S-2', 'rank: a2\n'),
    [p('S-3')]: story('S-3', 'rank: a3\n'),
    [p('S-4')]: story('S-4', 'rank: a4\n'),
    [p('S-5')]: story('S-5', 'rank: a5\n'),
  });
}

describe('grooming: moves among Backlog.md ordinals', () => {
  // Backlog.md orders tasks by `ordinal` (1000, 2000, …); Rudder writes a new ordinal, in that one file, when a story
  // ordered by ordinal moves among such stories, instead of giving it (and maybe its neighbours) a rank.
  const ordinals = (extra: Record<string, string> = {}) =>
    indexOf({
      [p('T-1')]: story('T-1', 'ordinal: 1000\n'),
      [p('T-2')]: story('T-2', 'ordinal: 2000\n'),
      [p('T-3')]: story('T-3', 'ordinal: 3000\n'),
      [p('T-4')]: story('T-4', 'ordinal: 4000\n'),
      ...extra,
    });
  const only = (index: BacklogIndex, plan: { edits: readonly FileEdit[] }, id: string, value: string) => {
    assert.deepEqual(plan.edits.map((e) => e.path), [p(id)], 'one file');
    assert.equal(apply(index, plan.edits)[p(id)], index.text(p(id))!.replace(/^ordinal: .*$/m, `ordinal: ${value}`), 'only the ordinal value');
  };

  it('moves down between two ordinals (their midpoint), to the bottom (the last + 1000), and up to the top', () => {
    let index = ordinals();
    const down = moveStory(index.stories(), p('T-2'), 'down', index.config, text(index));
    only(index, down, 'T-2', '3500');
    assert.deepEqual(applyAndOrder(index, down.edits), ['T-1', 'T-3', 'T-2', 'T-4']);
    index = ordinals();
    const bottom = moveStory(index.stories(), p('T-1'), 'bottom', index.config, text(index));
    only(index, bottom, 'T-1', '5000');
    assert.deepEqual(applyAndOrder(index, bottom.edits), ['T-2', 'T-3', 'T-4', 'T-1']);
    index = ordinals();
    const top = moveStory(index.stories(), p('T-3'), 'top', index.config, text(index));
    only(index, top, 'T-3', '0');
    assert.deepEqual(applyAndOrder(index, top.edits), ['T-3', 'T-1', 'T-2', 'T-4']);
  });

  it('goes to the front of the ordinal stories, after the ranked ones, with a lower ordinal', () => {
    const index = ordinals({ [p('R-1')]: story('R-1', 'rank: a1\n'), [p('U-1')]: story('U-1', 'priority: must\n') });
    assert.deepEqual(ids(index), ['R-1', 'T-1', 'T-2', 'T-3', 'T-4', 'U-1']);
    const plan = moveStories(index.stories(), [p('T-3')], { after: p('R-1') }, index.config, text(index));
    only(index, plan, 'T-3', '0');
    const bottom = moveStory(index.stories(), p('T-1'), 'bottom', index.config, text(index));
    only(index, bottom, 'T-1', '5000');
    assert.deepEqual(applyAndOrder(index, bottom.edits), ['R-1', 'T-2', 'T-3', 'T-4', 'T-1', 'U-1'], 'the unranked story stays last');
  });

  it('chains a group field change and the new ordinal (or rank) of one file into one edit (a drop into a group)', () => {
    const index = ordinals();
    const plan = moveStories(index.stories(), [p('T-1')], { after: p('T-3') }, index.config, text(index));
    const fields = setFieldsPlan([p('T-1')], { status: 'done' }, text(index));
    const merged = mergeOrderEdits(fields.edits, plan, text(index));
    assert.deepEqual(merged.map((e) => e.path), [p('T-1')], 'one edit for the file');
    assert.equal(apply(index, merged)[p('T-1')], story('T-1', 'ordinal: 3500\nstatus: done\n'));
    const ranked = fiveRanked();
    const rankPlan = moveStories(ranked.stories(), [p('S-5')], 'top', ranked.config, text(ranked));
    const rankMerged = mergeOrderEdits(setFieldsPlan([p('S-5')], { status: 'ready' }, text(ranked)).edits, rankPlan, text(ranked));
    assert.equal(apply(ranked, rankMerged)[p('S-5')], story('S-5', `rank: ${rankPlan.ranks.get(p('S-5'))}\nstatus: ready\n`));
  });

  it('falls back to rank keys when the move leaves the ordinal stories, or equal ordinals leave no room', () => {
    const index = ordinals({ [p('R-1')]: story('R-1', 'rank: a1\n') });
    const above = moveStories(index.stories(), [p('T-2')], 'top', index.config, text(index));
    assert.deepEqual(apply(index, above.edits)[p('T-2')], index.text(p('T-2'))!.replace('ordinal: 2000\n', 'ordinal: 2000\nrank: a0\n'));
    assert.deepEqual(applyAndOrder(index, above.edits), ['T-2', 'R-1', 'T-1', 'T-3', 'T-4']);
    const twins = indexOf({ [p('T-1')]: story('T-1', 'ordinal: 1000\n'), [p('T-2')]: story('T-2', 'ordinal: 1000\n'), [p('T-3')]: story('T-3', 'ordinal: 1000\n') });
    const between = moveStories(twins.stories(), [p('T-3')], { after: p('T-1') }, twins.config, text(twins));
    assert.ok(between.ranks.size > 0 && !between.ordinals, 'equal ordinals: ranks');
    assert.deepEqual(applyAndOrder(twins, between.edits), ['T-1', 'T-3', 'T-2']);
  });
});

describe('grooming: moves', () => {
  it('moves a story up by rewriting only its own rank value', () => {
    const index = fiveRanked();
    const plan = moveStory(index.stories(), p('S-3'), 'up', index.config, text(index));
    assert.equal(plan.edits.length, 1);
    assert.equal(plan.edits[0].path, p('S-3'));
    const after = apply(index, plan.edits)[p('S-3')];
    assert.equal(after, story('S-3', 'rank: a1V\n'));
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-1', 'S-3', 'S-2', 'S-4', 'S-5']);
  });

  it('moves down, to the top (before the first) and to the bottom (after the last)', () => {
    let index = fiveRanked();
    assert.deepEqual(applyAndOrder(index, moveStory(index.stories(), p('S-2'), 'down', index.config, text(index)).edits), ['S-1', 'S-3', 'S-2', 'S-4', 'S-5']);
    index = fiveRanked();
    const top = moveStory(index.stories(), p('S-4'), 'top', index.config, text(index));
    assert.equal(top.edits.length, 1);
    assert.ok((top.ranks.get(p('S-4')) as string) < 'a1');
    assert.deepEqual(applyAndOrder(index, top.edits), ['S-4', 'S-1', 'S-2', 'S-3', 'S-5']);
    index = fiveRanked();
    const bottom = moveStory(index.stories(), p('S-1'), 'bottom', index.config, text(index));
    assert.equal(bottom.edits.length, 1);
    assert.deepEqual(applyAndOrder(index, bottom.edits), ['S-2', 'S-3', 'S-4', 'S-5', 'S-1']);
  });

  it('does nothing for the first story moved up or the last moved down', () => {
    const index = fiveRanked();
    assert.equal(moveStory(index.stories(), p('S-1'), 'up', index.config, text(index)).edits.length, 0);
    assert.equal(moveStory(index.stories(), p('S-5'), 'down', index.config, text(index)).edits.length, 0);
    assert.equal(moveStory(index.stories(), p('S-1'), 'top', index.config, text(index)).edits.length, 0);
  });

  it('moves within a visible group: the neighbour is the previous story of the group', () => {
    const index = fiveRanked();
    const group = index.stories().filter((s) => ['S-1', 'S-3', 'S-5'].includes(s.id!));
    const plan = moveStory(index.stories(), p('S-5'), 'up', index.config, text(index), group);
    assert.equal(plan.edits.length, 1);
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-1', 'S-2', 'S-5', 'S-3', 'S-4']);
  });

  it('adds the rank key to a story without one, keeping comments and CRLF', () => {
    const crlf = '---\r\nid: S-9 # the id\r\ntitle: No rank\r\nstatus: draft # comment\r\n---\r\n\r\nBody\r\n';
    const index = indexOf({ [p('S-1')]: story('S-1', 'rank: a1\n'), [p('S-9')]: crlf });
    assert.deepEqual(ids(index), ['S-1', 'S-9']);
    const plan = moveStory(index.stories(), p('S-9'), 'top', index.config, text(index));
    const out = apply(index, plan.edits)[p('S-9')];
    assert.equal(out, '---\r\nid: S-9 # the id\r\ntitle: No rank\r\nstatus: draft # comment\r\nrank: a0\r\n---\r\n\r\nBody\r\n');
  });

  it('moves between equal keys (after a merge) by giving the moved story and one twin fresh keys', () => {
    const index = indexOf({
      [p('S-1')]: story('S-1', 'rank: a1\n'),
      [p('S-2')]: story('S-2', 'rank: a1\n'),
      [p('S-3')]: story('S-3', 'rank: a3\n'),
    });
    assert.deepEqual(ids(index), ['S-1', 'S-2', 'S-3']); // equal keys: ordered by id
    assert.ok(index.issues(p('S-2')).some((i) => i.code === 'equal-rank'));
    const plan = moveStories(index.stories(), [p('S-3')], { after: p('S-1') }, index.config, text(index));
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-1', 'S-3', 'S-2']);
    assert.equal(plan.edits.length, 2);
    assert.ok(!index.issues(p('S-2')).some((i) => i.code === 'equal-rank'));
  });

  it("applies the equal-rank quick fix and keeps the id order", () => {
    const index = indexOf({ [p('S-1')]: story('S-1', 'rank: a1\n'), [p('S-2')]: story('S-2', 'rank: a1\n'), [p('S-3')]: story('S-3', 'rank: a2\n') });
    const fix = index.issues(p('S-2')).find((i) => i.code === 'equal-rank')?.fixes?.[0];
    assert.ok(fix, 'the second twin has a fix');
    assert.deepEqual(applyAndOrder(index, fix.edits), ['S-1', 'S-2', 'S-3']);
    assert.equal(index.issues(p('S-1')).filter((i) => i.code === 'equal-rank').length, 0);
  });

  it('moves several stories together, keeping their relative order, with n keys between two neighbours', () => {
    const index = fiveRanked();
    const plan = moveStories(index.stories(), [p('S-5'), p('S-2')], { before: p('S-1') }, index.config, text(index));
    assert.equal(plan.edits.length, 2);
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-2', 'S-5', 'S-1', 'S-3', 'S-4']);
  });

  it('ranks unranked stories that must come before a ranked one; an unranked tail stays unranked', () => {
    const index = indexOf({
      [p('S-1')]: story('S-1', 'rank: a1\n'),
      [p('S-2')]: story('S-2', 'priority: must\n'),
      [p('S-3')]: story('S-3', 'priority: could\n'),
    });
    assert.deepEqual(ids(index), ['S-1', 'S-2', 'S-3']);
    const plan = moveStories(index.stories(), [p('S-1')], 'bottom', index.config, text(index));
    assert.deepEqual([...plan.ranks.keys()].sort(), [p('S-1'), p('S-2'), p('S-3')]);
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-2', 'S-3', 'S-1']);
    const index2 = indexOf({ [p('S-1')]: story('S-1', 'rank: a1\n'), [p('S-2')]: story('S-2', 'priority: must\n'), [p('S-3')]: story('S-3', 'priority: could\n') });
    const up = moveStory(index2.stories(), p('S-3'), 'up', index2.config, text(index2));
    assert.deepEqual([...up.ranks.keys()], [p('S-3')]);
    assert.deepEqual(applyAndOrder(index2, up.edits), ['S-1', 'S-3', 'S-2']);
  });

  it('re-keys the minimal set: a longest increasing run stays in place', () => {
    const index = fiveRanked();
    const s = index.stories();
    const plan = reorderStories([s[1], s[2], s[3], s[4], s[0]], index.config, text(index));
    assert.deepEqual([...plan.ranks.keys()], [p('S-1')]);
  });
});

describe('grooming: fields', () => {
  it('sets status on several stories (bulk), adding the key where it is missing', () => {
    const index = indexOf({ [p('S-1')]: story('S-1', 'status: draft # keep\n'), [p('S-2')]: story('S-2', '') });
    const plan = setFieldsPlan([p('S-1'), p('S-2')], { status: 'ready' }, text(index));
    const out = apply(index, plan.edits);
    assert.equal(out[p('S-1')], story('S-1', 'status: ready # keep\n'));
    assert.equal(out[p('S-2')], story('S-2', 'status: ready\n'));
  });

  it('writes the WSJF inputs of one story as one edit, keeping CRLF', () => {
    const t = '---\r\nid: S-1\r\ntitle: T\r\nvalue: 3\r\n---\r\n';
    const index = indexOf({ [p('S-1')]: t });
    const plan = setFieldsPlan([p('S-1')], { value: 8, time_criticality: 5, risk_reduction: 2 }, text(index));
    assert.equal(plan.edits[0].edits.length, 1);
    assert.equal(apply(index, plan.edits)[p('S-1')], '---\r\nid: S-1\r\ntitle: T\r\nvalue: 8\r\ntime_criticality: 5\r\nrisk_reduction: 2\r\n---\r\n');
  });

  it('skips a story whose front matter is broken and reports it', () => {
    const index = indexOf({ [p('S-1')]: '---\nid: S-1\ntitle: [broken\n---\n' });
    const plan = setFieldsPlan([p('S-1')], { status: 'ready' }, text(index));
    assert.deepEqual(plan.edits, []);
    assert.deepEqual(plan.skipped, [p('S-1')]);
  });

  it('adds and removes list items keeping flow and block style', () => {
    const index = indexOf({
      [p('S-1')]: story('S-1', 'vision: [G1, G2]\n'),
      [p('S-2')]: story('S-2', 'vision:\n  - G1 # first\n  - G2\n'),
      [p('S-3')]: story('S-3', ''),
    });
    const plan = editListPlan(index.stories(), 'vision', (s) => s.vision, ['G3'], ['G2'], text(index));
    const out = apply(index, plan.edits);
    assert.equal(out[p('S-1')], story('S-1', 'vision: [G1, G3]\n'));
    assert.equal(out[p('S-2')], story('S-2', 'vision:\n  - G1 # first\n  - G3\n'));
    assert.equal(out[p('S-3')], story('S-3', 'vision: [G3]\n'));
  });

  it('chains edits into one minimal replacement and diffs texts', () => {
    assert.deepEqual(diffEdit('abc', 'abc'), []);
    assert.deepEqual(diffEdit('a\nb\nc', 'a\nX\nc'), [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: 'X' }]);
    const e = chainEdits('x', [() => [], () => [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: 'y' }]]);
    assert.equal(applyEdits('x', e), 'xy');
  });
});

describe('grooming: mark ready', () => {
  it('lists each failing check with a remedy', () => {
    const index = indexOf({
      'backlog/vision.md': '---\ngoals:\n  - id: G1\n    title: Goal\n---\n',
      [p('S-1')]: story('S-1', 'status: draft\n', '\nJust text.\n'),
    });
    const plan = markReady(index.story(p('S-1'))!, index, text(index));
    assert.equal(plan.ready, false);
    if (plan.ready) return;
    assert.deepEqual(plan.failures.map((f) => f.check), ['acceptance-criteria', 'vision-link', 'estimate']);
    assert.deepEqual(plan.failures.map((f) => f.remedy?.kind), ['edit', 'command', 'command']);
    const ac = plan.failures[0].remedy;
    assert.ok(ac && ac.kind === 'edit');
    const after = apply(index, ac.edits)[p('S-1')];
    assert.match(after, /## Acceptance Criteria\n\n- \[ \] Given <context>/);
  });

  it('sets the ready status when the Definition of Ready holds', () => {
    const index = indexOf({ [p('S-1')]: story('S-1', 'status: draft\nestimate: 3\n', '\n## Acceptance Criteria\n\n- [ ] Given x, when y, then z\n') });
    const plan = markReady(index.story(p('S-1'))!, index, text(index));
    assert.ok(plan.ready);
    assert.equal(apply(index, plan.edits)[p('S-1')], story('S-1', 'status: ready\nestimate: 3\n', '\n## Acceptance Criteria\n\n- [ ] Given x, when y, then z\n'));
  });

  it('opens an open dependency', () => {
    const index = new BacklogIndex({ ...defaultConfig(), definitionOfReady: ['acceptance-criteria', 'estimate', 'no-open-dependencies'] });
    index.upsert(p('S-1'), story('S-1', 'estimate: 3\ndepends_on: [S-2]\n', '\n## Acceptance Criteria\n\n- [ ] a\n'));
    index.upsert(p('S-2'), story('S-2', 'status: draft\n'));
    const plan = markReady(index.story(p('S-1'))!, index, text(index));
    assert.ok(!plan.ready && plan.failures[0].check === 'no-open-dependencies' && plan.failures[0].remedy?.kind === 'open');
  });
});

describe('grooming: split and new items', () => {
  const body = '\nAs a user, I want it, so that it works.\n\n## Acceptance Criteria\n\n- [ ] first\n- [x] second\n- [ ] third\n';

  it('splits picked criteria into a new story ranked right after the original, in one plan for both files', () => {
    const index = indexOf({
      [p('S-1')]: story('S-1', 'rank: a1\nepic: E-1\nmilestone: M1\npriority: must\nvision: [G1]\n', body),
      [p('S-2')]: story('S-2', 'rank: a2\n'),
      [p('S-3')]: story('S-3', 'rank: a3\nsplit_from: S-7\n'),
    });
    const plan = splitStory(index.story(p('S-1'))!, index, text(index), { criteria: [1, 2], title: 'Second half' });
    assert.ok(plan);
    assert.equal(plan.id, 'S-8', 'S-7 was mentioned by split_from: never reused');
    assert.equal(plan.path, 'backlog/stories/s-8.md');
    assert.equal(plan.edits.length, 2);
    const out = apply(index, plan.edits);
    assert.equal(out[p('S-1')], story('S-1', 'rank: a1\nepic: E-1\nmilestone: M1\npriority: must\nvision: [G1]\n', '\nAs a user, I want it, so that it works.\n\n## Acceptance Criteria\n\n- [ ] first\n'));
    const created = parseStory(plan.path, out[plan.path]);
    assert.equal(created.title, 'Second half');
    assert.equal(created.epic, 'E-1');
    assert.equal(created.milestone, 'M1');
    assert.equal(created.priority, 'must');
    assert.deepEqual(created.vision, ['G1']);
    assert.equal(created.splitFrom, 'S-1');
    assert.deepEqual(created.acceptanceCriteria?.items.map((i) => i.text), ['second', 'third']);
    assert.deepEqual(created.acceptanceCriteria?.items.map((i) => i.checked), [true, false], 'a done criterion stays done');
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-1', 'S-8', 'S-2', 'S-3']);
  });

  it('moves a criterion with its nested items, re-indented under the new checkbox', () => {
    const nested = '\nAs a user, I want it, so that it works.\n\n## Acceptance Criteria\n\n- [ ] first\n1. [x] second\n   - only CSV\n     and TSV\n- [ ] third\n';
    const index = indexOf({ [p('S-1')]: story('S-1', 'rank: a1\n', nested) });
    const plan = splitStory(index.story(p('S-1'))!, index, text(index), { criteria: [1], title: 'Second' })!;
    const out = apply(index, plan.edits);
    assert.equal(out[p('S-1')], story('S-1', 'rank: a1\n', '\nAs a user, I want it, so that it works.\n\n## Acceptance Criteria\n\n- [ ] first\n- [ ] third\n'));
    assert.ok(out[plan.path].endsWith('## Acceptance Criteria\n\n- [x] second\n  - only CSV\n    and TSV\n'), out[plan.path]);
    assert.deepEqual(parseStory(plan.path, out[plan.path]).acceptanceCriteria?.items.map((i) => [i.text, i.checked]), [['second', true]]);
  });

  it('never reuses an id, even when the highest story was deleted (high-water mark)', () => {
    const index = indexOf({ [p('S-1')]: story('S-1', 'rank: a1\n', body) });
    assert.deepEqual(seenIds(index), ['S-1']);
    const plan = splitStory(index.story(p('S-1'))!, index, text(index), { criteria: [0], title: 'x', knownIds: ['S-41'] });
    assert.equal(plan?.id, 'S-42');
    const random = newItem(index, { kind: 'story', title: 'R', random: () => 0.5 });
    assert.match(random.id, /^S-2-[0-9a-z]{4}$/);
  });

  it('never hands out the id of an archived story (it is in the archive folder, not in the backlog)', () => {
    const index = indexOf({
      [p('S-1')]: story('S-1', 'rank: a1\n', body),
      'backlog/archive/stories/s-9.md': story('S-9', 'rank: a2\nstatus: done\n', body),
    });
    assert.deepEqual(index.stories().map((s) => s.id), ['S-1'], 'the archived story is not in the backlog');
    assert.deepEqual(index.idsElsewhere(), ['S-9']);
    assert.equal(newItem(index, { kind: 'story', title: 'Next' }).id, 'S-10');
    assert.equal(splitStory(index.story(p('S-1'))!, index, text(index), { criteria: [0], title: 'x' })?.id, 'S-10');
  });

  it('creates a story at the top, the bottom, or after the selected one, with the cursor range on the title', () => {
    const index = fiveRanked();
    const top = newItem(index, { kind: 'story', title: 'New at top', position: 'top' });
    assert.equal(top.id, 'S-6');
    assert.equal(top.path, 'backlog/stories/s-6.md');
    const t = apply(index, top.edits)[top.path];
    const lines = t.split('\n');
    assert.equal(lines[top.titleRange.start.line].slice(top.titleRange.start.character, top.titleRange.end.character), 'New at top');
    assert.deepEqual(applyAndOrder(fiveRanked(), top.edits), ['S-6', 'S-1', 'S-2', 'S-3', 'S-4', 'S-5']);
    assert.deepEqual(applyAndOrder(fiveRanked(), newItem(fiveRanked(), { kind: 'story', title: 'a', position: { after: p('S-2') } }).edits), ['S-1', 'S-2', 'S-6', 'S-3', 'S-4', 'S-5']);
    assert.deepEqual(applyAndOrder(fiveRanked(), newItem(fiveRanked(), { kind: 'story', title: 'a', position: 'bottom' }).edits), ['S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6']);
    const epic = newItem(index, { kind: 'epic', title: 'Big thing' });
    assert.equal(epic.id, 'E-1');
    const ms = newItem(index, { kind: 'milestone', title: 'Beta' });
    assert.equal(ms.path, 'backlog/milestones/M1-beta.md');
  });
});

describe('grooming: new and split tasks in a Backlog.md backlog', () => {
  // Backlog.md lists only files named `<id> - <Title>.md` in its tasks folder, orders them by `ordinal` and drops the
  // fields it does not know when it rewrites a task: a task Rudder creates there must be one Backlog.md lists.
  const CONFIG = 'project_name: "demo"\ndefault_status: "To Do"\nstatuses: ["To Do", "In Progress", "Done"]\ntask_prefix: "task"\n';
  const task = (n: number, extra: string, body = '\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n- [ ] #1 First\n- [x] #2 Second\n<!-- AC:END -->\n') =>
    `---\nid: TASK-${n}\ntitle: Task ${n}\nstatus: To Do\n${extra}---\n${body}`;
  function mdIndex(): BacklogIndex {
    const index = new BacklogIndex(parseConfig({ backlogMdConfigYml: CONFIG, backlogFolder: 'backlog' }).config);
    index.upsert('backlog/tasks/task-1 - Task-1.md', task(1, 'ordinal: 1000\n'));
    index.upsert('backlog/tasks/task-2 - Task-2.md', task(2, 'ordinal: 2000\n'));
    // More done tasks than open ones: a new task must still go to tasks/, not completed/.
    for (let n = 3; n <= 6; n++) index.upsert(`backlog/completed/task-${n} - Task-${n}.md`, task(n, '').replace('status: To Do', 'status: Done'));
    return index;
  }

  it('names the title as Backlog.md 1.52.0 does in its file names', () => {
    // Seen from `backlog task create` with these titles.
    assert.equal(backlogMdTitle('Native task'), 'Native-task');
    assert.equal(backlogMdTitle(`What's new? A/B: test <x> & "co", 50%  done…  `), 'Whats-new-A-B-test-x-co-50-done…');
    assert.equal(backlogMdTitle('Éte naïve café #3 [wip] (v2) {x} ~y `z` *b* ,;=+'), 'Éte-naïve-café-3-wip-v2-x-~y-`z`-b');
    assert.equal(backlogMdTitle('a.b a_b a|b'), 'a.b-a_b-a-b');
  });

  it('creates a task Backlog.md lists: its file name, its fields, created_date, the next ordinal, criteria between its markers', () => {
    const index = mdIndex();
    const plan = newItem(index, { kind: 'story', title: 'Export the board: CSV?', now: '2026-12-01 14:05' });
    assert.equal(plan.id, 'TASK-7');
    assert.equal(plan.path, 'backlog/tasks/task-7 - Export-the-board-CSV.md');
    const out = apply(index, plan.edits)[plan.path];
    assert.equal(
      out,
      [
        '---',
        'id: TASK-7',
        'title: "Export the board: CSV?"',
        'status: To Do',
        'assignee: []',
        "created_date: '2026-12-01 14:05'",
        'labels: []',
        'dependencies: []',
        'ordinal: 3000',
        '---',
        '',
        'As a <persona>, I want <capability>, so that <benefit>.',
        '',
        '## Acceptance Criteria',
        '<!-- AC:BEGIN -->',
        '- [ ] #1 Given <context>, when <action>, then <outcome>',
        '<!-- AC:END -->',
        '',
      ].join('\n'),
    );
    const parsed = parseStory(plan.path, out);
    assert.equal(parsed.title, 'Export the board: CSV?');
    assert.deepEqual(parsed.acceptanceCriteria?.items.map((c) => [c.number, c.text]), [[1, 'Given <context>, when <action>, then <outcome>']]);
    assert.deepEqual(applyAndOrder(index, plan.edits).slice(0, 3), ['TASK-1', 'TASK-2', 'TASK-7']);
    const top = newItem(mdIndex(), { kind: 'story', title: 'First', position: 'top' });
    assert.match(apply(mdIndex(), top.edits)[top.path], /^ordinal: 0$/m);
    assert.doesNotMatch(apply(mdIndex(), top.edits)[top.path], /^rank:|^type:|^created_date:/m, 'no rank, no type for a plain task, no date without a clock');
    const between = newItem(mdIndex(), { kind: 'story', title: 'Between', position: { after: 'backlog/tasks/task-1 - Task-1.md' } });
    assert.match(apply(mdIndex(), between.edits)[between.path], /^ordinal: 1500$/m);
  });

  it('splits a task into one Backlog.md lists, right after it by ordinal, its checked criteria still checked and numbered', () => {
    const index = mdIndex();
    const plan = splitStory(index.story('backlog/tasks/task-1 - Task-1.md')!, index, text(index), { criteria: [1], title: 'Second part', now: '2026-12-01 14:07' })!;
    assert.equal(plan.path, 'backlog/tasks/task-7 - Second-part.md');
    const out = apply(index, plan.edits);
    assert.match(out[plan.path], /^split_from: TASK-1$/m);
    assert.match(out[plan.path], /^ordinal: 1500$/m);
    assert.ok(out[plan.path].endsWith('## Acceptance Criteria\n<!-- AC:BEGIN -->\n- [x] #1 Second\n<!-- AC:END -->\n'), out[plan.path]);
    assert.deepEqual(applyAndOrder(index, plan.edits).slice(0, 3), ['TASK-1', 'TASK-7', 'TASK-2']);
  });
});

describe('grooming: re-rank, rebalance, queue, archive', () => {
  function scored(): BacklogIndex {
    // WSJF: S-1 = 1, S-2 = 3, S-3 = 2, S-4 unscored.
    return indexOf({
      [p('S-1')]: story('S-1', 'rank: a1\nvalue: 1\ntime_criticality: 0\nrisk_reduction: 0\nestimate: 1\n'),
      [p('S-2')]: story('S-2', 'rank: a2\nvalue: 3\ntime_criticality: 0\nrisk_reduction: 0\nestimate: 1\n'),
      [p('S-3')]: story('S-3', 'rank: a3\nvalue: 2\ntime_criticality: 0\nrisk_reduction: 0\nestimate: 1\n'),
      [p('S-4')]: story('S-4', 'rank: a4\n'),
    });
  }

  it('proposes the order by WSJF and writes only the stories that move', () => {
    const index = scored();
    const plan = rerankByScore(index.stories(), [], 'wsjf', index.config, text(index));
    assert.deepEqual(plan.rows.map((r) => r.story.id), ['S-2', 'S-3', 'S-1']);
    assert.deepEqual(plan.rows.map((r) => r.moves), [false, false, true]);
    assert.deepEqual(plan.unscored.map((s) => s.id), ['S-4']);
    assert.equal(plan.edits.length, 1);
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-2', 'S-3', 'S-1', 'S-4']);
  });

  it('leaves unscored stories where they are', () => {
    const index = scored();
    const s4 = index.story(p('S-4'))!;
    index.upsert(p('S-4'), story('S-4', 'rank: a0\n'));
    assert.equal(s4.id, 'S-4');
    const plan = rerankByScore(index.stories(), [], 'wsjf', index.config, text(index));
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-4', 'S-2', 'S-3', 'S-1']);
  });

  it('leaves done and dropped stories where they are', () => {
    // WSJF: S-1 = 1 (open), S-2 = 9 (done), S-3 = 5 (dropped), S-4 = 3 (open).
    const w = (v: number, status: string) => `status: ${status}\nvalue: ${v}\ntime_criticality: 0\nrisk_reduction: 0\nestimate: 1\n`;
    const index = indexOf({
      [p('S-1')]: story('S-1', `rank: a1\n${w(1, 'ready')}`),
      [p('S-2')]: story('S-2', `rank: a2\n${w(9, 'done')}`),
      [p('S-3')]: story('S-3', `rank: a3\n${w(5, 'dropped')}`),
      [p('S-4')]: story('S-4', `rank: a4\n${w(3, 'draft')}`),
    });
    const plan = rerankByScore(index.stories(), [], 'wsjf', index.config, text(index));
    assert.deepEqual(plan.closed.map((s) => s.id), ['S-2', 'S-3']);
    assert.deepEqual(plan.rows.map((r) => r.story.id), ['S-4', 'S-1'], 'only open stories are judged');
    assert.ok(plan.edits.every((e) => e.path !== p('S-2') && e.path !== p('S-3')), 'no done or dropped file is written');
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-4', 'S-2', 'S-3', 'S-1'], 'closed stories keep their positions');
  });

  it('re-ranks a selection inside the positions it occupies', () => {
    const index = scored();
    const plan = rerankByScore(index.stories(), [p('S-1'), p('S-2')], 'wsjf', index.config, text(index));
    assert.equal(plan.edits.length, 1);
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-2', 'S-1', 'S-3', 'S-4']);
  });

  it('rebalances keys evenly, editing only the keys that change', () => {
    const index = indexOf({ [p('S-1')]: story('S-1', 'rank: a0\n'), [p('S-2')]: story('S-2', 'rank: a0V\n'), [p('S-3')]: story('S-3', 'rank: a0VV\n') });
    const plan = rebalanceRanks(index.stories(), text(index));
    assert.deepEqual([...plan.ranks.values()], ['a1', 'a2']);
    assert.equal(plan.edits.length, 2);
    assert.deepEqual(applyAndOrder(index, plan.edits), ['S-1', 'S-2', 'S-3']);
  });

  it('walks the grooming queue by severity, then rank, wrapping around, and says why', () => {
    const groomed = '\nAs a user, I want it, so that it works.\n\n## Acceptance Criteria\n\n- [ ] Given a, when b, then c\n';
    const index = indexOf({
      [p('S-1')]: story('S-1', 'rank: a1\n'),
      [p('S-2')]: story('S-2', 'rank: a2\nestimate: 3\n', groomed),
      [p('S-3')]: story('S-3', 'rank: a3\n'),
      // An error below them: a dependency that does not exist.
      [p('S-4')]: story('S-4', 'rank: a4\nestimate: 3\ndepends_on: [S-99]\n', groomed),
      [p('S-5')]: story('S-5', 'rank: a5\nestimate: 3\ndepends_on: [S-98]\n', groomed),
    });
    const queue = groomingQueue(index).map((q) => q.story.id);
    assert.deepEqual(queue, ['S-4', 'S-5', 'S-1', 'S-3'], 'errors first, each tier in backlog order');
    const first = nextToGroom(index)!;
    assert.equal(first.story.id, 'S-4');
    assert.equal(first.why, '2 errors left; this is the highest-ranked');
    const second = nextToGroom(index, { path: p('S-4') })!;
    assert.deepEqual([second.story.id, second.why], ['S-5', '2 errors left; this is the next by rank (2 of 2)']);
    assert.equal(nextToGroom(index, { path: p('S-5') })?.story.id, 'S-1');
    assert.match(nextToGroom(index, { path: p('S-5') })!.why, /^No errors left; \d+ warnings left; this is the highest-ranked$/);
    assert.equal(nextToGroom(index, { path: p('S-1') })?.story.id, 'S-3');
    assert.equal(nextToGroom(index, { path: p('S-3') })?.story.id, 'S-4', 'wraps around');
    // A story groomed while it had an error, fixed since: the next one is the error below it, not a warning.
    assert.equal(nextToGroom(index, { path: p('S-2'), severity: 'error' })?.story.id, 'S-4');
    assert.equal(nextToGroom(index, { path: p('S-4'), severity: 'error' })?.story.id, 'S-5');
    assert.equal(nextToGroom(index, { path: p('S-2') })?.story.id, 'S-4', 'a story without issues, tier unknown: the top of the queue');
  });

  it('archives done stories by renaming them under backlog/archive/', () => {
    const index = indexOf({ [p('S-1')]: story('S-1', 'status: done\n'), [p('S-2')]: story('S-2', 'status: draft\n') });
    assert.deepEqual(archiveDone(index), [{ from: p('S-1'), to: 'backlog/archive/stories/s-1.md' }]);
  });
});

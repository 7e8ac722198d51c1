import * as assert from 'node:assert/strict';
import { parseConfig } from '../../../src/core/config/parseConfig';
import { planIteration } from '../../../src/core/grooming/planIteration';
import { applyEdits } from '../../../src/core/edits/applyEdits';
import { BacklogIndex } from '../../../src/core/index/backlogIndex';
import { fitToCapacity } from '../../../src/core/query/capacity';
import { currentMilestone } from '../../../src/core/query/milestones';
import { nextUp } from '../../../src/core/query/nextUp';
import { teamVelocity } from '../../../src/core/query/velocity';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { toDayNumber } from '../../../src/core/roadmap/roadmapDates';
import type { Story } from '../../../src/core/model/story';

// Next Up, capacity and velocity (issue 14): what the team can pull now, defined once in the core for the view,
// `rudder next`, Plan Iteration and the capacity line.

function fm(fields: Record<string, string>, criteria = ['Given a list, when I open it, then I see every item']): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n## Acceptance Criteria\n\n${criteria.map((c) => `- [ ] ${c}`).join('\n')}\n`;
}

const ready = (id: string, rank: string, more: Record<string, string> = {}, criteria?: string[]) => fm({ id, title: `Story ${id}`, status: 'ready', rank, estimate: '3', vision: 'G1', ...more }, criteria);

function backlog(rudderYml = 'velocity: 4\nwipLimit: 1\n'): BacklogIndex {
  const index = new BacklogIndex(parseConfig({ rudderYml }).config);
  index.upsert('backlog/vision.md', '---\ngoals:\n  - id: G1\n    title: Dinner decided by Sunday\n---\n');
  index.upsert('backlog/milestones/m1.md', '---\nid: M1\ntitle: Beta\nstart: 2026-01-05\ndue: 2026-03-27\n---\n');
  index.upsert('backlog/milestones/m2.md', '---\nid: M2\ntitle: Launch\nstart: 2026-04-01\ndue: 2026-06-30\n---\n');
  index.upsert('backlog/e-1.md', fm({ id: 'E-1', title: 'An epic', type: 'epic', status: 'ready', rank: 'a0', estimate: '40', vision: 'G1', milestone: 'M1' }));
  index.upsert('backlog/s-1.md', ready('S-1', 'a1', { milestone: 'M2' }));
  index.upsert('backlog/s-2.md', ready('S-2', 'a2', { milestone: 'M1', depends_on: '[S-9]' }));
  index.upsert('backlog/s-3.md', ready('S-3', 'a3', { milestone: 'M1', epic: 'E-404' }));
  index.upsert('backlog/s-4.md', ready('S-4', 'a4', { milestone: 'M1' }, ['Given <context>, when <action>, then <outcome>']));
  index.upsert('backlog/s-5.md', ready('S-5', 'a5', { milestone: 'M1', estimate: '5' }));
  index.upsert('backlog/s-6.md', ready('S-6', 'a6'));
  index.upsert('backlog/s-7.md', fm({ id: 'S-7', title: 'Draft', status: 'draft', rank: 'a7', estimate: '1', vision: 'G1' }));
  index.upsert('backlog/s-8.md', fm({ id: 'S-8', title: 'Doing', status: 'in-progress', rank: 'a8', estimate: '2', vision: 'G1' }));
  index.upsert('backlog/s-9.md', fm({ id: 'S-9', title: 'Doing too', status: 'in-progress', rank: 'a9', estimate: '1', vision: 'G1' }));
  return index;
}

const ids = (stories: readonly { story: Story }[]) => stories.map((s) => s.story.id);

describe('Next Up: what the team can pull now', () => {
  it('lists ready, unblocked stories without an error that are not epics, the current milestone first, each group in backlog order', () => {
    const n = nextUp(backlog(), { today: '2026-03-10' });
    assert.equal(n.currentMilestone?.id, 'M1');
    assert.deepEqual(n.groups.map((g) => [g.milestone?.id ?? null, g.current, ids(g.stories)]), [
      ['M1', true, ['S-5']],
      ['M2', false, ['S-1']],
      [null, false, ['S-6']],
    ]);
    // Not E-1 (an epic), S-3 (an unknown epic: an error), S-4 (the criteria template), S-7 (a draft), S-8 (started).
    assert.deepEqual(n.blocked.map((b) => [b.story.id, b.blockedBy.map((x) => x.id)]), [['S-2', ['S-9']]]);
  });

  it('takes the next milestone due as current when no dates contain today, and only one milestone when asked', () => {
    const index = backlog();
    assert.equal(nextUp(index, { today: '2026-03-30' }).currentMilestone?.id, 'M2');
    assert.deepEqual(ids(nextUp(index, { today: '2026-03-30' }).stories), ['S-1', 'S-5', 'S-6']);
    assert.deepEqual(ids(nextUp(index, { today: '2026-03-10', milestone: 'launch' }).stories), ['S-1']);
    assert.equal(currentMilestone(index.milestones(), '2026-07-01'), undefined, 'after every due date, none is current');
  });

  it('a blocked story is unblocked once its dependency is done', () => {
    const index = backlog();
    index.upsert('backlog/s-9.md', fm({ id: 'S-9', title: 'Doing too', status: 'done', rank: 'a9', estimate: '1', vision: 'G1' }));
    const n = nextUp(index, { today: '2026-03-10' });
    assert.deepEqual(n.blocked, []);
    assert.deepEqual(ids(n.groups[0].stories), ['S-2', 'S-5']);
  });

  it('sizes the next two weeks at the velocity: a story too big for what is left is skipped, a smaller one after it fits', () => {
    const n = nextUp(backlog(), { today: '2026-03-10' });
    // 4 pts/week × 2 = 8: S-5 (5) fits, S-1 (3) fits, S-6 (3) does not.
    assert.equal(n.capacity.points, 8);
    assert.deepEqual(n.stories.map((s) => [s.story.id, s.fits]), [['S-5', true], ['S-1', true], ['S-6', false]]);
    assert.equal(n.capacity.line, 'The next 2 weeks fit 8 of 11 points (velocity 4 pts/week).');
    const asked = nextUp(backlog(), { today: '2026-03-10', capacity: 3 });
    assert.equal(asked.capacity.line, 'A capacity of 3 pts fits 3 of 11 points.');
  });

  it('counts the work in progress against the WIP limit, and says when it is over', () => {
    const n = nextUp(backlog(), { today: '2026-03-10' });
    assert.deepEqual(n.wip.stories.map((s) => s.id), ['S-8', 'S-9']);
    assert.equal(n.wip.over, true);
    assert.equal(n.wip.line, 'In progress: 2 stories — over the WIP limit of 1: finish one before pulling the next');
    assert.equal(nextUp(backlog('velocity: 4\nwipLimit: 2\n'), { today: '2026-03-10' }).wip.line, 'In progress: 2 stories (WIP limit 2)');
    assert.equal(nextUp(backlog('velocity: 4\n'), { today: '2026-03-10' }).wip.line, 'In progress: 2 stories');
  });
});

describe('capacity and velocity', () => {
  const s = (id: string, estimate?: number): Story => ({ path: `${id}.md`, id, title: id, estimate }) as unknown as Story;

  it('fits stories in order up to the capacity, skipping one too big, setting unestimated ones apart', () => {
    const fit = fitToCapacity([s('A', 5), s('B'), s('C', 8), s('D', 3), s('E', 0.5)], 8.5);
    assert.deepEqual(fit.fit.map((x) => x.id), ['A', 'D', 'E']);
    assert.equal(fit.fitPoints, 8.5);
    assert.deepEqual(fit.left.map((x) => x.id), ['C']);
    assert.deepEqual(fit.unestimated.map((x) => x.id), ['B']);
    assert.equal(fit.totalPoints, 16.5);
    assert.deepEqual(fitToCapacity([s('A', 1)], 0).fit, []);
  });

  it('derives a velocity from the stories done in the last six weeks when none is configured; epics never count', () => {
    const config = parseConfig({ rudderYml: '' }).config;
    const done = (id: string, estimate: number, updated: string, type = 'story') => ({ path: `${id}.md`, id, title: id, type, status: 'done', estimate, updated, dependsOn: [], vision: [], labels: [], assignee: [] }) as unknown as Story;
    const today = toDayNumber('2026-03-10')!;
    const v = teamVelocity([done('A', 12, '2026-03-01'), done('B', 6, '2026-02-01'), done('C', 100, '2025-12-01'), done('E', 50, '2026-03-02', 'epic')], config, today);
    assert.equal(v.source, 'derived');
    assert.equal(v.pointsPerWeek, 3);
    assert.equal(teamVelocity([], config, today).source, 'none');
    assert.equal(teamVelocity([], parseConfig({ rudderYml: 'velocity: 7' }).config, today).pointsPerWeek, 7);
  });
});

describe('Plan Iteration', () => {
  it('proposes Next Up stories in no iteration up to what is left of the capacity, and writes iteration: on each', () => {
    const index = backlog();
    index.upsert('backlog/iterations/it-1.md', '---\nid: It-1\ntitle: Sprint 1\nstart: 2026-03-09\nend: 2026-03-20\ncapacity: 10\n---\n');
    index.upsert('backlog/s-8.md', fm({ id: 'S-8', title: 'Doing', status: 'in-progress', rank: 'a8', estimate: '2', vision: 'G1', iteration: 'It-1' }));
    const plan = planIteration(index, index.iteration('It-1')!, { today: '2026-03-10' }, (p) => index.text(p));
    assert.ok(plan);
    // 10 - 2 committed = 8: S-5 (5) and S-1 (3).
    assert.equal(plan.committed, 2);
    assert.deepEqual(plan.proposed.map((x) => x.id), ['S-5', 'S-1']);
    assert.deepEqual(plan.left.map((x) => x.id), ['S-6']);
    assert.deepEqual(plan.edits.map((e) => e.path), ['backlog/s-5.md', 'backlog/s-1.md']);
    const after = applyEdits(index.text('backlog/s-5.md')!, plan.edits[0].edits);
    assert.equal(after, index.text('backlog/s-5.md')!.replace('milestone: M1\n---', 'milestone: M1\niteration: It-1\n---'));
  });

  it('has no plan without a capacity, unless one is given', () => {
    const index = backlog('');
    index.upsert('backlog/iterations/it-1.md', '---\nid: It-1\ntitle: Sprint 1\nstart: 2026-03-09\nend: 2026-03-20\n---\n');
    const it = index.iteration('It-1')!;
    assert.equal(planIteration(index, it, { today: '2026-03-10' }, (p) => index.text(p)), undefined);
    assert.deepEqual(planIteration(index, it, { today: '2026-03-10', capacity: 3 }, (p) => index.text(p))?.proposed.map((x) => x.id), ['S-1']);
  });
});

describe('the walkthrough: steps the backlog shows were done', () => {
  it('marks estimate, mark ready, reorder, split and plan a sprint from what the stories hold', async () => {
    const { walkthroughProgress } = await import('../../../src/core/query/walkthroughProgress');
    const index = backlog();
    assert.deepEqual(walkthroughProgress(index.stories(), index.config), { estimate: true, markReady: true, reorder: true, split: false, planIteration: false });
    const fresh = new BacklogIndex(parseConfig({ rudderYml: '' }).config);
    fresh.upsert('backlog/s-1.md', fm({ id: 'S-1', title: 'Draft', status: 'draft' }));
    fresh.upsert('backlog/e-1.md', fm({ id: 'E-1', title: 'Epic', type: 'epic', status: 'ready', estimate: '8' }));
    assert.deepEqual(walkthroughProgress(fresh.stories(), fresh.config), { estimate: false, markReady: false, reorder: false, split: false, planIteration: false });
    fresh.upsert('backlog/s-2.md', fm({ id: 'S-2', title: 'Part 2', status: 'draft', split_from: 'S-1', iteration: 'It-1' }));
    assert.deepEqual(walkthroughProgress(fresh.stories(), fresh.config), { estimate: false, markReady: false, reorder: false, split: true, planIteration: true });
  });
});

describe('blocking is one query for Next Up and the roadmap', () => {
  it('marks on the roadmap the stories Next Up lists as blocked, with the same blockers', () => {
    const index = backlog();
    const model = toRoadmap(index, { today: '2026-03-10' });
    const blocked = Object.values(model.stories).filter((s) => s.blockedBy.length).map((s) => [s.id, s.blockedBy]);
    // S-2 waits for S-9 (in progress); a closed story is never blocked.
    assert.deepEqual(blocked, nextUp(index, { today: '2026-03-10' }).blocked.map((b) => [b.story.id, b.blockedBy.map((x) => x.id)]));
    assert.deepEqual(blocked, [['S-2', ['S-9']]]);
  });
});

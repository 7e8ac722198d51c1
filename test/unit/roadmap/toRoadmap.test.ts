import * as assert from 'node:assert/strict';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { statusCategory } from '../../../src/core/config/workflow';
import { milestone, source, story, testConfig } from './roadmapFixtures';

const TODAY = '2026-03-02'; // a Monday

describe('toRoadmap', () => {
  describe('dates and lanes', () => {
    it('orders milestones by due date, then undated ones by id, and infers missing starts', () => {
      const model = toRoadmap(
        source([], [milestone('M3', undefined, '2026-06-30'), milestone('M10'), milestone('M1', '2026-01-05', '2026-03-31'), milestone('M2'), milestone('M4', undefined, '2026-02-01')]),
        { today: TODAY },
      );
      assert.deepEqual(model.milestones.map((m) => m.id), ['M4', 'M1', 'M3', 'M2', 'M10']);
      const [m4, m1, m3] = model.milestones;
      assert.equal(m4.barStart, '2026-01-18', 'first milestone without start: two weeks before due');
      assert.equal(m4.startInferred, true);
      assert.equal(m1.barStart, '2026-01-05');
      assert.equal(m1.startInferred, false);
      assert.equal(m3.barStart, '2026-03-31', 'starts where the previous milestone is due');
      assert.deepEqual(model.lanes.map((l) => l.id), ['M4', 'M1', 'M3', 'later']);
      assert.deepEqual(model.lanes[3].milestones, ['M2', 'M10']);
    });

    it('builds a month and quarter axis covering all dates and today', () => {
      const model = toRoadmap(source([], [milestone('M1', '2026-01-05', '2026-04-10')]), { today: TODAY });
      assert.equal(model.axis.start, '2026-01-01');
      assert.equal(model.axis.end, '2026-05-01');
      assert.equal(model.axis.today, TODAY);
      assert.deepEqual(model.axis.months.map((m) => m.label), ['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026']);
      assert.deepEqual(model.axis.quarters, [
        { start: '2026-01-01', end: '2026-04-01', label: 'Q1 2026' },
        { start: '2026-04-01', end: '2026-05-01', label: 'Q2 2026' },
      ]);
    });

    it('drops invalid dates with a warning and puts the milestone under Later', () => {
      const model = toRoadmap(source([], [milestone('M1', '2026-01-05', '2026-02-30')]), { today: TODAY });
      assert.equal(model.milestones[0].due, undefined);
      assert.equal(model.milestones[0].lane, 'later');
      assert.deepEqual(model.warnings.map((w) => w.code), ['invalid-date']);
    });

    it('puts unscheduled stories and stories of unknown milestones in Later, in backlog order', () => {
      const model = toRoadmap(
        source([story({ id: 'S-3' }), story({ id: 'S-1', milestone: 'M1' }), story({ id: 'S-2', milestone: 'Nope' }), story({ id: 'S-4', milestone: 'M2' })], [
          milestone('M1', '2026-03-01', '2026-03-31'),
          milestone('M2'),
        ]),
        { today: TODAY },
      );
      const later = model.lanes.find((l) => l.id === 'later')!;
      assert.deepEqual(later.unscheduled, ['backlog/s-3.md', 'backlog/s-2.md']);
      assert.deepEqual(later.milestones, ['M2']);
      assert.equal(model.stories['backlog/s-4.md'].lane, 'later');
      assert.equal(model.stories['backlog/s-1.md'].lane, 'M1');
      assert.deepEqual(model.milestones[0].stories, ['backlog/s-1.md']);
      assert.ok(model.warnings.some((w) => w.code === 'unknown-milestone' && w.path === 'backlog/s-2.md'));
    });

    it('lists epics and stories per milestone in backlog order with their details', () => {
      const model = toRoadmap(
        source(
          [
            story({ id: 'S-2', milestone: 'M1', epic: 'E-1', estimate: 3, status: 'In Progress', labels: ['ui'], criteria: [['a', true], ['b', false]], userStory: 'As a PM, I want x, so that y' }),
            story({ id: 'E-1', type: 'epic', vision: ['G1'] }),
            story({ id: 'S-1', milestone: 'M1' }),
          ],
          [milestone('M1', '2026-03-01', '2026-03-31')],
        ),
        { today: TODAY },
      );
      const m1 = model.milestones[0];
      assert.deepEqual(m1.stories, ['backlog/s-2.md', 'backlog/s-1.md']);
      assert.deepEqual(m1.epics, ['E-1']);
      const s2 = model.stories['backlog/s-2.md'];
      assert.equal(s2.category, 'doing');
      assert.equal(s2.points, 3);
      assert.equal(s2.acDone, 1);
      assert.equal(s2.acTotal, 2);
      assert.deepEqual(s2.goals, ['G1'], 'goal through the epic');
      assert.equal(s2.userStory, 'As a PM, I want x, so that y');
      assert.deepEqual(s2.criteria, [{ text: 'a', done: true }, { text: 'b', done: false }]);
      assert.equal(model.epics['E-1'], 'backlog/e-1.md');
      assert.doesNotThrow(() => JSON.parse(JSON.stringify(model)));
    });
  });

  describe('status categories', () => {
    it('maps the workflow onto todo/doing/done/dropped', () => {
      assert.equal(statusCategory(undefined, testConfig), 'todo');
      assert.equal(statusCategory('Draft', testConfig), 'todo');
      assert.equal(statusCategory('Ready', testConfig), 'todo');
      assert.equal(statusCategory('In Progress', testConfig), 'doing');
      assert.equal(statusCategory('Review', testConfig), 'doing');
      assert.equal(statusCategory('done', testConfig), 'done');
      assert.equal(statusCategory('Dropped', testConfig), 'dropped');
      assert.equal(statusCategory('Blocked', testConfig), 'doing');
    });
  });

  describe('progress', () => {
    it('counts done points and stories, ignoring epics and dropped stories', () => {
      const model = toRoadmap(
        source(
          [
            story({ id: 'S-1', milestone: 'M1', estimate: 3, status: 'Done' }),
            story({ id: 'S-2', milestone: 'M1', estimate: 5, status: 'In Progress' }),
            story({ id: 'S-3', milestone: 'M1', status: 'Draft' }),
            story({ id: 'S-4', milestone: 'M1', estimate: 8, status: 'Dropped' }),
            story({ id: 'E-1', milestone: 'M1', estimate: 40, type: 'epic' }),
          ],
          [milestone('M1', '2026-03-01', '2026-03-31')],
        ),
        { today: TODAY },
      );
      assert.deepEqual(model.milestones[0].progress, { donePoints: 3, totalPoints: 8, doneStories: 1, totalStories: 3, unestimatedStories: 1 });
    });

    it('marks a milestone done when all its stories are done', () => {
      const model = toRoadmap(source([story({ id: 'S-1', milestone: 'M1', estimate: 3, status: 'Done' })], [milestone('M1', '2026-01-01', '2026-01-31')]), { today: TODAY });
      assert.equal(model.milestones[0].done, true);
      assert.equal(model.milestones[0].forecast.kind, 'done');
    });
  });

  describe('forecast', () => {
    const ms = [milestone('M1', '2026-03-02', '2026-03-30'), milestone('M2', '2026-03-30', '2026-04-27')];

    it('is on track when the remaining points fit at the configured velocity', () => {
      // 4 weeks to M1's due at 5 points/week: capacity 20.
      const model = toRoadmap(source([story({ id: 'S-1', milestone: 'M1', estimate: 13 }), story({ id: 'S-2', milestone: 'M1', estimate: 5, status: 'Done' })], ms, { velocity: 5 }), { today: TODAY });
      const f = model.milestones[0].forecast;
      assert.equal(f.kind, 'on-track');
      if (f.kind !== 'on-track' || f.method !== 'velocity') return;
      assert.equal(f.remainingPoints, 13);
      assert.equal(f.capacity, 20);
      assert.equal(f.daysLeft, 28);
      assert.equal(model.velocity.source, 'config');
    });

    it('is at risk, with points over and days late, when it does not fit', () => {
      const model = toRoadmap(source([story({ id: 'S-1', milestone: 'M1', estimate: 30 })], ms, { velocity: 5 }), { today: TODAY });
      const f = model.milestones[0].forecast;
      assert.equal(f.kind, 'at-risk');
      if (f.kind !== 'at-risk' || f.method !== 'velocity') return;
      assert.equal(f.pointsOver, 10);
      assert.equal(f.daysLate, 14, '30 points at 5/week take 42 days; due in 28');
      assert.match(f.message, /10 points over/);
    });

    it('counts the work left in earlier milestones first', () => {
      // M1 takes 18 of the 20 points before 03-30; M2 (8 weeks, 40 points) gets 18 + 25 = 43 > 40.
      const model = toRoadmap(source([story({ id: 'S-1', milestone: 'M1', estimate: 18 }), story({ id: 'S-2', milestone: 'M2', estimate: 25 })], ms, { velocity: 5 }), { today: TODAY });
      assert.equal(model.milestones[0].forecast.kind, 'on-track');
      const f = model.milestones[1].forecast;
      assert.equal(f.kind, 'at-risk');
      if (f.kind !== 'at-risk' || f.method !== 'velocity') return;
      assert.equal(f.pointsAhead, 43);
      assert.equal(f.pointsOver, 3);
    });

    it('gives no estimate, with the reasons, without velocity or estimates or due date', () => {
      const noVelocity = toRoadmap(source([story({ id: 'S-1', milestone: 'M1', estimate: 3 })], ms), { today: TODAY });
      const f1 = noVelocity.milestones[0].forecast;
      assert.equal(f1.kind, 'no-estimate');
      if (f1.kind === 'no-estimate') assert.deepEqual(f1.reasons, ['no-velocity']);
      assert.equal(noVelocity.velocity.source, 'none');

      const unestimated = toRoadmap(source([story({ id: 'S-1', milestone: 'M1' })], ms, { velocity: 5 }), { today: TODAY });
      const f2 = unestimated.milestones[0].forecast;
      assert.equal(f2.kind, 'no-estimate');
      if (f2.kind === 'no-estimate') {
        assert.deepEqual(f2.reasons, ['unestimated-stories']);
        assert.match(f2.message, /1 story has no estimate/);
      }

      const undated = toRoadmap(source([story({ id: 'S-1', milestone: 'M9', estimate: 2 })], [milestone('M9')], { velocity: 5 }), { today: TODAY });
      const f3 = undated.milestones[0].forecast;
      assert.equal(f3.kind, 'no-estimate');
      if (f3.kind === 'no-estimate') assert.deepEqual(f3.reasons, ['no-due-date']);
    });

    it('derives velocity from stories done in the last six weeks', () => {
      const model = toRoadmap(
        source(
          [
            story({ id: 'S-1', status: 'Done', estimate: 8, updated: '2026-02-20' }),
            story({ id: 'S-2', status: 'Done', estimate: 4, updated: '2026-01-30 10:15' }),
            story({ id: 'S-3', status: 'Done', estimate: 100, updated: '2025-12-01' }),
            story({ id: 'S-4', milestone: 'M1', estimate: 6 }),
          ],
          ms,
        ),
        { today: TODAY },
      );
      assert.equal(model.velocity.source, 'derived');
      assert.equal(model.velocity.pointsPerWeek, 2, '12 points over 6 weeks');
      assert.equal(model.milestones[0].forecast.kind, 'on-track', '6 points, capacity 8');
    });

    it('reports a passed due date with open work as at risk', () => {
      const model = toRoadmap(source([story({ id: 'S-1', milestone: 'M0', estimate: 5 })], [milestone('M0', '2026-02-01', '2026-02-23')], { velocity: 5 }), { today: TODAY });
      const f = model.milestones[0].forecast;
      assert.equal(f.kind, 'at-risk');
      if (f.kind === 'at-risk' && f.method === 'velocity') assert.equal(f.daysLate, 14, 'a week of work from 03-02 ends 03-09, 14 days after 02-23');
    });
  });

  describe('now / next / later', () => {
    it('picks the running milestone as now, the following as next', () => {
      const model = toRoadmap(
        source(
          [story({ id: 'S-0', milestone: 'M0', status: 'Done' }), story({ id: 'S-1', milestone: 'M1' }), story({ id: 'S-2', milestone: 'M2' })],
          [milestone('M0', '2026-01-01', '2026-01-31'), milestone('M1', '2026-02-01', '2026-03-15'), milestone('M2', '2026-03-16', '2026-04-30'), milestone('M3', '2026-05-01', '2026-05-30'), milestone('MX')],
        ),
        { today: TODAY },
      );
      assert.equal(model.buckets.now, 'M1');
      assert.equal(model.buckets.next, 'M2');
      assert.deepEqual(model.buckets.later, ['M3', 'MX']);
      assert.deepEqual(model.buckets.done, ['M0']);
    });

    it('falls back to the earliest not-done milestone when none is running', () => {
      const model = toRoadmap(source([], [milestone('M2', '2026-05-01', '2026-05-30'), milestone('M1', '2026-04-01', '2026-04-30')]), { today: TODAY });
      assert.equal(model.buckets.now, 'M1');
      assert.equal(model.buckets.next, 'M2');
    });
  });

  describe('goals', () => {
    it('lists which milestones, epics and stories serve each goal, plus no goal', () => {
      const model = toRoadmap(
        source(
          [story({ id: 'E-1', type: 'epic', vision: ['G1'] }), story({ id: 'S-1', epic: 'E-1', milestone: 'M1' }), story({ id: 'S-2', vision: ['G2'], milestone: 'M2' }), story({ id: 'S-3', milestone: 'M2' })],
          [milestone('M1', '2026-03-01', '2026-03-31'), milestone('M2', '2026-04-01', '2026-04-30')],
          { goals: ['G1', 'G2', 'G3'] },
        ),
        { today: TODAY },
      );
      const byId = Object.fromEntries(model.goals.map((g) => [g.id, g]));
      assert.deepEqual(model.goals.map((g) => g.id), ['G1', 'G2', 'G3', '']);
      assert.deepEqual(byId.G1.milestones, ['M1']);
      assert.deepEqual(byId.G1.epics, ['E-1']);
      assert.deepEqual(byId.G1.stories, ['backlog/s-1.md']);
      assert.deepEqual(byId.G2.stories, ['backlog/s-2.md']);
      assert.deepEqual(byId.G3.stories, []);
      assert.deepEqual(byId[''].stories, ['backlog/s-3.md']);
      assert.deepEqual(byId[''].milestones, ['M2']);
    });
  });

  describe('dependencies', () => {
    const ms = [milestone('M1', '2026-03-01', '2026-03-31'), milestone('M2', '2026-04-01', '2026-04-30'), milestone('MX')];

    it('warns when a story is due before something it depends on', () => {
      const model = toRoadmap(
        source([story({ id: 'S-1', milestone: 'M1', dependsOn: ['S-2'] }), story({ id: 'S-2', milestone: 'M2' }), story({ id: 'S-3', milestone: 'M2', dependsOn: ['S-1'] })], ms),
        { today: TODAY },
      );
      assert.deepEqual(model.dependencies, [
        { from: 'backlog/s-1.md', to: 'backlog/s-2.md', toId: 'S-2' },
        { from: 'backlog/s-3.md', to: 'backlog/s-1.md', toId: 'S-1' },
      ]);
      const deps = model.warnings.filter((w) => w.code.startsWith('dependency'));
      assert.equal(deps.length, 1);
      assert.equal(deps[0].code, 'dependency-order');
      assert.equal(deps[0].path, 'backlog/s-1.md');
      assert.equal(deps[0].relatedPath, 'backlog/s-2.md');
      assert.match(deps[0].message, /S-1 is in M1 .* depends on S-2 in the later M2/);
    });

    it('warns when the dependency is unscheduled, not when it is done or unknown', () => {
      const model = toRoadmap(
        source(
          [
            story({ id: 'S-1', milestone: 'M1', dependsOn: ['S-2', 'S-3', 'S-4', 'S-404'] }),
            story({ id: 'S-2' }),
            story({ id: 'S-3', milestone: 'M2', status: 'Done' }),
            story({ id: 'S-4', milestone: 'MX' }),
          ],
          ms,
        ),
        { today: TODAY },
      );
      assert.deepEqual(
        model.warnings.map((w) => [w.code, w.relatedPath]),
        [
          ['dependency-unscheduled', 'backlog/s-2.md'],
          ['dependency-unscheduled', 'backlog/s-4.md'],
        ],
      );
      assert.equal(model.dependencies.length, 3, 'unknown ids draw no edge');
    });
  });

  it('is deterministic for the same input', () => {
    const src = source([story({ id: 'S-1', milestone: 'M1', estimate: 2 })], [milestone('M1', '2026-03-01', '2026-03-31')], { velocity: 3 });
    assert.equal(JSON.stringify(toRoadmap(src, { today: TODAY })), JSON.stringify(toRoadmap(src, { today: TODAY })));
  });
});

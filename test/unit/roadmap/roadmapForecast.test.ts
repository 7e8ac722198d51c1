// The roadmap with a history: Monte Carlo forecasts per milestone (worked on in order), their messages
// and inputs, the fallback to the velocity when there is no history or no throughput (and the message
// saying so), and the burn-ups with their scope changes.
import * as assert from 'node:assert/strict';
import type { BacklogHistory, FileEvent, FileLineage, HistoryField } from '../../../src/core/flow/backlogHistory';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import type { RoadmapForecast } from '../../../src/core/roadmap/roadmapModel';
import { milestone, source, story, testConfig } from './roadmapFixtures';

const TODAY = '2026-03-02'; // a Monday
let commitNo = 0;
const at = (date: string) => ({ commit: `c${++commitNo}`, date, time: Date.parse(`${date}T12:00:00Z`) / 1000 });

/** A story file's lineage: created on `created` with `values`, then each change as [date, field, value]. */
function lineage(path: string, created: string, values: Partial<Record<HistoryField, string>>, changes: [string, HistoryField, string][] = []): FileLineage {
  const events: FileEvent[] = [{ kind: 'created', at: at(created), path, values }];
  const now = { ...values };
  for (const [date, field, to] of changes) {
    events.push({ kind: 'changed', at: at(date), field, ...(now[field] !== undefined ? { from: now[field] } : {}), to });
    now[field] = to;
  }
  return { path, deleted: false, events };
}

function historyOf(lineages: FileLineage[]): BacklogHistory {
  return { available: true, head: 'c0', commits: 20, first: '2026-02-02', last: '2026-03-01', lineages };
}

// Done in the four weeks before today: 2, 1, 3 and 2 stories (of 1 point each), all in M0.
const DONE_DAYS = ['2026-02-03', '2026-02-05', '2026-02-11', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-24', '2026-02-26'];
const doneStories = DONE_DAYS.map((_, i) => story({ id: `D-${i + 1}`, status: 'Done', estimate: 1, milestone: 'M0' }));
const doneLineages = DONE_DAYS.map((day, i) => lineage(`backlog/d-${i + 1}.md`, '2026-02-02', { id: `D-${i + 1}`, status: 'Ready', estimate: '1', milestone: 'M0' }, [['2026-02-02', 'status', 'In Progress'], [day, 'status', 'Done']]));
const open = (id: string, ms: string, estimate?: number) => story({ id, status: 'Ready', milestone: ms, estimate });
const openLineage = (id: string, ms: string, created = '2026-02-02') => lineage(`backlog/${id.toLowerCase()}.md`, created, { id, status: 'Ready', milestone: ms, estimate: '2' });
const milestones = [milestone('M0', '2026-01-05', '2026-02-27', 'done'), milestone('M1', '2026-03-02', '2026-03-20'), milestone('M2', '2026-03-20', '2026-04-30'), milestone('M3')];
const M1 = ['S-1', 'S-2', 'S-3', 'S-4'];
const M2 = ['S-5', 'S-6', 'S-7', 'S-8', 'S-9', 'S-10'];
const stories = [...doneStories, ...M1.map((id) => open(id, 'M1', 2)), ...M2.map((id) => open(id, 'M2', 2)), open('S-11', 'M3', 2)];
const history = historyOf([...doneLineages, ...M1.map((id) => openLineage(id, 'M1')), ...M2.map((id) => openLineage(id, 'M2')), openLineage('S-11', 'M3')]);

function monteCarlo(f: RoadmapForecast) {
  assert.ok(f.kind !== 'done' && f.kind !== 'no-estimate' && f.method === 'monte-carlo', `a Monte Carlo forecast: ${JSON.stringify(f)}`);
  return f;
}

describe('toRoadmap with a history: Monte Carlo forecasts', () => {
  const model = toRoadmap(source(stories, milestones, { velocity: 5 }), { today: TODAY, history });
  const [m0, m1, m2, m3] = model.milestones;

  it('draws each week\'s throughput from the complete weeks before today', () => {
    assert.deepEqual(model.flow.sample, { from: '2026-02-02', to: '2026-02-23', values: [2, 1, 3, 2] });
    assert.equal(model.flow.history.available, true);
    assert.equal(model.flow.history.message, '20 commits touched backlog/ from 2026-02-02 to 2026-03-01.');
    assert.equal(model.flow.note, undefined);
  });

  it('forecasts each open milestone after the ones before it, with 50/85/95% dates and the likelihood of the due date', () => {
    assert.equal(m0.forecast.kind, 'done');
    const f1 = monteCarlo(m1.forecast);
    const f2 = monteCarlo(m2.forecast);
    const f3 = monteCarlo(m3.forecast);
    assert.deepEqual([f1.kind, f1.p50, f1.p85, f1.p95, f1.likelihood], ['on-track', '2026-03-15', '2026-03-19', '2026-03-22', 0.893]);
    assert.deepEqual([f2.kind, f2.p50, f2.p85, f2.p95], ['on-track', '2026-04-05', '2026-04-12', '2026-04-16']);
    assert.deepEqual([f3.kind, f3.p50], ['projected', '2026-04-09']);
    assert.deepEqual(f1.remaining, { stories: 4, points: 8 });
    assert.deepEqual([f2.basis.remaining, f2.basis.ahead, f3.basis.ahead], [6, 10, 11]);
  });

  it('explains every forecast: the dates, the due date, the weeks sampled, their range, the work left', () => {
    assert.equal(
      m1.forecast.message,
      '85% likely by Mar 19; due Mar 20 — on track (89% by the due date). 50%: Mar 15 · 95%: Mar 22. ' +
        "From 10,000 trials drawing each week's throughput from the 4 weeks Feb 2 – Mar 1 (1–3 stories a week, median 2); 4 stories left.",
    );
    assert.match(m2.forecast.message, /; 6 stories left \(10 with the 4 stories left in earlier milestones, worked on first\)\.$/);
    assert.match(m3.forecast.message, /^85% likely by Apr \d+ \(no due date\)\./);
  });

  it('is at risk when fewer than 85% of the trials finish by the due date', () => {
    const tight = toRoadmap(source(stories, [...milestones.slice(0, 1), milestone('M1', '2026-03-02', '2026-03-09'), ...milestones.slice(2)]), { today: TODAY, history });
    const f = monteCarlo(tight.milestones[1].forecast);
    assert.equal(f.kind, 'at-risk');
    assert.match(f.message, /^85% likely by Mar 19; due Mar 9 — at risk \(0% by the due date\)\./);
  });

  it('counts points when told to, and gives no estimate for a milestone with unestimated stories', () => {
    const withUnestimated = [...stories, open('S-12', 'M1')];
    const model2 = toRoadmap({ ...source(withUnestimated, milestones), config: { ...testConfig, forecastUnit: 'points' } }, { today: TODAY, history });
    assert.deepEqual(model2.flow.sample?.values, [2, 1, 3, 2]);
    const [, f1, f2] = model2.milestones.map((m) => m.forecast);
    assert.equal(f1.kind, 'no-estimate');
    assert.match(f1.message, /the forecast counts points and 1 story has no estimate/);
    assert.equal(monteCarlo(f2).basis.unit, 'points');
    assert.equal(monteCarlo(f2).basis.remaining, 12);
  });

  it('falls back to the velocity, and says why, without a history or without throughput', () => {
    const noGit = toRoadmap(source(stories, milestones, { velocity: 5 }), { today: TODAY, history: { available: false, reason: 'git is not installed' } });
    const f = noGit.milestones[1].forecast;
    assert.ok(f.kind === 'on-track' && f.method === 'velocity');
    assert.match(f.message, /\(Velocity forecast: no git history \(git is not installed\)\.\)$/);
    assert.equal(noGit.flow.history.message, 'No git history: git is not installed.');
    const idle = toRoadmap(source(stories, milestones, { velocity: 5 }), { today: '2026-06-01', history });
    assert.equal(idle.flow.note, 'no story was finished in the 12 weeks sampled (Mar 9 – May 31)');
    assert.equal((idle.milestones[1].forecast as { method?: string }).method, 'velocity');
    // No history given at all: the velocity forecast as before, without a note.
    assert.doesNotMatch(toRoadmap(source(stories, milestones, { velocity: 5 }), { today: TODAY }).milestones[1].forecast.message, /Velocity forecast/);
  });

  it('draws the forecast band into the axis', () => {
    assert.equal(model.axis.end, '2026-05-01', 'M2 is due Apr 30 and M3\'s 95% date is in April');
  });
});

describe('toRoadmap with a history: burn-ups', () => {
  it('follows scope and done over time, with the days stories joined or left', () => {
    const lineages = [
      lineage('backlog/s-1.md', '2026-02-02', { id: 'S-1', status: 'Ready', milestone: 'M1' }, [['2026-02-04', 'status', 'In Progress'], ['2026-02-10', 'status', 'Done']]),
      lineage('backlog/s-2.md', '2026-02-02', { id: 'S-2', status: 'Ready', milestone: 'M1' }, [['2026-02-12', 'milestone', 'M2']]),
      lineage('backlog/s-3.md', '2026-02-09', { id: 'S-3', status: 'Ready', milestone: 'Milestone M1' }, [['2026-02-20', 'status', 'Done']]),
      lineage('backlog/s-4.md', '2026-02-16', { id: 'S-4', status: 'Ready', milestone: 'M1' }, [['2026-02-18', 'status', 'Dropped']]),
    ];
    const s = [story({ id: 'S-1', status: 'Done', milestone: 'M1' }), story({ id: 'S-2', status: 'Ready', milestone: 'M2' }), story({ id: 'S-3', status: 'Done', milestone: 'Milestone M1' }), story({ id: 'S-4', status: 'Dropped', milestone: 'M1' })];
    const config = { ...testConfig, statuses: [...testConfig.statuses, 'Dropped'], droppedStatuses: ['Dropped'] };
    const model = toRoadmap({ ...source(s, [milestone('M1', '2026-02-02', '2026-03-13'), milestone('M2')]), config }, { today: TODAY, history: historyOf(lineages) });
    const b = model.milestones[0].burnup;
    assert.ok(b);
    assert.deepEqual(b.points, [
      { date: '2026-02-02', scope: 2, done: 0 },
      { date: '2026-02-09', scope: 3, done: 0 },
      { date: '2026-02-10', scope: 3, done: 1 },
      { date: '2026-02-12', scope: 2, done: 1 },
      { date: '2026-02-16', scope: 3, done: 1 },
      { date: '2026-02-18', scope: 2, done: 1 },
      { date: '2026-02-20', scope: 2, done: 2 },
      { date: '2026-03-02', scope: 2, done: 2 },
    ]);
    assert.deepEqual(b.changes, [
      { date: '2026-02-02', added: ['S-1', 'S-2'], removed: [] },
      { date: '2026-02-09', added: ['S-3'], removed: [] },
      { date: '2026-02-12', added: [], removed: ['S-2'] },
      { date: '2026-02-16', added: ['S-4'], removed: [] },
      { date: '2026-02-18', added: [], removed: ['S-4'] },
    ]);
    assert.deepEqual(model.milestones[1].burnup?.changes, [{ date: '2026-02-12', added: ['S-2'], removed: [] }]);
  });
});

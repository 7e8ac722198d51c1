import * as assert from 'node:assert/strict';
import { forecastMilestones, type ForecastInput } from '../../../src/core/roadmap/forecastMilestones';
import { toDayNumber } from '../../../src/core/roadmap/roadmapDates';
import type { RoadmapVelocity } from '../../../src/core/roadmap/roadmapModel';

// The forecast seam on its own: milestones in work order in, one forecast each out.
const TODAY = toDayNumber('2026-03-02')!;
const velocity: RoadmapVelocity = { pointsPerWeek: 5, source: 'config', explanation: '5 points/week' };
const progress = (totalPoints: number, donePoints = 0, unestimatedStories = 0) => ({ totalPoints, donePoints, totalStories: 2, doneStories: 0, unestimatedStories });
const dated = (due: string, p = progress(10), extra: Partial<ForecastInput> = {}): ForecastInput => ({ due, dueDay: toDayNumber(due), progress: p, done: false, statusDone: false, ...extra });

describe('forecastMilestones', () => {
  it('carries the work left in earlier, not-done, dated milestones into later forecasts', () => {
    const [a, done, undated, b] = forecastMilestones(
      [dated('2026-03-30', progress(18)), dated('2026-04-06', progress(50), { done: true }), { progress: progress(7), done: false, statusDone: false }, dated('2026-04-27', progress(25))],
      velocity,
      TODAY,
    );
    assert.equal(a.kind, 'on-track');
    assert.equal(done.kind, 'done');
    assert.equal(undated.kind, 'no-estimate');
    assert.equal(b.kind, 'at-risk');
    if (b.kind === 'at-risk' && b.method === 'velocity') {
      assert.equal(b.pointsAhead, 43, '18 + 25: the done and the undated milestones add nothing');
      assert.equal(b.capacity, 40);
      assert.equal(b.pointsOver, 3);
    }
  });

  it('quotes the status of a milestone done by status', () => {
    const [f] = forecastMilestones([dated('2026-03-30', progress(5), { done: true, statusDone: true, status: 'Released' })], velocity, TODAY);
    assert.deepEqual(f, { kind: 'done', message: 'Done: the milestone\'s status is "Released".' });
  });

  it('lists every reason it cannot forecast', () => {
    const [f] = forecastMilestones([{ progress: { ...progress(0, 0, 2), totalStories: 0 }, done: false, statusDone: false }], { source: 'none', explanation: 'no velocity' }, TODAY);
    assert.equal(f.kind, 'no-estimate');
    if (f.kind === 'no-estimate') assert.deepEqual(f.reasons, ['no-stories', 'no-due-date', 'no-velocity', 'unestimated-stories']);
  });
});

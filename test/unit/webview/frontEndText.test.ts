// The roadmap front end's pure parts, under plain mocha (no DOM): the texts a milestone header shows
// and the view state restored from whatever getState() returns.
import * as assert from 'node:assert/strict';
import type { RoadmapForecast, RoadmapMilestone } from '../../../src/core/roadmap/roadmapModel';
import { LAYOUTS } from '../../../src/webview/protocol';
import { forecastSummary, milestoneDatesText, percentDone, progressText } from '../../../src/webview/app/parts/milestoneHeader';
import { DEFAULT_STATE, restoreState } from '../../../src/webview/app/viewState';

describe('roadmap front end: milestone texts', () => {
  it('says how much is done, by points when there are estimates, else by stories', () => {
    assert.equal(percentDone({ donePoints: 3, totalPoints: 12, doneStories: 3, totalStories: 4, unestimatedStories: 0 }), 25);
    assert.equal(percentDone({ donePoints: 0, totalPoints: 0, doneStories: 1, totalStories: 3, unestimatedStories: 3 }), 33);
    assert.equal(percentDone({ donePoints: 0, totalPoints: 0, doneStories: 0, totalStories: 0, unestimatedStories: 0 }), 0);
    assert.equal(progressText({ donePoints: 3, totalPoints: 12, doneStories: 1, totalStories: 4, unestimatedStories: 2 }), '1/4 stories · 3/12 pts · 2 unestimated');
    assert.equal(progressText({ donePoints: 0, totalPoints: 5, doneStories: 0, totalStories: 1, unestimatedStories: 0 }), '0/1 stories · 0/5 pts');
  });

  it('summarises each kind of forecast', () => {
    const base = { message: 'm', method: 'velocity' as const, velocity: 5, remainingPoints: 10, pointsAhead: 10, capacity: 5, daysLeft: 7 };
    const basis = { trials: 10_000, unit: 'stories' as const, weeks: 2, from: '2026-02-16', to: '2026-02-23', throughput: [1, 3], min: 1, max: 3, median: 1, remaining: 4, ahead: 4 };
    const mc = { message: 'm', method: 'monte-carlo' as const, p50: '2026-03-02', p85: '2026-03-09', p95: '2026-03-16', remaining: { stories: 4, points: 8 }, basis };
    const cases: [RoadmapForecast, string, string][] = [
      [{ kind: 'done', message: 'm' }, 'Done', 'pass'],
      [{ kind: 'on-track', ...base }, 'On track', 'check'],
      [{ kind: 'at-risk', ...base, pointsOver: 5, daysLate: 7 }, 'At risk: +5 pts, 7 d late', 'warning'],
      [{ kind: 'no-estimate', message: 'm', reasons: ['no-velocity'] }, 'No estimate', 'question'],
      [{ kind: 'on-track', ...mc, likelihood: 0.9 }, 'On track: 85% by Mar 9', 'check'],
      [{ kind: 'at-risk', ...mc, likelihood: 0.6 }, 'At risk: 85% by Mar 9', 'warning'],
      [{ kind: 'projected', ...mc }, '85% by Mar 9', 'graph-line'],
      [{ kind: 'projected', ...mc, p85: undefined, p95: undefined }, '85%: beyond 10 years', 'graph-line'],
    ];
    for (const [f, text, icon] of cases) assert.deepEqual(forecastSummary(f), { text, icon });
  });

  it('writes the dates, saying when the start is inferred', () => {
    const m = { due: '2026-03-27', barStart: '2026-03-13', startInferred: true } as Pick<RoadmapMilestone, 'due' | 'barStart' | 'startInferred' | 'start'>;
    assert.equal(milestoneDatesText(m as RoadmapMilestone), 'Mar 13 – Mar 27 (start inferred)');
    assert.equal(milestoneDatesText({ ...m, start: '2026-03-02', startInferred: false } as RoadmapMilestone), 'Mar 2 – Mar 27');
    assert.equal(milestoneDatesText({} as RoadmapMilestone), 'no due date');
  });
});

describe('roadmap front end: view state', () => {
  it('restores every layout of LAYOUTS and falls back to the defaults for anything else', () => {
    for (const layout of LAYOUTS) assert.equal(restoreState({ layout }).layout, layout);
    assert.equal(restoreState({ layout: 'grid' }).layout, DEFAULT_STATE.layout);
    assert.deepEqual(restoreState(null), DEFAULT_STATE);
    assert.deepEqual(restoreState({ zoom: 'week', scrollLeft: -5, goal: 3, swimlanes: 'yes' }), { ...DEFAULT_STATE, zoom: 'week' });
  });
});

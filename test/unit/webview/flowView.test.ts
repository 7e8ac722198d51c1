// The Flow layout and the forecast band without a DOM: what is shown and in which words, and the charts' shapes
// (ticks, the burn-up's steps and scope changes, the forecast band's x range, the sampled weeks, the percentiles).
import * as assert from 'node:assert/strict';
import type { RoadmapBurnup, RoadmapFlow, RoadmapForecast, RoadmapModel } from '../../../src/core/roadmap/roadmapModel';
import { burnupShape, CHART_BOX, histogramShape, linear, niceTicks, scatterShape } from '../../../src/webview/app/parts/chartGeometry';
import { forecastBandOf } from '../../../src/webview/app/parts/forecastBand';
import { flowOutline } from '../../../src/webview/app/views/flowView';

const basis = { trials: 10000, unit: 'stories' as const, weeks: 2, from: '2026-02-02', to: '2026-02-09', throughput: [2, 3], min: 2, max: 3, median: 2, remaining: 4, ahead: 4 };
const mc: RoadmapForecast = { kind: 'at-risk', method: 'monte-carlo', message: '85% likely by Mar 20; due Mar 13 — at risk', p50: '2026-03-10', p85: '2026-03-20', p95: '2026-03-27', likelihood: 0.4, remaining: { stories: 4, points: 8 }, basis };
const burnup: RoadmapBurnup = {
  unit: 'stories',
  points: [
    { date: '2026-02-02', scope: 4, done: 0 },
    { date: '2026-02-09', scope: 6, done: 1 },
    { date: '2026-02-16', scope: 5, done: 2 },
  ],
  changes: [
    { date: '2026-02-02', added: ['S-1', 'S-2', 'S-3', 'S-4'], removed: [] },
    { date: '2026-02-09', added: ['S-5', 'S-6'], removed: [] },
    { date: '2026-02-16', added: [], removed: ['S-6'] },
  ],
};
const flow: RoadmapFlow = {
  history: { available: true, message: '12 commits touched backlog/ from 2026-02-02 to 2026-02-16.', commits: 12, first: '2026-02-02', last: '2026-02-16', shallow: false },
  unit: 'stories',
  weeks: 12,
  trials: 10000,
  sample: { from: '2026-02-02', to: '2026-02-09', values: [2, 3] },
  throughput: [
    { weekStart: '2026-01-26', stories: 0, points: 0 },
    { weekStart: '2026-02-02', stories: 2, points: 4 },
    { weekStart: '2026-02-09', stories: 3, points: 7 },
    { weekStart: '2026-02-16', stories: 0, points: 0 },
  ],
  cycleTimeDays: { p50: 3, p85: 6, p95: 8, count: 5 },
  leadTimeDays: { p50: 5, p85: 9, p95: 12, count: 5 },
  finished: [
    { path: 'backlog/s-1.md', id: 'S-1', title: 'One', done: '2026-02-04', cycleDays: 2 },
    { path: 'backlog/s-2.md', id: 'S-2', done: '2026-02-12', cycleDays: 8 },
    { path: 'backlog/s-9.md', id: 'S-9', done: '2026-02-13' },
  ],
  wip: 1,
  agingWip: [{ path: 'backlog/s-3.md', id: 'S-3', days: 9, atLeast: false, olderThan: 1, aboveP85: true }],
};

describe('Flow layout and forecast band (no DOM)', () => {
  it('rounds ticks to 1, 2 or 5 times a power of ten and covers the maximum', () => {
    assert.deepEqual(niceTicks(7), [0, 2, 4, 6, 8]);
    assert.deepEqual(niceTicks(40), [0, 10, 20, 30, 40]);
    assert.deepEqual(niceTicks(0), [0, 1]);
    assert.deepEqual(niceTicks(2), [0, 1, 2], 'counts get whole ticks');
    assert.deepEqual(niceTicks(2, 4, false), [0, 0.5, 1, 1.5, 2]);
    assert.equal(linear(0, 10, 100, 200)(5), 150);
  });

  it('draws a Monte Carlo forecast as a band from its 50% to its 95% date with a tick at 85%', () => {
    assert.deepEqual(forecastBandOf(mc), { from: '2026-03-10', p85: '2026-03-20', to: '2026-03-27', text: '50–95%: Mar 10 – Mar 27', label: 'Forecast: 50% likely by Mar 10, 85% by Mar 20, 95% by Mar 27' });
    assert.equal(forecastBandOf({ kind: 'done', message: 'Done' }), undefined);
    const { p95: _p95, ...noP95 } = mc as Extract<RoadmapForecast, { method: 'monte-carlo' }>;
    assert.equal(forecastBandOf(noP95)?.to, '2026-03-20');
    assert.equal(forecastBandOf(noP95)?.text, '50–95%: Mar 10 – later');
  });

  it('draws the burn-up as steps of scope and done, marks each scope change and puts the forecast band after today', () => {
    const shape = burnupShape(burnup, mc, '2026-03-13', '2026-02-18')!;
    // From Feb 2 to the 95% date, Mar 27: 53 days over 512 units.
    const x = linear(20486, 20539, CHART_BOX.left, CHART_BOX.width - CHART_BOX.right);
    assert.equal(shape.band?.x50, x(20522));
    assert.equal(shape.band?.x95, x(20539));
    assert.equal(shape.due?.label, 'due Mar 13');
    assert.deepEqual(shape.changes.map((c) => [c.date, c.added, c.removed, c.text]), [
      ['2026-02-02', 4, 0, 'Feb 2: scope added S-1, S-2, S-3, S-4'],
      ['2026-02-09', 2, 0, 'Feb 9: scope added S-5, S-6'],
      ['2026-02-16', 0, 1, 'Feb 16: scope removed S-6'],
    ]);
    assert.match(shape.scope, /^M36\.0,\d+\.\dH\d+\.\dV\d+\.\dH\d+\.\dV\d+\.\dH\d+\.\d$/);
    assert.equal(shape.yTicks.map((t) => t.label).join(), '0,2,4,6');
    assert.equal(shape.summary, 'Burn-up in stories: 2 of 5 done on Feb 16; scope changed on 3 days. Forecast: 50% by Mar 10, 85% by Mar 20, 95% by Mar 27.');
    assert.equal(burnupShape({ unit: 'stories', points: [], changes: [] }, mc, undefined, '2026-02-18'), undefined);
  });

  it('marks the weeks the forecasts sampled in the histogram, and draws the cycle-time percentiles', () => {
    const hist = histogramShape(flow);
    assert.deepEqual(hist.bars.map((b) => [b.weekStart, b.value, b.sampled]), [
      ['2026-01-26', 0, false],
      ['2026-02-02', 2, true],
      ['2026-02-09', 3, true],
      ['2026-02-16', 0, false],
    ]);
    assert.equal(hist.summary, 'Throughput per week in stories, the last 4 weeks: 5 in all, at most 3 in a week.');
    const scatter = scatterShape(flow, '2026-02-18');
    assert.deepEqual(scatter.dots.map((d) => d.path), ['backlog/s-1.md', 'backlog/s-2.md'], 'a story without a cycle time is not drawn');
    assert.deepEqual(scatter.lines.map((l) => l.label), ['50%: 3 d', '85%: 6 d', '95%: 8 d']);
    assert.ok(scatter.lines[0].y > scatter.lines[2].y, 'longer cycle times are higher');
    assert.equal(scatter.summary, 'Cycle times of 2 finished stories: 50% within 3 days, 85% within 6, 95% within 8.');
  });

  it('says what the history covers and what the forecasts draw from, or why they use the velocity', () => {
    const iterations = [{ id: 'I-1', done: true }, { id: 'I-2', done: false, forecast: mc }];
    const model = { flow, velocity: { source: 'config', pointsPerWeek: 8, explanation: '8 pts/week (configured)' }, milestones: [{ id: 'M1', done: false, burnup }, { id: 'M0', done: true, burnup }, { id: 'M2', done: false }], iterations } as unknown as RoadmapModel;
    const o = flowOutline(model);
    assert.equal(o.history, '12 commits touched backlog/ from 2026-02-02 to 2026-02-16.');
    assert.equal(o.inputs, 'Forecasts run 10,000 trials, each week drawing one of the 2 weeks Feb 2 – Feb 15 (2–3 stories a week).');
    assert.deepEqual(o.burnups.map((m) => m.id), ['M1', 'M0']);
    assert.deepEqual(o.iterations.map((it) => it.id), ['I-2'], 'open iterations only');
    const none = flowOutline({ ...model, flow: { ...flow, history: { available: false, message: 'No git history: git is not installed.', commits: 0, shallow: false }, sample: undefined, note: 'no git history (git is not installed)' } } as RoadmapModel);
    assert.equal(none.charts, false);
    assert.equal(none.inputs, 'Forecasts use the velocity: no git history (git is not installed) (8 pts/week (configured)).');
  });
});

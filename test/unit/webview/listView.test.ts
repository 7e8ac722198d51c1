// The List layout's outline (what it lists, in which order, with which words), without a DOM.
import * as assert from 'node:assert/strict';
import { toRoadmap } from '../../../src/core/roadmap/toRoadmap';
import { listOutline, storyDetails } from '../../../src/webview/app/views/listView';
import { DEFAULT_STATE, storyFilter } from '../../../src/webview/app/viewState';
import { milestone, source, story } from '../roadmap/roadmapFixtures';

const TODAY = '2026-03-02';
const model = toRoadmap(
  source(
    [
      story({ id: 'S-3', milestone: 'M2', estimate: 3, labels: ['ui'] }),
      story({ id: 'E-1', type: 'epic', milestone: 'M1' }),
      story({ id: 'S-1', milestone: 'M1', estimate: 5, status: 'Done', epic: 'E-1', criteria: [['a', true], ['b', true]] }),
      story({ id: 'S-2', milestone: 'M1', status: 'In Progress', labels: ['ui'], dependsOn: ['S-3'] }),
      story({ id: 'S-4', labels: ['ui'] }),
      story({ id: 'S-5', milestone: 'Nope', estimate: 1 }),
      story({ id: 'S-6', milestone: 'M9' }),
    ],
    [milestone('M9'), milestone('M2', '2026-04-01', '2026-04-30'), milestone('M1', '2026-03-01', '2026-03-31')],
    { velocity: 5 },
  ),
  { today: TODAY },
);

describe('the List layout', () => {
  const all = listOutline(model, () => true);

  it('lists the milestones in roadmap order (dated by due, then undated), then the unscheduled stories', () => {
    assert.deepEqual(all.map((s) => s.milestoneId), ['M1', 'M2', 'M9', null]);
    assert.deepEqual(all.map((s) => s.heading), ['M1 · Milestone M1', 'M2 · Milestone M2', 'M9 · Milestone M9', 'Unscheduled']);
  });

  it('lists each milestone\'s stories in backlog order, without epics; unknown milestones count as unscheduled', () => {
    const ids = all.map((s) => s.stories.map((x) => x.id));
    assert.deepEqual(ids, [['S-1', 'S-2'], ['S-3'], ['S-6'], ['S-4', 'S-5']]);
  });

  it('gives each milestone its bucket, dates, progress and forecast in words', () => {
    const [m1, m2, m9, unscheduled] = all;
    assert.equal(m1.bucket, 'Now');
    assert.equal(m2.bucket, 'Next');
    assert.equal(m9.bucket, undefined);
    assert.equal(m1.summary, 'Mar 1 – Mar 31 · 1/2 stories · 5/5 pts · 1 unestimated');
    assert.equal(m9.summary, 'No due date · 0/1 stories · 0/0 pts · 1 unestimated');
    assert.equal(m1.forecast, model.milestones[0].forecast.message);
    assert.equal(m1.forecastKind, 'no-estimate');
    assert.equal(m2.forecastKind, 'on-track');
    assert.equal(unscheduled.summary, 'No milestone · 2 stories');
    assert.equal(unscheduled.forecast, undefined);
  });

  it('keeps every milestone but only the stories that pass the filters', () => {
    const ui = listOutline(model, storyFilter({ ...DEFAULT_STATE, label: 'ui' }));
    assert.deepEqual(ui.map((s) => s.milestoneId), ['M1', 'M2', 'M9', null]);
    assert.deepEqual(ui.map((s) => s.stories.map((x) => x.id)), [['S-2'], ['S-3'], [], ['S-4']]);
    assert.equal(ui[3].summary, 'No milestone · 1 story');
  });

  it('describes a story by status, estimate, criteria, epic and dependencies', () => {
    assert.equal(storyDetails(model.stories['backlog/s-1.md']), 'Done · 5 points · 2 of 2 criteria done · epic E-1');
    assert.equal(storyDetails(model.stories['backlog/s-2.md']), 'In Progress · no estimate · depends on S-3');
    assert.equal(storyDetails(model.stories['backlog/s-5.md']), 'no status · 1 point');
  });
});

// The Flow layout: what the git history says about how work flows — throughput per week (the forecasts' input),
// the cycle times of finished stories, the work in progress and its age, the open iterations' forecasts against
// their end — and a burn-up per milestone (done
// against scope over time, scope changes marked, the forecast band ahead). Without a history it says why and what
// the forecasts use instead. `flowOutline` (no DOM) decides what is shown; the view only draws it.
import type { RoadmapFlow, RoadmapIteration, RoadmapMilestone, RoadmapModel } from '../../../core/roadmap/roadmapModel';
import { h, patchChildren } from '../dom';
import type { ElementCache } from '../elementCache';
import { burnupShape, dayLabel, histogramShape, scatterShape } from '../parts/chartGeometry';
import { burnupChart, cycleTimeChart, throughputChart } from '../parts/charts';
import { forecastSummary } from '../parts/milestoneHeader';
import type { RenderContext } from '../renderContext';
import type { RoadmapView, RoadmapViewSpec } from './roadmapView';

/** What the Flow layout shows, in order. */
export interface FlowOutline {
  /** What the history covers, or why there is none. */
  readonly history: string;
  /** What the forecasts draw from, or why they use the velocity. */
  readonly inputs: string;
  readonly charts: boolean;
  /** Milestones with a burn-up, not done ones first (in roadmap order), then done ones. */
  readonly burnups: readonly RoadmapMilestone[];
  readonly wip: RoadmapFlow['agingWip'];
  /** Iterations not done yet, in start order, each forecast against its end. */
  readonly iterations: readonly RoadmapIteration[];
}

/** Returns the Sunday of the week that starts on `monday`. */
function lastDayOfWeek(monday: string): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
}

function unitWord(unit: 'stories' | 'points'): string {
  return unit === 'points' ? 'points' : 'stories';
}

/** Returns what the Flow layout shows for a model. */
export function flowOutline(model: RoadmapModel): FlowOutline {
  const f = model.flow;
  const inputs = f.sample
    ? `Forecasts run ${f.trials.toLocaleString('en-US')} trials, each week drawing one of the ${f.sample.values.length} weeks ${dayLabel(f.sample.from)} – ${dayLabel(lastDayOfWeek(f.sample.to))} (${Math.min(...f.sample.values)}–${Math.max(...f.sample.values)} ${unitWord(f.unit)} a week).`
    : `Forecasts use the velocity: ${f.note ?? 'there is no history to draw throughput from'} (${model.velocity.explanation}).`;
  const withBurnup = model.milestones.filter((m) => m.burnup && m.burnup.points.length);
  return {
    history: f.history.message,
    inputs: f.sample && f.note ? `${inputs} ${f.note}.` : inputs,
    charts: f.history.available,
    burnups: [...withBurnup.filter((m) => !m.done), ...withBurnup.filter((m) => m.done)],
    wip: f.agingWip,
    iterations: (model.iterations ?? []).filter((it) => !it.done),
  };
}

function iterationsSection(o: FlowOutline): HTMLElement {
  return h(
    'section',
    'flow-iterations',
    { role: 'group', 'aria-label': 'Iterations' },
    h('h2', undefined, undefined, 'Iterations'),
    h(
      'ul',
      'flow-iteration-list',
      undefined,
      ...o.iterations.map((it) =>
        h(
          'li',
          `forecast-${it.forecast.kind}`,
          undefined,
          h('span', 'flow-iteration-name', undefined, it.title === it.id ? it.id : `${it.id} · ${it.title}`),
          h('span', 'flow-burnup-badge', undefined, forecastSummary(it.forecast).text),
          h('p', 'flow-forecast', undefined, it.forecast.message),
        ),
      ),
    ),
  );
}

function burnupSection(m: RoadmapMilestone, model: RoadmapModel): HTMLElement {
  const shape = burnupShape(m.burnup!, m.forecast, m.due, model.today);
  const f = forecastSummary(m.forecast);
  const heading = m.title === m.id ? m.id : `${m.id} · ${m.title}`;
  return h(
    'section',
    `flow-burnup forecast-${m.forecast.kind}`,
    { 'data-summary': m.id, role: 'group', 'aria-label': `Burn-up of ${heading}` },
    h('h3', 'flow-burnup-title', undefined, heading, h('span', 'flow-burnup-badge', undefined, f.text)),
    h('p', 'flow-forecast', undefined, m.forecast.message),
    shape ? burnupChart(shape, `Burn-up of ${m.id}: done against scope`, m.burnup!.points.map((p) => [p.date, p.scope, p.done])) : undefined,
  );
}

function wipSection(o: FlowOutline, model: RoadmapModel): HTMLElement {
  const p85 = model.flow.cycleTimeDays?.p85;
  return h(
    'section',
    'flow-wip',
    { role: 'group', 'aria-label': 'Work in progress' },
    h('h2', undefined, undefined, `Work in progress: ${o.wip.length}`),
    p85 !== undefined ? h('p', 'flow-note', undefined, `85% of finished stories took ${p85} days or less; stories past that are marked.`) : undefined,
    o.wip.length
      ? h(
          'ul',
          'flow-wip-list',
          undefined,
          ...o.wip.map((a) =>
            h(
              'li',
              a.aboveP85 ? 'aging' : undefined,
              undefined,
              h('span', 'flow-wip-id', undefined, a.id ?? a.path),
              h('span', 'flow-wip-title', undefined, a.title ?? ''),
              h('span', 'flow-wip-days', undefined, `${a.atLeast ? '≥ ' : ''}${a.days} d${a.aboveP85 ? ' · older than 85% of finished stories' : ''}`),
            ),
          ),
        )
      : h('p', 'empty', undefined, 'Nothing is in progress.'),
  );
}

/** The Flow layout: redrawn whole when the model changes (a few charts; nothing to patch). */
class FlowView implements RoadmapView {
  readonly root = h('div', 'flow');

  update(ctx: RenderContext, cache: ElementCache): void {
    const { model } = ctx;
    const o = flowOutline(model);
    const parts: HTMLElement[] = [];
    const key = JSON.stringify([model.today, model.flow.history, model.flow.sample, model.flow.throughput.length, model.flow.finished.length, model.flow.wip]);
    parts.push(
      cache.get('flow|summary', key, () =>
        h('header', 'flow-summary', undefined, h('h2', undefined, undefined, 'Flow'), h('p', 'flow-history', undefined, o.history), h('p', 'flow-inputs', undefined, o.inputs)),
      ),
    );
    if (o.charts) {
      parts.push(cache.get('flow|charts', key + JSON.stringify(model.flow.cycleTimeDays), () => h('div', 'flow-charts', undefined, throughputChart(histogramShape(model.flow)), cycleTimeChart(scatterShape(model.flow, model.today)))));
      parts.push(cache.get('flow|wip', JSON.stringify([model.flow.agingWip, model.flow.cycleTimeDays]), () => wipSection(o, model)));
      if (o.iterations.length) parts.push(cache.get('flow|iterations', JSON.stringify(o.iterations.map((it) => [it.id, it.title, it.forecast])), () => iterationsSection(o)));
      parts.push(cache.get('flow|burnups-title', '', () => h('h2', 'flow-burnups-title', undefined, 'Burn-up per milestone')));
      for (const m of o.burnups) parts.push(cache.get(`flow|burnup|${m.id}`, JSON.stringify([m.burnup, m.forecast, m.due, model.today]), () => burnupSection(m, model)));
    } else {
      parts.push(cache.get('flow|empty', o.history, () => h('p', 'empty', undefined, 'The Flow view needs the git history of the backlog folder: throughput, cycle times and burn-ups come from its commits.')));
    }
    patchChildren(this.root, parts);
  }
}

export const flowView: RoadmapViewSpec = {
  label: 'Flow',
  icon: 'graph',
  controls: { zoom: false, swimlanes: false },
  create: () => new FlowView(),
};

// The timeline: one lane per dated milestone on a time axis (its bar, progress and chips), then Later
// (undated milestones and unscheduled stories); optionally one set of lanes per vision goal.
// Lanes are cached by a signature of everything they show and patched in place.
import type { RoadmapForecast, RoadmapMilestone, RoadmapModel, RoadmapStory } from '../../../core/roadmap/roadmapModel';
import { forecastBandOf } from '../parts/forecastBand';
import { h, icon, patchChildren } from '../dom';
import type { ElementCache } from '../elementCache';
import { chipsBlock, milestoneItems, unscheduledStories } from '../parts/chipsBlock';
import { DAY_MS, dayOf, shortDate } from '../parts/dates';
import { clearDependencies, dependencyOverlay } from '../parts/dependencies';
import { defer } from '../parts/lazyItems';
import { groupHeader, milestoneAria, milestoneHeader, percentDone } from '../parts/milestoneHeader';
import { groupSig, type RenderContext } from '../renderContext';
import { PX_PER_DAY, type Zoom } from '../viewState';
import type { RoadmapView, RoadmapViewSpec } from './roadmapView';

/** Width of the lane labels, as --label-width in media/roadmap.css. */
const LABEL_WIDTH = 280;
/** Chip geometry, as in media/roadmap.css (.chip width, .chips gap, chip height + row gap). */
const CHIP_WIDTH = 234;
const CHIP_GAP = 6;
const CHIP_ROW_HEIGHT = 27;
const CHIP_MIN_WIDTH = 240;

interface Geometry {
  readonly px: number;
  readonly startDay: number;
  readonly days: number;
}

function geometryOf(ctx: RenderContext): Geometry {
  const startDay = dayOf(ctx.model.axis.start);
  return { px: PX_PER_DAY[ctx.state.zoom], startDay, days: dayOf(ctx.model.axis.end) - startDay };
}

const x = (g: Geometry, iso: string): number => (dayOf(iso) - g.startDay) * g.px;

function axisOf(ctx: RenderContext, g: Geometry): HTMLElement {
  const { axis } = ctx.model;
  const rows = h('div', 'axis-rows');
  rows.style.width = `${g.days * g.px}px`;
  const row = (cls: string, spans: { start: string; end: string; label: string }[]): HTMLElement => {
    const r = h('div', `axis-row ${cls}`);
    for (const s of spans) {
      // The label sticks to the left edge of the visible timeline while its cell is in view (a quarter stays named
      // when its start has scrolled away).
      const cell = h('div', 'axis-cell', { title: s.label }, h('span', 'axis-label', undefined, s.label));
      cell.style.left = `${x(g, s.start)}px`;
      cell.style.width = `${x(g, s.end) - x(g, s.start)}px`;
      r.append(cell);
    }
    return r;
  };
  if (ctx.state.zoom === 'week') {
    const weeks: { start: string; end: string; label: string }[] = [];
    // Weeks start on Monday (ISO 8601).
    let d = g.startDay + ((8 - new Date(g.startDay * DAY_MS).getUTCDay()) % 7);
    for (; d < g.startDay + g.days; d += 7) {
      const iso = new Date(d * DAY_MS).toISOString().slice(0, 10);
      weeks.push({ start: iso, end: new Date((d + 7) * DAY_MS).toISOString().slice(0, 10), label: shortDate(iso) });
    }
    rows.append(row('months', [...axis.months]), row('weeks', weeks));
  } else {
    const short = ctx.state.zoom === 'quarter';
    rows.append(row('quarters', [...axis.quarters]), row('months', axis.months.map((m) => ({ ...m, label: short ? m.label.slice(0, 3) : m.label }))));
  }
  // The iterations (sprints) under the calendar: each one's span, with what is committed against its capacity.
  const dated = ctx.model.iterations.filter((it): it is typeof it & { start: string; end: string } => it.start !== undefined && it.end !== undefined && dayOf(it.end) >= dayOf(it.start));
  const inView = dated.filter((it) => dayOf(it.end) >= g.startDay && dayOf(it.start) <= g.startDay + g.days);
  if (inView.length) {
    const sprints = h('div', 'axis-row iterations', { role: 'list', 'aria-label': 'Iterations' });
    for (const it of inView) {
      const load = it.capacity === undefined ? `${it.committed} pts committed` : `${it.committed} of ${it.capacity} pts`;
      const end = new Date((dayOf(it.end) + 1) * DAY_MS).toISOString().slice(0, 10);
      // Why by width: at the quarter and month zooms a two-week sprint is too narrow for more than its name.
      const label = x(g, end) - x(g, it.start) >= 150 ? `${it.title} · ${load}` : it.title;
      const tip = [`${it.title} (${it.id}): ${it.start} – ${it.end}`, load + (it.capacity !== undefined && it.committed > it.capacity ? ' — over capacity' : ''), it.goal ? `Goal: ${it.goal}` : ''].filter(Boolean).join('\n');
      const cell = h('div', `axis-cell iteration${it.current ? ' current' : ''}${it.capacity !== undefined && it.committed > it.capacity ? ' over' : ''}`, { title: tip, role: 'listitem', 'data-iteration': it.id }, h('span', 'axis-label', undefined, label));
      cell.style.left = `${x(g, it.start)}px`;
      cell.style.width = `${x(g, end) - x(g, it.start)}px`;
      sprints.append(cell);
    }
    rows.append(sprints);
  }
  return h('div', 'axis', undefined, h('div', 'axis-corner', undefined, h('span', undefined, undefined, ctx.model.title)), rows);
}

function milestoneLane(m: RoadmapMilestone, ctx: RenderContext, g: Geometry, pred: (s: RoadmapStory) => boolean): HTMLElement {
  const { epics, stories } = milestoneItems(m, ctx, pred);
  const lane = h('section', `lane bucket-${m.bucket}${m.done ? ' done' : ''}`, { 'data-lane': m.id, 'data-drop': m.id, 'data-summary': m.id, role: 'group', 'aria-label': milestoneAria(m) });
  const track = h('div', 'lane-track');
  track.style.width = `${g.days * g.px}px`;
  const left = x(g, m.barStart ?? m.due!);
  const width = Math.max(g.px, x(g, m.due!) - left + g.px);
  const bar = h('div', `bar forecast-${m.forecast.kind}`, { title: `${m.id}: ${m.barStart} – ${m.due}`, 'aria-hidden': 'true' });
  bar.style.left = `${left}px`;
  bar.style.width = `${width}px`;
  const fill = h('div', 'bar-fill');
  fill.style.width = `${percentDone(m.progress)}%`;
  bar.append(fill, h('span', 'bar-label', undefined, m.title));
  const band = forecastBand(m.forecast, g);
  const columns = Math.max(1, Math.min(4, Math.ceil(stories.length / 8)));
  const itemsWidth = Math.max(width, columns * CHIP_MIN_WIDTH);
  // The chips are built when the lane nears the viewport (see materialize): a 1,000-story roadmap then
  // creates and lays out only the lanes on screen. The placeholder has the chips' final height.
  const perRow = Math.max(1, Math.floor((itemsWidth + CHIP_GAP) / (CHIP_WIDTH + CHIP_GAP)));
  const rows = Math.ceil(epics.length / perRow) + Math.max(1, Math.ceil(stories.length / perRow));
  const items = h('div', 'items', { 'data-count': stories.length });
  items.style.marginLeft = `${left}px`;
  items.style.width = `${itemsWidth}px`;
  items.style.minHeight = `${rows * CHIP_ROW_HEIGHT + (epics.length ? 4 : 0)}px`;
  defer(items, stories.map((x) => x.path), () => chipsBlock(epics, stories, ctx, m.id));
  track.append(bar, ...(band ? [band] : []), items);
  lane.append(h('div', 'lane-label', undefined, milestoneHeader(m)), track);
  return lane;
}

/** Returns the forecast band of a Monte Carlo forecast: 50% to 95% likely, a tick at 85%, the dates in words. */
function forecastBand(f: RoadmapForecast, g: Geometry): HTMLElement | undefined {
  const band = forecastBandOf(f);
  if (!band) return undefined;
  const left = x(g, band.from);
  const el = h('div', `forecast-band forecast-${f.kind}`, { role: 'img', 'aria-label': band.label, title: `${band.label}\n${f.message}` });
  el.style.left = `${left}px`;
  el.style.width = `${Math.max(g.px, x(g, band.to) - left + g.px)}px`;
  const tick = h('span', 'forecast-band-p85', { 'aria-hidden': 'true' });
  tick.style.left = `${x(g, band.p85) - left}px`;
  el.append(tick, h('span', 'forecast-band-label', { 'aria-hidden': 'true' }, band.text));
  return el;
}

function laterLane(ctx: RenderContext, pred: (s: RoadmapStory) => boolean): HTMLElement {
  const { model } = ctx;
  const later = model.lanes.find((l) => l.kind === 'later');
  const lane = h('section', 'lane lane-later', { 'data-lane': 'later', 'data-drop': '', role: 'group', 'aria-label': 'Later: undated milestones and unscheduled stories' });
  const groups = h('div', 'later-groups');
  for (const id of later?.milestones ?? []) {
    const m = model.milestones.find((x) => x.id === id);
    if (!m) continue;
    const { epics, stories } = milestoneItems(m, ctx, pred);
    groups.append(h('div', 'later-group', { 'data-drop': m.id, 'data-summary': m.id, role: 'group', 'aria-label': milestoneAria(m) }, milestoneHeader(m), chipsBlock(epics, stories, ctx, m.id)));
  }
  const unscheduled = unscheduledStories(ctx, pred);
  groups.append(
    h(
      'div',
      'later-group unscheduled',
      { 'data-drop': '', 'data-summary': 'later', role: 'group', 'aria-label': `Unscheduled: ${unscheduled.length} stories` },
      groupHeader('inbox', 'Unscheduled', 'No milestone'),
      chipsBlock([], unscheduled, ctx, null),
    ),
  );
  const track = h('div', 'lane-track', undefined, groups);
  lane.append(h('div', 'lane-label', undefined, groupHeader('history', 'Later', 'Undated milestones and unscheduled stories')), track);
  return lane;
}

/** Returns the lane elements for the dated milestones and Later that pass `pred`, from the cache where unchanged. */
function lanesFor(ctx: RenderContext, g: Geometry, cache: ElementCache, keyPrefix: string, pred: (s: RoadmapStory) => boolean, hideEmpty: boolean): HTMLElement[] {
  const { model } = ctx;
  const out: HTMLElement[] = [];
  const predSig = `${keyPrefix}|${ctx.filterKey}`;
  for (const lane of model.lanes) {
    if (lane.kind === 'milestone') {
      const m = model.milestones.find((x) => x.id === lane.id);
      if (!m) continue;
      if (hideEmpty && !m.stories.some((p) => model.stories[p] && pred(model.stories[p]))) continue;
      const epicPaths = m.epics.map((id) => model.epics[id]).filter((p): p is string => p !== undefined);
      out.push(cache.get(`${keyPrefix}|${m.id}`, groupSig(ctx, [g, m, predSig], [...m.stories, ...epicPaths]), () => milestoneLane(m, ctx, g, pred)));
    } else {
      const ms = lane.milestones.map((id) => model.milestones.find((x) => x.id === id));
      const paths = [...lane.unscheduled, ...ms.flatMap((m) => (m ? [...m.stories, ...m.epics.map((id) => model.epics[id] ?? '')] : []))];
      if (hideEmpty && !paths.some((p) => model.stories[p] && !model.stories[p].isEpic && pred(model.stories[p]))) continue;
      out.push(cache.get(`${keyPrefix}|later`, groupSig(ctx, [g, null, predSig + JSON.stringify(ms)], paths), () => laterLane(ctx, pred)));
    }
  }
  return out;
}

/** The timeline: a persistent canvas whose lanes are patched in place, so an update re-lays-out only changed lanes. */
class TimelineView implements RoadmapView {
  readonly root = h('div', 'canvas');
  private readonly lanes = h('div', 'lanes');
  private readonly today = h('div', 'today-line', { 'aria-hidden': 'true' }, h('span', 'today-label', undefined, 'Today'));
  private readonly overlay = dependencyOverlay();
  private axisEl: HTMLElement | undefined;

  constructor() {
    this.root.append(this.lanes, this.today, this.overlay);
  }

  update(ctx: RenderContext, cache: ElementCache): void {
    const g = geometryOf(ctx);
    // Room after the axis end: the chips of a milestone due at the very end are wider than its bar.
    const width = `${LABEL_WIDTH + g.days * g.px + 4 * CHIP_MIN_WIDTH}px`;
    if (this.root.style.width !== width) this.root.style.width = width;
    const axis = cache.get('axis', JSON.stringify([g, ctx.model.axis, ctx.model.title, ctx.state.zoom]), () => axisOf(ctx, g));
    if (axis !== this.axisEl) {
      if (this.axisEl) this.axisEl.replaceWith(axis);
      else this.root.prepend(axis);
      this.axisEl = axis;
    }
    const items: HTMLElement[] = [];
    if (ctx.state.swimlanes) {
      for (const goal of ctx.model.goals) {
        if (ctx.state.goal !== null && ctx.state.goal !== goal.id) continue;
        const pred = (s: RoadmapStory): boolean => ctx.visible(s) && (goal.id === '' ? s.goals.length === 0 : s.goals.includes(goal.id));
        const goalLanes = lanesFor(ctx, g, cache, `goal:${goal.id}`, pred, true);
        items.push(cache.get(`goal-header:${goal.id}`, JSON.stringify(goal), () => swimlaneHeader(goal)));
        items.push(...(goalLanes.length ? goalLanes : [cache.get(`goal-empty:${goal.id}`, '', () => h('div', 'empty swimlane-empty', undefined, 'Nothing scheduled serves this goal'))]));
      }
    } else {
      items.push(...lanesFor(ctx, g, cache, 'all', ctx.visible, false));
    }
    patchChildren(this.lanes, items);
    this.today.title = `Today ${ctx.model.today}`;
    this.today.style.left = `${LABEL_WIDTH + x(g, ctx.model.today)}px`;
    clearDependencies(this.root);
  }

  initialScroll(ctx: RenderContext): { left: number; top: number } {
    // First open: start with today in view rather than the start of the axis, or further left when an
    // unfinished milestone starts earlier (overdue work must not open off-screen).
    const { model } = ctx;
    const px = PX_PER_DAY[ctx.state.zoom];
    const axisStart = dayOf(model.axis.start);
    const open = model.milestones.find((m) => !m.done && m.lane === m.id && m.barStart !== undefined);
    const openLeft = open?.barStart !== undefined ? (dayOf(open.barStart) - axisStart) * px - 16 : Infinity;
    return { left: Math.max(0, Math.min((dayOf(model.today) - axisStart) * px - 160, openLeft)), top: 0 };
  }

  zoomedScrollLeft(viewport: HTMLElement, from: Zoom, to: Zoom): number {
    // The timeline shows canvas x in [scrollLeft + LABEL_WIDTH, scrollLeft + clientWidth]; day d sits at LABEL_WIDTH + d * px.
    const half = (viewport.clientWidth - LABEL_WIDTH) / 2;
    const middle = (viewport.scrollLeft + half) / PX_PER_DAY[from];
    return Math.max(0, middle * PX_PER_DAY[to] - half);
  }
}

function swimlaneHeader(goal: RoadmapModel['goals'][number]): HTMLElement {
  return h(
    'div',
    'swimlane-header',
    { role: 'heading', 'aria-level': 2, 'data-goal': goal.id },
    icon(goal.id === '' ? 'circle-slash' : 'target'),
    h('span', 'swimlane-title', undefined, goal.id === '' ? 'No goal' : `${goal.id} · ${goal.title}`),
    goal.metric ? h('span', 'swimlane-metric', undefined, goal.metric) : undefined,
    h('span', 'swimlane-count', undefined, `${goal.milestones.length} milestones · ${goal.epics.length} epics · ${goal.stories.length} stories`),
  );
}

export const timelineView: RoadmapViewSpec = {
  label: 'Timeline',
  icon: 'calendar',
  controls: { zoom: true, swimlanes: true },
  create: () => new TimelineView(),
};

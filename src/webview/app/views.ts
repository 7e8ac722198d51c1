// Draws the roadmap model: the timeline (lanes on a time axis) and the Now/Next/Later board.
// Lanes and board cards are cached by a signature of everything they show, so an update after one
// story change rebuilds only the lanes whose content changed.
import type { RoadmapForecast, RoadmapMilestone, RoadmapModel, RoadmapStory, RoadmapWarning } from '../../core/roadmap/roadmapModel';
import { h, icon, patchChildren } from './dom';
import { PX_PER_DAY, type ViewState } from './viewState';

export const LABEL_WIDTH = 280;
/** Chip geometry, as in media/roadmap.css (.chip width, .chips gap, chip height + row gap). */
const CHIP_WIDTH = 234;
const CHIP_GAP = 6;
const CHIP_ROW_HEIGHT = 27;

/** Lane chip blocks not built yet, with the function that builds them and the stories they will show. */
const pendingBuilds = new WeakMap<HTMLElement, () => HTMLElement>();
const pendingStories = new WeakMap<HTMLElement, readonly string[]>();

/** Returns the story paths a pending block will show ([] once built). */
export function pendingPaths(items: HTMLElement): readonly string[] {
  return pendingStories.get(items) ?? [];
}

/** Builds the chips of a pending lane block (no-op when already built); returns whether it built. */
export function materialize(items: HTMLElement): boolean {
  const build = pendingBuilds.get(items);
  if (!build) return false;
  pendingBuilds.delete(items);
  pendingStories.delete(items);
  const block = build();
  items.replaceChildren(...block.childNodes);
  items.classList.remove('items-pending');
  items.style.minHeight = '';
  return true;
}
const DAY_MS = 86_400_000;
const CHIP_MIN_WIDTH = 240;
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface RenderContext {
  readonly model: RoadmapModel;
  readonly state: ViewState;
  readonly visible: (s: RoadmapStory) => boolean;
  readonly readonly: boolean;
  /** The filters and zoom as a string: part of every cache signature (scroll is not). */
  readonly filterKey: string;
  readonly warningsByPath: ReadonlyMap<string, readonly RoadmapWarning[]>;
  /** Story path → paths of the stories that depend on it. */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
  /** Story path → paths it depends on (resolved). */
  readonly dependsOn: ReadonlyMap<string, readonly string[]>;
  /** Story path → a string that changes whenever anything its chip shows changes. */
  readonly storySigs: ReadonlyMap<string, string>;
  /** The epics map as a string (epic chips depend on it). */
  readonly epicsKey: string;
}

/** Keeps built elements by key and signature; `swap()` drops the ones not used by the last render. */
export class ElementCache {
  private current = new Map<string, { sig: string; el: HTMLElement }>();
  private next = new Map<string, { sig: string; el: HTMLElement }>();
  rebuilt = 0;
  reused = 0;

  /** Returns the cached element when its signature is unchanged, else builds and caches a new one. */
  get(key: string, sig: string, build: () => HTMLElement): HTMLElement {
    const hit = this.current.get(key);
    if (hit && hit.sig === sig && !this.next.has(key)) {
      this.next.set(key, hit);
      this.reused++;
      return hit.el;
    }
    const el = build();
    this.next.set(key, { sig, el });
    this.rebuilt++;
    return el;
  }

  swap(): void {
    this.current = this.next;
    this.next = new Map();
  }

  clear(): void {
    this.current.clear();
    this.next.clear();
  }
}

/** Returns the day number of an ISO date. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Returns 'Mar 2' for '2026-03-02' (by hand: toLocaleDateString costs ~0.1 ms a call, too much per axis tick). */
function shortDate(iso: string | undefined): string {
  if (!iso) return '';
  return `${MONTHS[Number(iso.slice(5, 7)) - 1] ?? '?'} ${Number(iso.slice(8, 10))}`;
}

function pct(done: number, total: number): number {
  return total > 0 ? Math.round((done / total) * 100) : 0;
}

// ---------------------------------------------------------------- chips

/** Returns the tooltip of a story chip: status, points, the user story, criteria, dependencies and warnings. */
export function storyTooltip(s: RoadmapStory, ctx: RenderContext): string {
  const lines = [`${s.id ? `${s.id} ` : ''}${s.title}`];
  lines.push(`Status: ${s.status ?? 'none'}${s.points !== undefined ? ` · ${s.points} points` : ' · no estimate'}`);
  if (s.epic) lines.push(`Epic: ${s.epic}`);
  if (s.goals.length) lines.push(`Goals: ${s.goals.join(', ')}`);
  if (s.labels.length) lines.push(`Labels: ${s.labels.join(', ')}`);
  if (s.userStory) lines.push('', s.userStory);
  if (s.criteria.length) {
    lines.push('', `Acceptance criteria (${s.acDone}/${s.acTotal}):`);
    for (const c of s.criteria.slice(0, 12)) lines.push(`${c.done ? '☑' : '☐'} ${c.text}`);
    if (s.criteria.length > 12) lines.push(`… ${s.criteria.length - 12} more`);
  }
  if (s.dependsOn.length) lines.push('', `Depends on: ${s.dependsOn.join(', ')}`);
  const dependents = ctx.dependents.get(s.path);
  if (dependents?.length) lines.push(`Needed by: ${dependents.map((p) => ctx.model.stories[p]?.id ?? p).join(', ')}`);
  for (const w of ctx.warningsByPath.get(s.path) ?? []) lines.push(`⚠ ${w.message}`);
  return lines.join('\n');
}

function storyAriaLabel(s: RoadmapStory, ctx: RenderContext): string {
  const parts = [`${s.isEpic ? 'Epic' : 'Story'} ${s.id ?? ''}: ${s.title}`, `status ${s.status ?? 'none'}`];
  parts.push(s.points !== undefined ? `${s.points} points` : 'no estimate');
  if (s.acTotal > 0) parts.push(`${s.acDone} of ${s.acTotal} criteria done`);
  if (s.dependsOn.length) parts.push(`depends on ${s.dependsOn.join(', ')}`);
  const warnings = ctx.warningsByPath.get(s.path);
  if (warnings?.length) parts.push(`warning: ${warnings.map((w) => w.message).join('; ')}`);
  return parts.join(', ');
}

const CATEGORY_ICON: Readonly<Record<RoadmapStory['category'], string>> = { todo: 'circle-outline', doing: 'circle-filled', done: 'pass-filled', dropped: 'circle-slash' };

/** Returns a focusable, clickable, draggable chip for one story or epic. */
export function storyChip(s: RoadmapStory, ctx: RenderContext, extra?: string): HTMLElement {
  const warned = (ctx.warningsByPath.get(s.path)?.length ?? 0) > 0;
  const el = h(
    'div',
    `chip cat-${s.category}${s.isEpic ? ' epic' : ''}${warned ? ' warned' : ''}`,
    // The tooltip (title) is set on first hover or focus: building 1,000 of them up front costs more than the chips.
    { role: 'button', tabindex: -1, 'data-path': s.path, draggable: ctx.readonly ? undefined : 'true', 'aria-label': storyAriaLabel(s, ctx) },
    icon(s.isEpic ? 'layers' : CATEGORY_ICON[s.category], 'chip-status'),
    s.id ? h('span', 'chip-id', undefined, s.id) : undefined,
    h('span', 'chip-title', undefined, s.title),
    extra ? h('span', 'chip-extra', undefined, extra) : undefined,
    s.points !== undefined ? h('span', 'chip-points', undefined, String(s.points)) : undefined,
    s.acTotal > 0 && !s.isEpic ? h('span', `chip-ac${s.acDone === s.acTotal ? ' complete' : ''}`, undefined, icon('checklist'), `${s.acDone}/${s.acTotal}`) : undefined,
    s.dependsOn.length > 0 ? h('span', 'chip-deps', undefined, icon('link'), String(s.dependsOn.length)) : undefined,
    warned ? icon('warning', 'chip-warn') : undefined,
  );
  return el;
}

/** Returns the signature of a story's chip: its data, its warnings and who depends on it. */
export function storySig(s: RoadmapStory, warnings: readonly RoadmapWarning[] | undefined, dependents: readonly string[] | undefined): string {
  return JSON.stringify([s, warnings?.map((w) => w.message), dependents]);
}

// ---------------------------------------------------------------- milestone header

function forecastBadge(f: RoadmapForecast): HTMLElement {
  let text: string;
  let iconName: string;
  switch (f.kind) {
    case 'done':
      text = 'Done';
      iconName = 'pass';
      break;
    case 'on-track':
      text = 'On track';
      iconName = 'check';
      break;
    case 'at-risk':
      text = `At risk: +${f.pointsOver} pts, ${f.daysLate} d late`;
      iconName = 'warning';
      break;
    default:
      text = 'No estimate';
      iconName = 'question';
  }
  return h('span', `badge forecast-${f.kind}`, { title: f.message, 'aria-label': f.message, role: 'note' }, icon(iconName), h('span', undefined, undefined, text));
}

function progressBlock(m: RoadmapMilestone): HTMLElement {
  const p = m.progress;
  const value = p.totalPoints > 0 ? pct(p.donePoints, p.totalPoints) : pct(p.doneStories, p.totalStories);
  const bar = h('div', 'progress', { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': value, 'aria-label': `${value}% done` });
  const fill = h('div', 'progress-fill');
  fill.style.width = `${value}%`;
  bar.append(fill);
  const text = `${p.doneStories}/${p.totalStories} stories · ${p.donePoints}/${p.totalPoints} pts${p.unestimatedStories ? ` · ${p.unestimatedStories} unestimated` : ''}`;
  return h('div', 'progress-block', undefined, bar, h('span', 'progress-text', undefined, text));
}

const BUCKET_TEXT: Readonly<Record<string, string>> = { now: 'Now', next: 'Next' };

function milestoneHeader(m: RoadmapMilestone, tag: 'div' | 'h3' = 'div'): HTMLElement {
  const dates = m.due ? `${m.start ? shortDate(m.start) : shortDate(m.barStart)} – ${shortDate(m.due)}${m.startInferred ? ' (start inferred)' : ''}` : 'no due date';
  return h(
    tag,
    'milestone-header',
    undefined,
    h(
      'div',
      'milestone-title-row',
      undefined,
      icon('milestone'),
      h('span', 'milestone-id', undefined, m.id),
      h('span', 'milestone-title', { title: m.description || m.title }, m.title === m.id ? '' : m.title),
      BUCKET_TEXT[m.bucket] ? h('span', `bucket-tag bucket-${m.bucket}`, undefined, BUCKET_TEXT[m.bucket]) : undefined,
    ),
    h('div', 'milestone-dates', undefined, icon('calendar'), dates),
    progressBlock(m),
    forecastBadge(m.forecast),
  );
}

function milestoneAria(m: RoadmapMilestone): string {
  return `Milestone ${m.id} ${m.title}${m.due ? `, due ${m.due}` : ', no due date'}, ${m.progress.doneStories} of ${m.progress.totalStories} stories done. ${m.forecast.message}`;
}

/** Returns the epic chips and story chips of one milestone that pass `pred`. */
function milestoneItems(m: RoadmapMilestone, ctx: RenderContext, pred: (s: RoadmapStory) => boolean): { epics: RoadmapStory[]; stories: RoadmapStory[] } {
  const { model } = ctx;
  const stories = m.stories.map((p) => model.stories[p]).filter((s): s is RoadmapStory => s !== undefined && pred(s));
  const epics: RoadmapStory[] = [];
  for (const id of m.epics) {
    const path = Object.prototype.hasOwnProperty.call(model.epics, id) ? model.epics[id] : undefined;
    const e = path ? model.stories[path] : undefined;
    if (!e) continue;
    // An epic shows when it is itself in this milestone and passes the filters, or when a shown story belongs to it.
    if ((e.milestone === m.id && pred(e)) || stories.some((s) => s.epic === id)) epics.push(e);
  }
  return { epics, stories };
}

function chipsBlock(epics: RoadmapStory[], stories: RoadmapStory[], ctx: RenderContext, milestoneId: string | null): HTMLElement {
  const block = h('div', 'items');
  if (epics.length) {
    const row = h('div', 'epics', { role: 'group', 'aria-label': 'Epics' });
    for (const e of epics) {
      const n = stories.filter((s) => s.epic === e.id).length;
      const chip = storyChip(e, ctx, `${n} here`);
      if (e.milestone !== milestoneId) {
        // The epic itself is scheduled elsewhere (or not at all); some of its stories are here.
        chip.classList.add('elsewhere');
        chip.dataset.note = `The epic is ${e.milestone ? `in ${e.milestone}` : 'unscheduled'}; ${n} of its stories are here.`;
      }
      row.append(chip);
    }
    block.append(row);
  }
  const list = h('div', 'chips', { role: 'group', 'aria-label': 'Stories' });
  for (const s of stories) list.append(storyChip(s, ctx));
  if (!stories.length) list.append(h('div', 'empty', undefined, 'No stories'));
  block.append(list);
  return block;
}

// ---------------------------------------------------------------- timeline

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
  fill.style.width = `${m.progress.totalPoints > 0 ? pct(m.progress.donePoints, m.progress.totalPoints) : pct(m.progress.doneStories, m.progress.totalStories)}%`;
  bar.append(fill, h('span', 'bar-label', undefined, m.title));
  const columns = Math.max(1, Math.min(4, Math.ceil(stories.length / 8)));
  const itemsWidth = Math.max(width, columns * CHIP_MIN_WIDTH);
  // The chips are built when the lane nears the viewport (see materialize): a 1,000-story roadmap then
  // creates and lays out only the lanes on screen. The placeholder has the chips' final height.
  const perRow = Math.max(1, Math.floor((itemsWidth + CHIP_GAP) / (CHIP_WIDTH + CHIP_GAP)));
  const rows = Math.ceil(epics.length / perRow) + Math.max(1, Math.ceil(stories.length / perRow));
  const items = h('div', 'items items-pending', { 'data-count': stories.length });
  items.style.marginLeft = `${left}px`;
  items.style.width = `${itemsWidth}px`;
  items.style.minHeight = `${rows * CHIP_ROW_HEIGHT + (epics.length ? 4 : 0)}px`;
  pendingBuilds.set(items, () => chipsBlock(epics, stories, ctx, m.id));
  pendingStories.set(items, stories.map((x) => x.path));
  track.append(bar, items);
  lane.append(h('div', 'lane-label', undefined, milestoneHeader(m)), track);
  return lane;
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
  const unscheduled = (later?.unscheduled ?? []).map((p) => model.stories[p]).filter((s): s is RoadmapStory => s !== undefined && pred(s));
  groups.append(
    h(
      'div',
      'later-group unscheduled',
      { 'data-drop': '', 'data-summary': 'later', role: 'group', 'aria-label': `Unscheduled: ${unscheduled.length} stories` },
      h('div', 'milestone-header', undefined, h('div', 'milestone-title-row', undefined, icon('inbox'), h('span', 'milestone-title', undefined, 'Unscheduled')), h('div', 'milestone-dates', undefined, 'No milestone')),
      chipsBlock([], unscheduled, ctx, null),
    ),
  );
  const track = h('div', 'lane-track', undefined, groups);
  lane.append(h('div', 'lane-label', undefined, h('div', 'milestone-header', undefined, h('div', 'milestone-title-row', undefined, icon('history'), h('span', 'milestone-title', undefined, 'Later')), h('div', 'milestone-dates', undefined, 'Undated milestones and unscheduled stories'))), track);
  return lane;
}

function lanesSig(ctx: RenderContext, g: Geometry, m: RoadmapMilestone | null, paths: readonly string[], extra: string): string {
  return `${JSON.stringify([g, ctx.readonly, m, extra])}\u0001${ctx.epicsKey}\u0001${paths.map((p) => ctx.storySigs.get(p) ?? p).join('\u0001')}`;
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
      out.push(cache.get(`${keyPrefix}|${m.id}`, lanesSig(ctx, g, m, [...m.stories, ...epicPaths], predSig), () => milestoneLane(m, ctx, g, pred)));
    } else {
      const ms = lane.milestones.map((id) => model.milestones.find((x) => x.id === id));
      const paths = [...lane.unscheduled, ...ms.flatMap((m) => (m ? [...m.stories, ...m.epics.map((id) => model.epics[id] ?? '')] : []))];
      if (hideEmpty && !paths.some((p) => model.stories[p] && !model.stories[p].isEpic && pred(model.stories[p]))) continue;
      out.push(cache.get(`${keyPrefix}|later`, lanesSig(ctx, g, null, paths, predSig + JSON.stringify(ms)), () => laterLane(ctx, pred)));
    }
  }
  return out;
}

/** The timeline: a persistent canvas whose lanes are patched in place, so an update re-lays-out only changed lanes. */
export class TimelineView {
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

// ---------------------------------------------------------------- board

function boardCard(m: RoadmapMilestone, ctx: RenderContext): HTMLElement {
  const { epics, stories } = milestoneItems(m, ctx, ctx.visible);
  return h('article', `card bucket-${m.bucket}`, { 'data-drop': m.id, 'data-summary': m.id, role: 'group', 'aria-label': milestoneAria(m) }, milestoneHeader(m, 'h3'), chipsBlock(epics, stories, ctx, m.id));
}

/** The Now / Next / Later board (plus Done when any milestone is done); cards are patched in place. */
export class BoardView {
  readonly root = h('div', 'board');
  private readonly overlay = dependencyOverlay();
  private readonly columns = new Map<string, HTMLElement>();

  update(ctx: RenderContext, cache: ElementCache): void {
    const { model } = ctx;
    const byId = new Map(model.milestones.map((m) => [m.id, m] as const));
    const card = (id: string): HTMLElement | undefined => {
      const m = byId.get(id);
      if (!m) return undefined;
      const paths = [...m.stories, ...m.epics.map((e) => model.epics[e] ?? '')];
      return cache.get(`board|${id}`, lanesSig(ctx, { px: 0, startDay: 0, days: 0 }, m, paths, ctx.filterKey), () => boardCard(m, ctx));
    };
    const later = model.lanes.find((l) => l.kind === 'later');
    const unscheduledPaths = later?.unscheduled ?? [];
    const unscheduledCard = cache.get('board|unscheduled', lanesSig(ctx, { px: 0, startDay: 0, days: 0 }, null, unscheduledPaths, ctx.filterKey), () => {
      const unscheduled = unscheduledPaths.map((p) => model.stories[p]).filter((s): s is RoadmapStory => s !== undefined && ctx.visible(s));
      return h(
        'article',
        'card unscheduled',
        { 'data-drop': '', 'data-summary': 'later', role: 'group', 'aria-label': `Unscheduled: ${unscheduled.length} stories` },
        h('h3', 'milestone-header', undefined, h('div', 'milestone-title-row', undefined, icon('inbox'), h('span', 'milestone-title', undefined, 'Unscheduled'))),
        chipsBlock([], unscheduled, ctx, null),
      );
    });
    const specs: [string, string, string, (HTMLElement | undefined)[]][] = [
      ['Now', 'now', 'current milestone', [model.buckets.now ? card(model.buckets.now) : undefined]],
      ['Next', 'next', 'the one after', [model.buckets.next ? card(model.buckets.next) : undefined]],
      ['Later', 'later', 'everything else', [...model.buckets.later.map(card), unscheduledCard]],
    ];
    if (model.buckets.done.length) specs.push(['Done', 'done', 'finished milestones', model.buckets.done.map(card)]);
    const cols = specs.map(([title, cls, hint, cards]) => {
      let col = this.columns.get(cls);
      if (!col) {
        col = h('section', `column column-${cls}`, { role: 'region', 'aria-label': title }, h('h2', 'column-title', undefined, title, h('span', 'column-hint', undefined, hint)));
        this.columns.set(cls, col);
      }
      const present = cards.filter((c): c is HTMLElement => c !== undefined);
      patchChildren(col, [col.firstChild!, ...(present.length ? present : [cache.get(`board-empty|${cls}`, '', () => h('div', 'empty', undefined, 'Nothing here'))])]);
      return col;
    });
    patchChildren(this.root, [...cols, this.overlay]);
    clearDependencies(this.root);
  }
}

// ---------------------------------------------------------------- dependencies

function dependencyOverlay(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'deps-overlay');
  svg.setAttribute('aria-hidden', 'true');
  const defs = document.createElementNS(SVG_NS, 'defs');
  const marker = document.createElementNS(SVG_NS, 'marker');
  marker.setAttribute('id', 'rudder-arrow');
  marker.setAttribute('viewBox', '0 0 10 10');
  marker.setAttribute('refX', '9');
  marker.setAttribute('refY', '5');
  marker.setAttribute('markerWidth', '7');
  marker.setAttribute('markerHeight', '7');
  marker.setAttribute('orient', 'auto-start-reverse');
  const tip = document.createElementNS(SVG_NS, 'path');
  tip.setAttribute('d', 'M 0 0 L 10 5 L 0 10 z');
  tip.setAttribute('class', 'deps-arrowhead');
  marker.append(tip);
  defs.append(marker);
  svg.append(defs);
  return svg;
}

function chipsOf(root: HTMLElement, path: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`.chip[data-path="${CSS.escape(path)}"]`)];
}

function clearDependencies(root: HTMLElement): void {
  for (const el of root.querySelectorAll('.dep-source, .dep-target, .dep-dependent')) el.classList.remove('dep-source', 'dep-target', 'dep-dependent');
  for (const p of [...root.querySelectorAll('path.deps-line')]) p.remove();
}

/** Highlights a story's dependencies and dependents and draws arrows to them; null clears. */
export function showDependencies(root: HTMLElement, ctx: RenderContext | undefined, path: string | null): void {
  clearDependencies(root);
  const svg = root.querySelector<SVGSVGElement>(':scope > .deps-overlay');
  if (!svg || !path || !ctx) return;
  const sources = chipsOf(root, path);
  if (!sources.length) return;
  const host = svg.parentElement as HTMLElement;
  const base = host.getBoundingClientRect();
  svg.setAttribute('width', String(host.scrollWidth));
  svg.setAttribute('height', String(host.scrollHeight));
  const from = sources[0];
  from.classList.add('dep-source');
  const line = (a: HTMLElement, b: HTMLElement, cls: string): void => {
    // Arrow from the dependent (a) to what it depends on (b).
    const ra = a.getBoundingClientRect();
    const rb = b.getBoundingClientRect();
    const ax = ra.left - base.left;
    const ay = ra.top - base.top + ra.height / 2;
    const bx = rb.right - base.left;
    const by = rb.top - base.top + rb.height / 2;
    const bend = Math.max(40, Math.abs(ax - bx) / 3);
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', `M ${ax} ${ay} C ${ax - bend} ${ay}, ${bx + bend} ${by}, ${bx} ${by}`);
    p.setAttribute('class', `deps-line ${cls}`);
    p.setAttribute('marker-end', 'url(#rudder-arrow)');
    svg.append(p);
  };
  for (const target of ctx.dependsOn.get(path) ?? []) {
    const t = chipsOf(root, target)[0];
    if (!t) continue;
    t.classList.add('dep-target');
    line(from, t, ctx.warningsByPath.get(path)?.some((w) => w.relatedPath === target) ? 'deps-warn' : '');
  }
  for (const dependent of ctx.dependents.get(path) ?? []) {
    const d = chipsOf(root, dependent)[0];
    if (!d) continue;
    d.classList.add('dep-dependent');
    line(d, from, 'deps-in');
  }
}

// ---------------------------------------------------------------- warnings

/** Builds the warnings list; each entry focuses its story. */
export function renderWarnings(ctx: RenderContext, onPick: (path: string) => void): HTMLElement {
  const list = h('ul', 'warnings-list', { 'aria-label': 'Roadmap warnings' });
  for (const w of ctx.model.warnings) {
    const button = h('button', 'link', { type: 'button' }, w.message);
    button.addEventListener('click', () => onPick(w.path));
    list.append(h('li', `warning warning-${w.code}`, undefined, icon('warning'), button));
  }
  if (!ctx.model.warnings.length) list.append(h('li', 'empty', undefined, 'No warnings'));
  return h('div', 'warnings-panel', { role: 'region', 'aria-label': 'Warnings' }, list);
}

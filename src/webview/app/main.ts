// The roadmap front end: receives the model from the host (or, in a standalone export, from an
// embedded JSON block), draws it, keeps the user's view state and sends validated-on-arrival
// messages back (open a story, move it to a milestone).
import type { RoadmapModel, RoadmapStory, RoadmapWarning } from '../../core/roadmap/roadmapModel';
import { EXPORT_FORMATS, isExportFormat } from '../exportFormats';
import { isInvalidMessage, validateHostMessage, type HostMessage, type Layout, type RenderSummary, type WebviewMessage } from '../protocol';
import { h, icon, select } from './dom';
import { BoardView, ElementCache, LABEL_WIDTH, TimelineView, dayOf, materialize, pendingPaths, renderWarnings, showDependencies, storySig, storyTooltip, type RenderContext } from './views';
import { PX_PER_DAY, restoreState, storyFilter, type ViewState, type Zoom } from './viewState';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

/** Timings of the last render, read by the benchmark and the UI tests. */
export interface RenderStats {
  generation: number;
  /** Building and patching the DOM (synchronous script). */
  buildMs: number;
  /** The synchronous layout forced after the patch (restoring the scroll position needs it). */
  layoutMs: number;
  /** From the start of the render to after the next frame (style, layout and paint included). */
  paintMs?: number;
  lanesRebuilt: number;
  lanesReused: number;
  chips: number;
  layout: Layout;
}

declare function acquireVsCodeApi(): VsCodeApi;
declare global {
  interface Window {
    __rudderRenderStats?: RenderStats;
    __rudderPosted?: WebviewMessage[];
  }
}

const STANDALONE = typeof acquireVsCodeApi !== 'function';
const api: VsCodeApi = STANDALONE ? memoryApi() : acquireVsCodeApi();

/** Outside VS Code (exported HTML): messages are recorded, state lives in sessionStorage. */
function memoryApi(): VsCodeApi {
  window.__rudderPosted = [];
  return {
    postMessage: (m) => window.__rudderPosted!.push(m),
    getState: () => {
      try {
        return JSON.parse(sessionStorage.getItem('rudder.roadmap') ?? 'null');
      } catch {
        return null;
      }
    },
    setState: (s) => {
      try {
        sessionStorage.setItem('rudder.roadmap', JSON.stringify(s));
      } catch {
        // file:// pages may refuse storage; the state then lasts until the page closes.
      }
    },
  };
}

function post(message: WebviewMessage): void {
  api.postMessage(message);
}

let model: RoadmapModel | undefined;
let generation = 0;
let state: ViewState = restoreState(api.getState());
let ctx: RenderContext | undefined;
let toolbarKey = '';
let firstRender = true;
let focusedPath: string | undefined;
let depsPath: string | null = null;
const cache = new ElementCache();
let storyVersions = new Map<string, { sig: string; version: number }>();
let versionCounter = 0;
const timeline = new TimelineView();
const board = new BoardView();

const app = h('div', 'app', { id: 'rudder-roadmap' });
const toolbar = h('div', 'toolbar', { role: 'toolbar', 'aria-label': 'Roadmap view' });
const warningsHost = h('div', 'warnings-host');
const view = h('div', 'view', { tabindex: -1 });
const live = h('div', 'sr-only', { 'aria-live': 'polite' });
app.append(toolbar, warningsHost, view, live);
document.body.append(app);
if (STANDALONE) document.body.classList.add('standalone');

function setState(patch: Partial<ViewState>, rerender = true): void {
  state = { ...state, ...patch };
  api.setState(state);
  if (rerender) render();
}

function contextOf(m: RoadmapModel): RenderContext {
  const warningsByPath = new Map<string, RoadmapWarning[]>();
  for (const w of m.warnings) warningsByPath.set(w.path, [...(warningsByPath.get(w.path) ?? []), w]);
  const dependents = new Map<string, string[]>();
  const dependsOn = new Map<string, string[]>();
  for (const d of m.dependencies) {
    dependents.set(d.to, [...(dependents.get(d.to) ?? []), d.from]);
    dependsOn.set(d.from, [...(dependsOn.get(d.from) ?? []), d.to]);
  }
  // Each story's signature becomes a short version number that only changes when the story's chip would:
  // lane signatures then join a few bytes per story instead of its whole JSON.
  const storySigs = new Map<string, string>();
  const nextVersions = new Map<string, { sig: string; version: number }>();
  for (const path of Object.keys(m.stories)) {
    const sig = storySig(m.stories[path], warningsByPath.get(path), dependents.get(path));
    const previous = storyVersions.get(path);
    const entry = previous && previous.sig === sig ? previous : { sig, version: ++versionCounter };
    nextVersions.set(path, entry);
    storySigs.set(path, String(entry.version));
  }
  storyVersions = nextVersions;
  const { scrollLeft: _l, scrollTop: _t, showWarnings: _w, ...filters } = state;
  return { model: m, state, visible: storyFilter(state), readonly: STANDALONE, filterKey: JSON.stringify(filters), warningsByPath, dependents, dependsOn, storySigs, epicsKey: JSON.stringify(m.epics) };
}

// ---------------------------------------------------------------- toolbar

function toggle(label: string, iconName: string, pressed: boolean, onClick: () => void, disabled = false): HTMLButtonElement {
  const b = h('button', `toggle${pressed ? ' pressed' : ''}`, { type: 'button', 'aria-pressed': String(pressed), title: label, disabled }, icon(iconName), h('span', undefined, undefined, label));
  b.addEventListener('click', onClick);
  return b;
}

function buildToolbar(m: RoadmapModel): void {
  const layout = h(
    'div',
    'group',
    { role: 'group', 'aria-label': 'Layout' },
    toggle('Timeline', 'calendar', state.layout === 'timeline', () => setState({ layout: 'timeline' })),
    toggle('Now / Next / Later', 'project', state.layout === 'board', () => setState({ layout: 'board' })),
  );
  const zooms: [Zoom, string, string][] = [
    ['quarter', 'Quarter', 'zoom-out'],
    ['month', 'Month', 'search'],
    ['week', 'Week', 'zoom-in'],
  ];
  const zoom = h('div', 'group', { role: 'group', 'aria-label': 'Zoom' }, ...zooms.map(([z, label, i]) => toggle(label, i, state.zoom === z, () => zoomTo(z), state.layout !== 'timeline')));
  const goalOptions: [string, string][] = [['*', 'All goals'], ...m.goals.filter((g) => g.id !== '').map((g) => [g.id, `${g.id} · ${g.title}`] as [string, string]), ['', 'No goal']];
  const epicOptions: [string, string][] = [['*', 'All epics'], ...Object.keys(m.epics).map((id) => [id, `${id} · ${m.stories[m.epics[id]]?.title ?? ''}`] as [string, string])];
  const labelOptions: [string, string][] = [['*', 'All labels'], ...m.labels.map((l) => [l, l] as [string, string])];
  const statusOptions: [string, string][] = [
    ['*', 'All statuses'],
    ['cat:todo', 'To do'],
    ['cat:doing', 'In progress'],
    ['cat:done', 'Done'],
    ['cat:dropped', 'Dropped'],
    ...m.statuses.map((s) => [`status:${s}`, `Status: ${s}`] as [string, string]),
  ];
  const val = (v: string | null): string => (v === null ? '*' : v);
  const unval = (v: string): string | null => (v === '*' ? null : v);
  const filters = h(
    'div',
    'group filters',
    { role: 'group', 'aria-label': 'Filters' },
    icon('filter'),
    select('Goal', goalOptions, val(state.goal), (v) => setState({ goal: unval(v) })),
    select('Epic', epicOptions, val(state.epic), (v) => setState({ epic: unval(v) })),
    select('Label', labelOptions, val(state.label), (v) => setState({ label: unval(v) })),
    select('Status', statusOptions, val(state.status), (v) => setState({ status: unval(v) })),
    toggle('Goal swimlanes', 'list-tree', state.swimlanes, () => setState({ swimlanes: !state.swimlanes }), state.layout !== 'timeline'),
  );
  const anyFilter = state.goal !== null || state.epic !== null || state.label !== null || state.status !== null;
  if (anyFilter) {
    const clear = h('button', 'toggle', { type: 'button', title: 'Clear filters' }, icon('clear-all'), h('span', undefined, undefined, 'Clear'));
    clear.addEventListener('click', () => setState({ goal: null, epic: null, label: null, status: null }));
    filters.append(clear);
  }
  const right = h('div', 'group right');
  const v = m.velocity;
  right.append(h('span', 'velocity', { title: v.explanation }, icon('pulse'), v.pointsPerWeek !== undefined ? `${v.pointsPerWeek} pts/week` : 'No velocity'));
  right.append(toggle(`${m.warnings.length} warning${m.warnings.length === 1 ? '' : 's'}`, 'warning', state.showWarnings, () => setState({ showWarnings: !state.showWarnings })));
  if (!STANDALONE) {
    const exp = h('select', 'dropdown', { 'aria-label': 'Export roadmap' });
    exp.append(h('option', undefined, { value: '' }, 'Export…'), ...EXPORT_FORMATS.map((f) => h('option', undefined, { value: f.id }, f.menuLabel)));
    exp.addEventListener('change', () => {
      if (isExportFormat(exp.value)) post({ type: 'export', format: exp.value });
      exp.value = '';
    });
    right.append(exp);
  }
  toolbar.replaceChildren(layout, zoom, filters, right);
}

/** Changes zoom keeping the date at the middle of the view in place. */
function zoomTo(z: Zoom): void {
  if (z === state.zoom) return;
  // The timeline shows canvas x in [scrollLeft + LABEL_WIDTH, scrollLeft + clientWidth]; day d sits at LABEL_WIDTH + d * px.
  const half = (view.clientWidth - LABEL_WIDTH) / 2;
  const middle = (view.scrollLeft + half) / PX_PER_DAY[state.zoom];
  state = { ...state, zoom: z };
  render();
  view.scrollLeft = Math.max(0, middle * PX_PER_DAY[z] - half);
  setState({ scrollLeft: view.scrollLeft }, false);
}

// ---------------------------------------------------------------- render

function summarise(layout: Layout): RenderSummary {
  const lanes: Record<string, Set<string>> = Object.create(null);
  for (const m of model?.milestones ?? []) lanes[m.id] = new Set();
  lanes.later = new Set();
  const all = new Set<string>();
  let groups = 0;
  for (const group of view.querySelectorAll<HTMLElement>('[data-summary]')) {
    const lane = group.dataset.summary!;
    if (lane !== 'later') groups++;
    const set = (lanes[lane] ??= new Set());
    const add = (path: string | undefined): void => {
      if (path === undefined) return;
      set.add(path);
      all.add(path);
    };
    for (const chip of group.querySelectorAll<HTMLElement>('.chip:not(.epic)')) add(chip.dataset.path);
    for (const pending of group.querySelectorAll<HTMLElement>('.items-pending')) pendingPaths(pending).forEach(add);
  }
  const counts: Record<string, number> = {};
  for (const k of Object.keys(lanes)) counts[k] = lanes[k].size;
  return { lanes: counts, stories: all.size, milestones: groups, layout };
}

/** Builds, before the next paint, the pending lane blocks that are already on screen. */
function materializeVisible(): void {
  const box = view.getBoundingClientRect();
  for (const pending of view.querySelectorAll<HTMLElement>('.items-pending')) {
    const r = pending.getBoundingClientRect();
    if (r.bottom >= box.top && r.top <= box.bottom && r.right >= box.left && r.left <= box.right) materialize(pending);
  }
}

// Why an IntersectionObserver: lanes build their chips only when they come within a screen of the viewport.
const nearView = new IntersectionObserver(
  (entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      nearView.unobserve(e.target);
      if (materialize(e.target as HTMLElement) && depsPath && ctx) showDependencies(view.firstElementChild as HTMLElement, ctx, depsPath);
    }
  },
  { root: view, rootMargin: '600px 1200px' },
);

function render(): void {
  if (!model) {
    view.replaceChildren(h('div', 'empty loading', undefined, 'Loading roadmap…'));
    return;
  }
  const t0 = performance.now();
  performance.mark('rudder-render-start');
  cache.rebuilt = 0;
  cache.reused = 0;
  ctx = contextOf(model);
  const key = JSON.stringify([ctx.filterKey, model.goals.map((g) => [g.id, g.title]), Object.keys(model.epics), model.labels, model.statuses, model.velocity, model.warnings.length, state.showWarnings]);
  if (key !== toolbarKey) {
    toolbarKey = key;
    buildToolbar(model);
  }
  warningsHost.replaceChildren(...(state.showWarnings ? [renderWarnings(ctx, (p) => focusStory(p))] : []));

  const keep = { left: firstRender ? state.scrollLeft : view.scrollLeft, top: firstRender ? state.scrollTop : view.scrollTop };
  const activePath = (document.activeElement as HTMLElement | null)?.closest?.<HTMLElement>('.chip')?.dataset.path;
  const layoutView = state.layout === 'timeline' ? timeline : board;
  layoutView.update(ctx, cache);
  cache.swap();
  const viewClass = `view view-${state.layout} zoom-${state.zoom}`;
  if (view.className !== viewClass) view.className = viewClass;
  if (view.firstChild !== layoutView.root) view.replaceChildren(layoutView.root);
  const tBuilt = performance.now();
  if (firstRender && state.layout === 'timeline' && keep.left === 0 && keep.top === 0) {
    // First open: start with today in view rather than the start of the axis, or further left when an
    // unfinished milestone starts earlier (overdue work must not open off-screen).
    const px = PX_PER_DAY[state.zoom];
    const axisStart = dayOf(model.axis.start);
    const open = model.milestones.find((m) => !m.done && m.lane === m.id && m.barStart !== undefined);
    const openLeft = open?.barStart !== undefined ? (dayOf(open.barStart) - axisStart) * px - 16 : Infinity;
    keep.left = Math.max(0, Math.min((dayOf(model.today) - axisStart) * px - 160, openLeft));
  }
  if (view.scrollLeft !== keep.left) view.scrollLeft = keep.left;
  if (view.scrollTop !== keep.top) view.scrollTop = keep.top;
  materializeVisible();
  void view.scrollHeight; // forces the layout here so layoutMs measures it
  firstRender = false;
  const tLaidOut = performance.now();

  nearView.disconnect();
  for (const pending of view.querySelectorAll('.items-pending')) nearView.observe(pending);
  const chips = view.getElementsByClassName('chip') as HTMLCollectionOf<HTMLElement>;
  let target: HTMLElement | undefined;
  for (const c of view.querySelectorAll<HTMLElement>('.chip[tabindex="0"]')) c.tabIndex = -1;
  if (focusedPath) target = [...chips].find((c) => c.dataset.path === focusedPath);
  target ??= chips[0];
  if (target) target.tabIndex = 0;
  if (activePath) [...chips].find((c) => c.dataset.path === activePath)?.focus({ preventScroll: true });
  if (depsPath) showDependencies(layoutView.root, ctx, depsPath);

  const t1 = performance.now();
  performance.mark('rudder-render-end');
  const stats: RenderStats = { generation, buildMs: tBuilt - t0, layoutMs: tLaidOut - tBuilt, lanesRebuilt: cache.rebuilt, lanesReused: cache.reused, chips: chips.length, layout: state.layout };
  window.__rudderRenderStats = stats;
  // Why a frame then a task: the callback runs after style, layout and paint of this update.
  requestAnimationFrame(() => setTimeout(() => (stats.paintMs = performance.now() - t0), 0));
  post({ type: 'rendered', generation, summary: summarise(state.layout), renderMs: Math.round((t1 - t0) * 10) / 10 });
}

// ---------------------------------------------------------------- interaction

function chipOf(e: Event): HTMLElement | null {
  return (e.target as Element | null)?.closest?.<HTMLElement>('.chip') ?? null;
}

function storyOf(path: string | undefined): RoadmapStory | undefined {
  return path && model && Object.prototype.hasOwnProperty.call(model.stories, path) ? model.stories[path] : undefined;
}

function focusStory(path: string): void {
  for (const pending of view.querySelectorAll<HTMLElement>('.items-pending')) if (pendingPaths(pending).includes(path)) materialize(pending);
  const chip = [...view.querySelectorAll<HTMLElement>('.chip')].find((c) => c.dataset.path === path);
  if (!chip) {
    live.textContent = 'That story is hidden by the filters.';
    return;
  }
  for (const c of view.querySelectorAll<HTMLElement>('.chip[tabindex="0"]')) c.tabIndex = -1;
  chip.tabIndex = 0;
  chip.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  chip.focus();
}

function openStory(path: string | undefined): void {
  if (path && !STANDALONE) post({ type: 'openStory', path });
}

/** Milestone order for keyboard moves: dated and undated milestones, then unscheduled (null). */
function moveTargets(): (string | null)[] {
  return [...(model?.milestones ?? []).map((m) => m.id), null];
}

function moveStory(path: string, milestoneId: string | null): void {
  const s = storyOf(path);
  if (!s || STANDALONE || s.milestone === milestoneId) return;
  post({ type: 'moveStory', path, milestoneId });
  live.textContent = `Moving ${s.id ?? s.title} to ${milestoneId ?? 'unscheduled'}`;
}

view.addEventListener('click', (e) => {
  const chip = chipOf(e);
  if (!chip) return;
  focusedPath = chip.dataset.path;
  if (STANDALONE) {
    depsPath = depsPath === focusedPath ? null : (focusedPath ?? null);
    showDependencies(view.firstElementChild as HTMLElement, ctx, depsPath);
  } else openStory(chip.dataset.path);
});

view.addEventListener('keydown', (e) => {
  const chip = chipOf(e);
  if (!chip) return;
  // Pending lane blocks count as stops: arriving at one builds it, then the walk continues into it.
  const stops = (): HTMLElement[] => [...view.querySelectorAll<HTMLElement>('.chip, .items-pending')];
  let chips = stops();
  const i = chips.indexOf(chip);
  let next: HTMLElement | undefined;
  if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    const s = storyOf(chip.dataset.path);
    if (!s) return;
    const targets = moveTargets();
    const at = targets.indexOf(s.milestone !== null && targets.includes(s.milestone) ? s.milestone : null);
    const to = targets[Math.max(0, Math.min(targets.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (to !== undefined) moveStory(s.path, to);
    e.preventDefault();
    return;
  }
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      next = chips[i + 1];
      break;
    case 'ArrowLeft':
    case 'ArrowUp':
      next = chips[i - 1];
      break;
    case 'Home':
      next = chips[0];
      break;
    case 'End':
      next = chips[chips.length - 1];
      break;
    case 'Enter':
    case ' ':
      openStory(chip.dataset.path);
      e.preventDefault();
      return;
    default:
      return;
  }
  e.preventDefault();
  if (next?.classList.contains('items-pending')) {
    const first = e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'Home';
    const block = next;
    materialize(block);
    chips = [...block.querySelectorAll<HTMLElement>('.chip')];
    next = first ? chips[0] : chips[chips.length - 1];
  }
  if (next) {
    chip.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
});

/** Sets a chip's tooltip the first time it is needed. */
function ensureTooltip(chip: HTMLElement): void {
  if (chip.title || !ctx) return;
  const s = storyOf(chip.dataset.path);
  if (s) chip.title = storyTooltip(s, ctx) + (chip.dataset.note ? `\n\n${chip.dataset.note}` : '');
}

view.addEventListener('focusin', (e) => {
  const chip = chipOf(e);
  if (!chip) return;
  ensureTooltip(chip);
  focusedPath = chip.dataset.path;
  depsPath = focusedPath ?? null;
  showDependencies(view.firstElementChild as HTMLElement, ctx, depsPath);
});

view.addEventListener('mouseover', (e) => {
  const hovered = chipOf(e);
  if (hovered) ensureTooltip(hovered);
  const path = hovered?.dataset.path ?? null;
  if (path === depsPath || (path === null && STANDALONE)) return;
  depsPath = path;
  showDependencies(view.firstElementChild as HTMLElement, ctx, path);
});

const DRAG_TYPE = 'application/x-rudder-story';
let dragging: string | undefined;

view.addEventListener('dragstart', (e) => {
  const chip = chipOf(e);
  if (!chip || STANDALONE || !chip.dataset.path || !e.dataTransfer) return;
  dragging = chip.dataset.path;
  e.dataTransfer.setData(DRAG_TYPE, dragging);
  e.dataTransfer.setData('text/plain', storyOf(dragging)?.id ?? dragging);
  e.dataTransfer.effectAllowed = 'move';
  chip.classList.add('dragging');
});

view.addEventListener('dragend', () => {
  dragging = undefined;
  for (const el of view.querySelectorAll('.dragging, .drop-over')) el.classList.remove('dragging', 'drop-over');
});

view.addEventListener('dragover', (e) => {
  const zone = (e.target as Element | null)?.closest?.<HTMLElement>('[data-drop]');
  if (!zone || !dragging) return;
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
  for (const el of view.querySelectorAll('.drop-over')) if (el !== zone) el.classList.remove('drop-over');
  zone.classList.add('drop-over');
});

view.addEventListener('drop', (e) => {
  const zone = (e.target as Element | null)?.closest?.<HTMLElement>('[data-drop]');
  const path = e.dataTransfer?.getData(DRAG_TYPE) || dragging;
  for (const el of view.querySelectorAll('.drop-over')) el.classList.remove('drop-over');
  if (!zone || !path) return;
  e.preventDefault();
  const target = zone.dataset.drop ?? '';
  moveStory(path, target === '' ? null : target);
});

// Why throttled: scroll fires per frame; the saved position only matters on hide/reload.
let scrollTimer: ReturnType<typeof setTimeout> | undefined;
view.addEventListener('scroll', () => {
  if (scrollTimer) return;
  scrollTimer = setTimeout(() => {
    scrollTimer = undefined;
    setState({ scrollLeft: view.scrollLeft, scrollTop: view.scrollTop }, false);
  }, 200);
});

// ---------------------------------------------------------------- messages

function receive(m: HostMessage): void {
  switch (m.type) {
    case 'model':
      // Why the check: posts can overtake each other; an older generation must not replace a newer model.
      if (m.generation <= generation) return;
      generation = m.generation;
      model = m.model;
      render();
      return;
    case 'focusStory':
      focusStory(m.path);
      return;
  }
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = validateHostMessage(e.data);
  if (isInvalidMessage(m)) post({ type: 'log', level: 'error', message: `ignored a message from the host: ${m.error}`.slice(0, 1900) });
  else receive(m);
});

// Script errors reach the host's "Rudder" output channel (they are otherwise invisible in a webview).
window.addEventListener('error', (e) => post({ type: 'log', level: 'error', message: String(e.message).slice(0, 1900) }));

function start(): void {
  if (STANDALONE) {
    // The export embeds the model as JSON; it goes through the same check as a host message.
    let embedded: unknown;
    try {
      embedded = { type: 'model', generation: 1, model: JSON.parse(document.getElementById('rudder-model')?.textContent ?? 'null') };
    } catch {
      embedded = undefined;
    }
    const m = validateHostMessage(embedded);
    if (isInvalidMessage(m)) view.replaceChildren(h('div', 'empty', undefined, 'No roadmap data in this page.'));
    else receive(m);
    return;
  }
  render();
  post({ type: 'ready' });
}

start();

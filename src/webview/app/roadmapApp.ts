// The roadmap front end's state and render loop: the model, the view state, the current view (from
// the registry), the toolbar and warnings, the scroll position, focus, and what it reports to the host
// after each render. Interaction (interaction.ts) and messages (messaging.ts) call into it.
import type { RoadmapModel, RoadmapStory } from '../../core/roadmap/roadmapModel';
import type { HostMessage, Layout, RenderSummary } from '../protocol';
import { h } from './dom';
import { ElementCache } from './elementCache';
import { post, saveState, savedState, STANDALONE } from './messaging';
import { showDependencies } from './parts/dependencies';
import { materialize, pendingPaths } from './parts/lazyItems';
import { storyTooltip } from './parts/storyChip';
import { renderWarnings } from './parts/warnings';
import { RenderContextBuilder, type RenderContext } from './renderContext';
import { toolbarGroups } from './toolbar';
import { restoreState, type ViewState, type Zoom } from './viewState';
import type { RoadmapView } from './views/roadmapView';
import { VIEWS } from './views/registry';

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

declare global {
  interface Window {
    __rudderRenderStats?: RenderStats;
  }
}

/** Story elements, by the convention of views/roadmapView.ts. */
const STORY = '[data-path]';

/** Returns the element to focus for a drawn story: the chip itself, else the story's first control. */
function focusTarget(el: HTMLElement): HTMLElement {
  return el.classList.contains('chip') ? el : (el.querySelector<HTMLElement>('button, [tabindex]') ?? el);
}

/** The roadmap front end: one per page. */
export class RoadmapApp {
  readonly readonly = STANDALONE;
  readonly element = h('div', 'app', { id: 'rudder-roadmap' });
  private readonly toolbar = h('div', 'toolbar', { role: 'toolbar', 'aria-label': 'Roadmap view' });
  private readonly warningsHost = h('div', 'warnings-host');
  /** The scrolling viewport the current view is drawn in. */
  readonly viewport = h('div', 'view', { tabindex: -1 });
  /** Polite announcements for screen readers. */
  readonly live = h('div', 'sr-only', { 'aria-live': 'polite' });

  model: RoadmapModel | undefined;
  ctx: RenderContext | undefined;
  state: ViewState = restoreState(savedState());
  /** The story the arrow-key walk starts from. */
  focusedPath: string | undefined;
  /** The story whose dependencies are shown. */
  depsPath: string | null = null;
  private generation = 0;
  private toolbarKey = '';
  private firstRender = true;
  private readonly cache = new ElementCache();
  private readonly contexts = new RenderContextBuilder();
  private readonly views = new Map<Layout, RoadmapView>();

  // Why an IntersectionObserver: lanes build their chips only when they come within a screen of the viewport.
  private readonly nearView = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        this.nearView.unobserve(e.target);
        if (materialize(e.target as HTMLElement) && this.depsPath) this.showDependencies(this.depsPath);
      }
    },
    { root: this.viewport, rootMargin: '600px 1200px' },
  );

  constructor() {
    this.element.append(this.toolbar, this.warningsHost, this.viewport, this.live);
  }

  /** The view of the current layout (made on first use). */
  get view(): RoadmapView {
    let v = this.views.get(this.state.layout);
    if (!v) {
      v = VIEWS[this.state.layout].create();
      this.views.set(this.state.layout, v);
    }
    return v;
  }

  /** Applies a message from the host (or the standalone page's embedded model). */
  receive(m: HostMessage): void {
    switch (m.type) {
      case 'model':
        // Why the check: posts can overtake each other; an older generation must not replace a newer model.
        if (m.generation <= this.generation) return;
        this.generation = m.generation;
        this.model = m.model;
        this.render();
        return;
      case 'focusStory':
        this.focusStory(m.path);
        return;
    }
  }

  /** Changes what the user chose, saves it, and redraws unless told not to. */
  setState(patch: Partial<ViewState>, rerender = true): void {
    this.state = { ...this.state, ...patch };
    saveState(this.state);
    if (rerender) this.render();
  }

  /** Changes zoom keeping the date at the middle of the view in place. */
  zoomTo(z: Zoom): void {
    if (z === this.state.zoom) return;
    const left = this.view.zoomedScrollLeft?.(this.viewport, this.state.zoom, z);
    this.state = { ...this.state, zoom: z };
    this.render();
    if (left !== undefined) this.viewport.scrollLeft = left;
    this.setState({ scrollLeft: this.viewport.scrollLeft }, false);
  }

  /** Returns the model's story at `path` (own keys only: a path is data from the page). */
  storyOf(path: string | undefined): RoadmapStory | undefined {
    const m = this.model;
    return path && m && Object.prototype.hasOwnProperty.call(m.stories, path) ? m.stories[path] : undefined;
  }

  /** Shows the dependencies of the story at `path` in the current view; null clears them. */
  showDependencies(path: string | null): void {
    showDependencies(this.view.root, this.ctx, path);
  }

  /** Returns the drawn element of a story, building its pending block if needed. */
  private storyElement(path: string): HTMLElement | undefined {
    for (const pending of this.viewport.querySelectorAll<HTMLElement>('.items-pending')) if (pendingPaths(pending).includes(path)) materialize(pending);
    return [...this.viewport.querySelectorAll<HTMLElement>(STORY)].find((c) => c.dataset.path === path);
  }

  /** Moves keyboard focus to a story, or says why it cannot (hidden by the filters). */
  focusStory(path: string): void {
    const el = this.storyElement(path);
    if (!el) {
      this.live.textContent = 'That story is hidden by the filters.';
      return;
    }
    for (const c of this.viewport.querySelectorAll<HTMLElement>('.chip[tabindex="0"]')) c.tabIndex = -1;
    const target = focusTarget(el);
    if (target.classList.contains('chip')) target.tabIndex = 0;
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    target.focus();
  }

  /** Asks the host to open a story in an editor (not in a standalone page). */
  openStory(path: string | undefined): void {
    if (path && !this.readonly) post({ type: 'openStory', path });
  }

  /** Milestone order for keyboard moves: dated and undated milestones, then unscheduled (null). */
  moveTargets(): (string | null)[] {
    return [...(this.model?.milestones ?? []).map((m) => m.id), null];
  }

  /** Asks the host to set a story's milestone (null: unscheduled) and announces it. */
  moveStory(path: string, milestoneId: string | null): void {
    const s = this.storyOf(path);
    if (!s || this.readonly || s.milestone === milestoneId) return;
    post({ type: 'moveStory', path, milestoneId });
    this.live.textContent = `Moving ${s.id ?? s.title} to ${milestoneId ?? 'unscheduled'}`;
  }

  /** Sets a story element's tooltip the first time it is needed. */
  ensureTooltip(el: HTMLElement): void {
    if (el.title || !this.ctx) return;
    const s = this.storyOf(el.dataset.path);
    if (s) el.title = storyTooltip(s, this.ctx) + (el.dataset.note ? `\n\n${el.dataset.note}` : '');
  }

  /** Draws the model in the current layout and reports what was drawn to the host. */
  render(): void {
    const model = this.model;
    const viewport = this.viewport;
    if (!model) {
      viewport.replaceChildren(h('div', 'empty loading', undefined, 'Loading roadmap…'));
      return;
    }
    const t0 = performance.now();
    performance.mark('rudder-render-start');
    this.cache.rebuilt = 0;
    this.cache.reused = 0;
    const ctx = (this.ctx = this.contexts.build(model, this.state, this.readonly));
    const key = JSON.stringify([ctx.filterKey, model.goals.map((g) => [g.id, g.title]), Object.keys(model.epics), model.labels, model.statuses, model.velocity, model.warnings.length, this.state.showWarnings]);
    if (key !== this.toolbarKey) {
      this.toolbarKey = key;
      this.toolbar.replaceChildren(
        ...toolbarGroups(model, this.state, {
          setState: (patch) => this.setState(patch),
          zoomTo: (z) => this.zoomTo(z),
          exportAs: this.readonly ? undefined : (format) => post({ type: 'export', format }),
        }),
      );
    }
    this.warningsHost.replaceChildren(...(this.state.showWarnings ? [renderWarnings(ctx, (p) => this.focusStory(p))] : []));

    let keep = { left: this.firstRender ? this.state.scrollLeft : viewport.scrollLeft, top: this.firstRender ? this.state.scrollTop : viewport.scrollTop };
    const activePath = (document.activeElement as HTMLElement | null)?.closest?.<HTMLElement>(STORY)?.dataset.path;
    const view = this.view;
    view.update(ctx, this.cache);
    this.cache.swap();
    const viewClass = `view view-${this.state.layout} zoom-${this.state.zoom}`;
    if (viewport.className !== viewClass) viewport.className = viewClass;
    if (viewport.firstChild !== view.root) viewport.replaceChildren(view.root);
    const tBuilt = performance.now();
    if (this.firstRender && keep.left === 0 && keep.top === 0 && view.initialScroll) keep = view.initialScroll(ctx);
    if (viewport.scrollLeft !== keep.left) viewport.scrollLeft = keep.left;
    if (viewport.scrollTop !== keep.top) viewport.scrollTop = keep.top;
    this.materializeVisible();
    void viewport.scrollHeight; // forces the layout here so layoutMs measures it
    this.firstRender = false;
    const tLaidOut = performance.now();

    this.nearView.disconnect();
    for (const pending of viewport.querySelectorAll('.items-pending')) this.nearView.observe(pending);
    const chips = viewport.getElementsByClassName('chip') as HTMLCollectionOf<HTMLElement>;
    let target: HTMLElement | undefined;
    for (const c of viewport.querySelectorAll<HTMLElement>('.chip[tabindex="0"]')) c.tabIndex = -1;
    if (this.focusedPath) target = [...chips].find((c) => c.dataset.path === this.focusedPath);
    target ??= chips[0];
    if (target) target.tabIndex = 0;
    if (activePath) {
      const active = [...viewport.querySelectorAll<HTMLElement>(STORY)].find((c) => c.dataset.path === activePath);
      if (active) focusTarget(active).focus({ preventScroll: true });
    }
    if (this.depsPath) this.showDependencies(this.depsPath);

    const t1 = performance.now();
    performance.mark('rudder-render-end');
    const stats: RenderStats = { generation: this.generation, buildMs: tBuilt - t0, layoutMs: tLaidOut - tBuilt, lanesRebuilt: this.cache.rebuilt, lanesReused: this.cache.reused, chips: chips.length, layout: this.state.layout };
    window.__rudderRenderStats = stats;
    // Why a frame then a task: the callback runs after style, layout and paint of this update.
    requestAnimationFrame(() => setTimeout(() => (stats.paintMs = performance.now() - t0), 0));
    post({ type: 'rendered', generation: this.generation, summary: this.summarise(), renderMs: Math.round((t1 - t0) * 10) / 10 });
  }

  /** Returns what the current view drew: stories per milestone group (by the conventions of views/roadmapView.ts). */
  private summarise(): RenderSummary {
    const lanes: Record<string, Set<string>> = Object.create(null);
    for (const m of this.model?.milestones ?? []) lanes[m.id] = new Set();
    lanes.later = new Set();
    const all = new Set<string>();
    let groups = 0;
    for (const group of this.viewport.querySelectorAll<HTMLElement>('[data-summary]')) {
      const lane = group.dataset.summary!;
      if (lane !== 'later') groups++;
      const set = (lanes[lane] ??= new Set());
      const add = (path: string | undefined): void => {
        if (path === undefined) return;
        set.add(path);
        all.add(path);
      };
      for (const story of group.querySelectorAll<HTMLElement>(`${STORY}:not(.epic)`)) add(story.dataset.path);
      for (const pending of group.querySelectorAll<HTMLElement>('.items-pending')) pendingPaths(pending).forEach(add);
    }
    const counts: Record<string, number> = {};
    for (const k of Object.keys(lanes)) counts[k] = lanes[k].size;
    return { lanes: counts, stories: all.size, milestones: groups, layout: this.state.layout };
  }

  /** Builds, before the next paint, the pending blocks that are already on screen. */
  private materializeVisible(): void {
    const box = this.viewport.getBoundingClientRect();
    for (const pending of this.viewport.querySelectorAll<HTMLElement>('.items-pending')) {
      const r = pending.getBoundingClientRect();
      if (r.bottom >= box.top && r.right >= box.left && r.top <= box.bottom && r.left <= box.right) materialize(pending);
    }
  }
}

// What the user does in the viewport: click or Enter opens a story, arrow keys walk the chips, Alt+Up
// and Alt+Down move a story to the previous or next milestone, hover and focus show its dependencies,
// drag and drop moves it, and the scroll position is saved.
import { materialize } from './parts/lazyItems';
import type { RoadmapApp } from './roadmapApp';

const DRAG_TYPE = 'application/x-rudder-story';
/** Why 200 ms: scroll fires per frame; the saved position only matters on hide/reload. */
const SCROLL_SAVE_MS = 200;

/** Returns the story element (a chip, or another view's story item) an event happened in. */
function storyOf(e: Event): HTMLElement | null {
  return (e.target as Element | null)?.closest?.<HTMLElement>('[data-path]') ?? null;
}

/** Wires the viewport's events to the app. */
export function wireInteraction(app: RoadmapApp): void {
  const view = app.viewport;

  view.addEventListener('click', (e) => {
    const item = storyOf(e);
    if (!item) return;
    app.focusedPath = item.dataset.path;
    if (app.readonly) {
      app.depsPath = app.depsPath === app.focusedPath ? null : (app.focusedPath ?? null);
      app.showDependencies(app.depsPath);
    } else app.openStory(item.dataset.path);
  });

  view.addEventListener('keydown', (e) => {
    const item = storyOf(e);
    if (!item) return;
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      const s = app.storyOf(item.dataset.path);
      if (!s) return;
      const targets = app.moveTargets();
      const at = targets.indexOf(s.milestone !== null && targets.includes(s.milestone) ? s.milestone : null);
      const to = targets[Math.max(0, Math.min(targets.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (to !== undefined) app.moveStory(s.path, to);
      e.preventDefault();
      return;
    }
    // The rest is the chips' own keyboard: other story items are native controls with their own.
    if (!item.classList.contains('chip')) return;
    const chip = item;
    // Pending lane blocks count as stops: arriving at one builds it, then the walk continues into it.
    let chips = [...view.querySelectorAll<HTMLElement>('.chip, .items-pending')];
    const i = chips.indexOf(chip);
    let next: HTMLElement | undefined;
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
        app.openStory(chip.dataset.path);
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

  view.addEventListener('focusin', (e) => {
    const item = storyOf(e);
    if (!item) return;
    app.ensureTooltip(item);
    app.focusedPath = item.dataset.path;
    app.depsPath = app.focusedPath ?? null;
    app.showDependencies(app.depsPath);
  });

  view.addEventListener('mouseover', (e) => {
    const hovered = storyOf(e);
    if (hovered) app.ensureTooltip(hovered);
    const path = hovered?.dataset.path ?? null;
    if (path === app.depsPath || (path === null && app.readonly)) return;
    app.depsPath = path;
    app.showDependencies(path);
  });

  let dragging: string | undefined;

  view.addEventListener('dragstart', (e) => {
    const item = storyOf(e);
    if (!item || app.readonly || !item.dataset.path || !e.dataTransfer) return;
    dragging = item.dataset.path;
    e.dataTransfer.setData(DRAG_TYPE, dragging);
    e.dataTransfer.setData('text/plain', app.storyOf(dragging)?.id ?? dragging);
    e.dataTransfer.effectAllowed = 'move';
    item.classList.add('dragging');
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
    app.moveStory(path, target === '' ? null : target);
  });

  let scrollTimer: ReturnType<typeof setTimeout> | undefined;
  view.addEventListener('scroll', () => {
    if (scrollTimer) return;
    scrollTimer = setTimeout(() => {
      scrollTimer = undefined;
      app.setState({ scrollLeft: view.scrollLeft, scrollTop: view.scrollTop }, false);
    }, SCROLL_SAVE_MS);
  });
}

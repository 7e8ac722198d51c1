// The contract between the roadmap app and its views: one module per layout, listed in registry.ts.
// The app owns the viewport, toolbar, messages, focus and keyboard; a view only draws, following
// these conventions so the app can count, focus, open and move what it drew:
//   - every story element carries `data-path` (epics also the class `epic`: they are not counted);
//   - every milestone group carries `data-summary="<milestone id>"` ('later' for unscheduled stories);
//   - a drop target carries `data-drop="<milestone id>"` ('' to unschedule);
//   - `.chip` elements take part in the arrow-key walk (roving tabindex); other story elements are
//     ordinary focusable controls;
//   - a block of chips may be left pending (parts/lazyItems.ts) until it nears the viewport;
//   - an SVG from parts/dependencies.ts as a direct child of `root` shows dependency arrows.
import type { ElementCache } from '../elementCache';
import type { RenderContext } from '../renderContext';
import type { Zoom } from '../viewState';

/** One layout's drawing. */
export interface RoadmapView {
  /** The view's element; the app shows it in the scrolling viewport. */
  readonly root: HTMLElement;
  /** Draws or patches the view for this context; unchanged groups come from `cache` (keys prefixed with the layout). */
  update(ctx: RenderContext, cache: ElementCache): void;
  /** Returns where to open when no scroll position is saved (default: the top left). */
  initialScroll?(ctx: RenderContext): { readonly left: number; readonly top: number };
  /** Returns the scrollLeft that keeps the middle of the viewport in place across a zoom change (views with zoom). */
  zoomedScrollLeft?(viewport: HTMLElement, from: Zoom, to: Zoom): number;
}

/** What the registry lists per layout. */
export interface RoadmapViewSpec {
  /** The toolbar button: its label (also its accessible name) and codicon. */
  readonly label: string;
  readonly icon: string;
  /** The toolbar controls that apply to this view (the others are disabled while it shows). */
  readonly controls: { readonly zoom: boolean; readonly swimlanes: boolean };
  /** Returns a new view (made once per page, and kept while other layouts show). */
  create(): RoadmapView;
}

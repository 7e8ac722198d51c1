// What the user chose in the roadmap (layout, zoom, filters, scroll). Kept with the webview's
// getState/setState so it survives hide/show and window reloads.
import type { RoadmapStory } from '../../core/roadmap/roadmapModel';
import { isLayout, LAYOUTS, type Layout } from '../protocol';

export type Zoom = 'quarter' | 'month' | 'week';

export interface ViewState {
  readonly layout: Layout;
  readonly zoom: Zoom;
  /** null: all goals; '': stories that serve no goal; else a goal id. */
  readonly goal: string | null;
  readonly epic: string | null;
  readonly label: string | null;
  /** null: all; 'cat:<category>' or 'status:<status as written>'. */
  readonly status: string | null;
  readonly swimlanes: boolean;
  readonly showWarnings: boolean;
  readonly scrollLeft: number;
  readonly scrollTop: number;
}

export const DEFAULT_STATE: ViewState = {
  layout: LAYOUTS[0],
  zoom: 'month',
  goal: null,
  epic: null,
  label: null,
  status: null,
  swimlanes: false,
  showWarnings: false,
  scrollLeft: 0,
  scrollTop: 0,
};

/** Pixels per day at each zoom. */
export const PX_PER_DAY: Readonly<Record<Zoom, number>> = { quarter: 2, month: 6, week: 24 };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/** Returns a valid state from whatever getState() gave back (older or foreign shapes fall back to defaults). */
export function restoreState(raw: unknown): ViewState {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_STATE;
  const r = raw as Record<string, unknown>;
  return {
    layout: isLayout(r.layout) ? r.layout : DEFAULT_STATE.layout,
    zoom: r.zoom === 'quarter' || r.zoom === 'week' ? r.zoom : 'month',
    goal: str(r.goal),
    epic: str(r.epic),
    label: str(r.label),
    status: str(r.status),
    swimlanes: r.swimlanes === true,
    showWarnings: r.showWarnings === true,
    scrollLeft: num(r.scrollLeft),
    scrollTop: num(r.scrollTop),
  };
}

/** Returns a predicate for the stories that pass the epic, label, status and goal filters. */
export function storyFilter(state: ViewState): (s: RoadmapStory) => boolean {
  const { goal, epic, label, status } = state;
  const epicOk = (s: RoadmapStory): boolean => epic === null || s.epic === epic || (s.isEpic && s.id === epic);
  const labelOk = (s: RoadmapStory): boolean => label === null || s.labels.includes(label);
  const statusOk = (s: RoadmapStory): boolean => {
    if (status === null) return true;
    if (status.startsWith('cat:')) return s.category === status.slice(4);
    return s.status === status.slice(7);
  };
  const goalOk = (s: RoadmapStory): boolean => goal === null || (goal === '' ? s.goals.length === 0 : s.goals.includes(goal));
  return (s) => epicOk(s) && labelOk(s) && statusOk(s) && goalOk(s);
}

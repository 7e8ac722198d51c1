// Burn-ups: for each milestone, its scope (the stories planned in it, dropped ones not counted) and how
// much of that scope was done, on every day either changed, from the history. Scope changes stay
// visible: the days stories joined or left are listed. A done story that is archived or deleted later
// stays done (it was delivered); one that leaves the milestone before it is done leaves its scope.
import { fromDayNumber } from '../roadmap/roadmapDates';
import type { RoadmapBurnup } from '../roadmap/roadmapModel';
import type { ForecastUnit } from './monteCarlo';
import type { StoryTimeline, TimelineState } from './storyTimelines';

interface Contribution {
  readonly milestone?: string;
  readonly scope: number;
  readonly done: number;
}

interface DayDelta {
  scope: number;
  done: number;
  added: string[];
  removed: string[];
}

const NONE: Contribution = { scope: 0, done: 0 };

/**
 * Returns the burn-up of every milestone that ever had work, by milestone id. `resolve` turns a story's
 * `milestone:` as written into a milestone id (by id or title), or undefined for an unknown one.
 */
export function burnupsOf(timelines: readonly StoryTimeline[], resolve: (ref: string) => string | undefined, unit: ForecastUnit, todayDay: number): Map<string, RoadmapBurnup> {
  const deltas = new Map<string, Map<number, DayDelta>>();
  const deltaAt = (milestone: string, day: number): DayDelta => {
    let byDay = deltas.get(milestone);
    if (!byDay) deltas.set(milestone, (byDay = new Map()));
    let d = byDay.get(day);
    if (!d) byDay.set(day, (d = { scope: 0, done: 0, added: [], removed: [] }));
    return d;
  };
  for (const t of timelines) {
    if (t.epic) continue;
    const name = t.id ?? t.path;
    let prev: Contribution = NONE;
    for (const s of t.states) {
      if (s.day > todayDay) break;
      const next = contributionOf(s, prev, resolve, unit);
      if (next.milestone === prev.milestone && next.scope === prev.scope && next.done === prev.done) continue;
      if (prev.milestone !== undefined) {
        const d = deltaAt(prev.milestone, s.day);
        d.scope -= prev.scope;
        d.done -= prev.done;
        if (next.milestone !== prev.milestone) d.removed.push(name);
      }
      if (next.milestone !== undefined) {
        const d = deltaAt(next.milestone, s.day);
        d.scope += next.scope;
        d.done += next.done;
        if (next.milestone !== prev.milestone) d.added.push(name);
      }
      prev = next;
    }
  }
  const out = new Map<string, RoadmapBurnup>();
  for (const [milestone, byDay] of deltas) {
    const days = [...byDay.keys()].sort((a, b) => a - b);
    let scope = 0;
    let done = 0;
    const points: { date: string; scope: number; done: number }[] = [];
    const changes: { date: string; added: string[]; removed: string[] }[] = [];
    for (const day of days) {
      const d = byDay.get(day)!;
      scope = round1(scope + d.scope);
      done = round1(done + d.done);
      // A story that left and came back on the same day neither joined nor left.
      const added = d.added.filter((x) => !d.removed.includes(x));
      const removed = d.removed.filter((x) => !d.added.includes(x));
      if (points.length === 0 && scope === 0 && done === 0 && added.length === 0) continue;
      points.push({ date: fromDayNumber(day), scope, done });
      if (added.length || removed.length) changes.push({ date: fromDayNumber(day), added, removed });
    }
    if (points.length === 0) continue;
    const last = points[points.length - 1];
    if (last.date !== fromDayNumber(todayDay)) points.push({ date: fromDayNumber(todayDay), scope: last.scope, done: last.done });
    out.set(milestone, { unit, points, changes });
  }
  return out;
}

/** Returns what one state of a story adds to its milestone's scope and done. */
function contributionOf(s: TimelineState, prev: Contribution, resolve: (ref: string) => string | undefined, unit: ForecastUnit): Contribution {
  const value = unit === 'points' ? (s.estimate ?? 0) : 1;
  // Delivered stays delivered: archived or deleted after it was done, it still counts where it was done.
  if (!s.inScope) return prev.done > 0 ? prev : NONE;
  if (s.category === 'dropped' || s.milestone === undefined) return NONE;
  const milestone = resolve(s.milestone);
  if (milestone === undefined) return NONE;
  return { milestone, scope: value, done: s.category === 'done' ? value : 0 };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

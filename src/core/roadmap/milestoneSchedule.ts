// The order of the milestones and where each is drawn: dated ones by due date (then start, then id),
// undated ones after them by id; a story's milestone reference resolved by id or title; the start of
// each dated milestone's bar.
import type { Milestone } from '../model/story';
import type { RoadmapWarning } from './roadmapModel';
import { normaliseDate, toDayNumber } from './roadmapDates';
import { compareNatural } from './roadmapHelpers';

export const LATER_LANE = 'later';
/** An undated start is drawn this many days before the due date when no earlier milestone bounds it. */
const DEFAULT_BAR_DAYS = 14;

/** A milestone with its valid dates, before progress and forecast. */
export interface MilestoneDraft {
  readonly milestone: Milestone;
  readonly start?: string;
  readonly due?: string;
  readonly startDay?: number;
  readonly dueDay?: number;
}

/** The milestones in roadmap order. */
export interface MilestoneSchedule {
  readonly drafts: readonly MilestoneDraft[];
  /** Milestone id → its position in `drafts`. */
  readonly order: ReadonlyMap<string, number>;
  /** Invalid dates (dropped). */
  readonly warnings: readonly RoadmapWarning[];
}

/** Returns the milestones in roadmap order (the first of each id), their valid dates and the invalid-date warnings. */
export function scheduleMilestones(milestones: readonly Milestone[]): MilestoneSchedule {
  const warnings: RoadmapWarning[] = [];
  const drafts: MilestoneDraft[] = [];
  const seen = new Set<string>();
  for (const m of milestones) {
    if (!m.id || seen.has(m.id)) continue;
    seen.add(m.id);
    const start = normaliseDate(m.start);
    const due = normaliseDate(m.due);
    if (m.start !== undefined && start === undefined) warnings.push({ code: 'invalid-date', path: m.path, message: `Milestone ${m.id}: start "${m.start}" is not a YYYY-MM-DD date` });
    if (m.due !== undefined && due === undefined) warnings.push({ code: 'invalid-date', path: m.path, message: `Milestone ${m.id}: due "${m.due}" is not a YYYY-MM-DD date` });
    drafts.push({ milestone: m, start, due, startDay: toDayNumber(start), dueDay: toDayNumber(due) });
  }
  drafts.sort((a, b) => {
    if (a.dueDay !== undefined && b.dueDay !== undefined) {
      return a.dueDay - b.dueDay || (a.startDay ?? a.dueDay) - (b.startDay ?? b.dueDay) || compareNatural(a.milestone.id, b.milestone.id);
    }
    if (a.dueDay !== undefined) return -1;
    if (b.dueDay !== undefined) return 1;
    return compareNatural(a.milestone.id, b.milestone.id);
  });
  const order = new Map<string, number>();
  drafts.forEach((d, i) => order.set(d.milestone.id, i));
  return { drafts, order, warnings };
}

/** Returns the lane a milestone id is drawn in: its own when it is known and dated, else Later. */
export function laneOf(schedule: MilestoneSchedule, milestoneId: string | undefined): string {
  if (milestoneId === undefined) return LATER_LANE;
  const i = schedule.order.get(milestoneId);
  return i !== undefined && schedule.drafts[i].dueDay !== undefined ? milestoneId : LATER_LANE;
}

/**
 * Returns a function from a story's `milestone:` to a milestone id: a story names its milestone by id or by
 * title, in any case (as the index resolves it), and the lanes go by id. An unknown reference stays as written.
 */
export function milestoneResolver(schedule: MilestoneSchedule): (ref: string | undefined) => string | null {
  const ids = new Map<string, string>();
  for (const d of schedule.drafts) if (!ids.has(d.milestone.title.trim().toLowerCase())) ids.set(d.milestone.title.trim().toLowerCase(), d.milestone.id);
  for (const d of schedule.drafts) ids.set(d.milestone.id.toLowerCase(), d.milestone.id);
  return (ref) => (ref === undefined ? null : schedule.order.has(ref) ? ref : (ids.get(ref.trim().toLowerCase()) ?? ref));
}

/** Returns the day each dated milestone's bar starts: its start, else the previous due date, else two weeks before due. */
export function barStartsOf(drafts: readonly MilestoneDraft[]): (number | undefined)[] {
  let previousDue: number | undefined;
  return drafts.map((d) => {
    if (d.dueDay === undefined) return undefined;
    let barStart: number;
    if (d.startDay !== undefined && d.startDay <= d.dueDay) barStart = d.startDay;
    else if (previousDue !== undefined && previousDue < d.dueDay) barStart = previousDue;
    else barStart = d.dueDay - DEFAULT_BAR_DAYS;
    previousDue = d.dueDay;
    return barStart;
  });
}

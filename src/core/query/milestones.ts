import type { Milestone } from '../model/story';
import { compareIds } from '../rank/compareStories';
import { toDayNumber } from '../roadmap/roadmapDates';

// Which milestone is "now", defined once: Next Up lists its stories first, and the roadmap marks it.

/** Milestone statuses that mean it is finished (free text; these words say so). */
const MILESTONE_DONE = new Set(['done', 'complete', 'completed', 'closed', 'released', 'shipped', 'finished']);

/** Returns true when a milestone's own status says it is finished (done, released, shipped, …). */
export function isMilestoneFinished(m: Pick<Milestone, 'status'>): boolean {
  return m.status !== undefined && MILESTONE_DONE.has(m.status.trim().toLowerCase());
}

/** Returns milestones in schedule order: dated ones by due date (then start, then id), undated ones after them by id. */
export function scheduleOrder(milestones: readonly Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) => {
    const da = toDayNumber(a.due);
    const db = toDayNumber(b.due);
    if (da !== undefined && db !== undefined) return da - db || (toDayNumber(a.start) ?? da) - (toDayNumber(b.start) ?? db) || compareIds(a.id, b.id);
    if (da !== undefined) return -1;
    if (db !== undefined) return 1;
    return compareIds(a.id, b.id);
  });
}

/**
 * Returns the current milestone on `today` (YYYY-MM-DD): among the unfinished milestones with a due date, the first
 * whose dates contain today (no start: it runs up to its due date), else the next one due; undefined when none is.
 */
export function currentMilestone(milestones: readonly Milestone[], today: string): Milestone | undefined {
  const day = toDayNumber(today);
  if (day === undefined) return undefined;
  const open = scheduleOrder(milestones).filter((m) => !isMilestoneFinished(m) && toDayNumber(m.due) !== undefined && toDayNumber(m.due)! >= day);
  return open.find((m) => (toDayNumber(m.start) ?? -Infinity) <= day) ?? open[0];
}

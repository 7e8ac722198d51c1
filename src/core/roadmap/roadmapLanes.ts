// Where the milestones go: the Now / Next / Later buckets and the rows of the timeline.
import type { RoadmapBucket, RoadmapLane, RoadmapStory } from './roadmapModel';
import { LATER_LANE, type MilestoneSchedule } from './milestoneSchedule';

/** Returns each milestone's bucket: the running milestone (else the earliest not done) is now, the next not-done one next. */
export function bucketsOf(schedule: MilestoneSchedule, done: readonly boolean[], barStarts: readonly (number | undefined)[], todayDay: number): RoadmapBucket[] {
  const { drafts } = schedule;
  let now = drafts.findIndex((d, i) => !done[i] && barStarts[i] !== undefined && barStarts[i]! <= todayDay && todayDay <= d.dueDay!);
  if (now < 0) now = drafts.findIndex((_, i) => !done[i]);
  const next = now < 0 ? -1 : drafts.findIndex((_, i) => i > now && !done[i]);
  return drafts.map((_, i) => (i === now ? 'now' : i === next ? 'next' : done[i] ? 'done' : 'later'));
}

/** Returns the timeline's rows: one per dated milestone in order, then Later (undated milestones and unscheduled stories). */
export function lanesOf(milestones: readonly { readonly id: string; readonly title: string; readonly lane: string }[], ordered: readonly RoadmapStory[], schedule: MilestoneSchedule): RoadmapLane[] {
  const lanes: RoadmapLane[] = milestones
    .filter((m) => m.lane !== LATER_LANE)
    .map((m) => ({ id: m.id, title: m.title, kind: 'milestone' as const, milestones: [m.id], unscheduled: [] }));
  lanes.push({
    id: LATER_LANE,
    title: 'Later',
    kind: 'later',
    milestones: milestones.filter((m) => m.lane === LATER_LANE).map((m) => m.id),
    unscheduled: ordered.filter((s) => !s.isEpic && (s.milestone === null || !schedule.order.has(s.milestone))).map((s) => s.path),
  });
  return lanes;
}

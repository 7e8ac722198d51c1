// One milestone's numbers and its entry in the view model: progress over its stories, whether it is
// done, the epics and goals of its work.
import type { RoadmapBucket, RoadmapBurnup, RoadmapForecast, RoadmapMilestone, RoadmapProgress, RoadmapStory } from './roadmapModel';
import { fromDayNumber } from './roadmapDates';
import { compareNatural, round1 } from './roadmapHelpers';
import { LATER_LANE, type MilestoneDraft } from './milestoneSchedule';

const MILESTONE_DONE = new Set(['done', 'complete', 'completed', 'closed', 'released', 'shipped', 'finished']);

/** Returns done vs total over a milestone's members (epics and dropped stories are not counted). */
export function progressOf(members: readonly RoadmapStory[]): RoadmapProgress {
  const counted = members.filter((s) => !s.isEpic && s.category !== 'dropped');
  return {
    donePoints: round1(counted.filter((s) => s.category === 'done').reduce((n, s) => n + (s.points ?? 0), 0)),
    totalPoints: round1(counted.reduce((n, s) => n + (s.points ?? 0), 0)),
    doneStories: counted.filter((s) => s.category === 'done').length,
    totalStories: counted.length,
    unestimatedStories: counted.filter((s) => s.points === undefined).length,
  };
}

/** Returns whether the milestone's own status says it is done (released, shipped, …). */
export function hasDoneStatus(d: MilestoneDraft): boolean {
  return MILESTONE_DONE.has((d.milestone.status ?? '').trim().toLowerCase());
}

/** Returns whether a milestone is done: by its status, or because all its stories are. */
export function isMilestoneDone(d: MilestoneDraft, progress: RoadmapProgress): boolean {
  return hasDoneStatus(d) || (progress.totalStories > 0 && progress.doneStories === progress.totalStories);
}

/** What `toRoadmapMilestone` needs beyond the draft. */
export interface MilestoneFacts {
  readonly order: number;
  readonly members: readonly RoadmapStory[];
  readonly progress: RoadmapProgress;
  readonly done: boolean;
  readonly forecast: RoadmapForecast;
  readonly barStart: number | undefined;
  readonly bucket: RoadmapBucket;
  readonly burnup?: RoadmapBurnup;
}

/** Returns the milestone as the view model holds it. */
export function toRoadmapMilestone(d: MilestoneDraft, f: MilestoneFacts): RoadmapMilestone {
  const epicIds: string[] = [];
  const seenEpics = new Set<string>();
  for (const s of f.members) {
    const e = s.isEpic ? s.id : s.epic;
    if (e !== undefined && !seenEpics.has(e)) {
      seenEpics.add(e);
      epicIds.push(e);
    }
  }
  const goals = new Set<string>();
  for (const s of f.members) for (const g of s.goals) goals.add(g);
  return {
    id: d.milestone.id,
    title: d.milestone.title || d.milestone.id,
    path: d.milestone.path,
    description: d.milestone.description,
    ...(d.milestone.status !== undefined ? { status: d.milestone.status } : {}),
    ...(d.start !== undefined ? { start: d.start } : {}),
    ...(d.due !== undefined ? { due: d.due } : {}),
    ...(f.barStart !== undefined ? { barStart: fromDayNumber(f.barStart) } : {}),
    startInferred: f.barStart !== undefined && f.barStart !== d.startDay,
    order: f.order,
    lane: d.dueDay !== undefined ? d.milestone.id : LATER_LANE,
    bucket: f.bucket,
    done: f.done,
    epics: epicIds,
    stories: f.members.filter((s) => !s.isEpic).map((s) => s.path),
    goals: [...goals].sort(compareNatural),
    progress: f.progress,
    forecast: f.forecast,
    ...(f.burnup ? { burnup: f.burnup } : {}),
  };
}

// The stories as the roadmap shows them, in backlog order: each story's lane and resolved milestone,
// the epics by id, and a warning for every story whose milestone does not exist.
import { isClosed, storyCategory } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';
import type { RoadmapStory, RoadmapWarning } from './roadmapModel';
import { laneOf, milestoneResolver, type MilestoneSchedule } from './milestoneSchedule';

/** The stories of a roadmap, by path and in backlog order. */
export interface RoadmapStories {
  /** Every story and epic by path. */
  readonly stories: Record<string, RoadmapStory>;
  /** The same, in backlog order. */
  readonly ordered: readonly RoadmapStory[];
  /** The parsed stories by path (for the fields the view model does not carry, such as `updated`). */
  readonly rawByPath: ReadonlyMap<string, Story>;
  /** The first story with each id. */
  readonly firstById: ReadonlyMap<string, RoadmapStory>;
  /** Epic paths by epic id (first epic with that id). */
  readonly epics: Record<string, string>;
  /** Stories whose milestone does not exist. */
  readonly warnings: readonly RoadmapWarning[];
}

function isEpic(story: Story): boolean {
  return story.type.trim().toLowerCase() === 'epic';
}

/** Returns one story (or epic) as the roadmap shows it. */
export function toRoadmapStory(story: Story, order: number, config: RudderConfig, goals: readonly string[], lane: string, milestone: string | null, blockedBy: readonly string[] = []): RoadmapStory {
  const items = story.acceptanceCriteria?.items ?? [];
  const checkable = items.filter((c) => c.checked !== undefined);
  const points = typeof story.estimate === 'number' && Number.isFinite(story.estimate) && story.estimate >= 0 ? story.estimate : undefined;
  return {
    path: story.path,
    ...(story.id !== undefined ? { id: story.id } : {}),
    title: story.title,
    type: story.type,
    isEpic: isEpic(story),
    ...(story.status !== undefined ? { status: story.status } : {}),
    category: storyCategory(story, config),
    ...(points !== undefined ? { points } : {}),
    acDone: checkable.filter((c) => c.checked === true).length,
    acTotal: checkable.length > 0 ? checkable.length : items.length,
    ...(story.epic !== undefined ? { epic: story.epic } : {}),
    goals: [...goals],
    labels: [...story.labels],
    milestone,
    lane,
    dependsOn: [...story.dependsOn],
    blockedBy: [...blockedBy],
    order,
    ...(story.userStory ? { userStory: story.userStory.text } : {}),
    criteria: items.map((c) => ({ text: c.text, done: c.checked === true })),
  };
}

/** Returns the backlog's stories (in backlog order) placed on the schedule. */
export function roadmapStoriesOf(raw: readonly Story[], config: RudderConfig, goalsOf: (story: Story) => readonly string[], schedule: MilestoneSchedule, blockedBy: (story: Story) => readonly string[] = () => []): RoadmapStories {
  const resolveMilestone = milestoneResolver(schedule);
  const rawByPath = new Map<string, Story>();
  const stories: Record<string, RoadmapStory> = Object.create(null);
  const ordered: RoadmapStory[] = [];
  const firstById = new Map<string, RoadmapStory>();
  const epics: Record<string, string> = Object.create(null);
  const warnings: RoadmapWarning[] = [];
  raw.forEach((s, i) => {
    rawByPath.set(s.path, s);
    const ms = resolveMilestone(s.milestone);
    const rs = toRoadmapStory(s, i, config, goalsOf(s), laneOf(schedule, ms ?? undefined), ms, isClosed(s, config) ? [] : blockedBy(s));
    stories[s.path] = rs;
    ordered.push(rs);
    if (rs.id !== undefined && !firstById.has(rs.id)) firstById.set(rs.id, rs);
    if (rs.isEpic && rs.id !== undefined && !(rs.id in epics)) epics[rs.id] = rs.path;
    if (ms !== null && !schedule.order.has(ms)) {
      warnings.push({ code: 'unknown-milestone', path: s.path, message: `${s.id ?? s.path}: milestone "${s.milestone}" does not exist; shown under Later` });
    }
  });
  return { stories, ordered, rawByPath, firstById, epics, warnings };
}

/** Returns the stories and epics of each known milestone, in backlog order. */
export function membersByMilestone(ordered: readonly RoadmapStory[], schedule: MilestoneSchedule): ReadonlyMap<string, readonly RoadmapStory[]> {
  const byMilestone = new Map<string, RoadmapStory[]>();
  for (const s of ordered) {
    if (s.milestone === null || !schedule.order.has(s.milestone)) continue;
    const list = byMilestone.get(s.milestone) ?? [];
    list.push(s);
    byMilestone.set(s.milestone, list);
  }
  return byMilestone;
}

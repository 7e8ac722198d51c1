// The vision goals as swimlanes: which milestones, epics and stories serve each, plus "no goal".
import type { Vision } from '../model/story';
import type { RoadmapGoalLane, RoadmapMilestone, RoadmapStory } from './roadmapModel';

/** Returns one lane per vision goal (in vision order), then goals named only by stories, then "no goal" (id ''). */
export function goalLanesOf(vision: Vision | undefined, ordered: readonly RoadmapStory[], milestones: readonly RoadmapMilestone[]): RoadmapGoalLane[] {
  const lanes: { id: string; title: string; metric?: string }[] = (vision?.goals ?? []).map((g) => ({ id: g.id, title: g.title, ...(g.metric ? { metric: g.metric } : {}) }));
  const known = new Set(lanes.map((l) => l.id));
  for (const s of ordered) {
    for (const g of s.goals) {
      if (!known.has(g)) {
        known.add(g);
        lanes.push({ id: g, title: `${g} (not in the vision)` });
      }
    }
  }
  lanes.push({ id: '', title: 'No goal' });
  const milestoneIds = new Set(milestones.map((m) => m.id));
  return lanes.map((lane) => {
    const serves = (s: RoadmapStory): boolean => (lane.id === '' ? s.goals.length === 0 : s.goals.includes(lane.id));
    const members = ordered.filter(serves);
    const ms = new Set<string>();
    const epicIds: string[] = [];
    for (const s of members) {
      if (s.milestone !== null && milestoneIds.has(s.milestone)) ms.add(s.milestone);
      if (s.isEpic && s.id !== undefined && !epicIds.includes(s.id)) epicIds.push(s.id);
      if (!s.isEpic && s.epic !== undefined && !epicIds.includes(s.epic)) epicIds.push(s.epic);
    }
    return {
      ...lane,
      milestones: milestones.filter((m) => ms.has(m.id)).map((m) => m.id),
      epics: epicIds,
      stories: members.filter((s) => !s.isEpic).map((s) => s.path),
    };
  });
}

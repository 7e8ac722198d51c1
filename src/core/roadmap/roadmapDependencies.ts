// Dependency edges between the stories (by path) and the warnings the schedule raises about them: a
// story due before something it depends on, or depending on something unscheduled.
import type { RoadmapDependency, RoadmapMilestone, RoadmapStory, RoadmapWarning } from './roadmapModel';

/** Returns the resolved `depends_on` edges and the dependency warnings of the scheduled, open stories. */
export function dependenciesOf(
  ordered: readonly RoadmapStory[],
  firstById: ReadonlyMap<string, RoadmapStory>,
  milestones: readonly RoadmapMilestone[],
  milestoneOrder: ReadonlyMap<string, number>,
): { dependencies: RoadmapDependency[]; warnings: RoadmapWarning[] } {
  const dependencies: RoadmapDependency[] = [];
  const warnings: RoadmapWarning[] = [];
  const scheduledIn = (s: RoadmapStory): RoadmapMilestone | undefined => {
    if (s.milestone === null) return undefined;
    const i = milestoneOrder.get(s.milestone);
    return i === undefined ? undefined : milestones[i];
  };
  for (const s of ordered) {
    for (const id of s.dependsOn) {
      const target = firstById.get(id);
      if (!target || target.path === s.path) continue;
      dependencies.push({ from: s.path, to: target.path, toId: id });
      if (s.category === 'done' || s.category === 'dropped' || target.category === 'done' || target.category === 'dropped') continue;
      const mine = scheduledIn(s);
      if (!mine || mine.due === undefined) continue;
      const theirs = scheduledIn(target);
      const name = s.id ?? s.path;
      if (!theirs || theirs.due === undefined) {
        warnings.push({
          code: 'dependency-unscheduled',
          path: s.path,
          relatedPath: target.path,
          message: `${name} is due with ${mine.id} (${mine.due}) but depends on ${id}, which ${theirs ? `is in ${theirs.id}, which has no due date` : 'is not scheduled'}`,
        });
      } else if (theirs.due > mine.due) {
        warnings.push({
          code: 'dependency-order',
          path: s.path,
          relatedPath: target.path,
          message: `${name} is in ${mine.id} (due ${mine.due}) but depends on ${id} in the later ${theirs.id} (due ${theirs.due})`,
        });
      }
    }
  }
  return { dependencies, warnings };
}

// The iterations (sprints) on the roadmap's timeline: each dated one with what is committed against its capacity,
// by the one definition of an iteration's capacity (../query/iterations.ts).
import { isEpic } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import type { Iteration, Story, Vision } from '../model/story';
import { iterationCapacity, iterationGoal } from '../query/iterations';
import { toDayNumber } from './roadmapDates';
import type { RoadmapIteration } from './roadmapModel';

/** Returns the dated iterations (start and end both set), by start date, with their committed points. */
export function roadmapIterationsOf(iterations: readonly Iteration[], stories: readonly Story[], config: RudderConfig, todayDay: number, vision: () => Vision | undefined): RoadmapIteration[] {
  const out: RoadmapIteration[] = [];
  for (const it of iterations) {
    const start = toDayNumber(it.start);
    const end = toDayNumber(it.end);
    if (start === undefined || end === undefined || end < start) continue;
    const names = new Set([it.id.toLowerCase(), it.title.toLowerCase()]);
    let committed = 0;
    for (const s of stories) if (!isEpic(s) && s.iteration !== undefined && names.has(s.iteration.trim().toLowerCase())) committed += s.estimate ?? 0;
    const capacity = iterationCapacity(it, config).points;
    const goal = iterationGoal({ vision }, it)?.text;
    out.push({
      id: it.id,
      title: it.title,
      start: it.start!,
      end: it.end!,
      committed: Math.round(committed * 100) / 100,
      ...(capacity !== undefined ? { capacity } : {}),
      ...(goal !== undefined ? { goal } : {}),
      current: start <= todayDay && todayDay <= end,
    });
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

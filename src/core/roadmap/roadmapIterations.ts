// The roadmap's iterations (sprints): each one's stories, what is committed against its capacity (by the one
// definition in ../query/iterations.ts), its progress and its forecast against its `end`. Iterations are worked on in
// start order, so an iteration's forecast counts the work left in the open iterations before it — the same
// forecaster as the milestones' (forecastMilestones), over another sequence of the same stories.
import { isEpic } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import type { Iteration, Story, Vision } from '../model/story';
import { iterationCapacity, iterationGoal } from '../query/iterations';
import { forecastMilestones, type ForecastMethod } from './forecastMilestones';
import type { RoadmapIteration, RoadmapStory, RoadmapVelocity } from './roadmapModel';
import { toDayNumber } from './roadmapDates';
import { progressOf } from './roadmapMilestones';

/** What the iterations are drawn from: the backlog's stories and configuration, the vision (for sprint goals). */
export interface IterationInputs {
  readonly storiesOf: (it: Iteration) => readonly Story[];
  readonly stories: Readonly<Record<string, RoadmapStory>>;
  readonly config: RudderConfig;
  readonly vision: () => Vision | undefined;
}

/** Returns the roadmap entry of each iteration, in the order given (by start date), with its load and its forecast. */
export function roadmapIterationsOf(
  iterations: readonly Iteration[],
  inputs: IterationInputs,
  velocity: RoadmapVelocity,
  todayDay: number,
  method: ForecastMethod,
): RoadmapIteration[] {
  const raw = iterations.map((it) => inputs.storiesOf(it));
  const members = raw.map((list) => list.map((s) => inputs.stories[s.path]).filter((s): s is RoadmapStory => s !== undefined));
  const progress = members.map(progressOf);
  const done = progress.map((p) => p.totalStories > 0 && p.doneStories === p.totalStories);
  const forecasts = forecastMilestones(
    iterations.map((it, i) => {
      const dueDay = toDayNumber(it.end);
      return { ...(dueDay !== undefined ? { due: it.end, dueDay } : {}), progress: progress[i], done: done[i], statusDone: false };
    }),
    velocity,
    todayDay,
    { ...method, noun: 'iterations' },
  );
  return iterations.map((it, i) => {
    let committed = 0;
    for (const s of raw[i]) if (!isEpic(s)) committed += s.estimate ?? 0;
    const capacity = iterationCapacity(it, inputs.config).points;
    const goal = iterationGoal({ vision: inputs.vision }, it)?.text;
    const start = toDayNumber(it.start);
    const end = toDayNumber(it.end);
    return {
      id: it.id,
      title: it.title || it.id,
      path: it.path,
      ...(it.start !== undefined ? { start: it.start } : {}),
      ...(it.end !== undefined ? { end: it.end } : {}),
      stories: members[i].filter((s) => !s.isEpic).map((s) => s.path),
      committed: Math.round(committed * 100) / 100,
      ...(capacity !== undefined ? { capacity } : {}),
      ...(goal !== undefined ? { goal } : {}),
      current: start !== undefined && end !== undefined && start <= todayDay && todayDay <= end,
      progress: progress[i],
      done: done[i],
      forecast: forecasts[i],
    };
  });
}

// The roadmap's iterations (sprints): each one's stories, progress and forecast against its `end`. Iterations are
// worked on in start order, so an iteration's forecast counts the work left in the open iterations before it —
// the same forecaster as the milestones' (forecastMilestones), over another sequence of the same stories.
import type { Iteration, Story } from '../model/story';
import { forecastMilestones, type ForecastMethod } from './forecastMilestones';
import type { RoadmapIteration, RoadmapStory, RoadmapVelocity } from './roadmapModel';
import { toDayNumber } from './roadmapDates';
import { progressOf } from './roadmapMilestones';

/** Returns the roadmap entry of each iteration, in the order given (by start date), with its forecast. */
export function roadmapIterationsOf(
  iterations: readonly Iteration[],
  storiesOf: (it: Iteration) => readonly Story[],
  stories: Readonly<Record<string, RoadmapStory>>,
  velocity: RoadmapVelocity,
  todayDay: number,
  method: ForecastMethod,
): RoadmapIteration[] {
  const members = iterations.map((it) => storiesOf(it).map((s) => stories[s.path]).filter((s): s is RoadmapStory => s !== undefined));
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
  return iterations.map((it, i) => ({
    id: it.id,
    title: it.title || it.id,
    path: it.path,
    ...(it.start !== undefined ? { start: it.start } : {}),
    ...(it.end !== undefined ? { end: it.end } : {}),
    stories: members[i].filter((s) => !s.isEpic).map((s) => s.path),
    progress: progress[i],
    done: done[i],
    forecast: forecasts[i],
  }));
}

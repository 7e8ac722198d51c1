import { isDone, isEpic } from '../config/workflow';
import type { BacklogIndex } from '../index/backlogIndex';
import type { RudderConfig } from '../model/config';
import type { Iteration, Story } from '../model/story';
import { toDayNumber } from '../roadmap/roadmapDates';

// Iterations (sprints), defined once: their capacity, what is committed to them and which one is current. The tree's
// iteration groups, Plan Iteration, `rudder list --iteration` and the roadmap ask these. Nothing requires them: a
// backlog without iteration files has none, and every other view works as before.

/** Where an iteration's capacity comes from: its own `capacity`, the team's velocity over its length, or nowhere. */
export type CapacitySource = 'iteration' | 'velocity' | 'none';

/** An iteration's capacity in points, and where it comes from. */
export interface IterationCapacity {
  readonly points?: number;
  readonly source: CapacitySource;
  /** One line: "20 pts (capacity)", "16 pts (velocity 8 pts/week × 2 weeks)", or why there is none. */
  readonly explanation: string;
}

/** Returns an iteration's length in days (start and end included), or undefined without both dates. */
export function iterationDays(it: Pick<Iteration, 'start' | 'end'>): number | undefined {
  const a = toDayNumber(it.start);
  const b = toDayNumber(it.end);
  return a === undefined || b === undefined || b < a ? undefined : b - a + 1;
}

/** Returns the capacity of an iteration: its `capacity`, else the velocity × its length in weeks, else none. */
export function iterationCapacity(it: Iteration, config: RudderConfig): IterationCapacity {
  if (it.capacity !== undefined) return { points: it.capacity, source: 'iteration', explanation: `${it.capacity} pts (the iteration's capacity)` };
  const days = iterationDays(it);
  if (config.velocity !== undefined && days !== undefined) {
    const points = Math.round(((config.velocity * days) / 7) * 10) / 10;
    return { points, source: 'velocity', explanation: `${points} pts (velocity ${config.velocity} pts/week × ${Math.round((days / 7) * 10) / 10} weeks)` };
  }
  return { source: 'none', explanation: days === undefined ? 'no capacity: set `capacity` in the iteration file' : 'no capacity: set `capacity` in the iteration file, or `velocity` in .rudder.yml' };
}

/** What is planned into one iteration: its stories (epics apart), the points committed, how many are done, its capacity. */
export interface IterationLoad {
  readonly iteration: Iteration;
  /** Every item naming the iteration, in backlog order (epics included; they are not counted). */
  readonly stories: readonly Story[];
  /** Points of the iteration's stories (never an epic's), done ones included: what was committed. */
  readonly committed: number;
  readonly donePoints: number;
  readonly capacity: IterationCapacity;
  /** True when more is committed than the capacity allows. */
  readonly over: boolean;
}

/** Returns what is planned into an iteration. */
export function iterationLoad(index: BacklogIndex, it: Iteration): IterationLoad {
  const stories = index.ofIteration(it.id);
  let committed = 0;
  let donePoints = 0;
  for (const s of stories) {
    if (isEpic(s)) continue;
    committed += s.estimate ?? 0;
    if (isDone(s, index.config)) donePoints += s.estimate ?? 0;
  }
  const capacity = iterationCapacity(it, index.config);
  return { iteration: it, stories, committed, donePoints, capacity, over: capacity.points !== undefined && committed > capacity.points };
}

/** Returns the current iteration on `today` (YYYY-MM-DD): the one whose dates contain it, else the next one to start; undefined when none. */
export function currentIteration(index: BacklogIndex, today: string): Iteration | undefined {
  const day = toDayNumber(today);
  if (day === undefined) return undefined;
  const dated = index.iterations().filter((it) => toDayNumber(it.start) !== undefined);
  return (
    dated.find((it) => toDayNumber(it.start)! <= day && day <= (toDayNumber(it.end) ?? toDayNumber(it.start)!)) ??
    dated.find((it) => toDayNumber(it.start)! > day)
  );
}

/** Returns the sprint goal of an iteration in words: a vision goal's title when the goal names one (`goal: G2`), else the text. */
export function iterationGoal(index: BacklogIndex, it: Iteration): { readonly text: string; readonly visionGoal?: string } | undefined {
  if (!it.goal) return undefined;
  const g = index.vision()?.goals.find((x) => x.id.toLowerCase() === it.goal!.trim().toLowerCase());
  return g ? { text: `${g.title} (${g.id})`, visionGoal: g.id } : { text: it.goal };
}

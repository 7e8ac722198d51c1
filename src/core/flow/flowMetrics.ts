// Flow metrics from the stories' timelines: throughput per week (stories and points), cycle time (first
// day in progress to done) and lead time (created to done) with their percentiles, work in progress, and
// how long each story in progress has been (against the 85th percentile of finished stories' cycle times).
// Days are calendar days counted with both ends: started and finished on the same day is one day.
import { fromDayNumber, toDayNumber } from '../roadmap/roadmapDates';
import { percentilesOf, shareBelow, type Percentiles } from './percentiles';
import type { StoryTimeline } from './storyTimelines';
import { weekStartOf } from './weeks';

/** Stories and points finished in one week. */
export interface ThroughputWeek {
  /** The Monday, YYYY-MM-DD. */
  readonly weekStart: string;
  readonly stories: number;
  readonly points: number;
}

/** A finished story, for the cycle-time scatter. */
export interface FinishedStory {
  readonly path: string;
  readonly id?: string;
  readonly title?: string;
  readonly done: string;
  readonly cycleDays?: number;
  readonly leadDays?: number;
  readonly points?: number;
}

/** A story in progress and how long it has been. */
export interface AgingStory {
  readonly path: string;
  readonly id?: string;
  readonly title?: string;
  readonly status?: string;
  /** Days in progress, today included. */
  readonly days: number;
  /** It was already in progress where the history starts: at least this many days. */
  readonly atLeast: boolean;
  /** Share (0–1) of finished stories whose cycle time was shorter. */
  readonly olderThan: number;
  /** Longer in progress than the 85th percentile cycle time. */
  readonly aboveP85: boolean;
}

export interface FlowMetrics {
  /** Every week from the first one the history covers to the week of today, in order. */
  readonly throughput: readonly ThroughputWeek[];
  readonly cycleTimeDays?: Percentiles;
  readonly leadTimeDays?: Percentiles;
  /** Finished stories in the order they finished. */
  readonly finished: readonly FinishedStory[];
  readonly wip: number;
  /** Stories in progress, longest first. */
  readonly agingWip: readonly AgingStory[];
}

/** Returns the flow metrics of the timelines as of `todayDay`; `firstDay` is where the history starts. */
export function flowMetrics(timelines: readonly StoryTimeline[], todayDay: number, firstDay: number | undefined): FlowMetrics {
  const counted = timelines.filter((t) => !t.epic);
  const finished: FinishedStory[] = [];
  for (const t of counted) {
    if (t.done === undefined || t.done > todayDay) continue;
    const cycle = t.started !== undefined && t.startedExact && t.started <= t.done ? t.done - t.started + 1 : undefined;
    const lead = t.created !== undefined && t.created <= t.done ? t.done - t.created + 1 : undefined;
    finished.push({
      path: t.path,
      ...(t.id !== undefined ? { id: t.id } : {}),
      ...(t.title !== undefined ? { title: t.title } : {}),
      done: fromDayNumber(t.done),
      ...(cycle !== undefined ? { cycleDays: cycle } : {}),
      ...(lead !== undefined ? { leadDays: lead } : {}),
      ...(t.points !== undefined ? { points: t.points } : {}),
    });
  }
  finished.sort((a, b) => (a.done < b.done ? -1 : a.done > b.done ? 1 : a.path < b.path ? -1 : 1));

  const throughput: ThroughputWeek[] = [];
  const firstWeek = weekStartOf(Math.min(firstDay ?? todayDay, todayDay));
  const lastWeek = weekStartOf(todayDay);
  const byWeek = new Map<number, { stories: number; points: number }>();
  for (const f of finished) {
    const w = weekStartOf(toDayNumber(f.done)!);
    const e = byWeek.get(w) ?? { stories: 0, points: 0 };
    e.stories++;
    e.points += f.points ?? 0;
    byWeek.set(w, e);
  }
  for (let w = Math.min(firstWeek, ...byWeek.keys()); w <= lastWeek; w += 7) {
    const e = byWeek.get(w);
    throughput.push({ weekStart: fromDayNumber(w), stories: e?.stories ?? 0, points: Math.round((e?.points ?? 0) * 10) / 10 });
  }

  const cycles = finished.flatMap((f) => (f.cycleDays !== undefined ? [f.cycleDays] : []));
  const cycleTimeDays = percentilesOf(cycles);
  const leadTimeDays = percentilesOf(finished.flatMap((f) => (f.leadDays !== undefined ? [f.leadDays] : [])));
  const sortedCycles = [...cycles].sort((a, b) => a - b);

  const agingWip: AgingStory[] = [];
  for (const t of counted) {
    if (!t.inBacklog || t.category !== 'doing') continue;
    const started = t.started !== undefined && t.started <= todayDay ? t.started : todayDay;
    const days = todayDay - started + 1;
    const status = t.states[t.states.length - 1]?.status;
    agingWip.push({
      path: t.path,
      ...(t.id !== undefined ? { id: t.id } : {}),
      ...(t.title !== undefined ? { title: t.title } : {}),
      ...(status !== undefined ? { status } : {}),
      days,
      atLeast: !t.startedExact && t.started !== undefined,
      olderThan: shareBelow(sortedCycles, days),
      aboveP85: cycleTimeDays !== undefined && days > cycleTimeDays.p85,
    });
  }
  agingWip.sort((a, b) => b.days - a.days || (a.path < b.path ? -1 : 1));
  return {
    throughput,
    ...(cycleTimeDays ? { cycleTimeDays } : {}),
    ...(leadTimeDays ? { leadTimeDays } : {}),
    finished,
    wip: agingWip.length,
    agingWip,
  };
}

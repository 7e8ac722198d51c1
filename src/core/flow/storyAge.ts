// A story's age from the history, for its hover: how long since it first appeared and, while it is in progress,
// how long it has been and how that compares with the cycle times of finished stories.
import type { FlowMetrics } from './flowMetrics';
import type { StoryTimeline } from './storyTimelines';

/** One story's age as of a day. */
export interface StoryAge {
  /** Days since it first appeared, today included; undefined when it existed before the history starts. */
  readonly ageDays?: number;
  /** While it is in progress: days in progress, and the share of finished stories that took less. */
  readonly inProgress?: { readonly days: number; readonly atLeast: boolean; readonly olderThan: number; readonly aboveP85: boolean };
  /** The 85th-percentile cycle time of finished stories, when there are some. */
  readonly p85?: number;
}

/** Returns a lookup of each story's age (by path) from its timeline and the flow metrics. */
export function storyAges(timelines: readonly StoryTimeline[], metrics: FlowMetrics, todayDay: number): (path: string) => StoryAge | undefined {
  const byPath = new Map(timelines.map((t) => [t.path, t]));
  const aging = new Map(metrics.agingWip.map((a) => [a.path, a]));
  return (path) => {
    const t = byPath.get(path);
    if (!t) return undefined;
    const a = aging.get(path);
    return {
      ...(t.created !== undefined && t.created <= todayDay ? { ageDays: todayDay - t.created + 1 } : {}),
      ...(a ? { inProgress: { days: a.days, atLeast: a.atLeast, olderThan: a.olderThan, aboveP85: a.aboveP85 } } : {}),
      ...(metrics.cycleTimeDays ? { p85: metrics.cycleTimeDays.p85 } : {}),
    };
  };
}

/** Returns the hover's line: "Age 23 days (in the git history) · in progress 9 days: older than 85% of finished stories (85% finished within 8 days)". */
export function storyAgeText(age: StoryAge): string | undefined {
  const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;
  const parts: string[] = [];
  if (age.ageDays !== undefined) parts.push(`Age ${days(age.ageDays)} (since it first appeared in the git history)`);
  const w = age.inProgress;
  if (w) {
    const share = Math.round(w.olderThan * 100);
    const compare = age.p85 === undefined ? 'no finished story to compare with yet' : `older than ${share}% of finished stories${w.aboveP85 ? ` (85% finished within ${days(age.p85)})` : ''}`;
    parts.push(`in progress ${w.atLeast ? 'at least ' : ''}${days(w.days)}: ${compare}`);
  }
  if (!parts.length) return undefined;
  const text = parts.join(' · ');
  return (w?.aboveP85 ? '⚠ ' : '') + text.charAt(0).toUpperCase() + text.slice(1);
}

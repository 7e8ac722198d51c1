import { isDone, isEpic } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import { plural } from '../model/plural';
import type { Story } from '../model/story';

// Counts, defined once: stories and epics apart, and points from stories only (an epic's estimate sums its
// children's, so adding it would count them twice). The tree's groups, the status bar, Next Up, the vision view, the
// hovers and the roadmap all count this way, so their numbers agree.

/** What a list of backlog items holds. */
export interface StoryCounts {
  /** Items that are not epics (stories, bugs, spikes, tasks, …). */
  readonly stories: number;
  readonly epics: number;
  /** Sum of the stories' estimates (never an epic's). */
  readonly points: number;
  /** Stories without an estimate. */
  readonly unestimated: number;
  /** Stories that are done (by the meaning of their status), when a configuration was given; else 0. */
  readonly done: number;
  /** Points of the done stories (when a configuration was given). */
  readonly donePoints: number;
}

/** Returns the counts of some backlog items: stories and epics apart, points of the stories only. */
export function countStories(items: readonly Story[], config?: RudderConfig): StoryCounts {
  let stories = 0;
  let epics = 0;
  let points = 0;
  let unestimated = 0;
  let done = 0;
  let donePoints = 0;
  for (const s of items) {
    if (isEpic(s)) {
      epics++;
      continue;
    }
    stories++;
    if (s.estimate === undefined) unestimated++;
    else points += s.estimate;
    if (config && isDone(s, config)) {
      done++;
      donePoints += s.estimate ?? 0;
    }
  }
  return { stories, epics, points: round2(points), unestimated, done, donePoints: round2(donePoints) };
}

/** Returns `1 pt` or `3 pts`. */
export function pointsLabel(n: number): string {
  return plural(round2(n), 'pt', 'pts');
}

/** Returns `9 stories · 55 pts · 1 epic` (the epics part only when there are some). */
export function countLabel(c: StoryCounts): string {
  return [plural(c.stories, 'story', 'stories'), pointsLabel(c.points), ...(c.epics ? [plural(c.epics, 'epic')] : [])].join(' · ');
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

import { isEpic, storyCategory } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import { plural } from '../model/plural';
import type { Story } from '../model/story';
import { toDayNumber } from '../roadmap/roadmapDates';

/** Why six weeks: long enough to smooth one slow sprint, short enough to follow a changing team. */
export const VELOCITY_WINDOW_DAYS = 42;

/** The team's velocity: points per week, where it comes from, and one sentence saying so. */
export interface TeamVelocity {
  readonly pointsPerWeek?: number;
  readonly source: 'config' | 'derived' | 'none';
  readonly explanation: string;
}

/**
 * Returns the team velocity on day `todayDay`: `velocity` from the configuration, else the points of the stories
 * done (by their `updated` date) in the last six weeks, per week; else none. Epics are never counted.
 */
export function teamVelocity(stories: readonly Story[], config: RudderConfig, todayDay: number): TeamVelocity {
  if (typeof config.velocity === 'number' && Number.isFinite(config.velocity) && config.velocity > 0) {
    return { pointsPerWeek: config.velocity, source: 'config', explanation: `${config.velocity} points/week from \`velocity\` in the configuration` };
  }
  let points = 0;
  let count = 0;
  for (const s of stories) {
    if (isEpic(s) || storyCategory(s, config) !== 'done' || s.estimate === undefined) continue;
    const day = toDayNumber(s.updated);
    if (day === undefined || day > todayDay || day <= todayDay - VELOCITY_WINDOW_DAYS) continue;
    points += s.estimate;
    count++;
  }
  const weeks = VELOCITY_WINDOW_DAYS / 7;
  if (points <= 0) {
    return { source: 'none', explanation: `no velocity: \`velocity\` is not configured and no estimated story was marked done (with an \`updated\` date) in the last ${weeks} weeks` };
  }
  const v = Math.round((points / weeks) * 10) / 10;
  return { pointsPerWeek: v, source: 'derived', explanation: `${v} points/week derived from ${plural(count, 'done story', 'done stories')} (${Math.round(points * 10) / 10} points) updated in the last ${weeks} weeks` };
}

// The team's velocity: configured, else derived from the points of recently done stories.
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';
import type { RoadmapStory, RoadmapVelocity } from './roadmapModel';
import { toDayNumber } from './roadmapDates';
import { plural, round1 } from './roadmapHelpers';

/** Why six weeks: long enough to smooth one slow sprint, short enough to follow a changing team. */
export const VELOCITY_WINDOW_DAYS = 42;

/** Returns the team velocity: configured, else derived from recently done stories, else none. */
export function deriveVelocity(stories: readonly RoadmapStory[], rawStories: ReadonlyMap<string, Story>, config: RudderConfig, todayDay: number): RoadmapVelocity {
  if (typeof config.velocity === 'number' && Number.isFinite(config.velocity) && config.velocity > 0) {
    return { pointsPerWeek: config.velocity, source: 'config', explanation: `${config.velocity} points/week from \`velocity\` in the configuration` };
  }
  let points = 0;
  let count = 0;
  for (const s of stories) {
    if (s.isEpic || s.category !== 'done' || s.points === undefined) continue;
    const day = toDayNumber(rawStories.get(s.path)?.updated);
    if (day === undefined || day > todayDay || day <= todayDay - VELOCITY_WINDOW_DAYS) continue;
    points += s.points;
    count++;
  }
  const weeks = VELOCITY_WINDOW_DAYS / 7;
  if (points <= 0) {
    return { source: 'none', explanation: `no velocity: \`velocity\` is not configured and no estimated story was marked done (with an \`updated\` date) in the last ${weeks} weeks` };
  }
  const v = round1(points / weeks);
  return { pointsPerWeek: v, source: 'derived', explanation: `${v} points/week derived from ${plural(count, 'done story', 'done stories')} (${round1(points)} points) updated in the last ${weeks} weeks` };
}

// The team's velocity on the roadmap: the one definition in ../query/velocity.ts (Next Up's capacity line and
// iterations use the same), over the roadmap's raw stories.
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';
import { teamVelocity } from '../query/velocity';
import type { RoadmapVelocity } from './roadmapModel';

/** Returns the team velocity: configured, else derived from recently done stories, else none. */
export function deriveVelocity(rawStories: ReadonlyMap<string, Story>, config: RudderConfig, todayDay: number): RoadmapVelocity {
  return teamVelocity([...rawStories.values()], config, todayDay);
}

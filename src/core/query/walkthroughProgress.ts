import { isEpic, statusIndex, storyCategory } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';

// The walkthrough's steps that the backlog itself shows were done (before the walkthrough ever opened): each one a
// fact about the stories. The editor turns each into a context key `rudder.walkthrough.<step>`, which the step's
// `onContext:` completion event in package.json names.

/** Every step the backlog can show as done, with the fact that shows it. */
export const WALKTHROUGH_FACTS = {
  /** Some story (not an epic) has an estimate. */
  estimate: (s: Story) => !isEpic(s) && s.estimate !== undefined,
  /** Some story (not an epic) is at the ready status or later (in progress, done). */
  markReady: (s: Story, config: RudderConfig) => !isEpic(s) && s.status !== undefined && statusIndex(config, s.status) >= Math.max(0, statusIndex(config, config.readyStatus)) && storyCategory(s, config) !== 'dropped',
  /** Some story has a rank key (it was ordered). */
  reorder: (s: Story) => typeof s.rank === 'string' && s.rank !== '',
  /** Some story was split from another. */
  split: (s: Story) => s.splitFrom !== undefined,
  /** Some story is planned into an iteration. */
  planIteration: (s: Story) => s.iteration !== undefined,
} satisfies Record<string, (s: Story, config: RudderConfig) => boolean>;

export type WalkthroughStep = keyof typeof WALKTHROUGH_FACTS;

/** Returns, for each step, whether some story of the backlog shows it was done. */
export function walkthroughProgress(stories: readonly Story[], config: RudderConfig): Record<WalkthroughStep, boolean> {
  const out = {} as Record<WalkthroughStep, boolean>;
  for (const [step, fact] of Object.entries(WALKTHROUGH_FACTS) as [WalkthroughStep, (s: Story, c: RudderConfig) => boolean][]) out[step] = stories.some((s) => fact(s, config));
  return out;
}

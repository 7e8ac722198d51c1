import type { StoryRule } from './rule';
import { isClosed } from '../config/workflow';
import { fieldRange, issue } from './ruleHelpers';

// Epics are big by design and done stories are history, so neither is reported.
export const oversizedStory: StoryRule<'oversized-story'> = {
  code: 'oversized-story',
  defaultSeverity: 'info',
  title: 'The estimate is above the split threshold.',
  description: 'Large stories hide risk and finish late. Consider splitting it; the threshold is `splitThreshold` in .rudder.yml (default 13).',
  check(story, ctx) {
    const t = ctx.config.splitThreshold;
    if (story.estimate === undefined || story.estimate <= t || story.type.toLowerCase() === 'epic' || isClosed(story, ctx.config)) return [];
    return [
      issue(
        'oversized-story',
        'info',
        story,
        fieldRange(story, 'estimate'),
        `Estimate ${story.estimate} is above the split threshold of ${t}. Consider splitting this story into smaller ones that each deliver value.`,
      ),
    ];
  },
};

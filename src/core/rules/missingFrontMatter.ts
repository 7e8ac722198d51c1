import type { StoryRule } from './rule';

// The index finds these (a Backlog.md task file without front matter is read by `bareStory`); the rule forwards
// them so they get config severities like every other code.
export const missingFrontMatter: StoryRule = {
  code: 'missing-front-matter',
  defaultSeverity: 'warning',
  check: (story) => story.problems.filter((p) => p.code === 'missing-front-matter').map((p) => ({ ...p, severity: 'warning' as const })),
};

import type { StoryRule } from './rule';

// The parser finds these (it is the only code that sees the raw YAML errors); the rule forwards them so
// they get config severities like every other code.
export const frontMatterSyntax: StoryRule = {
  code: 'front-matter-syntax',
  defaultSeverity: 'error',
  check: (story) => story.problems.filter((p) => p.code === 'front-matter-syntax').map((p) => ({ ...p, severity: 'error' as const })),
};

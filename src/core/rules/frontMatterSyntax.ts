import type { StoryRule } from './rule';

// The parser finds these (it is the only code that sees the raw YAML errors); the rule forwards them so
// they get config severities like every other code.
export const frontMatterSyntax: StoryRule<'front-matter-syntax'> = {
  code: 'front-matter-syntax',
  defaultSeverity: 'error',
  title: 'The front matter is not valid YAML.',
  description: 'The YAML block between the --- lines could not be read, so the story fields are unknown. Fix the YAML at the reported line (a value starting with @ or ` must be quoted). Front matter in another language (---js) is reported and never evaluated.',
  check: (story) => story.problems.filter((p) => p.code === 'front-matter-syntax').map((p) => ({ ...p, severity: 'error' as const })),
};

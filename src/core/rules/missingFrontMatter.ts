import { turnOff, type StoryRule } from './rule';

// The index finds these (a Backlog.md task file without front matter is read by `bareStory`); the rule forwards
// them so they get config severities like every other code.
export const missingFrontMatter: StoryRule<'missing-front-matter'> = {
  code: 'missing-front-matter',
  defaultSeverity: 'warning',
  title: 'A task file in a Backlog.md task folder has no front matter.',
  description: 'Backlog.md lists such a file, so Rudder does too: its id comes from the file name and its title from its first heading. Add the front matter (the quick fix writes those values) so every tool reads the same fields. ' + turnOff('missing-front-matter'),
  check: (story) => story.problems.filter((p) => p.code === 'missing-front-matter').map((p) => ({ ...p, severity: 'warning' as const })),
};

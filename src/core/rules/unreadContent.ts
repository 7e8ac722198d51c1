import type { Story } from '../model/story';
import { turnOff, type StoryRule } from './rule';

// The parser finds these (only it knows where the Markdown scanner stopped and how much was left for remark);
// the rule forwards them so they get config severities like every other code.
export const unreadContent: StoryRule<'unread-content'> = {
  code: 'unread-content',
  defaultSeverity: 'warning',
  title: 'Part of the story body was not read.',
  description:
    'The body holds a construct only the full Markdown parser reads (a tab in indentation, a link reference definition), and the body from there on is larger than the 200 KB that parser is given, so Rudder read the story only up to that point: criteria and the user story after it are not checked. Replace the tab with spaces, or move large content (tables, logs) out of the story file. ' +
    turnOff('unread-content'),
  check: (story) => story.problems.filter((p) => p.code === 'unread-content'),
};

/** Returns true when Rudder read the whole body of the story (no unread-content): only then can a rule say something is missing from it. */
export function bodyFullyRead(story: Story): boolean {
  return !story.problems.some((p) => p.code === 'unread-content');
}

import type { Story } from '../model/story';
import type { StoryRule } from './rule';

// The parser finds these (only it knows where the Markdown scanner stopped and how much was left for remark);
// the rule forwards them so they get config severities like every other code.
export const unreadContent: StoryRule = {
  code: 'unread-content',
  defaultSeverity: 'warning',
  check: (story) => story.problems.filter((p) => p.code === 'unread-content'),
};

/** Returns true when Rudder read the whole body of the story (no unread-content): only then can a rule say something is missing from it. */
export function bodyFullyRead(story: Story): boolean {
  return !story.problems.some((p) => p.code === 'unread-content');
}

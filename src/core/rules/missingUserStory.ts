import type { Fix } from '../model/issue';
import { turnOff, type StoryRule } from './rule';
import { isClosed } from '../config/workflow';
import { eolOf, issue } from './ruleHelpers';
import { bodyFullyRead } from './unreadContent';
import { hasUserStory, placeholderIn, userStoryPlaceholder } from '../query/readiness';

// Only type `story` (the default, so also Backlog.md tasks without a type): bugs, spikes, tasks and epics are
// not written from a user's point of view. Done and dropped stories are skipped. Off by default in Backlog.md mode
// (its tasks are rarely written as user stories), on once the team adds a vision or sets the rule's severity.
export const missingUserStory: StoryRule<'missing-user-story'> = {
  code: 'missing-user-story',
  defaultSeverity: 'info',
  title: 'The story has no "As a …, I want …, so that …" statement.',
  description: 'The statement says who benefits and why, which guides trade-offs. Add it at the top of the body. ' + turnOff('missing-user-story'),
  check(story, ctx) {
    if (story.type.toLowerCase() !== 'story' || hasUserStory(story) || isClosed(story, ctx.config) || !story.frontMatter) return [];
    if (ctx.config.backlogMd && ctx.config.rules['missing-user-story'] === undefined && !ctx.vision()) return [];
    if (!bodyFullyRead(story)) return [];
    const text = ctx.text(story.path);
    const unfilled = userStoryPlaceholder(story, text);
    if (unfilled) {
      // The statement is there but still the template; the quick fix (fixesFor) puts the cursor on the placeholder.
      const word = placeholderIn(story.userStory!)?.text ?? '…';
      return [issue('missing-user-story', 'info', story, unfilled, `The user story is still the template: replace "${word}" with who it is for, what they want and why.`)];
    }
    const eol = eolOf(text);
    const who = story.persona ?? '…';
    const sentence = `As a ${who}, I want …, so that ….`;
    const headingLine = story.titleRange.start.line >= story.bodyStartLine && !story.frontMatter.fields.title ? story.titleRange.start.line : -1;
    const at = headingLine >= 0 ? { line: headingLine + 1, character: 0 } : { line: story.bodyStartLine, character: 0 };
    const newText = headingLine >= 0 ? `${eol}${sentence}${eol}` : `${sentence}${eol}${eol}`;
    const fixes: Fix[] =
      text !== undefined && at.line < story.lineCount
        ? [{ title: 'Insert a user story template', isPreferred: true, edits: [{ path: story.path, edits: [{ range: { start: at, end: at }, newText }] }] }]
        : [];
    return [
      issue(
        'missing-user-story',
        'info',
        story,
        story.titleRange,
        'This story has no user story statement. Add "As a <who>, I want <what>, so that <why>." so the team knows who it is for and why.',
        { fixes },
      ),
    ];
  },
};

import type { Fix } from '../model/issue';
import type { TextEdit } from '../model/range';
import type { StoryRule } from './rule';
import { isDone } from '../config/workflow';
import { fieldOf, fieldRange, issue, replaceValueFix, textOf } from './ruleHelpers';
import { reopenStatus } from '../grooming/reopenStory';

// Only done stories, by the meaning of their status or their folder (not dropped: a dropped story's criteria were
// never meant to be met).
export const doneWithOpenCriteria: StoryRule<'done-with-open-criteria'> = {
  code: 'done-with-open-criteria',
  defaultSeverity: 'warning',
  title: 'The story is done but some acceptance criteria are unchecked.',
  description: 'Either the work is not finished or the checkboxes were not updated. Check the criteria that are met, or reopen the story.',
  check(story, ctx) {
    if (!isDone(story, ctx.config)) return [];
    const items = story.acceptanceCriteria?.items ?? [];
    const open = items.filter((c) => c.checked === false);
    if (!open.length) return [];
    const text = ctx.text(story.path);
    const edits: TextEdit[] = [];
    for (const c of open) {
      const line = textOf(text, { start: { line: c.range.start.line, character: 0 }, end: c.textRange.start });
      const m = /\[ \]/.exec(line);
      if (m) {
        const at = { line: c.range.start.line, character: m.index + 1 };
        edits.push({ range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: 'x' });
      }
    }
    // Not preferred: checking criteria off is a claim about the product that only a person can make.
    const fixes: Fix[] = edits.length === open.length ? [{ title: 'Check all acceptance criteria', isPreferred: false, edits: [{ path: story.path, edits }] }] : [];
    // Or the work is not finished: reopen it, to the status Reopen Story chooses (not for a story done by its folder).
    const reopenTo = reopenStatus(ctx.config);
    const status = fieldOf(story, 'status');
    if (reopenTo !== undefined && status && !isDone({ path: story.path, status: reopenTo }, ctx.config)) {
      fixes.push(replaceValueFix(story, text, fieldRange(story, 'status'), reopenTo, `Reopen the story (status "${reopenTo}")`, false));
    }
    return [
      issue(
        'done-with-open-criteria',
        'warning',
        story,
        fieldRange(story, 'status'),
        `This story is ${story.status ? `"${story.status}"` : 'done (it is in the completed folder)'} but ${open.length} of ${items.length} acceptance criteria ${open.length === 1 ? 'is' : 'are'} not checked. Check them off if they are met, or reopen the story.`,
        {
          related: open.map((c) => ({ path: story.path, range: c.textRange, message: 'not checked' })),
          fixes,
        },
      ),
    ];
  },
};

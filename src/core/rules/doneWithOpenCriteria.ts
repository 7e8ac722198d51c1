import type { Fix, Issue } from '../model/issue';
import type { TextEdit } from '../model/range';
import type { Checklist, Story } from '../model/story';
import type { RuleContext, StoryRule } from './rule';
import { isDone } from '../config/workflow';
import { openItems } from '../query/checklists';
import { fieldOf, fieldRange, issue, replaceValueFix, textOf } from './ruleHelpers';
import { reopenStatus } from '../grooming/reopenStory';

// Only done stories, by the meaning of their status or their folder (not dropped: a dropped story's criteria were
// never meant to be met). Both checklists of a story are checked: the acceptance criteria and the Definition of Done,
// one issue for each that has unchecked items.
export const doneWithOpenCriteria: StoryRule<'done-with-open-criteria'> = {
  code: 'done-with-open-criteria',
  defaultSeverity: 'warning',
  title: 'The story is done but some acceptance criteria or Definition of Done items are unchecked.',
  description: 'Either the work is not finished or the checkboxes were not updated. Check the items that are met, or reopen the story.',
  check(story, ctx) {
    if (!isDone(story, ctx.config)) return [];
    return [
      ...openChecklist(story, ctx, story.acceptanceCriteria, { what: 'acceptance criteria', fix: 'Check all acceptance criteria' }),
      ...openChecklist(story, ctx, story.definitionOfDone, { what: 'Definition of Done items', fix: 'Check all Definition of Done items' }),
    ];
  },
};

function openChecklist(story: Story, ctx: RuleContext, list: Checklist | undefined, words: { what: string; fix: string }): Issue[] {
  const items = list?.items ?? [];
  const open = openItems(list);
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
  // Not preferred: checking items off is a claim about the product that only a person can make.
  const fixes: Fix[] = edits.length === open.length ? [{ title: words.fix, isPreferred: false, edits: [{ path: story.path, edits }] }] : [];
  // Or the work is not finished: reopen it, to the status Reopen Story chooses (not for a story done by its folder).
  const reopenTo = reopenStatus(ctx.config);
  const field = fieldOf(story, 'status');
  if (reopenTo !== undefined && field && !isDone({ path: story.path, status: reopenTo }, ctx.config)) {
    fixes.push(replaceValueFix(story, text, fieldRange(story, 'status'), reopenTo, `Reopen the story (status "${reopenTo}")`, false));
  }
  const status = story.status ? `"${story.status}"` : 'done (it is in the completed folder)';
  const count = `${open.length} of ${items.length} ${words.what} ${open.length === 1 ? 'is' : 'are'} not checked`;
  return [
    issue('done-with-open-criteria', 'warning', story, fieldRange(story, 'status'), `This story is ${status} but ${count}. Check them off if they are met, or reopen the story.`, {
      related: open.map((c) => ({ path: story.path, range: c.textRange, message: 'not checked' })),
      fixes,
    }),
  ];
}

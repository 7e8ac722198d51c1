import type { Fix } from '../model/issue';
import { turnOff, type StoryRule } from './rule';
import { linksToVision } from '../query/readiness';
import { isClosed } from '../config/workflow';
import { addFieldFix, fieldOf, issue, textOf } from './ruleHelpers';

// Only when a vision exists (missing-vision covers the other case); done and dropped stories are skipped.
// A story is linked when it, or its epic, names any goal (an unknown goal is unknown-vision-goal's business).


// Why at most 5 fixes: a quick-fix menu longer than that is read by nobody; the vision rarely has more goals.
const MAX_GOAL_FIXES = 5;

export const missingVisionLink: StoryRule<'missing-vision-link'> = {
  code: 'missing-vision-link',
  defaultSeverity: 'warning',
  title: 'Neither the story nor its epic links to a vision goal.',
  description: 'A story that serves no goal is hard to prioritise. Add `vision: <goal id>` to the story or to its epic. ' + turnOff('missing-vision-link'),
  invalidatedBy: ['referenced'],
  check(story, ctx) {
    const vision = ctx.vision();
    if (!vision || isClosed(story, ctx.config) || linksToVision(story, ctx)) return [];
    const text = ctx.text(story.path);
    const fixes: Fix[] = [];
    const existing = fieldOf(story, 'vision');
    for (const g of vision.goals.slice(0, MAX_GOAL_FIXES)) {
      const title = `Link to goal ${g.id}: ${g.title}`;
      if (!existing) {
        const f = addFieldFix(story, text, 'vision', g.id, title, false);
        if (f) fixes.push(f);
      } else if (isEmptyList(textOf(text, existing.valueRange))) {
        fixes.push({ title, isPreferred: false, edits: [{ path: story.path, edits: [{ range: existing.valueRange, newText: `[${g.id}]` }] }] });
      }
    }
    const subject =
      story.epic !== undefined ? 'Neither this story nor its epic links' : `This ${story.type === 'epic' ? 'epic' : 'story'} does not link`;
    return [
      issue(
        'missing-vision-link',
        'warning',
        story,
        story.titleRange,
        `${subject} to a vision goal, so it is unclear why it matters. Add \`vision:\` with a goal id from ${vision.path}.`,
        { fixes },
      ),
    ];
  },
};

// Why not /^\s*(\[\s*\])?\s*$/: with the brackets absent, its two `\s*` split a run of spaces in every way.
function isEmptyList(value: string): boolean {
  const t = value.trim();
  return t === '' || (t.startsWith('[') && t.endsWith(']') && t.slice(1, -1).trim() === '');
}

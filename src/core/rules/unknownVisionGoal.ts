import { quoteList, suggestNearestId } from '../config/suggestNearest';
import type { Issue } from '../model/issue';
import type { StoryRule } from './rule';
import { fieldOf, issue, replaceValueFix } from './ruleHelpers';

// Without a vision file every goal would be unknown; missing-vision reports that once instead.
export const unknownVisionGoal: StoryRule<'unknown-vision-goal'> = {
  code: 'unknown-vision-goal',
  defaultSeverity: 'error',
  title: 'The story names a vision goal that the vision does not define.',
  description: 'Use a goal id listed under `goals:` in the vision file, or add the goal there.',
  check(story, ctx) {
    const vision = ctx.vision();
    const loc = fieldOf(story, 'vision');
    if (!vision || !loc || !story.frontMatter) return [];
    const goals = vision.goals.map((g) => g.id);
    const known = new Set(goals.map((g) => g.toLowerCase()));
    const raw = story.frontMatter.data.vision;
    const items = Array.isArray(raw) ? raw : [raw];
    const out: Issue[] = [];
    items.forEach((item, i) => {
      const ref = typeof item === 'string' ? item.trim() : typeof item === 'number' ? String(item) : undefined;
      if (!ref || known.has(ref.toLowerCase())) return;
      const range = Array.isArray(raw) ? (loc.itemRanges?.[i] ?? loc.valueRange) : loc.valueRange;
      const near = suggestNearestId(ref, goals);
      const hint = near ? ` Did you mean "${near}"?` : goals.length ? ` Use one of ${quoteList(goals)}, or add the goal to ${vision.path}.` : ` Add goals to ${vision.path} first.`;
      out.push(
        issue('unknown-vision-goal', 'error', story, range, `Vision goal "${ref}" is not defined in ${vision.path}.${hint}`, {
          fixes: near ? [replaceValueFix(story, ctx.text(story.path), range, near, `Change goal to "${near}"`)] : [],
        }),
      );
    });
    return out;
  },
};

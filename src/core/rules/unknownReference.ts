import { quoteList, suggestNearestId } from '../config/suggestNearest';
import type { Issue } from '../model/issue';
import type { StoryRule } from './rule';
import { isMilestoneByName } from './milestoneByName';
import { fieldOf, issue, keyOf, replaceValueFix } from './ruleHelpers';
import { keysOfField } from '../model/fields';

// Ids compare case-insensitively, and in Backlog.md backlogs `task-24.1` names the same task as `BACK-24.1`
// (Backlog.md made its prefix configurable; old references keep the `task-` form). See ../index/idKey.ts.
// Milestones may be named by id or by title, as Backlog.md allows both. Ids and titles of files outside the story
// globs (archived tasks and milestones, docs, decisions) count as existing: archiving must not break references.

const asRef = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

export const unknownReference: StoryRule<'unknown-reference'> = {
  code: 'unknown-reference',
  defaultSeverity: 'error',
  title: 'epic, milestone or depends_on names something that does not exist.',
  description: 'The referenced story, epic or milestone id is not in the backlog. Fix the id, or create the missing item.',
  invalidatedBy: ['referenced'],
  check(story, ctx) {
    const fm = story.frontMatter;
    if (!fm) return [];
    const out: Issue[] = [];
    const epicKey = keyOf(story, ...keysOfField('epic'));
    if (story.epic !== undefined && epicKey && ctx.resolve(story.epic).length === 0 && !ctx.existsElsewhere(story.epic)) {
      const what = epicKey === 'epic' ? 'Epic' : 'Parent task';
      out.push(
        issue('unknown-reference', 'error', story, fieldOf(story, epicKey)!.valueRange, `${what} "${story.epic}" does not exist. Correct the id, create it, or remove \`${epicKey}\`.`),
      );
    }
    // In Backlog.md mode a free-text milestone is valid (milestone-by-name); a mistyped milestone id is still reported.
    const byName = ctx.config.backlogMd && story.milestone !== undefined && isMilestoneByName(story.milestone, ctx);
    if (story.milestone !== undefined && !byName && fieldOf(story, 'milestone') && !ctx.milestone(story.milestone) && !ctx.existsElsewhere(story.milestone)) {
      const range = fieldOf(story, 'milestone')!.valueRange;
      const ids = ctx.milestones().map((m) => m.id);
      const near = suggestNearestId(story.milestone, ids);
      const hint = near ? ` Did you mean "${near}"?` : ids.length ? ` Use one of ${quoteList(ids)}, or create the milestone file.` : ' Create the milestone file first.';
      out.push(
        issue('unknown-reference', 'error', story, range, `Milestone "${story.milestone}" does not exist.${hint}`, {
          fixes: near ? [replaceValueFix(story, ctx.text(story.path), range, near, `Change milestone to "${near}"`)] : [],
        }),
      );
    }
    const depKey = keyOf(story, ...keysOfField('depends_on'));
    if (depKey) {
      const raw = fm.data[depKey];
      const loc = fieldOf(story, depKey)!;
      const items = Array.isArray(raw) ? raw : [raw];
      items.forEach((item, i) => {
        const ref = asRef(item);
        if (ref === undefined || ctx.resolve(ref).length > 0 || ctx.existsElsewhere(ref)) return;
        const range = Array.isArray(raw) ? (loc.itemRanges?.[i] ?? loc.valueRange) : loc.valueRange;
        out.push(issue('unknown-reference', 'error', story, range, `Dependency "${ref}" does not exist. Correct the id or remove it from \`${depKey}\`.`));
      });
    }
    return out;
  },
};

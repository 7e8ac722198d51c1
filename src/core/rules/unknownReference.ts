import { quoteList, suggestNearestId } from '../config/suggestNearest';
import type { Issue } from '../model/issue';
import type { StoryRule } from './rule';
import { isMilestoneByName } from './milestoneByName';
import { fieldOf, issue, keyOf, replaceValueFix } from './ruleHelpers';

// Ids compare case-insensitively, and in Backlog.md backlogs `task-24.1` names the same task as `BACK-24.1`
// (Backlog.md made its prefix configurable; old references keep the `task-` form). See ../index/idKey.ts.
// Milestones may be named by id or by title, as Backlog.md allows both. Ids and titles of files outside the story
// globs (archived tasks and milestones, docs, decisions) count as existing: archiving must not break references.

const asRef = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() || undefined : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

export const unknownReference: StoryRule<'unknown-reference'> = {
  code: 'unknown-reference',
  defaultSeverity: 'error',
  title: 'A reference (epic, milestone, iteration or depends_on) names nothing that exists.',
  description: 'The referenced story, epic or milestone id is not in the backlog. Fix the id, or create the missing item.',
  invalidatedBy: ['referenced'],
  check(story, ctx) {
    const fm = story.frontMatter;
    if (!fm) return [];
    const out: Issue[] = [];
    const epicKey = keyOf(story, 'epic', 'parent_task_id', 'parent');
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
    // An iteration is optional: a story names one only when the team plans sprints, and then it must exist.
    if (story.iteration !== undefined && fieldOf(story, 'iteration') && !ctx.iteration(story.iteration) && !ctx.existsElsewhere(story.iteration)) {
      const range = fieldOf(story, 'iteration')!.valueRange;
      const ids = ctx.iterations().map((it) => it.id);
      const near = suggestNearestId(story.iteration, ids);
      const hint = near ? ` Did you mean "${near}"?` : ids.length ? ` Use one of ${quoteList(ids)}, or create the iteration file.` : ` Create the iteration file (${ctx.config.iterations}) first, or remove \`iteration\`.`;
      out.push(
        issue('unknown-reference', 'error', story, range, `Iteration "${story.iteration}" does not exist.${hint}`, {
          fixes: near ? [replaceValueFix(story, ctx.text(story.path), range, near, `Change iteration to "${near}"`)] : [],
        }),
      );
    }
    const depKey = keyOf(story, 'depends_on', 'dependencies');
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

import { staticPart } from '../load/backlogScope';
import type { Fix } from '../model/issue';
import { turnOff, type StoryRule } from './rule';
import { fieldOf, issue } from './ruleHelpers';

// Backlog.md accepts free-text milestones that no file defines (`milestone: Beta launch`, `milestone: 2.0.0`) and
// shows each with its progress; Rudder does too (on the roadmap, in the tree and in `rudder list`). Reported once per
// name, on the first story in backlog order that names it, as an info with a fix that creates the milestone file
// (which gives it dates). Native Rudder backlogs report such names as unknown-reference instead.
export const milestoneByName: StoryRule<'milestone-by-name'> = {
  code: 'milestone-by-name',
  defaultSeverity: 'info',
  title: 'A milestone is named in stories but no milestone file defines it (Backlog.md).',
  description: 'Backlog.md accepts free-text milestones and Rudder shows them by name, with their progress but without dates. Create the milestone file (the quick fix does) to give it a start and a due date. ' + turnOff('milestone-by-name'),
  invalidatedBy: ['same-milestone'],
  check(story, ctx) {
    const name = story.milestone;
    const loc = fieldOf(story, 'milestone');
    if (!ctx.config.backlogMd || name === undefined || !loc || !isMilestoneByName(name, ctx)) return [];
    if (ctx.storiesInMilestone(name)[0]?.path !== story.path) return [];
    const folder = milestonesFolder(ctx.config.milestones);
    const id = nextMilestoneId(ctx.milestones().map((m) => m.id));
    const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'milestone';
    const path = `${folder}${id} - ${slug}.md`;
    const text = `---\nid: ${id}\ntitle: ${JSON.stringify(name.trim())}\n---\n\n## Description\n\nMilestone: ${name.trim()}\n`;
    const fixes: Fix[] = [{ title: `Create the milestone file ${path}`, isPreferred: true, edits: [{ path, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] }] }];
    const count = ctx.storiesInMilestone(name).length;
    return [
      issue(
        'milestone-by-name',
        'info',
        story,
        loc.valueRange,
        `Milestone "${name.trim()}" has no milestone file: it is shown by name (${count} ${count === 1 ? 'story' : 'stories'}), without dates. Create the file to give it a start and a due date.`,
        { fixes },
      ),
    ];
  },
};

/**
 * Returns true when a milestone reference is a milestone by name: no milestone file (nor an archived one) has it as
 * id or title, and it does not look like a mistyped id of the milestone files' own kind (`m-9` beside m-6…m-8).
 */
export function isMilestoneByName(name: string, ctx: Pick<Parameters<StoryRule['check']>[1], 'milestone' | 'milestones' | 'existsElsewhere'>): boolean {
  if (ctx.milestone(name) || ctx.existsElsewhere(name)) return false;
  const m = /^([A-Za-z]+-)\d+$/.exec(name.trim());
  if (m && ctx.milestones().some((x) => x.id.toLowerCase().startsWith(m[1].toLowerCase()))) return false;
  return true;
}

/** Returns the folder (with a trailing '/') new milestone files go to: the static part of the milestones glob. */
function milestonesFolder(glob: string): string {
  const base = staticPart(glob);
  return base === '' || /\.md$/i.test(base) ? 'milestones/' : `${base}/`;
}

function nextMilestoneId(ids: readonly string[]): string {
  let max = -1;
  for (const id of ids) {
    const m = /^m-(\d+)$/i.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `m-${max + 1}`;
}

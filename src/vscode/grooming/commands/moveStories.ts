import { joinGroupPlan } from '../../../core/grooming/joinGroup';
import { mergeOrderEdits, moveStories as moveStoriesPlan } from '../../../core/grooming/reorderStories';
import type { MoveTarget } from '../../../core/grooming/reorderStories';
import type { FieldPlan } from '../../../core/grooming/setFields';
import type { Story } from '../../../core/model/story';
import type { GroupNode } from '../../backlogNodes';
import { GroomingTexts, planFresh } from '../applyGrooming';
import { applyEdits, applyOrder, NOTHING, tieNote } from '../commandHelpers';
import type { GroomingCommand, GroomingResult } from '../groomingCommand';
import type { GroomingTarget } from '../groomingTargets';

/** The arguments of `rudder.moveStories` (drag and drop, or a keybinding without a mouse). */
export interface MoveStoriesArgs {
  /** Where the stories go. */
  readonly target?: MoveTarget;
  /** Also put the stories into this tree group (sets status / epic / milestone, adds the goal). */
  readonly intoGroup?: { readonly groupBy: GroupNode['groupBy']; readonly key: string; readonly label?: string };
}

/** `rudder.moveStories`: reorder to `target` and/or move into `intoGroup`, as one edit. Hidden from the palette. */
export const moveStories: GroomingCommand<MoveStoriesArgs> = {
  id: 'rudder.moveStories',
  needsStory: true,
  async run(t) {
    const into = t.args.intoGroup;
    const group: GroupNode | undefined = into ? { kind: 'group', session: t.session, groupBy: into.groupBy, key: into.key.toLowerCase(), label: into.label ?? into.key } : undefined;
    const extra = group
      ? (texts: GroomingTexts) =>
          joinGroupPlan(
            t.session.index,
            { grouping: group.groupBy, key: group.key, label: group.label },
            t.paths.map((p) => texts.story(p)).filter((s): s is Story => s !== undefined),
            texts.text,
          )
      : undefined;
    if (t.args.target) return moveTo(t, t.args.target, extra);
    if (!extra) return NOTHING;
    const texts = new GroomingTexts(t.session);
    await texts.refresh(t.paths);
    const plan = extra(texts);
    return applyEdits(t.session, plan.edits, `Move to ${group!.label}`, plan.skipped, { subjects: t.paths });
  },
};

/** Returns the result of moving the stories to `target`, with the field edits of `extraEdits` chained into the same files. */
async function moveTo(t: GroomingTarget, target: MoveTarget, extraEdits?: (texts: GroomingTexts) => FieldPlan): Promise<GroomingResult> {
  const { session } = t;
  const texts = new GroomingTexts(session);
  const plan = await planFresh(texts, t.paths, () => moveStoriesPlan(session.index.stories(), t.paths, target, session.index.config, texts.text), (p) => p.edits.map((e) => e.path));
  if (!extraEdits) return applyOrder(session, plan, 'Move', t.paths);
  // Field changes (a drop into a group) and new ranks of one file become one chained edit.
  const fields = extraEdits(texts);
  const merged = mergeOrderEdits(fields.edits, plan, texts.text);
  return applyEdits(session, merged, 'Move', [...fields.skipped, ...plan.skipped], { subjects: t.paths, note: tieNote(session, plan.edits, t.paths) });
}

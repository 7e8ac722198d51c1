import { reopenPlan } from '../../../core/grooming/reopenStory';
import { GroomingTexts } from '../applyGrooming';
import { applyEdits, refuse, storiesOf } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.reopenStory`. */
export interface ReopenStoryArgs {
  /** The open status to go back to; without it, the workflow's ready status (or the open status before done). */
  readonly value?: string;
}

/** `rudder.reopenStory`: sets a done or dropped story (or the closed ones of a selection) back to an open status, as one undoable edit. */
export const reopenStory: GroomingCommand<ReopenStoryArgs> = {
  id: 'rudder.reopenStory',
  needsStory: true,
  async run(t) {
    if (t.args.value !== undefined && typeof t.args.value !== 'string') return refuse(`the status to reopen to must be a name, not ${JSON.stringify(t.args.value)}`);
    const texts = new GroomingTexts(t.session);
    await texts.refresh(t.paths);
    const plan = reopenPlan(storiesOf(t, texts), t.session.index.config, texts.text, t.args.value);
    if (plan.edits.length === 0 && plan.skipped.length === 0 && plan.refused.length) return { ...refuse(plan.refused[0].reason), refused: plan.refused };
    const result = await applyEdits(t.session, plan.edits, 'Reopen story', plan.skipped);
    return { ...result, status: plan.status, refused: plan.refused };
  },
};

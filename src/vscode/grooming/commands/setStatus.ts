import { setFields, NOTHING, pickOne, storiesOf } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.setStatus`. */
export interface SetStatusArgs {
  /** The new status ('' or null removes it); without it, a quick pick of the workflow's statuses. */
  readonly value?: string | null;
}

/** `rudder.setStatus`: sets the status of the story, or of every selected story. */
export const setStatus: GroomingCommand<SetStatusArgs> = {
  id: 'rudder.setStatus',
  needsStory: true,
  async run(t) {
    const cfg = t.session.index.config;
    const v = await pickOne(t, 'Set Status', cfg.statuses.map((s) => ({ label: s, value: s, description: s === cfg.readyStatus ? 'Definition of Ready applies' : undefined })), storiesOf(t)[0]?.status);
    if (v === undefined) return NOTHING;
    return setFields(t, { status: v === '' ? null : (v as string) }, 'Set status');
  },
};

import { setFields, NOTHING, pickOne, storiesOf } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.setPriority`. */
export interface SetPriorityArgs {
  /** The new priority ('' or null removes it); without it, a quick pick of the configured priorities. */
  readonly value?: string | null;
}

/** `rudder.setPriority`: sets the priority of the story, or of every selected story. */
export const setPriority: GroomingCommand<SetPriorityArgs> = {
  id: 'rudder.setPriority',
  needsStory: true,
  async run(t) {
    const cfg = t.session.index.config;
    const v = await pickOne(t, 'Set Priority', [...cfg.priorities.map((p) => ({ label: p, value: p })), { label: '$(close) No priority', value: null }], storiesOf(t)[0]?.priority);
    if (v === undefined) return NOTHING;
    return setFields(t, { priority: v === '' ? null : v }, 'Set priority');
  },
};

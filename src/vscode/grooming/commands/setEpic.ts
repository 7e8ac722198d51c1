import { keyFor } from '../../../core/grooming/fieldKeys';
import { NOTHING, pickOne, setFields, storiesOf } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.setEpic`. */
export interface SetEpicArgs {
  /** The epic's id ('' or null removes it); without it, a quick pick of the backlog's epics. */
  readonly value?: string | null;
}

/** `rudder.setEpic`: sets the epic of the story, or of every selected story (under the key they already use: `parent_task_id`, `parent`). */
export const setEpic: GroomingCommand<SetEpicArgs> = {
  id: 'rudder.setEpic',
  needsStory: true,
  async run(t) {
    const index = t.session.index;
    const epics = index.stories().filter((s) => s.type === 'epic' && s.id !== undefined && !t.paths.includes(s.path));
    const v = await pickOne(t, 'Set Epic', [...epics.map((e) => ({ label: e.title, description: e.id, value: e.id! })), { label: '$(close) No epic', value: null }], storiesOf(t)[0]?.epic);
    if (v === undefined) return NOTHING;
    return setFields(t, { [keyFor(storiesOf(t), 'epic')]: v === '' ? null : v }, 'Set epic');
  },
};

import { NOTHING, pickOne, setFields, storiesOf } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.setMilestone` (the roadmap's drag runs it too). */
export interface SetMilestoneArgs {
  /** The milestone's id ('' or null removes it); without it, a quick pick of the milestones. */
  readonly value?: string | null;
}

/** `rudder.setMilestone`: sets the milestone of the story, or of every selected story. */
export const setMilestone: GroomingCommand<SetMilestoneArgs> = {
  id: 'rudder.setMilestone',
  needsStory: true,
  async run(t) {
    const ms = t.session.index.allMilestones();
    const v = await pickOne(t, 'Set Milestone', [...ms.map((m) => ({ label: m.title, description: [m.id, m.due && `due ${m.due}`].filter(Boolean).join(' · '), value: m.id })), { label: '$(close) No milestone', value: null }], storiesOf(t)[0]?.milestone);
    if (v === undefined) return NOTHING;
    return setFields(t, { milestone: v === '' ? null : v }, 'Set milestone');
  },
};

import { editList, refuse } from '../commandHelpers';
import type { ListArgs } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.linkVision`: the complete list of goal ids, or goals to add / remove. */
export type LinkVisionArgs = ListArgs;

/** `rudder.linkVision`: links the story, or every selected story, to vision goals (`vision:`). */
export const linkVision: GroomingCommand<LinkVisionArgs> = {
  id: 'rudder.linkVision',
  needsStory: true,
  async run(t) {
    const goals = t.session.index.vision()?.goals ?? [];
    if (!goals.length && t.args.value === undefined && !t.args.add) return refuse('the vision has no goals to link to (add them to the vision file)');
    return editList(t, 'vision', (s) => s.vision, goals.map((g) => ({ label: g.title, description: g.id, value: g.id })), 'Link Vision Goals');
  },
};

import { editList } from '../commandHelpers';
import type { ListArgs } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.addDependency`: the complete list of story ids, or ids to add / remove. */
export type AddDependencyArgs = ListArgs;

/** `rudder.addDependency`: sets what the story, or every selected story, depends on (`depends_on:`, or Backlog.md's `dependencies:`). */
export const addDependency: GroomingCommand<AddDependencyArgs> = {
  id: 'rudder.addDependency',
  needsStory: true,
  async run(t) {
    const others = t.session.index.stories().filter((s) => s.id !== undefined && !t.paths.includes(s.path) && s.type !== 'epic');
    return editList(t, 'depends_on', (s) => s.dependsOn, others.map((s) => ({ label: s.title, description: [s.id, s.status].filter(Boolean).join(' · '), value: s.id! })), 'Dependencies');
  },
};

import { moveSelection } from '../../../core/grooming/reorderStories';
import type { MoveDirection } from '../../../core/grooming/reorderStories';
import { GroomingTexts, planFresh } from '../applyGrooming';
import { applyOrder } from '../commandHelpers';
import type { GroomingCommand, GroomingResult } from '../groomingCommand';
import { storiesOfGroup } from '../groomingTargets';
import type { GroomingTarget } from '../groomingTargets';

// Why one file for four commands: they are one command in four directions — the same (no) arguments, the same
// handler, one word apart. Four files would repeat the same lines and hide that.

/** Returns the result of moving the target's stories one step or to an end, inside their tree group when grouped. */
async function move(t: GroomingTarget, direction: MoveDirection): Promise<GroomingResult> {
  const { session } = t;
  const texts = new GroomingTexts(session);
  const group = t.group ? storiesOfGroup(session, t.group) : undefined;
  const plan = await planFresh(texts, t.paths, () => moveSelection(session.index.stories(), t.paths, direction, session.index.config, texts.text, group), (p) => p.edits.map((e) => e.path));
  return applyOrder(session, plan, `Move ${direction}`, t.paths);
}

/** `rudder.moveUp`: the story (or the selected block) goes before the one above. */
export const moveUp: GroomingCommand = { id: 'rudder.moveUp', needsStory: true, run: (t) => move(t, 'up') };

/** `rudder.moveDown`: the story (or the selected block) goes after the one below. */
export const moveDown: GroomingCommand = { id: 'rudder.moveDown', needsStory: true, run: (t) => move(t, 'down') };

/** `rudder.moveToTop`: to the top of the backlog, or of its tree group. */
export const moveToTop: GroomingCommand = { id: 'rudder.moveToTop', needsStory: true, run: (t) => move(t, 'top') };

/** `rudder.moveToBottom`: after the last ranked story of the backlog, or of its tree group. */
export const moveToBottom: GroomingCommand = { id: 'rudder.moveToBottom', needsStory: true, run: (t) => move(t, 'bottom') };

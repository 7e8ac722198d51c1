import type { GroomingCommand } from '../groomingCommand';

/** `rudder.undoLastAction`: reverts Rudder's last action in every file it touched (the status bar's "… · Undo", Ctrl+Z in Rudder's views). */
export const undoLastAction: GroomingCommand = {
  id: 'rudder.undoLastAction',
  needsStory: false,
  run: (_t, state) => state.lastAction.undo(),
};

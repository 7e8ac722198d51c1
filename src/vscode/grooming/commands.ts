import * as vscode from 'vscode';
import type { BacklogNode } from '../backlogNodes';
import type { BacklogSessions } from '../backlogSessions';
import { saveUndoneGroomingFiles } from './applyGrooming';
import { NOTHING } from './commandHelpers';
import { addDependency } from './commands/addDependency';
import { archiveDone } from './commands/archiveDone';
import { estimate } from './commands/estimate';
import { linkVision } from './commands/linkVision';
import { markReady } from './commands/markReady';
import { moveStories } from './commands/moveStories';
import { moveDown, moveToBottom, moveToTop, moveUp } from './commands/moves';
import { newEpic, newMilestone, newStory } from './commands/newItem';
import { nextToGroom } from './commands/nextToGroom';
import { planIteration } from './commands/planIteration';
import { rebalanceRanks } from './commands/rebalanceRanks';
import { reopenStory } from './commands/reopenStory';
import { rerankByScore } from './commands/rerankByScore';
import { setEpic } from './commands/setEpic';
import { setMilestone } from './commands/setMilestone';
import { setPriority } from './commands/setPriority';
import { setStatus } from './commands/setStatus';
import { setValue } from './commands/setValue';
import { splitStory } from './commands/splitStory';
import { undoLastAction } from './commands/undoLastAction';
import type { GroomingCommand, GroomingResult } from './groomingCommand';
import { GroomingState } from './groomingState';
import { resolveTarget } from './groomingTargets';

/**
 * Every grooming command, one line each (listed as in docs/grooming.md; the order changes nothing). A command is its
 * file under `commands/`, its line here and its contribution in package.json; `test/unit/contributions.test.ts`
 * reads this list.
 */
export const GROOMING_COMMANDS: readonly GroomingCommand[] = [
  moveUp,
  moveDown,
  moveToTop,
  moveToBottom,
  setStatus,
  setPriority,
  estimate,
  setValue,
  linkVision,
  setEpic,
  setMilestone,
  addDependency,
  markReady,
  reopenStory,
  splitStory,
  newStory,
  newEpic,
  newMilestone,
  rerankByScore,
  planIteration,
  rebalanceRanks,
  nextToGroom,
  archiveDone,
  moveStories,
  undoLastAction,
];

/** Registers every grooming command (category "Rudder") and the grooming state (ids, queue, last action, context keys); returns their disposable and the state. */
export function registerGrooming(context: vscode.ExtensionContext, sessions: BacklogSessions, treeView?: vscode.TreeView<BacklogNode>): vscode.Disposable & { readonly state: GroomingState } {
  const state = new GroomingState(context, sessions);
  const all = vscode.Disposable.from(state, saveUndoneGroomingFiles(), ...GROOMING_COMMANDS.map((command) => register(command, sessions, state, treeView)));
  return { state, dispose: () => all.dispose() };
}

/**
 * Registers one command: resolves what it acts on from what VS Code passed (tree rows, a URI, explicit arguments, or
 * the active editor), says so when there is no backlog or no story, and runs it once the backlog has loaded.
 */
function register(command: GroomingCommand, sessions: BacklogSessions, state: GroomingState, treeView?: vscode.TreeView<BacklogNode>): vscode.Disposable {
  return vscode.commands.registerCommand(command.id, async (a?: unknown, b?: unknown): Promise<GroomingResult> => {
    const target = resolveTarget(sessions, a, b, treeView);
    if (!target) {
      void vscode.window.showInformationMessage('Rudder: this workspace has no backlog.');
      return { ...NOTHING, reason: 'no backlog' };
    }
    if (command.needsStory && target.paths.length === 0 && !target.groupNode) {
      if (!target.explicit) void vscode.window.showInformationMessage('Rudder: open a story, or select stories in the Backlog view.');
      return { ...NOTHING, reason: 'no story' };
    }
    await target.session.loader.ready;
    return command.run(target, state);
  });
}

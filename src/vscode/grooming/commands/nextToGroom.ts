import * as vscode from 'vscode';
import { nextToGroom as nextInQueue } from '../../../core/grooming/groomingQueue';
import type { BacklogSession } from '../../backlogSessions';
import { ruleTitle } from '../../../core/rules/rules';
import { NOTHING, open } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** `rudder.nextToGroom`: opens the next story of the grooming queue (by severity, then rank; after `path`, the active story, or the one it opened last) at its first issue, and says why. Writes nothing. */
export const nextToGroom: GroomingCommand = {
  id: 'rudder.nextToGroom',
  needsStory: false,
  async run(t, state) {
    const { session } = t;
    const active = vscode.window.activeTextEditor?.document.uri;
    const activePath = active && session.storyAt(active) ? session.toPath(active) : undefined;
    const path = t.args.path ?? activePath ?? state.lastGroomed?.path;
    // The tier the story was in when this command opened it: fixing its error must not skip the errors below it.
    const current = path === undefined ? undefined : { path, severity: path === state.lastGroomed?.path ? state.lastGroomed.severity : undefined };
    let item = nextInQueue(session.index, current);
    // A story whose file was deleted a moment ago (before the watcher told the index) is dropped and skipped.
    while (item && !(await exists(session, item.story.path))) {
      session.index.remove(item.story.path);
      item = nextInQueue(session.index, current);
    }
    if (!item) {
      void vscode.window.showInformationMessage('Rudder: nothing to groom — no story has issues.');
      return NOTHING;
    }
    state.lastGroomed = { path: item.story.path, severity: item.severity };
    await open(session, item.story.path, item.issues[0].range);
    // Says why this one: the order is by severity, then rank, and a jump down the backlog needs a reason.
    const label = item.story.id ?? item.story.title;
    if (!t.explicit) void vscode.window.showInformationMessage(`Rudder: ${label} — ${ruleTitle(item.issues[0].code)}. ${item.why}.`);
    return { applied: false, paths: [], path: item.story.path, code: item.issues[0].code, why: item.why };
  },
};

/** Returns true when the file of `path` is open in an editor or exists on disk. */
async function exists(session: BacklogSession, path: string): Promise<boolean> {
  const uri = session.toUri(path);
  if (vscode.workspace.textDocuments.some((d) => !d.isClosed && d.uri.toString() === uri.toString())) return true;
  return session.loader.exists(path);
}

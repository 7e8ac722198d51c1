import * as vscode from 'vscode';
import { archiveDone as archivePlan } from '../../../core/grooming/archiveDone';
import { applyGrooming } from '../applyGrooming';
import { NOTHING } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.archiveDone` (besides `path`/`paths`/`uri`/`uris`: archive only those). */
export interface ArchiveDoneArgs {
  /** Skip the confirmation. */
  readonly confirm?: boolean;
}

/** `rudder.archiveDone`: renames done stories (all, or the given / selected ones) into `<backlog>/archive/…`, after a confirmation. */
export const archiveDone: GroomingCommand<ArchiveDoneArgs> = {
  id: 'rudder.archiveDone',
  needsStory: false,
  async run(t) {
    const { session } = t;
    // Explicit paths or a multi-selection archive those (when done); otherwise every done story.
    const only = t.args.path || t.args.paths || t.args.uri || t.args.uris || t.paths.length > 1 ? t.paths : undefined;
    const renames = archivePlan(session.index, only);
    if (renames.length === 0) {
      if (!t.explicit) void vscode.window.showInformationMessage('Rudder: no done stories to archive.');
      return NOTHING;
    }
    if (!t.args.confirm) {
      const go = await vscode.window.showWarningMessage(`Move ${renames.length} done stor${renames.length === 1 ? 'y' : 'ies'} to the archive folder?`, { modal: true }, 'Archive');
      if (go !== 'Archive') return { ...NOTHING, reason: 'cancelled' };
    }
    const ok = await applyGrooming(session, [], renames, 'Archive done stories');
    return { applied: ok, paths: renames.map((r) => r.to), renames };
  },
};

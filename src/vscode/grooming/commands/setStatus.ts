import * as vscode from 'vscode';
import { isDoneStatus } from '../../../core/config/workflow';
import { openDefinitionOfDoneNote } from '../../../core/query/checklists';
import { setFields, NOTHING, open, pickOne, storiesOf } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.setStatus`. */
export interface SetStatusArgs {
  /** The new status ('' or null removes it); without it, a quick pick of the workflow's statuses. */
  readonly value?: string | null;
}

/** `rudder.setStatus`: sets the status of the story, or of every selected story. */
export const setStatus: GroomingCommand<SetStatusArgs> = {
  id: 'rudder.setStatus',
  needsStory: true,
  async run(t) {
    const cfg = t.session.index.config;
    const v = await pickOne(t, 'Set Status', cfg.statuses.map((s) => ({ label: s, value: s, description: s === cfg.readyStatus ? 'Definition of Ready applies' : undefined })), storiesOf(t)[0]?.status);
    if (v === undefined) return NOTHING;
    const result = await setFields(t, { status: v === '' ? null : (v as string) }, 'Set status');
    if (!result.applied || typeof v !== 'string' || !isDoneStatus(v, cfg)) return result;
    // Done by a command: say which Definition of Done items nobody has checked yet (the status is set anyway).
    const stories = storiesOf(t);
    const note = openDefinitionOfDoneNote(stories);
    if (!note) return result;
    const first = stories.find((s) => s.definitionOfDone?.items.some((c) => c.checked === false));
    void vscode.window.showInformationMessage(`Rudder: set to "${v}". ${note}`, 'Open').then((pick) => {
      if (pick && first?.definitionOfDone) void open(t.session, first.path, first.definitionOfDone.headingRange);
    });
    return { ...result, openDefinitionOfDone: note };
  },
};

import * as vscode from 'vscode';
import { newItem } from '../../../core/grooming/newItem';
import type { NewItemKind, NewItemPosition } from '../../../core/grooming/newItem';
import { applyGrooming } from '../applyGrooming';
import { NOTHING, open } from '../commandHelpers';
import type { GroomingCommand, GroomingResult } from '../groomingCommand';
import type { GroomingState } from '../groomingState';
import type { GroomingTarget } from '../groomingTargets';
import { localDateTime } from '../../../core/roadmap/roadmapDates';

// Why one file for three commands: New Story, New Epic and New Milestone are one command on three kinds of item —
// the same arguments, the same handler, one word apart (`newItem` in the core makes all three).

/** The arguments of `rudder.newStory`, `rudder.newEpic` and `rudder.newMilestone`. */
export interface NewItemArgs {
  /** The title; without it, an input box. */
  readonly title?: string;
  /** Where a new story or epic goes (milestones have no rank); without it, a quick pick. */
  readonly position?: NewItemPosition;
}

/** Returns the result of creating a story, epic or milestone with a fresh id (opened with the cursor on its title unless run with explicit arguments). */
async function create(t: GroomingTarget<NewItemArgs>, state: GroomingState, kind: NewItemKind): Promise<GroomingResult> {
  const { session } = t;
  const noun = kind === 'story' ? 'Story' : kind === 'epic' ? 'Epic' : 'Milestone';
  let title = t.args.title;
  if (title === undefined) {
    title = await vscode.window.showInputBox({ title: `New ${noun}`, prompt: 'Title', validateInput: (s) => (s.trim() ? undefined : 'A title, please') });
    if (!title) return NOTHING;
  }
  let position: NewItemPosition | undefined = t.args.position;
  if (position === undefined && kind !== 'milestone') {
    const selected = t.paths.length ? session.index.story(t.paths[t.paths.length - 1]) : undefined;
    const picked = await vscode.window.showQuickPick(
      [
        { label: '$(arrow-up) Top of the backlog', position: 'top' as NewItemPosition },
        { label: '$(arrow-down) Bottom of the backlog', position: 'bottom' as NewItemPosition },
        ...(selected ? [{ label: `$(arrow-right) After ${selected.id ?? ''} ${selected.title}`, position: { after: selected.path } as NewItemPosition }] : []),
      ],
      { title: `New ${noun}: where does "${title}" go?` },
    );
    if (!picked) return NOTHING;
    position = picked.position;
  }
  const eol = vscode.workspace.getConfiguration('files', session.root).get<string>('eol') === '\r\n' ? '\r\n' : '\n';
  const plan = newItem(session.index, { kind, title: title.trim(), position, ...state.idOptions(session), eol, now: localDateTime(new Date()) });
  const ok = await applyGrooming(session, plan.edits, [], `New ${noun}`);
  if (!ok) return { applied: false, paths: [] };
  await state.rememberIds(session, [plan.id]);
  if (!t.explicit) await open(session, plan.path, plan.titleRange);
  return { applied: true, paths: [plan.path], id: plan.id, path: plan.path };
}

/** `rudder.newStory`: a new story at the top, the bottom, or after the selected story. */
export const newStory: GroomingCommand<NewItemArgs> = { id: 'rudder.newStory', needsStory: false, run: (t, state) => create(t, state, 'story') };

/** `rudder.newEpic`: a new epic, placed like a story, with the epics' id prefix. */
export const newEpic: GroomingCommand<NewItemArgs> = { id: 'rudder.newEpic', needsStory: false, run: (t, state) => create(t, state, 'epic') };

/** `rudder.newMilestone`: a new milestone file (no rank). */
export const newMilestone: GroomingCommand<NewItemArgs> = { id: 'rudder.newMilestone', needsStory: false, run: (t, state) => create(t, state, 'milestone') };

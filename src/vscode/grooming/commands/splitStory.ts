import * as vscode from 'vscode';
import { splitStory as splitStoryPlan } from '../../../core/grooming/splitStory';
import { applyGrooming, GroomingTexts } from '../applyGrooming';
import { NOTHING, open, refuse } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';
import { localDateTime } from '../../../core/roadmap/roadmapDates';

/** The arguments of `rudder.splitStory`. */
export interface SplitStoryArgs {
  /** Indexes (0-based) of the acceptance criteria that move to the new story; without them, a multi-select quick pick. */
  readonly criteria?: readonly number[];
  /** The new story's title; without it, an input box. */
  readonly title?: string;
}

/** `rudder.splitStory`: moves picked acceptance criteria into a new story ranked right after the original, as one edit of both files. */
export const splitStory: GroomingCommand<SplitStoryArgs> = {
  id: 'rudder.splitStory',
  needsStory: true,
  async run(t, state) {
    const { session } = t;
    const texts = new GroomingTexts(session);
    await texts.refresh(t.paths);
    const story = texts.story(t.paths[0]);
    if (!story) return NOTHING;
    const items = story.acceptanceCriteria?.items ?? [];
    let criteria = t.args.criteria;
    if (!criteria) {
      if (items.length === 0) return refuse(`${story.id ?? story.title} has no acceptance criteria to split`);
      const picked = await vscode.window.showQuickPick(
        items.map((c, i) => ({ label: c.text, description: c.checked ? 'done' : undefined, index: i })),
        { title: `Split ${story.id ?? story.title}: pick the criteria that move to a new story`, canPickMany: true },
      );
      if (!picked || picked.length === 0) return NOTHING;
      criteria = picked.map((p) => p.index);
    }
    let title = t.args.title;
    if (title === undefined) {
      title = await vscode.window.showInputBox({ title: `Split ${story.id ?? story.title}: title of the new story`, value: `${story.title} (part 2)`, validateInput: (s) => (s.trim() ? undefined : 'A title, please') });
      if (!title) return NOTHING;
    }
    const plan = splitStoryPlan(story, session.index, texts.text, { criteria, title: title.trim(), ...state.idOptions(session), now: localDateTime(new Date()) });
    if (!plan) return NOTHING;
    const ok = await applyGrooming(session, plan.edits, [], 'Split', { subjects: [story.path], note: `new story ${plan.id}` });
    if (!ok) return { applied: false, paths: [] };
    await state.rememberIds(session, [plan.id]);
    if (!t.explicit) await open(session, plan.path, plan.titleRange);
    return { applied: true, paths: plan.edits.map((e) => e.path), id: plan.id, path: plan.path };
  },
};

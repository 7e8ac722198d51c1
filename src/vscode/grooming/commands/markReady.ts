import * as vscode from 'vscode';
import { markReady as markReadyPlan } from '../../../core/grooming/markReady';
import type { ReadyRemedy } from '../../../core/grooming/markReady';
import type { FileEdit } from '../../../core/model/range';
import type { Story } from '../../../core/model/story';
import type { BacklogSession } from '../../backlogSessions';
import { applyGrooming, GroomingTexts } from '../applyGrooming';
import { open } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** `rudder.markReady`: sets the ready status where the Definition of Ready holds; says what is missing elsewhere, with a button per remedy. */
export const markReady: GroomingCommand = {
  id: 'rudder.markReady',
  needsStory: true,
  async run(t) {
    const texts = new GroomingTexts(t.session);
    await texts.refresh(t.paths);
    const failures: { path: string; checks: string[] }[] = [];
    const edits: FileEdit[] = [];
    for (const path of t.paths) {
      const story = texts.story(path);
      if (!story) continue;
      const plan = markReadyPlan(story, t.session.index, texts.text);
      if (plan.ready) edits.push(...plan.edits);
      else failures.push({ path, checks: plan.failures.map((f) => f.check) });
      if (!plan.ready && !t.explicit) void explainNotReady(t.session, story, plan.failures);
    }
    const applied = edits.length ? await applyGrooming(t.session, edits, [], 'Mark ready') : false;
    return { applied, paths: edits.map((e) => e.path), failures };
  },
};

/** Shows why a story is not ready, with a button per remedy; resolves once the chosen remedy ran (or none was chosen). */
async function explainNotReady(session: BacklogSession, story: Story, failures: readonly { message: string; remedy?: ReadyRemedy }[]): Promise<void> {
  const remedies = failures.map((f) => f.remedy).filter((r): r is ReadyRemedy => r !== undefined);
  const choice = await vscode.window.showWarningMessage(
    `${story.id ?? story.title} is not ready: ${failures.map((f) => f.message).join('; ')}.`,
    ...remedies.map((r) => r.title),
  );
  const remedy = remedies.find((r) => r.title === choice);
  if (!remedy) return;
  if (remedy.kind === 'command') {
    await vscode.commands.executeCommand(remedy.command, { uri: session.toUri(story.path) });
    return;
  }
  if (remedy.kind === 'edit') {
    if (!(await applyGrooming(session, remedy.edits, [], remedy.title))) return;
    await open(session, remedy.path, remedy.select);
    return;
  }
  await open(session, remedy.path, remedy.range);
}

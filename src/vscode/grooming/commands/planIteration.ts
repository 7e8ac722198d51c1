import * as vscode from 'vscode';
import { planIteration as planIterationPlan, type IterationPlan } from '../../../core/grooming/planIteration';
import { plural } from '../../../core/model/plural';
import type { Iteration } from '../../../core/model/story';
import { pointsLabel } from '../../../core/query/counts';
import { currentIteration, iterationLoad } from '../../../core/query/iterations';
import { localIsoDate } from '../../../core/roadmap/roadmapDates';
import { GroomingTexts, planFresh } from '../applyGrooming';
import { applyEdits, confirmPreview, NOTHING, refuse } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.planIteration`. */
export interface PlanIterationArgs {
  /** The iteration (id or title); without it, a quick pick with the current one first. */
  readonly iteration?: string;
  /** The points to fill; without it, the iteration's capacity (or a prompt when it has none). */
  readonly capacity?: number;
  /** The day Next Up is computed for (YYYY-MM-DD); default today. */
  readonly today?: string;
  /** Skip the preview. */
  readonly confirm?: boolean;
}

/**
 * `rudder.planIteration`: proposes the top of Next Up (ready, unblocked stories in no iteration yet) up to what is
 * left of the iteration's capacity, in a preview, then writes `iteration:` on them as one undoable edit.
 */
export const planIteration: GroomingCommand<PlanIterationArgs> = {
  id: 'rudder.planIteration',
  needsStory: false,
  async run(t) {
    const { session } = t;
    const index = session.index;
    if (index.iterations().length === 0) return refuse(`this backlog has no iterations: add one as a file under ${index.config.iterations} (id, title, start, end, capacity)`);
    const today = t.args.today ?? localIsoDate(new Date());
    let it: Iteration | undefined;
    if (t.args.iteration !== undefined) {
      it = index.iteration(t.args.iteration);
      if (!it) return refuse(`no iteration "${t.args.iteration}" (the iterations are ${index.iterations().map((i) => i.id).join(', ')})`);
    } else {
      const current = currentIteration(index, today);
      const ordered = [...(current ? [current] : []), ...index.iterations().filter((i) => i !== current)];
      const picked = await vscode.window.showQuickPick(
        ordered.map((i) => {
          const load = iterationLoad(index, i);
          const cap = load.capacity.points === undefined ? 'no capacity' : `${load.committed} of ${pointsLabel(load.capacity.points)} committed`;
          return { label: i.title, description: [i.id, i === current ? 'current' : undefined, [i.start, i.end].filter(Boolean).join(' → '), cap].filter(Boolean).join(' · '), iteration: i };
        }),
        { title: 'Plan Iteration', placeHolder: 'Which iteration to fill from Next Up?' },
      );
      if (!picked) return NOTHING;
      it = picked.iteration;
    }
    let capacity = t.args.capacity;
    if (capacity === undefined && iterationLoad(index, it).capacity.points === undefined) {
      if (t.explicit) return refuse(`${it.id} has no capacity: set \`capacity\` in its file, or \`velocity\` in .rudder.yml`);
      const typed = await vscode.window.showInputBox({
        title: `Plan ${it.title}: capacity`,
        prompt: `${it.id} has no capacity (no \`capacity\` in its file, no \`velocity\` in .rudder.yml). How many points does the team commit to?`,
        validateInput: (v) => (v.trim() !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 ? undefined : 'A number of points, 0 or more'),
      });
      if (typed === undefined) return NOTHING;
      capacity = Number(typed);
    }
    const texts = new GroomingTexts(session);
    const chosen = it;
    const plan = await planFresh(texts, [], () => planIterationPlan(index, chosen, { today, capacity }, texts.text), (p) => p?.edits.map((e) => e.path) ?? []);
    if (!plan) return refuse(`${it.id} has no capacity`);
    const paths = plan.proposed.map((s) => s.path);
    const summary = { iteration: it.id, proposed: paths, committed: plan.committed, capacity: plan.capacity, proposedPoints: plan.proposedPoints };
    if (plan.proposed.length === 0) {
      if (!t.explicit) void vscode.window.showInformationMessage(`Rudder: nothing to add to ${it.title}: ${plan.committed >= plan.capacity ? `it is full (${plan.committed} of ${pointsLabel(plan.capacity)} committed)` : 'no ready, unblocked story in no iteration fits what is left'}.`);
      return { ...NOTHING, ...summary };
    }
    if (!t.args.confirm && !(await previewPlan(plan))) return { ...NOTHING, reason: 'cancelled', ...summary };
    const result = await applyEdits(session, plan.edits, `Plan ${it.id}`, plan.skipped, { subjects: paths });
    return { ...result, ...summary };
  },
};

/** Shows the proposed stories with Accept / Cancel; resolves true on Accept. */
function previewPlan(plan: IterationPlan): Promise<boolean> {
  const total = Math.round((plan.committed + plan.proposedPoints) * 100) / 100;
  const rest = [plan.left.length ? `${plural(plan.left.length, 'story', 'stories')} did not fit` : '', plan.unestimated.length ? `${plan.unestimated.length} without an estimate` : ''].filter(Boolean).join(', ');
  return confirmPreview({
    title: `Plan ${plan.iteration.title}: ${plural(plan.proposed.length, 'story', 'stories')}, ${pointsLabel(plan.proposedPoints)} — ${total} of ${pointsLabel(plan.capacity)} committed after this`,
    placeholder: `Accept to set iteration: ${plan.iteration.id} on these stories (one edit, undoable), or Cancel`,
    acceptLabel: `$(check) Accept — write ${plural(plan.edits.length, 'file')}`,
    rows: [
      { label: 'Proposed, from Next Up', kind: vscode.QuickPickItemKind.Separator },
      ...plan.proposed.map((s) => ({ label: s.title, description: [s.id, s.estimate !== undefined ? `${s.estimate} pts` : undefined, s.milestone].filter(Boolean).join(' · ') })),
      ...(rest ? [{ label: `Left out: ${rest}`, kind: vscode.QuickPickItemKind.Separator }] : []),
      ...plan.left.map((s) => ({ label: `$(circle-slash) ${s.title}`, description: [s.id, `${s.estimate} pts`, 'does not fit'].filter(Boolean).join(' · ') })),
    ],
  });
}

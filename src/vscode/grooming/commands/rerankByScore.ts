import * as vscode from 'vscode';
import { rerankByScore as rerankPlan } from '../../../core/grooming/rerankByScore';
import type { RerankPlan } from '../../../core/grooming/rerankByScore';
import { plural } from '../../../core/model/plural';
import { GroomingTexts, planFresh } from '../applyGrooming';
import { applyOrder, confirmPreview, NOTHING, SCORE_MODELS } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';
import { storiesOfGroup } from '../groomingTargets';

/** The arguments of `rudder.rerankByScore`. */
export interface RerankByScoreArgs {
  /** The score; without it, a quick pick. */
  readonly kind?: 'wsjf' | 'rice';
  /** Skip the preview. */
  readonly confirm?: boolean;
}

/** `rudder.rerankByScore`: orders the selection, a group row's stories or the whole backlog by WSJF or RICE, after a preview; writes only the stories that move. */
export const rerankByScore: GroomingCommand<RerankByScoreArgs> = {
  id: 'rudder.rerankByScore',
  needsStory: false,
  async run(t) {
    const { session } = t;
    let kind = t.args.kind;
    if (!kind) {
      const picked = await vscode.window.showQuickPick(SCORE_MODELS, { title: 'Re-rank by score' });
      if (!picked) return NOTHING;
      kind = picked.score;
    }
    const scope = t.groupNode ? storiesOfGroup(session, t.groupNode).map((s) => s.path) : t.paths.length > 1 ? t.paths : [];
    const texts = new GroomingTexts(session);
    const plan = await planFresh(texts, [], () => rerankPlan(session.index.stories(), scope, kind!, session.index.config, texts.text), (p) => p.edits.map((e) => e.path));
    const moving = plan.rows.filter((r) => r.moves).length;
    if (moving === 0) {
      if (!t.explicit) void vscode.window.showInformationMessage(`Rudder: the ${scope.length ? 'selection' : 'backlog'} is already in ${kind.toUpperCase()} order.`);
      return { ...NOTHING, order: plan.rows.map((r) => r.story.path) };
    }
    if (!t.args.confirm && !(await previewRerank(plan))) return { ...NOTHING, reason: 'cancelled', order: plan.rows.map((r) => r.story.path) };
    const result = await applyOrder(session, plan, `Re-rank by ${kind.toUpperCase()}`);
    return { ...result, order: plan.rows.map((r) => r.story.path) };
  },
};

/** Shows the proposed order (rows marked "moves") with Accept / Cancel; resolves true on Accept. */
export function previewRerank(plan: RerankPlan): Promise<boolean> {
  const moving = plan.rows.filter((r) => r.moves).length;
  const stay = [plan.closed.length ? `${plan.closed.length} done or dropped` : '', plan.unscored.length ? `${plan.unscored.length} without a score` : ''].filter(Boolean);
  const left = stay.length ? ` (${stay.join(' and ')} stay in place)` : '';
  return confirmPreview({
    title: `Re-rank by ${plan.kind.toUpperCase()}: proposed order — ${moving} of ${plural(plan.rows.length, 'story', 'stories')} move${left}`,
    placeholder: 'Accept to write the new ranks (only the stories marked "moves"), or Cancel',
    acceptLabel: `$(check) Accept — write ${plural(moving, 'file')}`,
    rows: [
      { label: 'Proposed order', kind: vscode.QuickPickItemKind.Separator },
      ...plan.rows.map((r) => ({
        label: `${r.to + 1}. ${r.moves ? '$(arrow-swap) ' : ''}${r.story.title}`,
        description: [r.story.id, r.score ? `${plan.kind.toUpperCase()} ${Math.round(r.score.value * 100) / 100}` : 'no score', r.moves ? `moves (was ${r.from + 1})` : undefined].filter(Boolean).join(' · '),
      })),
    ],
  });
}

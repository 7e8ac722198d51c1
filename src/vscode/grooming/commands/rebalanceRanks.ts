import * as vscode from 'vscode';
import { rebalanceRanks as rebalancePlan } from '../../../core/grooming/rerankByScore';
import { GroomingTexts, planFresh } from '../applyGrooming';
import { applyOrder, NOTHING } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The arguments of `rudder.rebalanceRanks`. */
export interface RebalanceRanksArgs {
  /** Skip the confirmation. */
  readonly confirm?: boolean;
}

/** `rudder.rebalanceRanks`: rewrites the rank keys evenly (the order stays), after confirming how many files change. */
export const rebalanceRanks: GroomingCommand<RebalanceRanksArgs> = {
  id: 'rudder.rebalanceRanks',
  needsStory: false,
  async run(t) {
    const { session } = t;
    const texts = new GroomingTexts(session);
    const plan = await planFresh(texts, [], () => rebalancePlan(session.index.stories(), texts.text), (p) => p.edits.map((e) => e.path));
    if (plan.edits.length === 0) {
      if (!t.explicit) void vscode.window.showInformationMessage('Rudder: the rank keys are already even.');
      return NOTHING;
    }
    if (!t.args.confirm) {
      const go = await vscode.window.showWarningMessage(
        `Rewrite the rank keys of ${plan.edits.length} file${plan.edits.length === 1 ? '' : 's'}? The order stays the same.`,
        { modal: true },
        'Rebalance',
      );
      if (go !== 'Rebalance') return { ...NOTHING, reason: 'cancelled' };
    }
    return applyOrder(session, plan, 'Rebalance ranks');
  },
};

import type { Range } from '../model/range';
import type { Story } from '../model/story';
import type { BacklogIndex } from '../index/backlogIndex';
import { rice, wsjf } from '../rank/scores';
import { checklistSummary } from '../query/checklists';
import { formatNumber } from './hoverAt';
import { failedReadyChecks } from '../rules/notReady';
import type { RuleContext } from '../rules/rule';

/** A CodeLens line above a story's title. */
export interface IntelLens {
  readonly range: Range;
  readonly title: string;
  readonly tooltip: string;
}

/** Returns the CodeLens for a story: `Rank 3 of 120 · AC 2/5 · DoD 0/3 · WSJF 4.2 · Ready ✓`, or what blocks readiness. */
export function codeLensFor(index: BacklogIndex, story: Story): IntelLens {
  const parts: string[] = [];
  const pos = index.rankPosition(story);
  if (pos >= 0) parts.push(`Rank ${pos + 1} of ${index.stories().length}`);
  const lists = checklistSummary(story);
  if (lists) parts.push(lists);
  const w = wsjf(story);
  if (w) parts.push(`WSJF ${formatNumber(w.value)}`);
  const r = rice(story);
  if (r) parts.push(`RICE ${formatNumber(r.value)}`);
  const blockers = readinessBlockers(index, story);
  parts.push(blockers.length === 0 ? 'Ready ✓' : `Not ready: ${blockers.join(', ')}`);
  const line = story.titleRange.start.line;
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    title: parts.join(' · '),
    tooltip: blockers.length === 0 ? 'Meets the Definition of Ready' : `Definition of Ready: ${blockers.join('; ')}`,
  };
}

/** Returns what keeps a story from meeting the Definition of Ready ([] when ready), from the rules' own check. */
export function readinessBlockers(index: BacklogIndex, story: Story): string[] {
  return failedReadyChecks(story, readinessContext(index));
}

/** Returns the part of a RuleContext that the Definition-of-Ready check reads (config, vision, resolve), answered by the index's public API. */
function readinessContext(index: BacklogIndex): RuleContext {
  const ctx: Partial<RuleContext> = {
    config: index.config,
    text: (p) => index.text(p),
    resolve: (id) => index.byId(id),
    vision: () => index.vision(),
    milestone: (ref) => index.milestone(ref),
    milestones: () => index.milestones(),
  };
  // The other members are never read by failedReadyChecks; the index keeps its full context private.
  return ctx as RuleContext;
}

import type { Range } from '../model/range';
import type { Story } from '../model/story';
import type { BacklogIndex } from '../index/backlogIndex';
import { rice, wsjf } from '../rank/scores';
import { checklistSummary } from '../query/checklists';
import { formatNumber } from './hoverAt';
import { blockersOf, readinessContextOf, readinessFailures } from '../query/readiness';
import { plural } from '../model/plural';
import { ruleTitle } from '../rules/rules';

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
  // Errors first: a story with an error is never "Ready ✓" (Next Up leaves it out too), whatever its checks say.
  const errors = index.issues(story.path).filter((i) => i.severity === 'error');
  if (errors.length) parts.push(`${plural(errors.length, 'error')}: ${ruleTitle(errors[0].code)}${errors.length > 1 ? ', …' : ''}`);
  const failures = story.type === 'epic' ? [] : readinessBlockers(index, story);
  const blockedBy = story.type === 'epic' ? [] : blockersOf(story, readinessContextOf(index)).map((b) => b.id);
  if (failures.length) parts.push(`Not ready: ${failures.join(', ')}`);
  else if (!errors.length && story.type !== 'epic') parts.push('Ready ✓');
  if (blockedBy.length && !failures.some((f) => f.startsWith('open dependencies'))) parts.push(`Blocked by ${blockedBy.join(', ')}`);
  const tooltip = [
    ...errors.map((e) => `Error: ${e.message}`),
    failures.length ? `Definition of Ready: ${failures.join('; ')}` : story.type === 'epic' ? undefined : 'Meets the Definition of Ready',
    blockedBy.length ? `Waits for ${blockedBy.join(', ')} to be done` : undefined,
  ].filter(Boolean);
  const line = story.titleRange.start.line;
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    title: parts.join(' · '),
    tooltip: tooltip.join('\n'),
  };
}

/** Returns what keeps a story from meeting the Definition of Ready ([] when ready): the one readiness query. */
export function readinessBlockers(index: BacklogIndex, story: Story): string[] {
  return readinessFailures(story, readinessContextOf(index), { text: index.text(story.path) }).map((f) => f.message);
}

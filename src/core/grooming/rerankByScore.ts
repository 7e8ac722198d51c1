import { isClosed } from '../config/workflow';
import type { RudderConfig } from '../model/config';
import type { Story } from '../model/story';
import { evenRanks } from '../rank/rankBetween';
import { rice, wsjf } from '../rank/scores';
import type { Score } from '../rank/scores';
import type { TextOf } from './fileText';
import { rankEdits, reorderStories } from './reorderStories';
import type { OrderPlan } from './reorderStories';

/** One row of a re-rank preview. */
export interface RerankRow {
  readonly story: Story;
  readonly score?: Score;
  /** Position in the selection before and after. */
  readonly from: number;
  readonly to: number;
  /** True when the story's rank key is rewritten. */
  readonly moves: boolean;
}

/** The proposed order of a selection by score, and the plan that writes it. */
export interface RerankPlan extends OrderPlan {
  readonly kind: 'wsjf' | 'rice';
  /** Scored stories in their proposed order. */
  readonly rows: readonly RerankRow[];
  /** Stories of the selection without the score's inputs: left in place. */
  readonly unscored: readonly Story[];
  /** Done and dropped stories of the selection: left in place (their order is history, not a plan). */
  readonly closed: readonly Story[];
}

/**
 * Returns the re-rank of `paths` (all of `order` when empty) by WSJF or RICE, highest first (ties keep their order).
 * Only open stories with a score are judged: they are re-ordered among the backlog positions they occupy; stories
 * without the inputs (`unscored`) and done or dropped ones (`closed`) stay where they are. Only a minimal set of stories gets new keys (the others
 * already are in a fitting order).
 */
export function rerankByScore(order: readonly Story[], paths: readonly string[], kind: 'wsjf' | 'rice', config: RudderConfig, text: TextOf): RerankPlan {
  const wanted = new Set(paths.length ? paths : order.map((s) => s.path));
  const score = kind === 'wsjf' ? wsjf : rice;
  const slots: number[] = [];
  const unscored: Story[] = [];
  const closed: Story[] = [];
  const selection: { story: Story; score: Score; from: number }[] = [];
  order.forEach((s, i) => {
    if (!wanted.has(s.path)) return;
    if (isClosed(s, config)) {
      closed.push(s);
      return;
    }
    const sc = score(s);
    if (!sc) {
      unscored.push(s);
      return;
    }
    selection.push({ story: s, score: sc, from: slots.length });
    slots.push(i);
  });
  // Why a stable sort: equal scores keep today's order, so a re-rank twice in a row writes nothing.
  const sorted = [...selection].sort((a, b) => b.score.value - a.score.value || a.from - b.from);
  const desired = [...order];
  slots.forEach((slot, k) => (desired[slot] = sorted[k].story));
  const plan = reorderStories(desired, config, text);
  const rows = sorted.map((r, to) => ({ story: r.story, score: r.score, from: r.from, to, moves: plan.ranks.has(r.story.path) }));
  return { ...plan, kind, rows, unscored, closed };
}

/** Returns the plan that rewrites every rank key evenly (keeping today's order); edits only where a key changes. Unranked stories stay unranked. */
export function rebalanceRanks(order: readonly Story[], text: TextOf): OrderPlan {
  const ranked = order.filter((s) => s.rank !== undefined && s.rank !== '');
  const keys = evenRanks(ranked.length);
  const ranks = new Map<string, string>();
  ranked.forEach((s, i) => {
    if (s.rank !== keys[i]) ranks.set(s.path, keys[i]);
  });
  return { order, ranks, ...rankEdits(ranks, text) };
}

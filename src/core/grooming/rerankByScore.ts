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
  readonly rows: readonly RerankRow[];
}

/**
 * Returns the re-rank of `paths` (all of `order` when empty) by WSJF or RICE, highest first; stories without a
 * score keep their relative order after the scored ones. The selection keeps the backlog positions it occupies,
 * and only a minimal set of stories gets new keys (the others already are in a fitting order).
 */
export function rerankByScore(order: readonly Story[], paths: readonly string[], kind: 'wsjf' | 'rice', config: RudderConfig, text: TextOf): RerankPlan {
  const wanted = new Set(paths.length ? paths : order.map((s) => s.path));
  const slots: number[] = [];
  order.forEach((s, i) => wanted.has(s.path) && slots.push(i));
  const score = kind === 'wsjf' ? wsjf : rice;
  const selection = slots.map((i, from) => ({ story: order[i], score: score(order[i]), from }));
  // Why a stable sort with unscored last: stories without the inputs are not judged, so they keep their order.
  const sorted = [...selection].sort((a, b) => {
    if (a.score && b.score) return b.score.value - a.score.value || a.from - b.from;
    if (a.score || b.score) return a.score ? -1 : 1;
    return a.from - b.from;
  });
  const desired = [...order];
  slots.forEach((slot, k) => (desired[slot] = sorted[k].story));
  const plan = reorderStories(desired, config, text);
  const rows = sorted.map((r, to) => ({ story: r.story, score: r.score, from: r.from, to, moves: plan.ranks.has(r.story.path) }));
  return { ...plan, kind, rows };
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

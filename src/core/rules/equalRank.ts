import type { Fix } from '../model/issue';
import { ranksBetween } from '../rank/rankBetween';
import type { StoryRule } from './rule';
import { fieldOf, fieldRange, issue, label, replaceValueFix } from './ruleHelpers';

// Stories sharing one rank key (usually after a merge) are ordered by id until fixed. The first of the group in
// that order keeps the key; each other one gets a fix with its own fresh key between the shared key and the next
// distinct key, so applying every fix keeps today's order and touches only the moved files.
export const equalRank: StoryRule<'equal-rank'> = {
  code: 'equal-rank',
  defaultSeverity: 'warning',
  title: 'Two stories have the same rank key.',
  description: 'Their order is decided by id, not by intent. Move one of them to give it its own rank.',
  invalidatedBy: ['same-rank', 'rank-neighbours'],
  check(story, ctx) {
    if (story.rank === undefined) return [];
    const group = ctx.storiesWithRank(story.rank);
    if (group.length < 2) return [];
    const i = group.findIndex((s) => s.path === story.path);
    const others = group.filter((s) => s.path !== story.path);
    const range = fieldRange(story, 'rank');
    const fixes: Fix[] = [];
    if (i > 0 && fieldOf(story, 'rank')) {
      const keys = ranksBetween(story.rank, ctx.rankNeighbours(story.rank).after, group.length - 1);
      const key = keys[i - 1];
      if (key !== undefined && key !== story.rank) fixes.push(replaceValueFix(story, ctx.text(story.path), range, key, `Give this story its own rank "${key}"`));
    }
    const names = others.map(label).join(', ');
    const advice = i === 0 ? 'The others can take new keys (quick fix on them), or rebalance the ranks.' : 'Give this story its own key (quick fix), or rebalance the ranks.';
    return [
      issue('equal-rank', 'warning', story, range, `Rank "${story.rank}" is shared with ${names}, so their order is decided only by id. ${advice}`, {
        related: others.map((s) => ({ path: s.path, range: fieldRange(s, 'rank'), message: `${label(s)} has the same rank` })),
        fixes,
      }),
    ];
  },
};

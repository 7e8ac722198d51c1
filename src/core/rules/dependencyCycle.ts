import type { StoryRule } from './rule';
import { fieldOf, fieldRange, issue, label } from './ruleHelpers';
import { keysOfField } from '../model/fields';

const DEPENDS_ON = keysOfField('depends_on');

// Reported on every story of the cycle (each story is checked on its own), pointing at the others.
export const dependencyCycle: StoryRule<'dependency-cycle'> = {
  code: 'dependency-cycle',
  defaultSeverity: 'error',
  title: 'Stories depend on each other in a cycle.',
  description: 'None of the stories in the cycle can be started first. Remove one of the depends_on links.',
  invalidatedBy: ['dependency-cycle'],
  check(story, ctx) {
    const cycle = ctx.dependencyCycle(story);
    if (!cycle) return [];
    const chain = cycle.map(label).join(' → ');
    const others = cycle.slice(1, -1);
    const next = cycle[1];
    const loc = fieldOf(story, ...DEPENDS_ON);
    // Point at the list item naming the next story of the cycle when we can find it.
    let range = fieldRange(story, ...DEPENDS_ON);
    if (loc?.itemRanges && next.id !== undefined) {
      const i = story.dependsOn.findIndex((d) => ctx.resolve(d).some((s) => s.path === next.path));
      if (i >= 0 && loc.itemRanges[i]) range = loc.itemRanges[i];
    }
    const message =
      others.length === 0
        ? `${label(story)} depends on itself. Remove it from its own dependencies.`
        : `Dependency cycle: ${chain}. None of these can start first; remove one of the dependencies.`;
    return [
      issue('dependency-cycle', 'error', story, range, message, {
        related: others.map((s) => ({ path: s.path, range: fieldRange(s, ...DEPENDS_ON), message: `${label(s)} is part of the cycle` })),
      }),
    ];
  },
};

import type { StoryRule } from './rule';
import { fieldOf, fieldRange, issue, replaceValueFix } from './ruleHelpers';

export const duplicateId: StoryRule<'duplicate-id'> = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  title: 'Two stories share the same id.',
  description: 'References to this id are ambiguous. Give one of the stories a new, unused id.',
  invalidatedBy: ['same-id', 'next-id'],
  check(story, ctx) {
    if (story.id === undefined) return [];
    const others = ctx.resolve(story.id).filter((s) => s.path !== story.path);
    if (!others.length) return [];
    const range = fieldRange(story, 'id');
    // The first file (by path) keeps the id; each later one is offered its own fresh id, so applying every fix
    // resolves the clash instead of moving it.
    const all = ctx.resolve(story.id).map((s) => s.path).sort();
    const k = all.indexOf(story.path);
    const base = ctx.nextId();
    // The digits at the end of the fresh id, found by a loop (a lazy /^(.*?)(\d+)$/ retried them from every position).
    let digits = base.length;
    while (digits > 0 && base.charCodeAt(digits - 1) >= 48 && base.charCodeAt(digits - 1) <= 57) digits--;
    const next = digits < base.length && k > 0 ? `${base.slice(0, digits)}${Number(base.slice(digits)) + k - 1}` : base;
    const where = others.map((s) => s.path).join(', ');
    return [
      issue('duplicate-id', 'error', story, range, `Id "${story.id}" is also used by ${where}. Give one of them a new id, e.g. "${next}".`, {
        related: others.map((s) => ({ path: s.path, range: fieldRange(s, 'id'), message: `"${s.id}" is also used here` })),
        // Not preferred: which of the two should change is the product owner's call.
        fixes: k > 0 && fieldOf(story, 'id') && !story.frontMatter?.recovered ? [replaceValueFix(story, ctx.text(story.path), range, next, `Change this id to ${next}`, false)] : [],
      }),
    ];
  },
};

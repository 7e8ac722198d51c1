import type { Fix } from '../model/issue';
import type { StoryRule } from './rule';
import { addFieldFix, issue } from './ruleHelpers';

export const missingId: StoryRule<'missing-id'> = {
  code: 'missing-id',
  defaultSeverity: 'error',
  title: 'The story has no id.',
  description: 'Without an id the story cannot be referenced by epics, dependencies or tools. Add an `id:` field to the front matter.',
  invalidatedBy: ['next-id'],
  check(story, ctx) {
    if (story.id !== undefined || !story.frontMatter) return [];
    const next = ctx.nextId();
    const fix: Fix | undefined = story.frontMatter.recovered ? undefined : addFieldFix(story, ctx.text(story.path), 'id', next, `Add id ${next}`);
    return [
      issue('missing-id', 'error', story, story.titleRange, `This story has no id, so nothing can refer to it. Add an \`id:\` field, e.g. "id: ${next}".`, {
        fixes: fix ? [fix] : [],
      }),
    ];
  },
};

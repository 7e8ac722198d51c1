import type { Fix } from '../model/issue';
import type { Story } from '../model/story';
import type { RuleContext, StoryRule } from './rule';
import { isReadyOrLater, statusIndex } from '../config/workflow';
import { readinessFailures } from '../query/readiness';
import { fieldOf, fieldRange, issue, label, replaceValueFix } from './ruleHelpers';

// Applies from the ready status up to (not including) the done status: a done story is past grooming.
// Epics are skipped: the Definition of Ready is about work a team pulls in, and an epic is ready when its stories are.
// Each check of config.definitionOfReady that fails is named in the message; what fails is the one readiness query
// (src/core/query/readiness.ts) that Mark Ready, the CodeLens and Next Up ask too.

/** Returns what fails in the Definition of Ready for a story, in words (empty when it holds). */
export function failedReadyChecks(story: Story, ctx: RuleContext): string[] {
  return readinessFailures(story, ctx, { text: ctx.text(story.path) }).map((f) => f.message);
}

export const notReady: StoryRule<'not-ready'> = {
  code: 'not-ready',
  defaultSeverity: 'warning',
  title: 'The story is marked ready (or later) but fails the Definition of Ready.',
  description: 'The message lists the failing checks (acceptance criteria, vision link, estimate, ...). Complete them, or move the story back to an earlier status. The checks are set by `definitionOfReady` in .rudder.yml.',
  invalidatedBy: ['referenced'],
  check(story, ctx) {
    if (story.type === 'epic' || !isReadyOrLater(story, ctx.config)) return [];
    const failed = failedReadyChecks(story, ctx);
    if (!failed.length) return [];
    const readyIdx = statusIndex(ctx.config, ctx.config.readyStatus);
    const back = readyIdx > 0 ? ctx.config.statuses[readyIdx - 1] : undefined;
    const range = fieldRange(story, 'status');
    const fixes: Fix[] = [];
    if (back !== undefined && fieldOf(story, 'status')) {
      fixes.push(replaceValueFix(story, ctx.text(story.path), range, back, `Set status back to "${back}"`, false));
    }
    return [
      issue(
        'not-ready',
        'warning',
        story,
        range,
        `${label(story)} is "${story.status}" but does not meet the Definition of Ready: ${failed.join(', ')}. Complete ${failed.length > 1 ? 'these' : 'this'}${back ? ` or set the status back to "${back}"` : ''}.`,
        { fixes },
      ),
    ];
  },
};

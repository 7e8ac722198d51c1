import type { ReadyCheck } from '../model/config';
import type { Fix } from '../model/issue';
import type { Story } from '../model/story';
import type { RuleContext, StoryRule } from './rule';
import { linksToVision } from './missingVisionLink';
import { isClosed, isReadyOrLater, statusIndex } from '../config/workflow';
import { fieldOf, fieldRange, issue, label, replaceValueFix } from './ruleHelpers';
import { bodyFullyRead } from './unreadContent';

// Applies from the ready status up to (not including) the done status: a done story is past grooming.
// Epics are skipped: the Definition of Ready is about work a team pulls in, and an epic is ready when its stories are.
// Each check of config.definitionOfReady that fails is named in the message; `vision-link` is only checked
// when a vision exists, and a dependency is open when it resolves to a story that is not done (unknown ids are
// unknown-reference's business).

/** Returns what fails in the Definition of Ready for a story (empty when it holds). */
export function failedReadyChecks(story: Story, ctx: RuleContext): string[] {
  const failed: string[] = [];
  const check = (c: ReadyCheck): void => {
    switch (c) {
      case 'acceptance-criteria':
        // What was not read (unread-content) may hold them: only a fully read body can lack them.
        if ((!story.acceptanceCriteria || story.acceptanceCriteria.items.length === 0) && bodyFullyRead(story)) failed.push('no acceptance criteria');
        break;
      case 'vision-link':
        if (ctx.vision() && !linksToVision(story, ctx)) failed.push('no link to a vision goal');
        break;
      case 'estimate':
        if (story.estimate === undefined) failed.push('no estimate');
        break;
      case 'user-story':
        if (!story.userStory && bodyFullyRead(story)) failed.push('no "As a …, I want …, so that …" statement');
        break;
      case 'no-open-dependencies': {
        const open = story.dependsOn.filter((d) => {
          const deps = ctx.resolve(d).filter((s) => s.path !== story.path);
          return deps.length > 0 && deps.some((s) => !isClosed(s, ctx.config));
        });
        if (open.length) failed.push(`open dependencies (${open.join(', ')})`);
        break;
      }
    }
  };
  for (const c of ctx.config.definitionOfReady) check(c);
  return failed;
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

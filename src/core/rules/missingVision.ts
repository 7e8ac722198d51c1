import type { BacklogRule } from './rule';
import { ZERO_RANGE } from './ruleHelpers';

// Reported once for the backlog (on the vision path, where the banner's quick fix creates the file), and only when
// the backlog has at least one story: an empty workspace needs no nagging. Off by default in Backlog.md mode (teams
// there never asked for a vision): on once `.rudder.yml` sets its severity.
export const missingVision: BacklogRule<'missing-vision'> = {
  code: 'missing-vision',
  defaultSeverity: 'info',
  title: 'The backlog has no vision file.',
  description: 'Without a vision, stories cannot be linked to goals. Create the vision file with `goals:` in its front matter.',
  checkBacklog(ctx) {
    if (ctx.vision() || ctx.storyCount === 0) return [];
    if (ctx.config.backlogMd && ctx.config.rules['missing-vision'] === undefined) return [];
    const path = ctx.config.vision;
    const template = [
      '---',
      'goals:',
      '  - id: G1',
      '    title: The first outcome the product must achieve',
      '    metric: How you will measure it',
      '---',
      '',
      'Who the product is for, the problem it solves for them, and why it will win.',
      '',
    ].join('\n');
    return [
      {
        code: 'missing-vision',
        severity: 'info',
        path,
        range: ZERO_RANGE,
        message: `This backlog has no product vision (${path}). Create it with a short statement and a few goals, then link stories to the goals with \`vision:\`.`,
        fixes: [{ title: `Create ${path}`, isPreferred: true, edits: [{ path, create: true, edits: [{ range: ZERO_RANGE, newText: template }] }] }],
      },
    ];
  },
};

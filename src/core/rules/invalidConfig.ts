import type { BacklogRule } from './rule';

// parseConfig finds these while reading `.rudder.yml`; the rule forwards them so they are listed with the
// backlog's other issues and honour severities like every code.
export const invalidConfig: BacklogRule = {
  code: 'invalid-config',
  defaultSeverity: 'error',
  checkBacklog: (ctx) => ctx.configIssues.filter((i) => i.code === 'invalid-config').map((i) => ({ ...i, severity: 'error' as const })),
};

import type { BacklogRule } from './rule';

// parseConfig finds these while reading `.rudder.yml`; the rule forwards them so they are listed with the
// backlog's other issues and honour severities like every code.
export const invalidConfig: BacklogRule<'invalid-config'> = {
  code: 'invalid-config',
  defaultSeverity: 'error',
  title: 'The Rudder configuration has an unknown key or a bad value.',
  description: 'Fix the reported line of .rudder.yml; the message lists the accepted keys or values.',
  checkBacklog: (ctx) => ctx.configIssues.filter((i) => i.code === 'invalid-config').map((i) => ({ ...i, severity: 'error' as const })),
};

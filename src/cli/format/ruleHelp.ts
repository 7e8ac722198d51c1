import type { IssueCode, Severity } from '../../core/model/issue';

/** What one rule code means, for SARIF rule metadata and `rudder lint --help`. */
export interface RuleHelp {
  readonly defaultSeverity: Severity;
  /** One sentence: what is wrong. */
  readonly short: string;
  /** Why it matters and how to fix it (or turn it off). */
  readonly full: string;
}

/** Where each rule is documented; `#<code>` anchors into docs/rules.md. */
export const RULES_DOC_URL = 'https://github.com/rudder/rudder/blob/main/docs/rules.md';

/** Returns the documentation link of one rule code. */
export function ruleHelpUri(code: string): string {
  return `${RULES_DOC_URL}#${code}`;
}

function off(code: IssueCode): string {
  return `Turn it off with \`rules: { ${code}: off }\` in .rudder.yml.`;
}

/** Help of every stable issue code; defaults match the rules' own default severities. */
export const RULE_HELP: Readonly<Record<IssueCode, RuleHelp>> = {
  'front-matter-syntax': {
    defaultSeverity: 'error',
    short: 'The front matter is not valid YAML.',
    full: 'The YAML block between the --- lines could not be read, so the story fields are unknown. Fix the YAML at the reported line (a value starting with @ or ` must be quoted). Front matter in another language (---js) is reported and never evaluated.',
  },
  'missing-id': {
    defaultSeverity: 'error',
    short: 'The story has no id.',
    full: 'Without an id the story cannot be referenced by epics, dependencies or tools. Add an `id:` field to the front matter.',
  },
  'duplicate-id': {
    defaultSeverity: 'error',
    short: 'Two stories share the same id.',
    full: 'References to this id are ambiguous. Give one of the stories a new, unused id.',
  },
  'invalid-field': {
    defaultSeverity: 'error',
    short: 'A front matter value is outside its type or allowed set.',
    full: 'For example an unknown status or priority, a non-numeric estimate, a bad date or a malformed rank. Use one of the values listed in the message, or configure the allowed values in .rudder.yml.',
  },
  'unknown-reference': {
    defaultSeverity: 'error',
    short: 'epic, milestone or depends_on names something that does not exist.',
    full: 'The referenced story, epic or milestone id is not in the backlog. Fix the id, or create the missing item.',
  },
  'unknown-vision-goal': {
    defaultSeverity: 'error',
    short: 'vision names a goal that the vision does not define.',
    full: 'Use a goal id listed under `goals:` in the vision file, or add the goal there.',
  },
  'dependency-cycle': {
    defaultSeverity: 'error',
    short: 'Stories depend on each other in a cycle.',
    full: 'None of the stories in the cycle can be started first. Remove one of the depends_on links.',
  },
  'missing-acceptance-criteria': {
    defaultSeverity: 'warning',
    short: 'The story has no acceptance criteria, or an empty section.',
    full: 'Without acceptance criteria nobody can tell when the story is done. Add an "Acceptance Criteria" heading with one list item per testable criterion. ' + off('missing-acceptance-criteria'),
  },
  'missing-vision-link': {
    defaultSeverity: 'warning',
    short: 'Neither the story nor its epic links to a vision goal.',
    full: 'A story that serves no goal is hard to prioritise. Add `vision: <goal id>` to the story or to its epic. ' + off('missing-vision-link'),
  },
  'not-ready': {
    defaultSeverity: 'warning',
    short: 'The story is marked ready (or later) but fails the Definition of Ready.',
    full: 'The message lists the failing checks (acceptance criteria, vision link, estimate, ...). Complete them, or move the story back to an earlier status. The checks are set by `definitionOfReady` in .rudder.yml.',
  },
  'done-with-open-criteria': {
    defaultSeverity: 'warning',
    short: 'The story is done but some acceptance criteria are unchecked.',
    full: 'Either the work is not finished or the checkboxes were not updated. Check the criteria that are met, or reopen the story.',
  },
  'oversized-story': {
    defaultSeverity: 'info',
    short: 'The estimate is above the split threshold.',
    full: 'Large stories hide risk and finish late. Consider splitting it; the threshold is `splitThreshold` in .rudder.yml (default 13).',
  },
  'missing-user-story': {
    defaultSeverity: 'info',
    short: 'The story has no "As a …, I want …, so that …" statement.',
    full: 'The statement says who benefits and why, which guides trade-offs. Add it at the top of the body. ' + off('missing-user-story'),
  },
  'vague-criterion': {
    defaultSeverity: 'info',
    short: 'An acceptance criterion has nothing testable in it.',
    full: 'Words like "fast" or "user-friendly" cannot be verified. Rewrite it with a number or as Given/When/Then. ' + off('vague-criterion'),
  },
  'missing-vision': {
    defaultSeverity: 'info',
    short: 'The backlog has no vision file.',
    full: 'Without a vision, stories cannot be linked to goals. Create the vision file with `goals:` in its front matter.',
  },
  'equal-rank': {
    defaultSeverity: 'warning',
    short: 'Two stories have the same rank key.',
    full: 'Their order is decided by id, not by intent. Move one of them to give it its own rank.',
  },
  'invalid-config': {
    defaultSeverity: 'error',
    short: 'The Rudder configuration has an unknown key or a bad value.',
    full: 'Fix the reported line of .rudder.yml; the message lists the accepted keys or values.',
  },
  'unread-content': {
    defaultSeverity: 'warning',
    short: 'Part of the story body was not read.',
    full: 'The body holds a construct only the full Markdown parser reads (a tab in indentation, a link reference definition), and the body from there on is larger than the 200 KB that parser is given, so Rudder read the story only up to that point: criteria and the user story after it are not checked. Replace the tab with spaces, or move large content (tables, logs) out of the story file.',
  },
};

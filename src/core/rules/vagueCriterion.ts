import { blankCodeSpans } from '../parse/codeSpans';
import type { Issue } from '../model/issue';
import { turnOff, type StoryRule } from './rule';
import { isClosed } from '../config/workflow';
import { issue } from './ruleHelpers';
import { criterionPlaceholder, filledCriteria, placeholderIn } from '../query/readiness';

// Conservative on purpose: a false positive on a good criterion teaches product owners to ignore the rule.
// A criterion is flagged only when it contains one of these words AND has no number and no Given/When/Then
// (any of the three words). Inline code and links are ignored (`--fast` is a flag, not a claim).
// Done and dropped stories are skipped.
const VAGUE = [
  'fast',
  'quick',
  'quickly',
  'easy',
  'easily',
  'user[- ]friendly',
  'intuitive',
  'intuitively',
  'appropriate',
  'appropriately',
  'as needed',
  'as appropriate',
  'as necessary',
  'etc',
  'and so on',
  'seamless',
  'seamlessly',
  'efficient',
  'efficiently',
  'robust',
  'performant',
  'smooth',
  'smoothly',
  'properly',
];
const VAGUE_RE = new RegExp(`(?<![\\w-])(${VAGUE.join('|')})(?![\\w-])`, 'i');
const TESTABLE_RE = /\d|(?<![\w-])(given|when|then)(?![\w-])/i;

/** Returns the vague word of a criterion, or undefined when it is testable or not vague. */
export function vagueWord(text: string): string | undefined {
  const plain = withoutLinkTargets(blankCodeSpans(text)).replace(/https?:\/\/\S+/g, ' ');
  if (TESTABLE_RE.test(plain)) return undefined;
  return VAGUE_RE.exec(plain)?.[1];
}

// Why a scan and not /\]\([^)]*\)/g (and see blankCodeSpans): a global pattern that finds no closing character restarts at the
// next opener and scans to the end again (quadratic on "[a](" repeated). Here, once a closer is missing, no later
// opener can have one either, so each character is looked at a bounded number of times.

/** Returns the text with each link target `](…)` reduced to `]`. */
function withoutLinkTargets(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('](', from);
    const close = open === -1 ? -1 : text.indexOf(')', open + 2);
    if (close === -1) return out + text.slice(from);
    out += text.slice(from, open + 1);
    from = close + 1;
  }
}

export const vagueCriterion: StoryRule<'vague-criterion'> = {
  code: 'vague-criterion',
  defaultSeverity: 'info',
  title: 'An acceptance criterion has nothing testable in it.',
  description: 'Words like "fast" or "user-friendly" cannot be verified. Rewrite it with a number or as Given/When/Then. ' + turnOff('vague-criterion'),
  check(story, ctx) {
    if (!story.acceptanceCriteria || isClosed(story, ctx.config)) return [];
    const out: Issue[] = [];
    // With nothing filled in, missing-acceptance-criteria reports the template; beside written criteria, an unfilled
    // one is reported here: it has nothing testable in it either.
    const someFilled = filledCriteria(story).length > 0;
    for (const c of story.acceptanceCriteria.items) {
      const placeholder = criterionPlaceholder(c);
      if (placeholder) {
        if (someFilled) {
          const word = placeholderIn(c)!.text;
          out.push(issue('vague-criterion', 'info', story, placeholder, `This criterion is still template text: replace "${word}" with something a tester can check.`));
        }
        continue;
      }
      const word = vagueWord(c.text);
      if (!word) continue;
      out.push(
        issue(
          'vague-criterion',
          'info',
          story,
          c.textRange,
          `"${word}" is vague: nobody can test this criterion. Say how to check it, with a number (e.g. "within 2 seconds") or as Given/When/Then.`,
        ),
      );
    }
    return out;
  },
};

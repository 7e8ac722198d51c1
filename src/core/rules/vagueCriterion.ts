import type { Issue } from '../model/issue';
import type { StoryRule } from './rule';
import { isClosed } from '../config/workflow';
import { issue } from './ruleHelpers';

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
  const plain = text.replace(/`[^`]*`/g, ' ').replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, ' ');
  if (TESTABLE_RE.test(plain)) return undefined;
  return VAGUE_RE.exec(plain)?.[1];
}

export const vagueCriterion: StoryRule = {
  code: 'vague-criterion',
  defaultSeverity: 'info',
  check(story, ctx) {
    if (!story.acceptanceCriteria || isClosed(story, ctx.config)) return [];
    const out: Issue[] = [];
    for (const c of story.acceptanceCriteria.items) {
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

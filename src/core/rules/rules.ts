import { dependencyCycle } from './dependencyCycle';
import { doneWithOpenCriteria } from './doneWithOpenCriteria';
import { duplicateId } from './duplicateId';
import { equalRank } from './equalRank';
import { frontMatterSyntax } from './frontMatterSyntax';
import { invalidConfig } from './invalidConfig';
import { invalidField } from './invalidField';
import { mergeConflict } from './mergeConflict';
import { missingAcceptanceCriteria } from './missingAcceptanceCriteria';
import { missingFrontMatter } from './missingFrontMatter';
import { missingId } from './missingId';
import { missingUserStory } from './missingUserStory';
import { missingVision } from './missingVision';
import { milestoneByName } from './milestoneByName';
import { missingVisionLink } from './missingVisionLink';
import { notReady } from './notReady';
import { oversizedStory } from './oversizedStory';
import { unreadableFile, unsupportedEncoding, utf16Encoding } from './fileRules';
import { notAStory } from './notAStory';
import { unknownReference } from './unknownReference';
import { unknownVisionGoal } from './unknownVisionGoal';
import { unreadContent } from './unreadContent';
import { vagueCriterion } from './vagueCriterion';

// The one list of rules: adding a rule is its file and one line here (plus its fixtures and its docs section).
// Everything else derives from these objects: the issue codes, config validation, default severities, the CLI's
// SARIF rule list, the docs check (test/unit/rules/rulesDocs.test.ts) and what the index re-checks on a change.

/** Every rule run on each story, in the order of the issue table. */
export const STORY_RULES = [
  mergeConflict,
  frontMatterSyntax,
  missingFrontMatter,
  missingId,
  duplicateId,
  invalidField,
  unknownReference,
  milestoneByName,
  unknownVisionGoal,
  dependencyCycle,
  missingAcceptanceCriteria,
  missingVisionLink,
  notReady,
  doneWithOpenCriteria,
  oversizedStory,
  missingUserStory,
  vagueCriterion,
  equalRank,
  unreadContent,
] as const;

/** Rules reported once per backlog. */
export const BACKLOG_RULES = [missingVision, invalidConfig] as const;

/** Findings about files as files, reported by the loading pipeline (or the index: not-a-story). */
export const FILE_RULES = [unreadableFile, unsupportedEncoding, utf16Encoding, notAStory] as const;

/** Every rule, in the order of the issue table of docs/rules.md. */
export const ALL_RULES = [...STORY_RULES, ...BACKLOG_RULES, ...FILE_RULES] as const;

/** A stable public issue code: never rename one (users' configs and CI pipelines name them). */
export type IssueCode = (typeof ALL_RULES)[number]['code'];

/** Every issue code, in table order. */
export const ISSUE_CODES: readonly IssueCode[] = ALL_RULES.map((r) => r.code);

/** Returns the rule of a code. */
export function ruleOf(code: string): (typeof ALL_RULES)[number] | undefined {
  return ALL_RULES.find((r) => r.code === code);
}

/** Returns a rule's plain title as a label (its metadata's `title`, without the closing period); the code when no rule has it. */
export function ruleTitle(code: string): string {
  const title = ruleOf(code)?.title;
  return title ? title.replace(/\.$/, '') : code;
}

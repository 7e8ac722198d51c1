import { dependencyCycle } from './dependencyCycle';
import { doneWithOpenCriteria } from './doneWithOpenCriteria';
import { duplicateId } from './duplicateId';
import { equalRank } from './equalRank';
import { frontMatterSyntax } from './frontMatterSyntax';
import { invalidConfig } from './invalidConfig';
import { invalidField } from './invalidField';
import { missingAcceptanceCriteria } from './missingAcceptanceCriteria';
import { missingId } from './missingId';
import { missingUserStory } from './missingUserStory';
import { missingVision } from './missingVision';
import { missingVisionLink } from './missingVisionLink';
import { notReady } from './notReady';
import { oversizedStory } from './oversizedStory';
import type { BacklogRule, StoryRule } from './rule';
import { unknownReference } from './unknownReference';
import { unknownVisionGoal } from './unknownVisionGoal';
import { unreadContent } from './unreadContent';
import { vagueCriterion } from './vagueCriterion';

/** Every rule run on each story, in the order of the issue table. */
export const STORY_RULES: readonly StoryRule[] = [
  frontMatterSyntax,
  missingId,
  duplicateId,
  invalidField,
  unknownReference,
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
];

/** Rules reported once per backlog. */
export const BACKLOG_RULES: readonly BacklogRule[] = [missingVision, invalidConfig];

import { LineIndex } from '../model/lineIndex';
import type { Fix } from '../model/issue';
import type { Story } from '../model/story';
import { turnOff, type StoryRule } from './rule';
import { isClosed } from '../config/workflow';
import { eolOf, issue } from './ruleHelpers';
import { bodyFullyRead } from './unreadContent';
import { filledCriteria, placeholderIn, unfilledCriteria } from '../query/readiness';

// Scope: every type except epic, spike and task. Epics are described by their children, spikes are time-boxed
// research and tasks are technical chores; stories, bugs and Backlog.md's free-form types (feature, enhancement,
// chore...; a Backlog.md task without `type` is a story) need criteria to be accepted.
// Done and dropped stories are skipped: criteria written after the fact help nobody, and the warning would bury
// the ones on stories still to be built.
export const NO_CRITERIA_TYPES = ['epic', 'spike', 'task'];

/** Returns true when the story's type calls for acceptance criteria. */
export function needsCriteria(story: Story): boolean {
  return !NO_CRITERIA_TYPES.includes(story.type.toLowerCase());
}

export const missingAcceptanceCriteria: StoryRule<'missing-acceptance-criteria'> = {
  code: 'missing-acceptance-criteria',
  defaultSeverity: 'warning',
  title: 'The story has no acceptance criteria, or an empty section.',
  description: 'Without acceptance criteria nobody can tell when the story is done. Add an "Acceptance Criteria" heading with one list item per testable criterion. ' + turnOff('missing-acceptance-criteria'),
  check(story, ctx) {
    if (!needsCriteria(story) || isClosed(story, ctx.config)) return [];
    const ac = story.acceptanceCriteria;
    if (filledCriteria(story).length > 0) return [];
    // Criteria may be in the part of the body that was not read: unread-content says so, this rule cannot know.
    if (!bodyFullyRead(story)) return [];
    const unfilled = unfilledCriteria(story);
    if (unfilled) {
      // A template is not content: "Given <context>, when <action>, then <outcome>" tells nobody when it is done.
      // The quick fix (fixesFor) puts the cursor on the placeholder.
      const word = placeholderIn(unfilled.criterion)?.text ?? unfilled.criterion.text;
      return [
        issue(
          'missing-acceptance-criteria',
          'warning',
          story,
          unfilled.range,
          `The acceptance criteria are still the template: replace "${word}" with the situation, the action and the outcome you will check.`,
        ),
      ];
    }
    if (ac) {
      return [
        issue(
          'missing-acceptance-criteria',
          'warning',
          story,
          ac.headingRange,
          'The acceptance criteria section is empty. Add one checklist item ("- [ ] …") per testable outcome.',
        ),
      ];
    }
    const text = ctx.text(story.path);
    let fixes: Fix[] = [];
    if (text !== undefined) {
      const eol = eolOf(text);
      const lines = new LineIndex(text);
      const end = lines.positionAt(text.length);
      const lead = text === '' || text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
      fixes = [
        {
          title: 'Add an Acceptance Criteria section',
          isPreferred: true,
          edits: [{ path: story.path, edits: [{ range: { start: end, end }, newText: `${lead}## Acceptance Criteria${eol}${eol}- [ ] ${eol}` }] }],
        },
      ];
    }
    return [
      issue(
        'missing-acceptance-criteria',
        'warning',
        story,
        story.titleRange,
        'This story has no acceptance criteria, so nobody can tell when it is done. Add an "## Acceptance Criteria" section with one checklist item per testable outcome.',
        { fixes },
      ),
    ];
  },
};

import { insertAcceptanceCriteriaSection } from '../edits/bodyEdits';
import { setField } from '../edits/frontMatterEdits';
import { USER_STORY_TEMPLATE } from '../edits/newStoryText';
import type { BacklogIndex } from '../index/backlogIndex';
import type { ReadyCheck } from '../model/config';
import { LineIndex } from '../model/lineIndex';
import type { FileEdit, Range } from '../model/range';
import type { Story } from '../model/story';
import { readinessContextOf, readinessFailures, type ReadinessFailure } from '../query/readiness';
import { detectEol } from '../edits/frontMatterEdits';
import type { TextOf } from './fileText';

/** How to remedy one failing Definition of Ready check. */
export type ReadyRemedy =
  /** Apply `edits`, then open `path` with `select` selected (in the text after the edits). */
  | { readonly kind: 'edit'; readonly title: string; readonly edits: readonly FileEdit[]; readonly path: string; readonly select?: Range }
  /** Run a grooming command on the story (a quick pick the user answers). */
  | { readonly kind: 'command'; readonly title: string; readonly command: string }
  /** Open a file at a range. */
  | { readonly kind: 'open'; readonly title: string; readonly path: string; readonly range: Range };

/** One failing Definition of Ready check. */
export interface ReadyFailure {
  readonly check: ReadyCheck;
  readonly message: string;
  readonly remedy?: ReadyRemedy;
}

/** The outcome of "mark ready": either the status edit, or what is missing. */
export type ReadyPlan =
  | { readonly ready: true; readonly edits: readonly FileEdit[]; readonly status: string }
  | { readonly ready: false; readonly failures: readonly ReadyFailure[] };

/** Returns the failing Definition of Ready checks of a story (the one readiness query), each with a remedy (epics: none). */
export function readyFailures(story: Story, index: BacklogIndex, text: TextOf): ReadyFailure[] {
  const t = text(story.path);
  return readinessFailures(story, readinessContextOf(index), { text: t }).map((f): ReadyFailure => ({ check: f.check, message: f.message, remedy: remedyOf(story, f, t) }));
}

/** Returns how to remedy one failing check: fill the placeholder, insert what is missing, ask, or open the blocker. */
function remedyOf(story: Story, f: ReadinessFailure, t: string | undefined): ReadyRemedy | undefined {
  if (f.placeholder) return { kind: 'open', title: f.check === 'user-story' ? 'Fill In the User Story' : 'Fill In the Criteria', path: story.path, range: f.placeholder };
  switch (f.check) {
    case 'acceptance-criteria': {
      const c = t === undefined ? undefined : insertAcceptanceCriteriaSection(t, story);
      return c && c.edits.length
        ? { kind: 'edit', title: 'Add Acceptance Criteria', edits: [{ path: story.path, edits: c.edits }], path: story.path, select: c.selection }
        : { kind: 'open', title: 'Open Criteria', path: story.path, range: story.acceptanceCriteria?.headingRange ?? story.titleRange };
    }
    case 'vision-link':
      return { kind: 'command', title: 'Link Vision Goal…', command: 'rudder.linkVision' };
    case 'estimate':
      return { kind: 'command', title: 'Estimate…', command: 'rudder.estimate' };
    case 'user-story':
      return t === undefined ? undefined : userStoryRemedy(story, t);
    case 'no-open-dependencies': {
      const first = f.blockers?.[0];
      return first ? { kind: 'open', title: `Open ${first.id ?? first.path}`, path: first.path, range: first.titleRange } : undefined;
    }
  }
}

/** Returns the plan of "mark ready": the status edit when the Definition of Ready holds, else the failing checks. */
export function markReady(story: Story, index: BacklogIndex, text: TextOf): ReadyPlan {
  const failures = readyFailures(story, index, text);
  if (failures.length) return { ready: false, failures };
  const status = index.config.readyStatus;
  const t = text(story.path);
  const edits = t === undefined ? [] : setField(t, 'status', status);
  return { ready: true, status, edits: edits.length ? [{ path: story.path, edits }] : [] };
}

/** Returns the remedy that inserts the user story template after the front matter (or the first heading) and selects it. */
function userStoryRemedy(story: Story, text: string): ReadyRemedy {
  const lines = new LineIndex(text);
  const eol = detectEol(text);
  let line = story.bodyStartLine;
  // Skip blank lines and a leading `# Title` heading: the statement goes right under them.
  while (line < lines.lineCount && /^\s*$/.test(text.slice(lines.lineStart(line), lines.lineEnd(line)))) line++;
  if (line < lines.lineCount && /^#\s/.test(text.slice(lines.lineStart(line), lines.lineEnd(line)))) line++;
  const at = line >= lines.lineCount ? text.length : lines.lineStart(line);
  const needsBreak = at > 0 && text.charCodeAt(at - 1) !== 10;
  const insert = `${needsBreak ? eol : ''}${USER_STORY_TEMPLATE}${eol}${eol}`;
  const edits = [{ range: lines.rangeOf(at, at), newText: insert }];
  const startLine = lines.positionAt(at).line + (needsBreak ? 1 : 0);
  const select: Range = { start: { line: startLine, character: 0 }, end: { line: startLine, character: USER_STORY_TEMPLATE.length } };
  return { kind: 'edit', title: 'Add User Story', edits: [{ path: story.path, edits }], path: story.path, select };
}

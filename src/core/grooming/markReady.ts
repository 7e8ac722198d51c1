import { isClosed } from '../config/workflow';
import { insertAcceptanceCriteriaSection } from '../edits/bodyEdits';
import { setField } from '../edits/frontMatterEdits';
import { USER_STORY_TEMPLATE } from '../edits/newStoryText';
import type { BacklogIndex } from '../index/backlogIndex';
import type { ReadyCheck } from '../model/config';
import { LineIndex } from '../model/lineIndex';
import type { FileEdit, Range } from '../model/range';
import type { Story } from '../model/story';
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

const isClosedIn = (index: BacklogIndex, s: Story): boolean => isClosed(s, index.config);

/** Returns the failing Definition of Ready checks of a story, each with a remedy (epics: none, as in the not-ready rule). */
export function readyFailures(story: Story, index: BacklogIndex, text: TextOf): ReadyFailure[] {
  if (story.type === 'epic') return [];
  const out: ReadyFailure[] = [];
  const t = text(story.path);
  for (const check of index.config.definitionOfReady) {
    switch (check) {
      case 'acceptance-criteria':
        if (!story.acceptanceCriteria || story.acceptanceCriteria.items.length === 0) {
          const c = t === undefined ? undefined : insertAcceptanceCriteriaSection(t, story);
          out.push({
            check,
            message: 'no acceptance criteria',
            remedy: c && c.edits.length
              ? { kind: 'edit', title: 'Add Acceptance Criteria', edits: [{ path: story.path, edits: c.edits }], path: story.path, select: c.selection }
              : { kind: 'open', title: 'Open Criteria', path: story.path, range: story.acceptanceCriteria?.headingRange ?? story.titleRange },
          });
        }
        break;
      case 'vision-link':
        if (index.vision() && story.vision.length === 0 && !(story.epic !== undefined && index.byId(story.epic).some((e) => e.path !== story.path && e.vision.length > 0))) {
          out.push({ check, message: 'no link to a vision goal', remedy: { kind: 'command', title: 'Link Vision Goal…', command: 'rudder.linkVision' } });
        }
        break;
      case 'estimate':
        if (story.estimate === undefined) out.push({ check, message: 'no estimate', remedy: { kind: 'command', title: 'Estimate…', command: 'rudder.estimate' } });
        break;
      case 'user-story':
        if (!story.userStory) out.push({ check, message: 'no "As a …, I want …, so that …" statement', remedy: t === undefined ? undefined : userStoryRemedy(story, t) });
        break;
      case 'no-open-dependencies': {
        const open = story.dependsOn.flatMap((d) => index.byId(d).filter((s) => s.path !== story.path && !isClosedIn(index, s)));
        if (open.length) {
          const first = open[0];
          out.push({
            check,
            message: `open dependencies (${[...new Set(open.map((s) => s.id ?? s.path))].join(', ')})`,
            remedy: { kind: 'open', title: `Open ${first.id ?? first.path}`, path: first.path, range: first.titleRange },
          });
        }
        break;
      }
    }
  }
  return out;
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

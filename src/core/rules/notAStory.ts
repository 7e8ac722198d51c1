import { setField } from '../edits/frontMatterEdits';
import type { Issue } from '../model/issue';
import type { Range } from '../model/range';
import { turnOff, type FileRule } from './rule';

// The index finds these: a Markdown file under the story globs that is not a story (no front matter with an id or a
// title). Without this finding such a file would be counted but neither listed nor reported.
export const notAStory: FileRule<'not-a-story'> = {
  code: 'not-a-story',
  defaultSeverity: 'info',
  title: 'A Markdown file in the story folders is not a story.',
  description: `It has no front matter with an id or a title, so Rudder does not list it. To make it a story, add the front matter (the quick fix adds an id). To keep it as a note, move it out of the story folders or list it under \`exclude:\` in .rudder.yml; a README.md is never reported. ${turnOff('not-a-story')}`,
};

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Returns the not-a-story issue of a file, with a fix that adds `id` (the next free one) to its front matter. */
export function notAStoryIssue(path: string, text: string, nextId: string): Issue {
  const edits = setField(text, 'id', nextId);
  const hasFrontMatter = /^\uFEFF?---/.test(text);
  return {
    code: 'not-a-story',
    severity: 'info',
    message: hasFrontMatter
      ? 'This file is in the story folders, but its front matter has neither an id nor a title, so it is not listed as a story. Add an id to make it one, or move it out of the story folders (or add it to `exclude:`) to keep it as a note.'
      : 'This file is in the story folders, but it has no front matter, so it is not listed as a story. Add front matter with an id to make it one, or move it out of the story folders (or add it to `exclude:`) to keep it as a note.',
    path,
    range: START,
    ...(edits.length ? { fixes: [{ title: `Make it a story: add id ${nextId}`, edits: [{ path, edits }] }] } : {}),
  };
}

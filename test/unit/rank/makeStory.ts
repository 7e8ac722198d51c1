import type { Story } from '../../../src/core/model/story';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Returns a hand-built story for unit tests. */
export function makeStory(fields: Partial<Story> & { path?: string }): Story {
  return {
    path: fields.path ?? `backlog/${fields.id ?? 'x'}.md`,
    title: fields.title ?? fields.id ?? 'x',
    titleRange: ZERO,
    type: 'story',
    vision: [],
    dependsOn: [],
    labels: [],
    assignee: [],
    bodyStartLine: 0,
    lineCount: 1,
    problems: [],
    ...fields,
  };
}

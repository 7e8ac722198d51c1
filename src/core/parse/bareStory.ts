import { detectEol } from '../model/lineBreaks';
import type { Fix, Issue } from '../model/issue';
import type { Story } from '../model/story';

// Why: Backlog.md lists a task file without front matter (an old `task-7 - Fix-login.md` starting with
// `# Task 7: Fix login` and `**Status:** To Do`), so Rudder must not drop it. The id comes from the file name as
// Backlog.md names its files; the title is the first heading (already the parsed story's title); a `**Status:**`
// line, when it names a status of the workflow, is read too. The story carries a `missing-front-matter` warning
// whose fix writes those values as front matter.

// Only Backlog.md's own file names give an id: `task-7 - Fix-login.md`, `back-100.1 - Setup.md`, `task-7.md`. Notes
// named after a task (`task-epic-11.104-FINAL-SUMMARY.md`, `task-152.9-plan-test-migration.md`) share its number
// without being that task: an id taken from them would be a false duplicate.
const FILE_ID = /^([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*-\d+(?:\.\d+)*)(?= - |\.md$)/;
const STATUS_LINE = /^\*\*Status:?\*\*:?[ \t]*([^\r\n*]+?)[ \t]*$/im;

/** Returns the id Backlog.md gives a task by its file name (`task-7 - Fix-login.md` → `task-7`), if any. */
export function idFromFileName(path: string): string | undefined {
  return FILE_ID.exec(path.slice(path.lastIndexOf('/') + 1))?.[1];
}

/**
 * Returns a story without front matter as a story: the id from its file name, the title from its first heading,
 * the status from a `**Status:**` line that names one of `statuses`, and a `missing-front-matter` warning with a fix.
 */
export function bareStory(parsed: Story, text: string, statuses: readonly string[]): Story {
  const id = idFromFileName(parsed.path);
  const written = STATUS_LINE.exec(text.length > 65536 ? text.slice(0, 65536) : text)?.[1];
  const status = written === undefined ? undefined : statuses.find((s) => s.toLowerCase() === written.trim().toLowerCase());
  const eol = detectEol(text);
  const fields = [...(id ? [`id: ${id}`] : []), `title: ${JSON.stringify(parsed.title)}`, ...(status ? [`status: ${JSON.stringify(status)}`] : [])];
  const frontMatter = ['---', ...fields, '---', ''].join(eol);
  const at = { line: 0, character: 0 };
  const fix: Fix = { title: `Add front matter (${fields.map((f) => f.split(':')[0]).join(', ')})`, isPreferred: true, edits: [{ path: parsed.path, edits: [{ range: { start: at, end: at }, newText: frontMatter }] }] };
  const problem: Issue = {
    code: 'missing-front-matter',
    severity: 'warning',
    message: `This task file has no front matter: Rudder reads it as ${id ? `${id} ` : 'a story '}"${parsed.title}"${status ? ` (${status})` : ''}, from its ${id ? 'file name and ' : ''}first heading. Add the front matter so that every tool reads the same fields.`,
    path: parsed.path,
    range: parsed.titleRange,
    fixes: [fix],
  };
  const story: Record<string, unknown> = { ...parsed, problems: [...parsed.problems, problem] };
  if (id !== undefined) story.id = id;
  if (status !== undefined) story.status = status;
  return story as unknown as Story;
}

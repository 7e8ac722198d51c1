import { detectEol } from '../model/lineBreaks';
import { formatYamlScalar, styleOf } from '../edits/yamlScalar';
import type { RudderConfig } from '../model/config';
import type { Fix, Issue, IssueCode, Severity } from '../model/issue';
import { LineIndex } from '../model/lineIndex';
import type { FileEdit, Range } from '../model/range';
import type { FieldLocation, Story } from '../model/story';

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Returns true when the config came from a Backlog.md `config.yml`. */
export function isBacklogMdConfig(config: RudderConfig): boolean {
  return config.backlogMd;
}

/** Returns the location of the first of `keys` present in the front matter. */
export function fieldOf(story: Story, ...keys: string[]): FieldLocation | undefined {
  const fields = story.frontMatter?.fields;
  if (!fields) return undefined;
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(fields, k)) return fields[k];
  return undefined;
}

/** Returns the key among `keys` present in the front matter. */
export function keyOf(story: Story, ...keys: string[]): string | undefined {
  const fields = story.frontMatter?.fields;
  if (!fields) return undefined;
  return keys.find((k) => Object.prototype.hasOwnProperty.call(fields, k));
}

/** Returns the range to report a field on: its value, else its key, else the title. */
export function fieldRange(story: Story, ...keys: string[]): Range {
  const f = fieldOf(story, ...keys);
  if (!f) return story.titleRange;
  const v = f.valueRange;
  const empty = v.start.line === v.end.line && v.start.character === v.end.character;
  return empty ? f.keyRange : v;
}

/** Returns the line ending the file uses (its first one: "\r\n", "\n" or a lone "\r"). */
export function eolOf(text: string | undefined): string {
  return text === undefined ? '\n' : detectEol(text);
}

/** Returns the text of a range. */
export function textOf(text: string | undefined, range: Range): string {
  if (text === undefined) return '';
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Returns a fix replacing one scalar value, keeping its quoting style when possible. */
export function replaceValueFix(story: Story, text: string | undefined, range: Range, value: string, title: string, isPreferred = true): Fix {
  const source = textOf(text, range);
  const newText = formatYamlScalar(value, { style: styleOf(source) });
  return { title, isPreferred, edits: [{ path: story.path, edits: [{ range, newText }] }] };
}

/** Returns a fix that adds `key: value` as the last front-matter line, or undefined when the front matter is not closed. */
export function addFieldFix(story: Story, text: string | undefined, key: string, value: string, title: string, isPreferred = true): Fix | undefined {
  const fm = story.frontMatter;
  if (!fm || fm.closeLine < 0 || fm.language !== 'yaml') return undefined;
  const pos = { line: fm.closeLine, character: 0 };
  const edit: FileEdit = { path: story.path, edits: [{ range: { start: pos, end: pos }, newText: `${key}: ${formatYamlScalar(value)}${eolOf(text)}` }] };
  return { title, isPreferred, edits: [edit] };
}

/** Returns an issue with the rule's default severity. */
export function issue(code: IssueCode, severity: Severity, story: Story, range: Range, message: string, extra?: Pick<Issue, 'related' | 'fixes'>): Issue {
  const out: Issue = { code, severity, message, path: story.path, range };
  if (extra?.related && extra.related.length) (out as { related?: Issue['related'] }).related = extra.related;
  if (extra?.fixes && extra.fixes.length) (out as { fixes?: Issue['fixes'] }).fixes = extra.fixes;
  return out;
}

/** Returns a short label for a story in messages: its id, else its title. */
export function label(story: Story): string {
  return story.id ?? `"${story.title}"`;
}

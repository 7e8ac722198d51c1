import { addListItem, removeField, removeListItem, setField } from '../edits/frontMatterEdits';
import type { FieldValue } from '../edits/frontMatterEdits';
import type { FileEdit, TextEdit } from '../model/range';
import type { Story } from '../model/story';
import { chainEdits } from './fileText';
import type { TextOf } from './fileText';

/** A planned change of one file's front matter: the edits, and the paths that could not be edited. */
export interface FieldPlan {
  readonly edits: readonly FileEdit[];
  /** Files whose front matter is broken (or unreadable), left unchanged. */
  readonly skipped: readonly string[];
}

/** Field values to write; `undefined` or `null` removes the key. */
export type FieldChanges = Readonly<Record<string, FieldValue | undefined>>;

/** Returns the edits that set several keys of one text (one minimal edit per key, or one combined edit). */
export function setFieldsEdits(text: string, changes: FieldChanges): TextEdit[] {
  return chainEdits(
    text,
    Object.entries(changes).map(([key, value]) => (t: string) => (value === undefined || value === null ? removeField(t, key) : setField(t, key, value))),
  );
}

/** Returns the edits that make the list `key` hold exactly `items` (keeping the file's list style and the kept items in place). */
export function setListEdits(text: string, key: string, current: readonly string[], items: readonly string[]): TextEdit[] {
  const want = new Set(items.map((i) => i.toLowerCase()));
  const have = new Set(current.map((i) => i.toLowerCase()));
  const steps: ((t: string) => readonly TextEdit[])[] = [];
  for (const c of current) if (!want.has(c.toLowerCase())) steps.push((t) => removeListItem(t, key, c));
  for (const i of items) if (!have.has(i.toLowerCase())) steps.push((t) => addListItem(t, key, i));
  return chainEdits(text, steps);
}

/** Returns the plan that applies the same field changes to every story in `paths` (bulk set). */
export function setFieldsPlan(paths: readonly string[], changes: FieldChanges, text: TextOf): FieldPlan {
  return planEach(paths, text, (t) => setFieldsEdits(t, changes));
}

/** Returns the plan that adds `add` to and removes `remove` from the list `key` of every story (multi-select on a list field). */
export function editListPlan(stories: readonly Story[], key: string, current: (s: Story) => readonly string[], add: readonly string[], remove: readonly string[], text: TextOf): FieldPlan {
  const edits: FileEdit[] = [];
  const skipped: string[] = [];
  const drop = new Set(remove.map((r) => r.toLowerCase()));
  for (const s of stories) {
    const t = text(s.path);
    if (t === undefined) {
      skipped.push(s.path);
      continue;
    }
    const now = current(s);
    const next = [...now.filter((x) => !drop.has(x.toLowerCase())), ...add.filter((a) => !now.some((x) => x.toLowerCase() === a.toLowerCase()))];
    const e = setListEdits(t, key, now, next);
    if (e.length) edits.push({ path: s.path, edits: e });
    else if (isUneditable(t)) skipped.push(s.path);
  }
  return { edits, skipped };
}

function planEach(paths: readonly string[], text: TextOf, edit: (t: string) => TextEdit[]): FieldPlan {
  const edits: FileEdit[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    const t = text(path);
    const e = t === undefined ? [] : edit(t);
    if (e.length) edits.push({ path, edits: e });
    else if (t === undefined || isUneditable(t)) skipped.push(path);
  }
  return { edits, skipped };
}

/** Returns true when the front matter cannot be edited safely (broken YAML, another language). */
export function isUneditable(text: string): boolean {
  // The edit functions return [] both for "already so" and for "unsafe"; a probe write tells them apart.
  return setField(text, 'rudder_probe', 'x').length === 0;
}

import type { Story } from '../model/story';

/**
 * The front-matter keys a grooming field may be written under, in the order `parseStory` reads them (it takes the
 * first one present): Rudder's own name first, then the aliases other tools write (Backlog.md's `parent_task_id` and
 * `dependencies`). A field missing here has one key, its own name.
 */
export const FIELD_KEYS: Readonly<Record<string, readonly string[]>> = {
  epic: ['epic', 'parent_task_id', 'parent'],
  depends_on: ['depends_on', 'dependencies'],
};

/**
 * Returns the key to write `field` under for these stories: the key the first story that has one already uses (the
 * one the parser reads there), else the field's own name. So a Backlog.md task keeps `parent_task_id:` and never gets
 * a second, competing `epic:` line.
 */
export function keyFor(stories: readonly Pick<Story, 'frontMatter'>[], field: string): string {
  const keys = FIELD_KEYS[field] ?? [field];
  for (const s of stories) {
    const fields = s.frontMatter?.fields;
    const key = fields && keys.find((k) => Object.prototype.hasOwnProperty.call(fields, k));
    if (key) return key;
  }
  return keys[0];
}

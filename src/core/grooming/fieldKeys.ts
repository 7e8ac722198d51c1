import type { Story } from '../model/story';
import { keysOfField } from '../model/fields';


/**
 * Returns the key to write `field` under for these stories: the key the first story that has one already uses (the
 * one the parser reads there), else the field's own name. So a Backlog.md task keeps `parent_task_id:` and never gets
 * a second, competing `epic:` line.
 */
export function keyFor(stories: readonly Pick<Story, 'frontMatter'>[], field: string): string {
  // The keys in the order `parseStory` reads them (the field table's): Rudder's own name first, then the aliases.
  const keys = keysOfField(field);
  for (const s of stories) {
    const fields = s.frontMatter?.fields;
    const key = fields && keys.find((k) => Object.prototype.hasOwnProperty.call(fields, k));
    if (key) return key;
  }
  return keys[0];
}

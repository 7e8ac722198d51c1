import type { Checklist, Criterion, Story } from '../model/story';

// Progress of a story's two checklists, the acceptance criteria and the Definition of Done: one reading for the tree
// rows, the hover, the CodeLens, `rudder list` and the rules.

/** How many items a checklist has and how many of them are checked. */
export interface Progress {
  readonly total: number;
  readonly done: number;
}

/** Returns a checklist's progress ({0, 0} when the story has none). */
export function progressOf(list: Checklist | undefined): Progress {
  const items = list?.items ?? [];
  let done = 0;
  for (const c of items) if (c.checked === true) done++;
  return { total: items.length, done };
}

/** Returns the items of a checklist written as checkboxes and not checked. */
export function openItems(list: Checklist | undefined): Criterion[] {
  return (list?.items ?? []).filter((c) => c.checked === false);
}

/** Returns `AC 2/5 · DoD 1/3` (a part only for a checklist with items; '' when neither has any). */
export function checklistSummary(story: Story): string {
  const parts: string[] = [];
  const ac = progressOf(story.acceptanceCriteria);
  if (ac.total) parts.push(`AC ${ac.done}/${ac.total}`);
  const dod = progressOf(story.definitionOfDone);
  if (dod.total) parts.push(`DoD ${dod.done}/${dod.total}`);
  return parts.join(' · ');
}

/** Returns what a person marking these stories done should hear: which Definition of Done items are still open (undefined when none). */
export function openDefinitionOfDoneNote(stories: readonly Story[]): string | undefined {
  const parts: string[] = [];
  for (const s of stories) {
    const open = openItems(s.definitionOfDone);
    if (!open.length) continue;
    const total = s.definitionOfDone?.items.length ?? 0;
    const names = open.slice(0, 3).map((c) => `"${c.text}"`).join(', ') + (open.length > 3 ? ` and ${open.length - 3} more` : '');
    parts.push(`${s.id ?? s.title}: ${open.length} of ${total} Definition of Done ${total === 1 ? 'item is' : 'items are'} open (${names})`);
  }
  return parts.length ? parts.join('; ') + '.' : undefined;
}

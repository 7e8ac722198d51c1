import type { BacklogIndex } from '../index/backlogIndex';
import { frontMatterTokens } from './frontMatterContext';
import { bodyIdCandidates, frontMatterReferences } from './idReferences';
import type { IntelLocation } from './definitionAt';
import { idKey } from '../index/idKey';

/** Returns every place naming `id`: front-matter references (epic, depends_on, milestone, vision, split_from, …) and body references, in backlog order; with the `id:` declarations when asked. */
export function referencesOf(index: BacklogIndex, id: string, includeDeclaration = false): IntelLocation[] {
  const out: IntelLocation[] = [];
  // Ids compare as the index compares them (case-insensitive; Backlog.md's task-24 is BACK-24).
  const key = idKey(id, index.config);
  const same = (other: string) => other === id || idKey(other, index.config) === key;
  const needle = id.toLowerCase().replace(/^[a-z]+-/, '');
  const paths = index.stories().map((s) => s.path);
  const vision = index.vision();
  const others = [...index.milestones().map((m) => m.path), ...index.iterations().map((it) => it.path), ...(vision ? [vision.path] : [])];
  for (const path of [...paths, ...others]) {
    const text = index.text(path);
    // Cheap pre-filter: most files do not mention the id at all, so skip tokenizing them.
    if (text === undefined || !text.toLowerCase().includes(needle)) continue;
    if (includeDeclaration) {
      for (const t of frontMatterTokens(text)) if (t.key === 'id' && same(t.value)) out.push({ path, range: t.range });
    }
    for (const o of frontMatterReferences(text)) if (same(o.id)) out.push({ path, range: o.range });
    for (const o of bodyIdCandidates(text)) if (same(o.id)) out.push({ path, range: o.range });
  }
  const goal = includeDeclaration ? vision?.goals.find((g) => g.id === id) : undefined;
  if (goal && vision) out.push({ path: vision.path, range: goal.range });
  return out;
}

import type { Position, Range } from '../model/range';
import type { FrontMatter } from '../model/story';
import type { BacklogIndex } from '../index/backlogIndex';
import { idAt, knownReferences, resolveId } from './idReferences';

/** A place in a file of the backlog. */
export interface IntelLocation {
  readonly path: string;
  readonly range: Range;
}

/** A link from a range of one file to a place in another. */
export interface IntelLink {
  readonly range: Range;
  readonly target: IntelLocation;
  readonly tooltip: string;
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Returns where an id is defined: each story's title, the goal in the vision, the milestone's or iteration's title ([] when unknown). */
export function definitionsOf(index: BacklogIndex, id: string, key?: string): IntelLocation[] {
  const r = resolveId(index, id);
  const goal = r.goal && index.vision() ? [{ path: index.vision()!.path, range: r.goal.range }] : [];
  const fileOf = (item: { readonly path: string; readonly frontMatter?: FrontMatter } | undefined): IntelLocation[] =>
    item ? [{ path: item.path, range: item.frontMatter?.fields.title?.valueRange ?? item.frontMatter?.fields.id?.valueRange ?? FILE_START }] : [];
  const milestone = fileOf(r.milestone);
  const iteration = fileOf(r.iteration);
  const stories = r.stories.map((s) => ({ path: s.path, range: s.titleRange }));
  // The key decides between kinds when an id is ambiguous: `vision:` means a goal, `milestone:` a milestone, `iteration:` an iteration.
  if (key === 'vision' && goal.length) return goal;
  if (key === 'milestone' && milestone.length) return milestone;
  if (key === 'iteration' && iteration.length) return iteration;
  if (stories.length) return stories;
  return goal.length ? goal : milestone.length ? milestone : iteration;
}

/** Returns the definitions of the id under `position` ([] when there is none). */
export function definitionAt(index: BacklogIndex, path: string, text: string, position: Position): IntelLocation[] {
  const occ = idAt(index, text, position);
  if (!occ || occ.key === 'id') return [];
  void path;
  return definitionsOf(index, occ.id, occ.key);
}

/** Returns a link for every known id in a file's front-matter references and body (to its first definition). */
export function documentLinks(index: BacklogIndex, path: string, text: string): IntelLink[] {
  const out: IntelLink[] = [];
  for (const occ of knownReferences(index, text)) {
    const target = definitionsOf(index, occ.id, occ.key).find((d) => d.path !== path || occ.key !== undefined);
    if (target) out.push({ range: occ.range, target, tooltip: `Open ${occ.id} (${target.path})` });
  }
  return out;
}

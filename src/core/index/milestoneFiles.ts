import type { Milestone } from '../model/story';
import { compareIds } from '../rank/compareStories';

/**
 * The milestone files of a backlog, by path, with the two reads every view makes cached until the set changes: the
 * milestones in order (by id, naturally), and the lookup by id or title (case-insensitive; an id wins over another
 * milestone's equal title).
 */
export class MilestoneFiles {
  private readonly byPath = new Map<string, Milestone>();
  private ordered: Milestone[] | undefined;
  private lookup: Map<string, Milestone> | undefined;

  /** Adds or replaces the milestone of a path. */
  set(path: string, m: Milestone): void {
    this.byPath.set(path, m);
    this.changed();
  }

  /** Forgets the milestone of a path; returns true when there was one. */
  delete(path: string): boolean {
    const had = this.byPath.delete(path);
    if (had) this.changed();
    return had;
  }

  clear(): void {
    this.byPath.clear();
    this.changed();
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  get(path: string): Milestone | undefined {
    return this.byPath.get(path);
  }

  paths(): IterableIterator<string> {
    return this.byPath.keys();
  }

  /** Returns the milestones by id in natural order (then by path). */
  list(): readonly Milestone[] {
    this.ordered ??= [...this.byPath.values()].sort((a, b) => compareIds(a.id, b.id) || (a.path < b.path ? -1 : 1));
    return this.ordered;
  }

  /** Returns the milestone with this id, else the one with this title (case-insensitive). */
  find(ref: string): Milestone | undefined {
    if (!this.lookup) {
      const lookup = new Map<string, Milestone>();
      const ms = this.list();
      // Titles first so that an id always wins over another milestone's equal title.
      for (const m of ms) if (!lookup.has(m.title.toLowerCase())) lookup.set(m.title.toLowerCase(), m);
      for (const m of ms) lookup.set(m.id.toLowerCase(), m);
      this.lookup = lookup;
    }
    return this.lookup.get(ref.trim().toLowerCase());
  }

  private changed(): void {
    this.ordered = undefined;
    this.lookup = undefined;
  }
}

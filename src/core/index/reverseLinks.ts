import type { Story } from '../model/story';
import { MultiMap } from './multiMap';

/**
 * The index's reverse links, kept as stories come and go: id → stories, epic → children, milestone → stories, iteration → stories,
 * goal → stories, dependency → dependents, rank key → stories, plus the sorted distinct rank keys (neighbours for rank
 * fixes), the ids used more than once and the highest id number (the next id). Keys are idKey forms for ids and
 * lower-cased names for milestones and goals. Every query is a map lookup, never a scan.
 */
export class ReverseLinks {
  readonly ids = new MultiMap();
  readonly children = new MultiMap();
  readonly byMilestone = new MultiMap();
  readonly byIteration = new MultiMap();
  readonly byGoal = new MultiMap();
  readonly dependents = new MultiMap();
  readonly rankGroups = new MultiMap();
  /** Distinct rank keys, sorted: neighbours for rank fixes by binary search. */
  private distinctRanks: string[] = [];
  /** Id keys held by more than one story. */
  readonly duplicateKeys = new Set<string>();
  /** Stories without an id (their fixes propose the next id). */
  readonly withoutId = new Set<string>();
  private readonly idNumbers = new Map<number, number>();
  private maxNumber = 0;

  constructor(
    /** Returns the key an id is indexed under (idKey, memoized by the index). */
    private readonly key: (id: string) => string,
    /** Returns the number of an id with the configured prefix (S-12 → 12), or undefined. */
    private readonly numberOf: (id: string) => number | undefined,
  ) {}

  /** The highest id number in use (0 when none). */
  get maxIdNumber(): number {
    return this.maxNumber;
  }

  clear(): void {
    for (const m of [this.ids, this.children, this.byMilestone, this.byIteration, this.byGoal, this.dependents, this.rankGroups]) m.clear();
    this.distinctRanks = [];
    this.duplicateKeys.clear();
    this.withoutId.clear();
    this.idNumbers.clear();
    this.maxNumber = 0;
  }

  /** Adds a story's links. */
  link(s: Story): void {
    const p = s.path;
    if (s.id === undefined) this.withoutId.add(p);
    else {
      const key = this.key(s.id);
      this.ids.add(key, p);
      if ((this.ids.get(key)?.size ?? 0) > 1) this.duplicateKeys.add(key);
      const n = this.numberOf(s.id);
      if (n !== undefined) {
        this.idNumbers.set(n, (this.idNumbers.get(n) ?? 0) + 1);
        if (n > this.maxNumber) this.maxNumber = n;
      }
    }
    if (s.epic !== undefined) this.children.add(this.key(s.epic), p);
    if (s.milestone !== undefined) this.byMilestone.add(s.milestone.toLowerCase(), p);
    if (s.iteration !== undefined) this.byIteration.add(s.iteration.toLowerCase(), p);
    for (const g of s.vision) this.byGoal.add(g.toLowerCase(), p);
    for (const d of s.dependsOn) this.dependents.add(this.key(d), p);
    if (s.rank !== undefined) {
      if (!this.rankGroups.get(s.rank)) this.distinctRanks.splice(lowerBoundString(this.distinctRanks, s.rank), 0, s.rank);
      this.rankGroups.add(s.rank, p);
    }
  }

  /** Removes a story's links (the same story object that was linked). */
  unlink(s: Story): void {
    const p = s.path;
    if (s.id === undefined) this.withoutId.delete(p);
    else {
      const key = this.key(s.id);
      this.ids.delete(key, p);
      if ((this.ids.get(key)?.size ?? 0) < 2) this.duplicateKeys.delete(key);
      const n = this.numberOf(s.id);
      if (n !== undefined) {
        const c = (this.idNumbers.get(n) ?? 1) - 1;
        if (c <= 0) {
          this.idNumbers.delete(n);
          // Why a scan only here: removing the highest id is rare, and the map holds distinct numbers only.
          if (n === this.maxNumber) this.maxNumber = Math.max(0, ...this.idNumbers.keys());
        } else this.idNumbers.set(n, c);
      }
    }
    if (s.epic !== undefined) this.children.delete(this.key(s.epic), p);
    if (s.milestone !== undefined) this.byMilestone.delete(s.milestone.toLowerCase(), p);
    if (s.iteration !== undefined) this.byIteration.delete(s.iteration.toLowerCase(), p);
    for (const g of s.vision) this.byGoal.delete(g.toLowerCase(), p);
    for (const d of s.dependsOn) this.dependents.delete(this.key(d), p);
    if (s.rank !== undefined) {
      this.rankGroups.delete(s.rank, p);
      if (!this.rankGroups.get(s.rank)) {
        const i = lowerBoundString(this.distinctRanks, s.rank);
        if (this.distinctRanks[i] === s.rank) this.distinctRanks.splice(i, 1);
      }
    }
  }

  /** Returns the nearest distinct rank keys below and above `rank`. */
  neighbours(rank: string): { before?: string; after?: string } {
    const r = this.distinctRanks;
    const i = lowerBoundString(r, rank);
    const before = i > 0 ? r[i - 1] : undefined;
    const after = r[i] === rank ? r[i + 1] : r[i];
    return { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
  }
}

function lowerBoundString(list: readonly string[], s: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

import type { Story } from '../model/story';

/**
 * The stories in backlog order, kept by binary insertion as they change. Why not re-sorted: a 10k backlog re-sort
 * costs milliseconds on every keystroke-triggered upsert; insertion is O(log n) compares plus one array move. Why
 * copy-on-write: an array handed out by `list()` must not change under a caller that is iterating it.
 */
export class SortedStories {
  private sorted: Story[] | undefined;
  private shared = false;

  constructor(private readonly compare: (a: Story, b: Story) => number) {}

  /** Returns the stories in order, sorting `all()` when the order is not known yet. */
  list(all: () => Iterable<Story>): readonly Story[] {
    if (!this.sorted) this.sorted = [...all()].sort(this.compare);
    this.shared = true;
    return this.sorted;
  }

  /** Forgets the order (it is sorted again on next use). */
  invalidate(): void {
    this.sorted = undefined;
  }

  /** Inserts a story at its place. */
  insert(s: Story): void {
    const list = this.writable();
    if (list) list.splice(this.lowerBound(list, s), 0, s);
  }

  /** Removes a story (the same object that was inserted). */
  remove(s: Story): void {
    const list = this.writable();
    if (!list) return;
    const i = this.lowerBound(list, s);
    if (list[i] === s) list.splice(i, 1);
    else this.sorted = undefined;
  }

  /** Returns the 0-based position of a story in the order, or -1. */
  position(s: Story, all: () => Iterable<Story>): number {
    const list = this.list(all);
    const i = this.lowerBound(list, s);
    return list[i] === s ? i : -1;
  }

  private writable(): Story[] | undefined {
    if (this.sorted && this.shared) {
      this.sorted = this.sorted.slice();
      this.shared = false;
    }
    return this.sorted;
  }

  private lowerBound(list: readonly Story[], s: Story): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(list[mid], s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

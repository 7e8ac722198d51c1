/** A string → set-of-paths map whose empty sets are dropped: the index's reverse links. */
export class MultiMap {
  private readonly map = new Map<string, Set<string>>();

  add(key: string, path: string): void {
    let s = this.map.get(key);
    if (!s) this.map.set(key, (s = new Set()));
    s.add(path);
  }

  delete(key: string, path: string): void {
    const s = this.map.get(key);
    if (s && s.delete(path) && s.size === 0) this.map.delete(key);
  }

  /** Returns the paths under a key, or undefined when none. */
  get(key: string): ReadonlySet<string> | undefined {
    return this.map.get(key);
  }

  clear(): void {
    this.map.clear();
  }
}

/** The dependency graph as the index sees it: story paths and the paths each one depends on or is depended on by. */
export interface DependencyGraph {
  /** Every story path. */
  paths(): Iterable<string>;
  /** Returns true when a path is a story. */
  has(path: string): boolean;
  /** The story paths that `path` depends on (its `depends_on`, resolved). */
  dependenciesOf(path: string): Iterable<string>;
  /** The story paths that depend on `path`. */
  dependentsOf(path: string): Iterable<string>;
}

/**
 * The cycles of the dependency graph, kept current as stories change: which stories lie on a cycle (by strongly
 * connected component) and the shortest cycle through one of them. Why cached: finding cycles story by story costs
 * O(chain length) each; the components are computed once (linear) and updated only around a story whose id or
 * depends_on changed, which ordinary edits do not.
 */
export class DependencyCycles {
  private components: Map<string, number> | undefined;
  private nextComponent = 0;

  constructor(private readonly graph: DependencyGraph) {}

  /** Forgets everything (a full rebuild follows). */
  reset(): void {
    this.components = undefined;
  }

  /** Returns the paths on a dependency cycle with `path` (reachable from it and reaching it), `path` included when any. */
  componentOf(path: string): Set<string> {
    const walk = (start: string, next: (p: string) => Iterable<string>): Set<string> => {
      const seen = new Set<string>();
      const queue = [start];
      for (let head = 0; head < queue.length; head++) {
        for (const q of next(queue[head])) {
          if (!seen.has(q)) {
            seen.add(q);
            queue.push(q);
          }
        }
      }
      return seen;
    };
    // Every story on a cycle through `path` depends on it transitively, so the forward walk may stay inside the
    // backward set: the cost is bounded by its transitive dependents, usually none while a backlog loads.
    const backward = walk(path, (p) => this.graph.dependentsOf(p));
    if (backward.size === 0) return backward;
    return walk(path, (p) => [...this.graph.dependenciesOf(p)].filter((q) => backward.has(q)));
  }

  /** Keeps the components current after the links of one story changed (its component before and after the change). */
  update(oldComponent: Set<string>, newComponent: Set<string>): void {
    const components = this.components;
    if (!components) return;
    // Removing links can only split the old component; adding links can only merge components into the new one.
    for (const p of oldComponent) components.delete(p);
    const rest = [...oldComponent].filter((p) => this.graph.has(p) && !newComponent.has(p));
    for (const members of this.cyclicSccs(rest)) {
      const c = this.nextComponent++;
      for (const m of members) components.set(m, c);
    }
    if (newComponent.size) {
      const c = this.nextComponent++;
      for (const m of newComponent) components.set(m, c);
    }
  }

  /** Returns the shortest cycle through `path` as paths (starting and ending with it), or undefined when it is on none. */
  shortestCycle(path: string): string[] | undefined {
    const components = this.all();
    const comp = components.get(path);
    if (comp === undefined) return undefined;
    // Breadth-first inside the story's component: the first path back to it is the shortest cycle.
    const parent = new Map<string, string>();
    const queue: string[] = [path];
    const seen = new Set<string>([path]);
    for (let head = 0; head < queue.length; head++) {
      const p = queue[head];
      for (const q of this.graph.dependenciesOf(p)) {
        if (q === path) {
          const chain = [path];
          for (let x: string | undefined = p; x !== undefined && x !== path; x = parent.get(x)) chain.splice(1, 0, x);
          chain.push(path);
          return chain;
        }
        if (!seen.has(q) && components.get(q) === comp) {
          seen.add(q);
          parent.set(q, p);
          queue.push(q);
        }
      }
    }
    return undefined;
  }

  /** Returns the components of the graph that hold a cycle: path → component number. */
  private all(): Map<string, number> {
    if (this.components) return this.components;
    const out = new Map<string, number>();
    for (const members of this.cyclicSccs([...this.graph.paths()])) {
      const c = this.nextComponent++;
      for (const m of members) out.set(m, c);
    }
    this.components = out;
    return out;
  }

  /** Returns the strongly connected components with a cycle among `paths`, following only edges inside `paths`. */
  private cyclicSccs(paths: string[]): string[][] {
    // Tarjan's algorithm over integer node numbers, iterative (dependency chains can be thousands deep).
    const num = new Map<string, number>();
    paths.forEach((p, i) => num.set(p, i));
    const adj: number[][] = paths.map((p) => {
      const res: number[] = [];
      for (const q of this.graph.dependenciesOf(p)) {
        const j = num.get(q);
        if (j !== undefined) res.push(j);
      }
      return res;
    });
    const n = paths.length;
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const edgePos = new Int32Array(n);
    const stack: number[] = [];
    const work: number[] = [];
    const out: string[][] = [];
    let counter = 0;
    for (let root = 0; root < n; root++) {
      if (index[root] !== -1) continue;
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = 1;
      work.push(root);
      while (work.length) {
        const v = work[work.length - 1];
        if (edgePos[v] < adj[v].length) {
          const w = adj[v][edgePos[v]++];
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            work.push(w);
          } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
          continue;
        }
        work.pop();
        if (work.length) {
          const u = work[work.length - 1];
          low[u] = Math.min(low[u], low[v]);
        }
        if (low[v] === index[v]) {
          const members: string[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            members.push(paths[w]);
          } while (w !== v);
          if (members.length > 1 || adj[v].includes(v)) out.push(members);
        }
      }
    }
    return out;
  }
}

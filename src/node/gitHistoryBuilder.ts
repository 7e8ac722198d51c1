// Builds file lineages from the commits of one `git log` pass, commit by commit, oldest first: each file
// followed through renames and moves (and through a delete plus an add of the same story id in one
// commit, which git's rename detection misses when the text changed a lot), with the front-matter values
// it carries. Kept between reads, so a refresh applies only the commits that are new. No Node import:
// it is fed parsed commits (gitLogParser.ts) and tested without git.
import { HISTORY_FIELDS, type BacklogHistory, type FileEvent, type FileLineage, type HistoryField, type HistoryTime } from '../core/flow/backlogHistory';

/** One file of a commit, as `--raw` and the patch describe it. */
export interface CommitFile {
  /** A added, M modified, D deleted, R renamed, C copied, T type changed. */
  readonly status: string;
  readonly path: string;
  /** The old path of a rename or copy. */
  readonly from?: string;
  /** Front-matter values of an added file (from its `+` lines). */
  readonly added?: FrontMatterValues;
  /** Front-matter lines a modification removed and added, by field (raw values). */
  readonly removed?: Partial<Record<HistoryField, string>>;
  readonly inserted?: Partial<Record<HistoryField, string>>;
  /** The line number of the closing `---` in the new text, when known. */
  readonly frontMatterEnd?: number;
}

export interface FrontMatterValues {
  readonly values: Partial<Record<HistoryField, string>>;
  /** The line of the closing `---` (1-based); undefined when the file has no front matter. */
  readonly end?: number;
}

export interface ParsedCommit {
  readonly at: HistoryTime;
  readonly files: readonly CommitFile[];
}

interface MutableLineage {
  path: string;
  deleted: boolean;
  readonly events: FileEvent[];
}

/** A live file: its lineage, its current values and where its front matter ends. */
export interface LiveFile {
  readonly lineage: MutableLineage;
  values: Partial<Record<HistoryField, string>>;
  frontMatterEnd?: number;
}

/** The lineages of every Markdown file the log has shown, updated one commit at a time. */
export class GitHistoryBuilder {
  private readonly lineages: MutableLineage[] = [];
  private readonly live = new Map<string, LiveFile>();
  private commits = 0;
  private first: string | undefined;
  private last: string | undefined;
  private truncatedFiles = 0;
  private shallowSince: string | undefined;

  /** Commits whose added files existed before them (the shallow boundary of a shallow clone). */
  constructor(private readonly boundary: ReadonlySet<string> = new Set()) {}

  /** Returns where the front matter of a live file ends (the parser needs it to tell front matter from body). */
  frontMatterEnd(path: string): number | undefined {
    return this.live.get(path)?.frontMatterEnd;
  }

  /** Returns whether the builder already follows this path. */
  has(path: string): boolean {
    return this.live.has(path);
  }

  /** Applies one commit. */
  apply(commit: ParsedCommit): void {
    const { at } = commit;
    this.commits++;
    if (this.first === undefined || at.date < this.first) this.first = at.date;
    if (this.last === undefined || at.date > this.last) this.last = at.date;
    const truncated = this.boundary.has(at.commit);
    if (truncated && (this.shallowSince === undefined || at.date < this.shallowSince)) this.shallowSince = at.date;
    // Deletes and the old side of renames leave first, so a commit that swaps two names reads right.
    const leaving = new Map<string, LiveFile>();
    for (const f of commit.files) {
      if (f.status === 'D' || f.status === 'R') {
        const from = f.status === 'R' ? (f.from ?? f.path) : f.path;
        const l = this.live.get(from);
        if (l) {
          leaving.set(from, l);
          this.live.delete(from);
        }
      }
    }
    // A delete and an add of the same story id in one commit is a move git did not see as a rename.
    const deletedById = new Map<string, string>();
    for (const f of commit.files) {
      const id = f.status === 'D' ? leaving.get(f.path)?.values.id : undefined;
      if (id) deletedById.set(id, f.path);
    }
    for (const f of commit.files) {
      switch (f.status) {
        case 'A': {
          const values = f.added?.values ?? {};
          const movedFrom = !truncated && values.id ? deletedById.get(values.id) : undefined;
          const old = movedFrom !== undefined ? leaving.get(movedFrom) : undefined;
          if (old && movedFrom !== undefined) {
            leaving.delete(movedFrom);
            deletedById.delete(values.id!);
            this.move(old, movedFrom, f.path, at);
            this.change(old, values, at);
            old.frontMatterEnd = f.added?.end;
            this.live.set(f.path, old);
            break;
          }
          const lineage: MutableLineage = { path: f.path, deleted: false, events: [{ kind: 'created', at, path: f.path, values: { ...values }, ...(truncated ? { truncated: true as const } : {}) }] };
          if (truncated) this.truncatedFiles++;
          this.lineages.push(lineage);
          this.live.set(f.path, { lineage, values: { ...values }, ...(f.added?.end !== undefined ? { frontMatterEnd: f.added.end } : {}) });
          break;
        }
        case 'C': {
          const source = this.live.get(f.from ?? '');
          const values = { ...(source?.values ?? {}), ...(f.inserted ?? {}) };
          const lineage: MutableLineage = { path: f.path, deleted: false, events: [{ kind: 'created', at, path: f.path, values: { ...values } }] };
          this.lineages.push(lineage);
          this.live.set(f.path, { lineage, values, ...(f.frontMatterEnd !== undefined ? { frontMatterEnd: f.frontMatterEnd } : {}) });
          break;
        }
        case 'R': {
          const old = leaving.get(f.from ?? f.path);
          if (!old) break;
          leaving.delete(f.from ?? f.path);
          this.move(old, f.from ?? f.path, f.path, at);
          this.modify(old, f, at);
          this.live.set(f.path, old);
          break;
        }
        case 'D':
          break;
        default: {
          const l = this.live.get(f.path);
          if (l) this.modify(l, f, at);
          break;
        }
      }
    }
    for (const l of leaving.values()) {
      l.lineage.deleted = true;
      l.lineage.events.push({ kind: 'deleted', at });
    }
  }

  private move(l: LiveFile, from: string, to: string, at: HistoryTime): void {
    l.lineage.events.push({ kind: 'moved', at, from, to });
    l.lineage.path = to;
  }

  /** Records the fields a modification changed (a removed line and an added one, or either alone). */
  private modify(l: LiveFile, f: CommitFile, at: HistoryTime): void {
    const next = { ...l.values };
    for (const field of HISTORY_FIELDS) {
      const added = f.inserted?.[field];
      const removed = f.removed?.[field];
      if (added !== undefined) next[field] = added;
      else if (removed !== undefined) delete next[field];
    }
    this.change(l, next, at);
    if (f.frontMatterEnd !== undefined) l.frontMatterEnd = f.frontMatterEnd;
  }

  /** Sets a live file's values (all of them), recording a `changed` event for every field that differs. */
  private change(l: LiveFile, next: Partial<Record<HistoryField, string>>, at: HistoryTime): void {
    for (const field of HISTORY_FIELDS) {
      const before = l.values[field];
      const after = next[field];
      if (before === after) continue;
      l.lineage.events.push({ kind: 'changed', at, field, ...(before !== undefined ? { from: before } : {}), ...(after !== undefined ? { to: after } : {}) });
    }
    l.values = { ...next };
  }

  /** Returns the history read so far (a snapshot: later commits do not change it). */
  snapshot(head: string): BacklogHistory {
    const lineages: FileLineage[] = this.lineages.map((l) => ({ path: l.path, deleted: l.deleted, events: l.events.slice() }));
    return {
      available: true,
      head,
      commits: this.commits,
      ...(this.first !== undefined ? { first: this.first } : {}),
      ...(this.last !== undefined ? { last: this.last } : {}),
      ...(this.shallowSince !== undefined ? { shallow: { since: this.shallowSince, files: this.truncatedFiles } } : {}),
      lineages,
    };
  }
}

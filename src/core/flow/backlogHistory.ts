// The history of a backlog's files as plain data: what a history reader (the git adapter in src/node, or
// none in a web worker) hands the core. Lineages follow a file through renames and moves; events carry the
// commit, its author date and the front-matter values that changed. The core gives them meaning (what is
// "in progress" or "done" depends on the configuration), so nothing here knows a workflow.

/** The front-matter fields a history reader follows. `id` and `type` name the story and tell epics apart. */
export const HISTORY_FIELDS = ['id', 'type', 'status', 'estimate', 'milestone', 'iteration'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** Where an event happened: a commit and its author date. */
export interface HistoryTime {
  /** The full commit hash; '' for a change that is not committed yet (the working tree). */
  readonly commit: string;
  /** The author's local calendar date, YYYY-MM-DD (as written in the commit, whatever the reader's time zone). */
  readonly date: string;
  /** Seconds since 1970 (orders events within a day). */
  readonly time: number;
}

/** One thing that happened to a file. */
export type FileEvent =
  | {
      readonly kind: 'created';
      readonly at: HistoryTime;
      readonly path: string;
      /** The followed fields as written when the file appeared (values are raw YAML scalars, unquoted). */
      readonly values: Readonly<Partial<Record<HistoryField, string>>>;
      /** The file existed before the first commit a shallow clone holds: it was not created then. */
      readonly truncated?: true;
    }
  | { readonly kind: 'changed'; readonly at: HistoryTime; readonly field: HistoryField; readonly from?: string; readonly to?: string }
  | { readonly kind: 'moved'; readonly at: HistoryTime; readonly from: string; readonly to: string }
  | { readonly kind: 'deleted'; readonly at: HistoryTime };

/** One file followed through its renames and moves, oldest event first. */
export interface FileLineage {
  /** Its path now (after the last move), or the last path it had when it was deleted. Relative to the root. */
  readonly path: string;
  readonly deleted: boolean;
  readonly events: readonly FileEvent[];
}

/** The history of the backlog folder, or why there is none. */
export type BacklogHistory =
  | {
      readonly available: true;
      /** The commit the history was read up to. */
      readonly head: string;
      /** Commits that touched the backlog folder. */
      readonly commits: number;
      /** Author dates of the oldest and newest of them. */
      readonly first?: string;
      readonly last?: string;
      /** Set in a shallow clone: the history starts at `since`; files there existed before it. */
      readonly shallow?: { readonly since: string; readonly files: number };
      readonly lineages: readonly FileLineage[];
    }
  | {
      readonly available: false;
      /** Why: "git is not installed", "not a git repository", "a remote folder has no local history". */
      readonly reason: string;
    };

/** What a history reader is asked for. */
export interface HistoryRequest {
  /** The backlog folder, relative to the root ('.' or '' for the root itself). */
  readonly folder: string;
}

/** The port a shell plugs a history reader into (git in Node; nothing in a web worker). */
export interface HistorySource {
  /** Returns the history up to now; a second call reads only what is new (or nothing). Never throws. */
  read(request: HistoryRequest): Promise<BacklogHistory>;
}

/** Returns a history source that has nothing to read, and says why. */
export function noHistory(reason: string): HistorySource {
  return { read: async () => ({ available: false, reason }) };
}

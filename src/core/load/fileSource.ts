// The port through which the core loading pipeline reads a backlog: the CLI and the editor plug in their own.
// Paths are relative to the source's root, with '/' separators ('' is the root itself).

/** What a path is. A link counts as what it points to when that is a file inside the root; any other link is 'other'. */
export type EntryKind = 'file' | 'folder' | 'other';

/** One entry of a folder listing. */
export interface FolderEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

/** A folder listing, or why there is none. */
export type ListResult =
  | { readonly ok: true; readonly entries: readonly FolderEntry[] }
  | { readonly ok: false; readonly missing: boolean; readonly message: string };

/** Why a file could not be read. */
export type ReadFailure = 'missing' | 'unreadable' | 'not-a-file' | 'too-large';

/** A file's bytes, or why there are none. */
export type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: ReadFailure; readonly message: string };

/** Limits every read honours. */
export interface ReadLimits {
  /** Files larger than this are not read ('too-large'). */
  readonly maxBytes: number;
}

/**
 * Lists folders, tells what a path is, and reads files. Implementations: Node `fs` (the CLI and local folders in
 * the editor), `vscode.workspace.fs` (remote and virtual folders) and memory (unit tests). A source reads only
 * regular files (never a device, FIFO or folder) and never a path outside its root.
 */
export interface FileSource {
  /** Returns the entries of a folder. */
  list(folder: string): Promise<ListResult>;
  /** Returns what a path is, or undefined when nothing is there. */
  kindOf(path: string): Promise<EntryKind | undefined>;
  /** Returns the bytes of each path, in order. A batch, so a synchronous source answers it in one go. */
  read(paths: readonly string[], limits: ReadLimits): Promise<readonly ReadResult[]>;
}

/** Returns true when a root-relative path stays inside the root: no empty, '.' or '..' segment, not absolute. */
export function isInsideRoot(path: string): boolean {
  if (path === '') return true;
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return false;
  for (const segment of path.split('/')) if (segment === '' || segment === '.' || segment === '..') return false;
  return true;
}

/** Returns `folder/name`, or `name` when the folder is the root. */
export function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

import * as vscode from 'vscode';
import { isInsideRoot, type EntryKind, type FileSource, type ListResult, type ReadLimits, type ReadResult } from '../core/load/fileSource';
import { toUri } from './convert';

// Why 256 reads in flight: each workspace.fs call is a round trip to the file service; 256 at once hide its latency,
// while thousands at once would stall the extension host.
const IN_FLIGHT = 256;

/**
 * The `vscode.workspace.fs` FileSource of a workspace folder: remote and virtual folders (and the browser). Links to
 * folders are not followed; only files (FileType.File, without the Directory bit) are read.
 */
export class WorkspaceFileSource implements FileSource {
  constructor(readonly root: vscode.Uri) {}

  async list(folder: string): Promise<ListResult> {
    if (!isInsideRoot(folder)) return { ok: false, missing: false, message: `${folder} is outside ${this.root.toString()}` };
    try {
      const entries = await vscode.workspace.fs.readDirectory(toUri(this.root, folder));
      return { ok: true, entries: entries.map(([name, type]) => ({ name, kind: kindOfType(type) })) };
    } catch (e) {
      return { ok: false, missing: isNotFound(e), message: describe(e, folder) };
    }
  }

  async kindOf(path: string): Promise<EntryKind | undefined> {
    if (!isInsideRoot(path)) return undefined;
    try {
      return kindOfType((await vscode.workspace.fs.stat(toUri(this.root, path))).type);
    } catch {
      return undefined;
    }
  }

  async read(paths: readonly string[], limits: ReadLimits): Promise<readonly ReadResult[]> {
    const out: ReadResult[] = [];
    for (let i = 0; i < paths.length; i += IN_FLIGHT) out.push(...(await Promise.all(paths.slice(i, i + IN_FLIGHT).map((p) => this.readOne(p, limits)))));
    return out;
  }

  private async readOne(path: string, limits: ReadLimits): Promise<ReadResult> {
    if (!isInsideRoot(path)) return { ok: false, reason: 'unreadable', message: `${path} is outside ${this.root.toString()}` };
    const uri = toUri(this.root, path);
    try {
      // Why stat first: reading a device or a pipe through the file service would never end.
      const st = await vscode.workspace.fs.stat(uri);
      if (kindOfType(st.type) !== 'file') return { ok: false, reason: 'not-a-file', message: `${path} is not a regular file` };
      if (st.size > limits.maxBytes) return { ok: false, reason: 'too-large', message: `${path} is ${st.size} bytes (the limit is ${limits.maxBytes})` };
      return { ok: true, bytes: await vscode.workspace.fs.readFile(uri) };
    } catch (e) {
      return isNotFound(e) ? { ok: false, reason: 'missing', message: describe(e, path) } : { ok: false, reason: 'unreadable', message: describe(e, path) };
    }
  }
}

function kindOfType(type: vscode.FileType): EntryKind {
  if (type & vscode.FileType.Directory) return type & vscode.FileType.SymbolicLink ? 'other' : 'folder';
  return type & vscode.FileType.File ? 'file' : 'other';
}

function isNotFound(e: unknown): boolean {
  return e instanceof vscode.FileSystemError ? e.code === 'FileNotFound' || e.code === 'FileNotADirectory' : false;
}

function describe(e: unknown, path: string): string {
  if (e instanceof vscode.FileSystemError && e.code === 'NoPermissions') return `permission denied: ${path}`;
  return `${path}: ${e instanceof Error ? e.message : String(e)}`;
}

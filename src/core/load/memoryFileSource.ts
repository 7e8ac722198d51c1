import { encodeUtf8 } from './decodeText';
import { isInsideRoot, type EntryKind, type FileSource, type FolderEntry, type ListResult, type ReadResult } from './fileSource';

/** What a memory source holds at a path: a file's text or bytes, or a special entry (a device, a FIFO: 'other'). */
export type MemoryEntry = string | Uint8Array | { readonly kind: 'other' } | { readonly kind: 'unreadable' };

/**
 * A FileSource over a map of root-relative paths, for tests: folders are implied by the paths under them.
 * `files` is read live, so a test can change it between calls.
 */
export class MemoryFileSource implements FileSource {
  constructor(readonly files: Map<string, MemoryEntry> = new Map()) {}

  /** Returns a source holding these files. */
  static of(files: Record<string, MemoryEntry>): MemoryFileSource {
    return new MemoryFileSource(new Map(Object.entries(files)));
  }

  async list(folder: string): Promise<ListResult> {
    if (!isInsideRoot(folder)) return { ok: false, missing: false, message: `${folder} is outside the root` };
    const prefix = folder === '' ? '' : `${folder}/`;
    const entries = new Map<string, EntryKind>();
    for (const [p, entry] of this.files) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) entries.set(rest, kindOfEntry(entry));
      else entries.set(rest.slice(0, slash), 'folder');
    }
    if (entries.size === 0 && folder !== '') {
      return this.files.has(folder) ? { ok: false, missing: false, message: `${folder} is not a folder` } : { ok: false, missing: true, message: `${folder} does not exist` };
    }
    const out: FolderEntry[] = [...entries].map(([name, kind]) => ({ name, kind }));
    return { ok: true, entries: out };
  }

  async kindOf(path: string): Promise<EntryKind | undefined> {
    if (!isInsideRoot(path)) return undefined;
    const entry = this.files.get(path);
    if (entry !== undefined) return kindOfEntry(entry);
    const prefix = `${path}/`;
    for (const p of this.files.keys()) if (path === '' || p.startsWith(prefix)) return 'folder';
    return undefined;
  }

  async read(paths: readonly string[], limits: { maxBytes: number }): Promise<readonly ReadResult[]> {
    return paths.map((p): ReadResult => {
      if (!isInsideRoot(p)) return { ok: false, reason: 'unreadable', message: `${p} is outside the root` };
      const entry = this.files.get(p);
      if (entry === undefined) {
        const folder = [...this.files.keys()].some((k) => k.startsWith(`${p}/`));
        return folder ? { ok: false, reason: 'not-a-file', message: `${p} is a folder` } : { ok: false, reason: 'missing', message: `${p} does not exist` };
      }
      if (typeof entry === 'object' && 'kind' in entry) {
        return entry.kind === 'unreadable' ? { ok: false, reason: 'unreadable', message: `permission denied: ${p}` } : { ok: false, reason: 'not-a-file', message: `${p} is not a regular file` };
      }
      const bytes = typeof entry === 'string' ? encodeUtf8(entry) : entry;
      if (bytes.length > limits.maxBytes) return { ok: false, reason: 'too-large', message: `${p} is ${bytes.length} bytes` };
      return { ok: true, bytes };
    });
  }
}

function kindOfEntry(entry: MemoryEntry): EntryKind {
  return typeof entry === 'object' && 'kind' in entry ? (entry.kind === 'unreadable' ? 'file' : 'other') : 'file';
}

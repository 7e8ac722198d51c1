import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInsideRoot, type EntryKind, type FileSource, type FolderEntry, type ListResult, type ReadLimits, type ReadResult } from '../core/load/fileSource';

/**
 * The Node `fs` FileSource of a root folder: the CLI's, and the editor's for local folders. Reads are synchronous
 * (measured on 10,000 stories: a third of the CPU of `fs.promises`) and answered per batch. Only regular files are
 * read; a link is followed only to a file inside the root, never to a folder (so a link cycle cannot hang a walk).
 */
export class NodeFileSource implements FileSource {
  readonly root: string;
  private realRoot: string | undefined;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async list(folder: string): Promise<ListResult> {
    if (!isInsideRoot(folder)) return { ok: false, missing: false, message: `${folder} is outside ${this.root}` };
    const abs = this.abs(folder);
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', message: describe(e, abs) };
    }
    const entries: FolderEntry[] = dirents.map((d) => ({ name: d.name, kind: d.isSymbolicLink() ? this.linkKind(path.join(abs, d.name)) : d.isFile() ? 'file' : d.isDirectory() ? 'folder' : 'other' }));
    return { ok: true, entries };
  }

  async kindOf(p: string): Promise<EntryKind | undefined> {
    if (!isInsideRoot(p)) return undefined;
    const abs = this.abs(p);
    let st: fs.Stats;
    try {
      // The root itself may be reached through a link (a symlinked checkout): follow it there, nowhere else.
      st = p === '' ? fs.statSync(abs) : fs.lstatSync(abs);
    } catch {
      return undefined;
    }
    if (st.isSymbolicLink()) return this.linkKind(abs);
    return st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'other';
  }

  async read(paths: readonly string[], limits: ReadLimits): Promise<readonly ReadResult[]> {
    return paths.map((p) => this.readOne(p, limits));
  }

  private readOne(p: string, limits: ReadLimits): ReadResult {
    if (!isInsideRoot(p)) return { ok: false, reason: 'unreadable', message: `${p} is outside ${this.root}` };
    const abs = this.abs(p);
    let fd: number;
    try {
      // Why O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever; the fstat below then refuses it.
      // Why O_NOFOLLOW: a link is opened only once linkKind has checked that it leads to a file inside the root.
      fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP' && this.linkKind(abs) === 'file') {
        try {
          fd = fs.openSync(fs.realpathSync(abs), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
        } catch (e2) {
          return { ok: false, reason: 'unreadable', message: describe(e2, abs) };
        }
      } else if (code === 'ELOOP') return { ok: false, reason: 'not-a-file', message: `${abs} is a link that does not lead to a file inside ${this.root}` };
      else if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: describe(e, abs) };
      else if (code === 'EISDIR') return { ok: false, reason: 'not-a-file', message: `${abs} is a folder` };
      else return { ok: false, reason: 'unreadable', message: describe(e, abs) };
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return { ok: false, reason: 'not-a-file', message: `${abs} is not a regular file` };
      if (st.size > limits.maxBytes) return { ok: false, reason: 'too-large', message: `${abs} is ${st.size} bytes (the limit is ${limits.maxBytes})` };
      const bytes = Buffer.allocUnsafe(st.size);
      let off = 0;
      while (off < st.size) {
        const n = fs.readSync(fd, bytes, off, st.size - off, off);
        if (n === 0) break; // the file shrank while it was read: keep what is there
        off += n;
      }
      return { ok: true, bytes: off === st.size ? bytes : bytes.subarray(0, off) };
    } catch (e) {
      return { ok: false, reason: 'unreadable', message: describe(e, abs) };
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Returns what a link is: 'file' for a link to a regular file inside the root, else 'other'. */
  private linkKind(abs: string): EntryKind {
    try {
      const real = fs.realpathSync(abs);
      this.realRoot ??= fs.realpathSync(this.root);
      const rel = path.relative(this.realRoot, real);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return 'other';
      return fs.statSync(real).isFile() ? 'file' : 'other';
    } catch {
      return 'other';
    }
  }

  private abs(p: string): string {
    return p === '' ? this.root : path.join(this.root, ...p.split('/'));
  }
}

function describe(e: unknown, abs: string): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return `permission denied: ${abs}`;
  return `${err.code ?? 'error'}: ${abs}${err.message ? ` (${err.message.replace(/^[A-Z]+: /, '')})` : ''}`;
}

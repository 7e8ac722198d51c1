// The git history of a backlog folder, read with the `git` CLI: one `git log` pass over the folder
// (renames and moves followed, front-matter diffs of the followed fields), streamed into the parser as it
// runs. Cached by commit: a second read asks git for HEAD, and reads only the commits since the last one
// when HEAD moved forward (everything again after a checkout or rebase elsewhere). Without git, outside a
// repository or with a failing git, it returns `available: false` with the reason; it never throws.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { BacklogHistory, HistoryRequest, HistorySource } from '../core/flow/backlogHistory';
import { GitHistoryBuilder } from './gitHistoryBuilder';
import { GIT_LOG_ARGS, GitLogParser } from './gitLogParser';

export interface GitHistoryOptions {
  /** The git executable (default: `git` on the PATH). */
  readonly git?: string;
}

/** What the reads did: how many answered from the cache, read only new commits, or read everything. */
export interface GitHistoryStats {
  warm: number;
  incremental: number;
  full: number;
}

interface GitResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: NodeJS.ErrnoException;
}

// Why these: no lock on the repository's index (another git may be running), no pager, no prompts.
const GIT_ENV = { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };

interface Cache {
  readonly folder: string;
  readonly head: string;
  readonly builder: GitHistoryBuilder;
  readonly history: BacklogHistory;
}

/** Reads a backlog folder's history with git; one instance per root keeps the cache. */
export class GitHistorySource implements HistorySource {
  private cache: Cache | undefined;
  private running: Promise<BacklogHistory> | undefined;
  readonly stats: GitHistoryStats = { warm: 0, incremental: 0, full: 0 };

  constructor(
    private readonly root: string,
    private readonly options: GitHistoryOptions = {},
  ) {}

  /** Returns the history up to HEAD; concurrent calls share one read. */
  read(request: HistoryRequest): Promise<BacklogHistory> {
    this.running ??= this.readNow(request).finally(() => (this.running = undefined));
    return this.running;
  }

  private async readNow(request: HistoryRequest): Promise<BacklogHistory> {
    const folder = request.folder === '' ? '.' : request.folder;
    const probe = await this.git(['rev-parse', '--absolute-git-dir', '--is-shallow-repository']);
    if (probe.error) return { available: false, reason: probe.error.code === 'ENOENT' ? 'git is not installed' : `git could not run (${probe.error.message})` };
    if (probe.code !== 0) {
      return { available: false, reason: /not a git repository/i.test(probe.stderr) ? `${this.root} is not in a git repository` : `git rev-parse failed: ${firstLine(probe.stderr)}` };
    }
    const [gitDir, shallow] = probe.stdout.split('\n');
    const headResult = await this.git(['rev-parse', '--verify', '-q', 'HEAD']);
    const head = headResult.code === 0 ? headResult.stdout.trim() : '';
    if (!head) return new GitHistoryBuilder().snapshot('');
    const cache = this.cache;
    if (cache && cache.folder === folder && cache.head === head) {
      this.stats.warm++;
      return cache.history;
    }
    let builder: GitHistoryBuilder;
    let range: string;
    if (cache && cache.folder === folder && (await this.git(['merge-base', '--is-ancestor', cache.head, head])).code === 0) {
      builder = cache.builder;
      range = `${cache.head}..${head}`;
      this.stats.incremental++;
    } else {
      this.stats.full++;
      builder = new GitHistoryBuilder(shallow === 'true' ? await shallowCommits(gitDir) : new Set());
      range = head;
    }
    const log = await this.log(builder, range, folder);
    if (log) {
      // A half-applied log leaves the builder between two commits: start over next time.
      this.cache = undefined;
      return log;
    }
    const history = builder.snapshot(head);
    this.cache = { folder, head, builder, history };
    return history;
  }

  /** Streams `git log` into the builder; returns a failure, or undefined when it went well. */
  private log(builder: GitHistoryBuilder, range: string, folder: string): Promise<BacklogHistory | undefined> {
    return new Promise((resolve) => {
      const parser = new GitLogParser(builder);
      const child = spawn(this.options.git ?? 'git', [...GIT_LOG_ARGS, range, '--', folder], { cwd: this.root, env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let failed: Error | undefined;
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        try {
          parser.push(chunk);
        } catch (e) {
          failed ??= e as Error;
        }
      });
      child.stderr.on('data', (chunk: string) => (stderr += chunk));
      child.on('error', (e) => resolve({ available: false, reason: `git could not run (${e.message})` }));
      child.on('close', (code) => {
        try {
          parser.end();
        } catch (e) {
          failed ??= e as Error;
        }
        if (failed) resolve({ available: false, reason: `the git log could not be read (${failed.message})` });
        else if (code !== 0) resolve({ available: false, reason: `git log failed: ${firstLine(stderr)}` });
        else resolve(undefined);
      });
    });
  }

  private git(args: readonly string[]): Promise<GitResult> {
    return new Promise((resolve) => {
      const child = spawn(this.options.git ?? 'git', args, { cwd: this.root, env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      child.stdout.on('data', (c: string) => (stdout += c));
      child.stderr.on('data', (c: string) => (stderr += c));
      child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: null, stdout, stderr, error }));
      child.on('close', (code) => resolve({ code, stdout: stdout.trimEnd(), stderr }));
    });
  }
}

/** Returns the commits a shallow clone was cut at (`<git dir>/shallow`): their parents are missing. */
async function shallowCommits(gitDir: string | undefined): Promise<Set<string>> {
  if (!gitDir) return new Set();
  try {
    const text = await readFile(path.join(gitDir, 'shallow'), 'utf8');
    return new Set(text.split('\n').map((l) => l.trim()).filter(Boolean));
  } catch {
    return new Set();
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] || 'no message';
}

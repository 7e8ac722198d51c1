// A throwaway git repository for tests, with commits at the dates a test says (GIT_AUTHOR_DATE and
// GIT_COMMITTER_DATE), so the history a reader sees is known to the day.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Returns whether a git executable runs here (the history tests skip without one). */
export function hasGit(): boolean {
  return spawnSync('git', ['--version'], { encoding: 'utf8' }).status === 0;
}

const IDENTITY = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };

export class TestRepo {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rudder-history-'));
    if (!dir) this.git('init', '-q', '-b', 'main');
  }

  /** Runs git in the repository; returns stdout; throws with stderr on failure. */
  git(...args: string[]): string {
    const r = spawnSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...IDENTITY, GIT_CONFIG_NOSYSTEM: '1', HOME: this.dir } });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout.trim();
  }

  write(rel: string, text: string): void {
    const file = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  /** Changes one `key: value` line of a file's front matter (adds it when missing). */
  set(rel: string, key: string, value: string): void {
    const file = path.join(this.dir, rel);
    const text = fs.readFileSync(file, 'utf8');
    const re = new RegExp(`^${key}:.*$`, 'm');
    this.write(rel, re.test(text) ? text.replace(re, `${key}: ${value}`) : text.replace(/^---\n/, `---\n${key}: ${value}\n`));
  }

  move(from: string, to: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, to)), { recursive: true });
    this.git('mv', from, to);
  }

  remove(rel: string): void {
    this.git('rm', '-q', rel);
  }

  /** Commits everything at `when` (an ISO date, or date and time with an offset); returns the commit hash. */
  commit(when: string, message = `at ${when}`): string {
    const date = when.length === 10 ? `${when}T12:00:00+00:00` : when;
    this.git('add', '-A');
    const r = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...IDENTITY, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, HOME: this.dir } });
    if (r.status !== 0) throw new Error(`git commit failed: ${r.stderr}`);
    return this.git('rev-parse', 'HEAD');
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Returns a story file's text. */
export function storyText(fields: Readonly<Record<string, string | number | undefined>>, body = 'As a cook, I want it, so that dinner is decided.\n\n## Acceptance Criteria\n\n- [ ] It works\n'): string {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

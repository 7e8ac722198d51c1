// Builds the demo backlog (examples/demo) as a git repository with a believable history, so the roadmap shows
// real flow metrics, Monte Carlo forecasts and burn-ups. The demo is written as of the week of DEMO_WEEK; a copy
// has every date moved by whole weeks to the current week first (`shiftDemoDates`), so Sprint 1 is always under
// way, M2 is due in a few weeks and the forecasts sample recent weeks, whenever the demo is run. The history is read from the stories
// themselves: each appears as a draft on its `created:` date, becomes ready, in progress and done (or dropped)
// on dates derived from its `updated:` date and its estimate, and the last commit holds the files exactly as
// they are here. S-0 is done before the beta and moved into archive/ when it starts.
//   node examples/buildDemoHistory.mjs TARGET     copies examples/demo to TARGET (new or empty) and builds it there
// `npm start` and the UI tests call `buildDemoHistory(folder)` on their copy; examples/demo itself never holds a .git.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'demo');
/** The Monday of the week the demo is written for: Sprint 1 (It-1) is under way, M2 is due in three weeks. */
export const DEMO_WEEK = '2026-11-30';
/** The day before the first story: the configuration, vision, milestones and notes are committed then (as written). */
const FIRST_DAY = '2026-08-02';
/** The day S-0 moves into archive/ (as written). */
const ARCHIVE_DAY = '2026-09-07';
const DAY_MS = 86_400_000;
const PEOPLE = { priya: 'Priya Raman', jonas: 'Jonas Berg', amara: 'Amara Okafor', lee: 'Lee Chen' };

const dayNumber = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Today on this machine (local), as YYYY-MM-DD. */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Returns the days (a multiple of 7, so weekdays stay) that move DEMO_WEEK to the week of `today`. */
export function demoShiftDays(today = localToday()) {
  return 7 * Math.floor((dayNumber(today) - dayNumber(DEMO_WEEK)) / 7);
}

/**
 * Moves every date (YYYY-MM-DD) in the files of a demo copy by `days`: created and updated dates, milestone and
 * iteration dates, and dates in the text. Returns how many files changed. The source examples/demo is never changed.
 */
export function shiftDemoDates(folder, days) {
  if (!days) return 0;
  let changed = 0;
  for (const p of walk(folder)) {
    if (!/\.(md|ya?ml)$/i.test(p)) continue;
    const file = join(folder, p);
    const text = readFileSync(file, 'utf8');
    const next = text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => (Number.isNaN(Date.parse(`${m}T00:00:00Z`)) ? m : isoOf(dayNumber(m) + days)));
    if (next !== text) {
      writeFileSync(file, next);
      changed++;
    }
  }
  return changed;
}

/** Returns the flat `key: value` lines of a file's front matter (enough for the demo's headers). */
function headerOf(text) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const out = {};
  for (const line of m ? m[1].split('\n') : []) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (kv) out[kv[1]] = kv[2].trim();
  }
  return out;
}

/** Returns the text with `key:` set to `value` in its front matter (the key must be there). */
function withField(text, key, value) {
  return text.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`);
}

function walk(root, dir = '') {
  const out = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.name === '.git') continue;
    if (e.isDirectory()) out.push(...walk(root, rel));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * Returns the commits of the demo's history: [{ date, author, message, files: { path: text | null } }], oldest first.
 * A story's steps: draft on `created`; ready a few days later; for work that started, in progress `estimate` working
 * days (at least 2) before it finished (done on `updated`) or, for work still in progress, before `updated`.
 */
export function demoCommits(folder, shift = 0) {
  const firstDay = dayNumber(FIRST_DAY) + shift;
  const files = walk(folder);
  const events = [];
  const add = (day, path, text, author, message, from) => events.push({ day, path, text, author, message, from, order: events.length });
  for (const path of files) {
    const text = readFileSync(join(folder, path), 'utf8');
    const h = headerOf(text);
    const storyLike = /^backlog\/(stories|archive)\//.test(path) && h.created && h.updated;
    if (!storyLike) {
      const epicDay = h.created ? dayNumber(h.created) : firstDay;
      add(epicDay, path, text, 'priya', h.id ? `Add ${h.id}: ${h.title ?? path}` : `Add ${path}`);
      continue;
    }
    const created = dayNumber(h.created);
    const updated = dayNumber(h.updated);
    const author = PEOPLE[h.assignee] ? h.assignee : 'amara';
    const id = h.id ?? path;
    const estimate = Number(h.estimate) || 2;
    const status = h.status ?? 'draft';
    const at = (day) => Math.max(created, Math.min(updated, day));
    const draftPath = path.startsWith('backlog/archive/') ? path.replace('backlog/archive/', 'backlog/stories/') : path;
    const draft = withField(withField(text, 'status', 'draft'), 'updated', isoOf(created));
    add(created, draftPath, draft, 'amara', `${id}: new story "${h.title}"`);
    const worked = ['in-progress', 'in progres', 'done'].includes(status);
    const started = updated - Math.max(2, Math.round(estimate * 1.4));
    const readyDay = worked ? at(Math.min(created + 3, started - 1)) : status === 'draft' ? undefined : at(updated - 1);
    if (readyDay !== undefined && status !== 'dropped') add(readyDay, draftPath, withField(withField(text, 'status', 'ready'), 'updated', isoOf(readyDay)), 'priya', `${id}: ready`);
    if (worked) add(at(started), draftPath, withField(withField(text, 'status', 'in-progress'), 'updated', isoOf(at(started))), author, `${id}: started`);
    if (status !== 'draft') add(updated, draftPath, text, author, status === 'done' ? `${id}: done` : status === 'dropped' ? `${id}: dropped` : `${id}: notes`);
    else if (draft !== text) add(updated, draftPath, text, 'amara', `${id}: refined`);
    if (draftPath !== path) add(dayNumber(ARCHIVE_DAY) + shift, path, text, 'priya', `Archive ${id} before the beta starts`, draftPath);
  }
  events.sort((a, b) => a.day - b.day || a.order - b.order);
  const commits = [];
  for (const e of events) {
    let c = commits[commits.length - 1];
    // One commit per day and author: a day's work by one person lands together.
    if (!c || c.day !== e.day || c.author !== e.author) {
      c = { day: e.day, date: isoOf(e.day), author: e.author, messages: [], files: new Map(), removed: new Set() };
      commits.push(c);
    }
    c.messages.push(e.message);
    c.files.set(e.path, e.text);
    if (e.from) c.removed.add(e.from);
  }
  return commits.map((c) => ({ date: c.date, author: c.author, message: c.messages.length === 1 ? c.messages[0] : `${c.messages[0]} (and ${c.messages.length - 1} more)\n\n${c.messages.join('\n')}`, files: c.files, removed: c.removed }));
}

function git(folder, args, env = {}) {
  const r = spawnSync('git', args, { cwd: folder, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env } });
  if (r.error) throw new Error(`git could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Turns `folder` (a copy of examples/demo, without a .git) into a git repository whose history leads to exactly its
 * files; returns how many commits it wrote. First every date of the copy moves to the week of `today` (whole weeks;
 * see `shiftDemoDates`); the commit dates follow from the files, so the same folder and week give the same history.
 */
export function buildDemoHistory(folder, { today = localToday() } = {}) {
  if (existsSync(join(folder, '.git'))) throw new Error(`${folder} already holds a git repository`);
  const shift = demoShiftDays(today);
  shiftDemoDates(folder, shift);
  const final = new Map(walk(folder).map((p) => [p, readFileSync(join(folder, p))]));
  const commits = demoCommits(folder, shift);
  for (const p of final.keys()) rmSync(join(folder, p));
  git(folder, ['init', '-q', '-b', 'main']);
  let n = 0;
  for (const c of commits) {
    for (const p of c.removed) rmSync(join(folder, p), { force: true });
    for (const [p, text] of c.files) {
      mkdirSync(dirname(join(folder, p)), { recursive: true });
      writeFileSync(join(folder, p), text);
    }
    git(folder, ['add', '-A']);
    const name = PEOPLE[c.author];
    const date = `${c.date}T${String(9 + (n % 8)).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')}:00+01:00`;
    git(folder, ['commit', '-q', '-m', c.message], {
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: `${c.author}@tidewater.example`,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: `${c.author}@tidewater.example`,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
    n++;
  }
  // The working tree must be the demo exactly: every file's bytes, nothing more.
  for (const [p, bytes] of final) {
    const now = existsSync(join(folder, p)) ? readFileSync(join(folder, p)) : undefined;
    if (!now || !now.equals(bytes)) throw new Error(`the history does not end with ${p} as it is in the demo`);
  }
  const extra = walk(folder).filter((p) => !final.has(p));
  if (extra.length) throw new Error(`the history left files the demo does not have: ${extra.join(', ')}`);
  const status = git(folder, ['status', '--porcelain']);
  if (status) throw new Error(`the demo's history does not end clean:\n${status}`);
  return n;
}

/** Copies examples/demo to `target` (which must not exist or be empty) and builds its history there (dates moved to this week). */
export function copyDemoWithHistory(target, options = {}) {
  if (existsSync(target) && readdirSync(target).length) throw new Error(`${target} is not empty`);
  cpSync(DEMO_SOURCE, target, { recursive: true, filter: (src) => !relative(DEMO_SOURCE, src).split(/[\\/]/).includes('.git') });
  return buildDemoHistory(target, options);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node examples/buildDemoHistory.mjs TARGET');
    process.exit(2);
  }
  const n = copyDemoWithHistory(resolve(target));
  console.log(`${resolve(target)}: the demo backlog with ${n} commits (${git(resolve(target), ['log', '-1', '--format=%ad', '--date=short'])} the last)`);
}

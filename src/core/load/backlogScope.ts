import { matchesAny, matchesGlob } from '../glob/matchGlob';
import type { RudderConfig } from '../model/config';

/** What a backlog file is, by the configuration's globs. */
export type FileKind = 'story' | 'vision' | 'milestone' | 'iteration' | 'other';

/** What a path is to the backlog: a kind of file Rudder reads, or 'outside' (never read, never indexed). */
export type PathScope = FileKind | 'outside';

/** Folder names never walked into, at any depth: dependencies and version-control internals. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

// Why cached per configuration: the scope is asked for every path of every load and every watcher event; the
// configuration object changes only when the configuration files do.
const startsCache = new WeakMap<RudderConfig, readonly string[]>();

/**
 * Returns the folders (or single files) a walk of the backlog starts from: the part of each configured glob before
 * its first wildcard segment, without overlaps, sorted. '' means the whole root (a glob that may match anywhere).
 */
export function walkStarts(config: RudderConfig): readonly string[] {
  let starts = startsCache.get(config);
  if (!starts) {
    const bases = [...config.stories, config.milestones, config.iterations, config.vision, `${config.backlog.replace(/\/+$/, '')}/**`].map(staticPart);
    const unique = [...new Set(bases)].sort();
    starts = unique.filter((p) => !unique.some((q) => q !== p && (q === '' || p.startsWith(`${q}/`))));
    startsCache.set(config, starts);
  }
  return starts;
}

/** Returns the folders and files before the first wildcard segment of a glob ('backlog/**\/*.md' -> 'backlog'). */
export function staticPart(glob: string): string {
  const segments = normalize(glob).split('/');
  const i = segments.findIndex((s) => /[*?[\]{}!]/.test(s));
  return (i < 0 ? segments : segments.slice(0, i)).join('/');
}

/** Returns what the index makes of a path by the configuration's globs, ignoring where the walk goes. */
export function kindByGlobs(config: RudderConfig, path: string): FileKind {
  const p = normalize(path);
  if (p === normalize(config.vision)) return 'vision';
  if (matchesGlob(config.milestones, p)) return 'milestone';
  if (matchesGlob(config.iterations, p)) return 'iteration';
  if (matchesAny(config.stories, p) && !matchesAny(config.exclude, p)) return 'story';
  return 'other';
}

/**
 * Returns the scope of a root-relative path: the one rule every shell uses to decide which files are part of the
 * backlog. A path is outside when it is not a `.md` file, lies in node_modules or .git, or passes through a folder
 * or file whose name starts with '.' below the folder its walk starts from (hidden, as globs leave them by default).
 * Otherwise it is a story, the vision or a milestone by the globs; any other Markdown file under the backlog folder
 * (archive, docs, notes) is 'other': the index keeps its id and title so references to it resolve. Other Markdown
 * files elsewhere are outside, even when a story glob may match anywhere ('**\/story-*.md'): reading every Markdown
 * file of a repository for nothing would be slow.
 */
export function scopeOf(config: RudderConfig, path: string): PathScope {
  let cache = scopeCache.get(config);
  if (!cache) scopeCache.set(config, (cache = new Map()));
  let scope = cache.get(path);
  if (scope === undefined) {
    // Why a bound: the cache lives as long as the configuration; a long session may see many paths come and go.
    if (cache.size > 200_000) cache.clear();
    scope = computeScope(config, path);
    cache.set(path, scope);
  }
  return scope;
}

// Why cached: the scope of a path is asked by the listing, the index's upsert and its parse, and again by every
// editor feature on every event; it depends only on the (immutable) configuration object and the path.
const scopeCache = new WeakMap<RudderConfig, Map<string, PathScope>>();

function computeScope(config: RudderConfig, path: string): PathScope {
  const p = normalize(path);
  if (!/\.md$/i.test(p)) return 'outside';
  const start = startOf(walkStarts(config), p);
  if (start === undefined) return 'outside';
  const segments = p.split('/');
  const fixed = start === '' ? 0 : start.split('/').length;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (SKIPPED_FOLDERS.has(s) && i < segments.length - 1) return 'outside';
    if (i >= fixed && s.startsWith('.')) return 'outside';
  }
  const kind = kindByGlobs(config, p);
  if (kind === 'other' && !isUnder(p, config.backlog)) return 'outside';
  return kind;
}

/** Returns true when a folder (root-relative) is worth walking into for this configuration. */
export function walksInto(config: RudderConfig, folder: string, name: string): boolean {
  if (SKIPPED_FOLDERS.has(name)) return false;
  // A walk starts at its start folder even when that one is hidden ('backlog: .backlog'); below it, hidden folders are skipped.
  return !name.startsWith('.') && startOf(walkStarts(config), folder === '' ? name : `${folder}/${name}`) !== undefined;
}

/** Returns the walk start that contains `path` (the path itself counts), or undefined. */
function startOf(starts: readonly string[], path: string): string | undefined {
  for (const s of starts) if (s === '' || path === s || path.startsWith(`${s}/`)) return s;
  return undefined;
}

/** Returns true when a path lies in a folder ('.' and '' are the root). */
function isUnder(path: string, folder: string): boolean {
  const f = normalize(folder).replace(/\/+$/, '');
  return f === '' || f === '.' || path.startsWith(`${f}/`);
}

function normalize(p: string): string {
  let s = p;
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

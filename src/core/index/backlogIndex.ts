import { defaultConfig } from '../config/parseConfig';
import { compileGlob, matchesAny } from '../glob/matchGlob';
import type { RudderConfig } from '../model/config';
import type { Issue } from '../model/issue';
import type { Milestone, Story, Vision } from '../model/story';
import { isStoryFile, parseStory } from '../parse/parseStory';
import { parseMilestone } from '../parse/parseMilestone';
import { parseVision } from '../parse/parseVision';
import { compareIds, compareStories, sortBacklog } from '../rank/compareStories';
import type { RuleContext } from '../rules/rule';
import { BACKLOG_RULES, STORY_RULES } from '../rules/rules';
import { Emitter, type Disposable } from './emitter';
import { idKey, idNumber } from './idKey';

export type FileKind = 'story' | 'vision' | 'milestone' | 'other';

/** What an upsert/remove/setConfig changed: the files whose story or issues may differ now. */
export interface IndexChange {
  readonly paths: readonly string[];
  /** True when everything may have changed (vision, milestone or configuration). */
  readonly all: boolean;
}

const NO_CHANGE: IndexChange = { paths: [], all: false };

/** A string → set-of-paths map whose empty sets are dropped. */
class MultiMap {
  private readonly map = new Map<string, Set<string>>();
  add(key: string, path: string): void {
    let s = this.map.get(key);
    if (!s) this.map.set(key, (s = new Set()));
    s.add(path);
  }
  delete(key: string, path: string): void {
    const s = this.map.get(key);
    if (s && s.delete(path) && s.size === 0) this.map.delete(key);
  }
  get(key: string): ReadonlySet<string> | undefined {
    return this.map.get(key);
  }
  clear(): void {
    this.map.clear();
  }
}

/**
 * The backlog in memory: every file's text, the parsed stories, reverse links and cached issues.
 * Incremental: `upsert`/`remove` touch only the changed file, the stories linked to it and their cached issues.
 */
export class BacklogIndex {
  private cfg: RudderConfig;
  private cfgIssues: readonly Issue[];
  private readonly texts = new Map<string, string>();
  private readonly kinds = new Map<string, FileKind>();
  private readonly storyByPath = new Map<string, Story>();
  private visionDoc: Vision | undefined;
  private readonly milestoneByPath = new Map<string, Milestone>();
  // Why lazy: milestones are few and change rarely; the lookup is rebuilt on first use after a change.
  private milestoneLookup: Map<string, Milestone> | undefined;

  // Reverse links, keyed by idKey (ids) or lower-cased names (milestones, goals).
  private readonly ids = new MultiMap();
  private readonly children = new MultiMap();
  private readonly byMilestone = new MultiMap();
  private readonly byGoal = new MultiMap();
  private readonly dependents = new MultiMap();
  private readonly rankGroups = new MultiMap();
  /** Distinct rank keys, sorted: neighbours for rank fixes by binary search. */
  private distinctRanks: string[] = [];
  private readonly duplicateKeys = new Set<string>();
  private readonly idNumbers = new Map<number, number>();
  private maxIdNumber = 0;
  private readonly withoutId = new Set<string>();
  // Ids and titles of front matter in files that are not stories here (archive, docs, decisions): references to
  // them are not "unknown" — Backlog.md keeps archived tasks and milestones resolvable.
  private readonly elsewhereIds = new MultiMap();
  private readonly elsewhereNames = new MultiMap();
  private readonly elsewhereOf = new Map<string, { id?: string; title?: string }>();

  // Why maintained by binary insertion rather than re-sorted: a 10k backlog re-sort costs milliseconds on every
  // keystroke-triggered upsert; insertion is O(log n) compares plus one array move.
  private sorted: Story[] | undefined;
  // Why copy-on-write: an array handed out by stories() must not change under a caller that is iterating it.
  private sortedShared = false;
  // Why per path: a change invalidates only the files it can affect (see affectedBy), so diagnostics of a 10k
  // backlog are not recomputed on every edit.
  private readonly issueCache = new Map<string, readonly Issue[]>();
  // Why cached globally: finding cycles story by story costs O(chain length) each; the components are computed once
  // (linear) and dropped only when an id or a depends_on changes, which ordinary edits do not.
  private cycles: Map<string, number> | undefined;
  private readonly keyCache = new Map<string, string>();
  private nextComponent = 0;
  private readonly emitter = new Emitter<IndexChange>();
  private readonly ctx: RuleContext;

  constructor(config?: RudderConfig, configIssues?: readonly Issue[]) {
    this.cfg = config ?? defaultConfig();
    this.cfgIssues = configIssues ?? [];
    this.ctx = this.makeContext();
  }

  get config(): RudderConfig {
    return this.cfg;
  }

  /** Number of .md files given to upsert (stories, vision, milestones and others). */
  get fileCount(): number {
    return this.texts.size;
  }

  /** Subscribes to changes; returns the subscription. */
  onDidChange(listener: (c: IndexChange) => void): Disposable {
    return this.emitter.event(listener);
  }

  /** Replaces the configuration: re-classifies and re-parses every kept text. */
  setConfig(config: RudderConfig, issues?: readonly Issue[]): void {
    this.cfg = config;
    this.cfgIssues = issues ?? [];
    this.keyCache.clear();
    this.rebuild();
    this.emitter.fire({ paths: [...this.texts.keys()].sort(), all: true });
  }

  /** Returns what a path is by the configuration's globs alone. */
  classify(path: string): FileKind {
    const p = normalize(path);
    if (p === normalize(this.cfg.vision)) return 'vision';
    if (compileGlob(this.cfg.milestones)(p)) return 'milestone';
    if (matchesAny(this.cfg.stories, p) && !matchesAny(this.cfg.exclude, p)) return 'story';
    return 'other';
  }

  /** Adds or replaces a file's text; returns (and announces) what changed. Paths not ending in .md are ignored. */
  upsert(path: string, text: string): IndexChange {
    if (!/\.md$/i.test(path)) return NO_CHANGE;
    if (this.texts.get(path) === text) return NO_CHANGE;
    this.texts.set(path, text);
    const change = this.load(path, text);
    if (change.paths.length) this.emitter.fire(change);
    return change;
  }

  /** Forgets a file; returns (and announces) what changed. */
  remove(path: string): IndexChange {
    if (!this.texts.has(path)) return NO_CHANGE;
    this.texts.delete(path);
    const kind = this.kinds.get(path);
    this.kinds.delete(path);
    let change: IndexChange;
    const elsewhere = this.setElsewhere(path, undefined);
    if (kind === 'story') change = this.replaceStory(path, undefined);
    else if (kind === 'vision' || kind === 'milestone') {
      if (kind === 'vision') this.visionDoc = undefined;
      else {
        this.milestoneByPath.delete(path);
        this.milestoneLookup = undefined;
      }
      change = this.invalidateAll(path);
    } else {
      for (const p of elsewhere) this.issueCache.delete(p);
      change = { paths: [path, ...elsewhere], all: false };
    }
    this.issueCache.delete(path);
    this.emitter.fire(change);
    return change;
  }

  /** Returns the last text given for a path. */
  text(path: string): string | undefined {
    return this.texts.get(path);
  }

  /** Returns every path the index holds a text for (stories, vision, milestones and other files). */
  paths(): string[] {
    return [...this.texts.keys()];
  }

  /** Returns the ids written in the front matter of files that are not stories here (archive, docs, drafts). */
  idsElsewhere(): string[] {
    const out: string[] = [];
    for (const v of this.elsewhereOf.values()) if (v.id !== undefined) out.push(v.id);
    return out;
  }

  /** Returns what the index made of a path ('other' for unknown paths). */
  kind(path: string): FileKind | undefined {
    return this.kinds.get(path);
  }

  /** Returns every story in backlog order (cached). */
  stories(): readonly Story[] {
    if (!this.sorted) this.sorted = sortBacklog([...this.storyByPath.values()], this.cfg);
    this.sortedShared = true;
    return this.sorted;
  }

  /** Returns the story of a path. */
  story(path: string): Story | undefined {
    return this.storyByPath.get(path);
  }

  /** Returns every story with this id (more than one when duplicated), in backlog order. */
  byId(id: string): readonly Story[] {
    return this.storiesOf(this.ids.get(this.key(id)!));
  }

  /** Returns the stories whose epic (or Backlog.md parent) is this id. */
  childrenOf(epicId: string): readonly Story[] {
    return this.storiesOf(this.children.get(this.key(epicId)!));
  }

  /** Returns the stories of a milestone (named by its id or its title). */
  ofMilestone(milestoneId: string): readonly Story[] {
    const m = this.milestone(milestoneId);
    const keys = new Set([milestoneId.trim().toLowerCase()]);
    if (m) {
      keys.add(m.id.toLowerCase());
      keys.add(m.title.toLowerCase());
    }
    const paths = new Set<string>();
    for (const k of keys) for (const p of this.byMilestone.get(k) ?? []) paths.add(p);
    return this.storiesOf(paths);
  }

  /** Returns the stories linked to a goal, directly or through their epic. */
  ofGoal(goalId: string): readonly Story[] {
    const direct = this.byGoal.get(goalId.trim().toLowerCase());
    if (!direct) return [];
    const paths = new Set(direct);
    for (const p of direct) {
      const epic = this.storyByPath.get(p);
      if (epic?.id === undefined) continue;
      for (const c of this.children.get(this.key(epic.id)!) ?? []) {
        if (this.storyByPath.get(c)!.vision.length === 0) paths.add(c);
      }
    }
    return this.storiesOf(paths);
  }

  /** Returns the story's own goal ids, else its epic's. */
  goalsOf(story: Story): readonly string[] {
    if (story.vision.length) return story.vision;
    if (story.epic === undefined) return [];
    for (const e of this.byId(story.epic)) if (e.path !== story.path && e.vision.length) return e.vision;
    return [];
  }

  /** Returns the stories whose depends_on names this id. */
  dependentsOf(id: string): readonly Story[] {
    return this.storiesOf(this.dependents.get(this.key(id)!));
  }

  /** Returns the vision, when there is a vision file. */
  vision(): Vision | undefined {
    return this.visionDoc;
  }

  /** Returns the milestones, by id in natural order. */
  milestones(): readonly Milestone[] {
    return [...this.milestoneByPath.values()].sort((a, b) => compareIds(a.id, b.id) || (a.path < b.path ? -1 : 1));
  }

  /** Returns a milestone by id or title (case-insensitive). */
  milestone(id: string): Milestone | undefined {
    if (!this.milestoneLookup) {
      const lookup = new Map<string, Milestone>();
      const ms = this.milestones();
      // Titles first so that an id always wins over another milestone's equal title.
      for (const m of ms) if (!lookup.has(m.title.toLowerCase())) lookup.set(m.title.toLowerCase(), m);
      for (const m of ms) lookup.set(m.id.toLowerCase(), m);
      this.milestoneLookup = lookup;
    }
    return this.milestoneLookup.get(id.trim().toLowerCase());
  }

  /** Returns every issue of one file, config severities applied and 'off' removed (cached until a change touches it). */
  issues(path: string): readonly Issue[] {
    const cached = this.issueCache.get(path);
    if (cached) return cached;
    const kind = this.kinds.get(path);
    let raw: Issue[] = [];
    if (kind === 'story') {
      const story = this.storyByPath.get(path)!;
      for (const rule of STORY_RULES) {
        try {
          raw.push(...rule.check(story, this.ctx));
        } catch {
          // Rules never throw by contract; a bug in one must not hide the others' findings.
        }
      }
      const handled = new Set(['front-matter-syntax', 'invalid-field', 'unread-content']);
      raw.push(...story.problems.filter((p) => !handled.has(p.code)));
    } else if (kind === 'vision' && this.visionDoc) raw = [...this.visionDoc.problems];
    else if (kind === 'milestone') raw = [...(this.milestoneByPath.get(path)?.problems ?? [])];
    const out = this.applySeverity(raw).sort(compareIssues);
    this.issueCache.set(path, out);
    return out;
  }

  /** Returns the backlog-wide issues: missing vision, configuration problems. */
  backlogIssues(): readonly Issue[] {
    const ctx = { ...this.ctx, storyCount: this.storyByPath.size, configIssues: this.cfgIssues };
    const raw: Issue[] = [];
    for (const rule of BACKLOG_RULES) {
      try {
        raw.push(...rule.checkBacklog(ctx));
      } catch {
        // see issues()
      }
    }
    return this.applySeverity(raw);
  }

  /** Returns every file's issues (by path) followed by the backlog-wide issues. */
  allIssues(): readonly Issue[] {
    const out: Issue[] = [];
    for (const p of [...this.texts.keys()].sort()) out.push(...this.issues(p));
    out.push(...this.backlogIssues());
    return out;
  }

  /** Returns the 0-based position of a story in stories(), or -1. */
  rankPosition(story: Story): number {
    const current = this.storyByPath.get(story.path);
    if (!current) return -1;
    const list = this.stories();
    const i = this.lowerBound(list, current);
    return list[i] === current ? i : -1;
  }

  // ---- loading -------------------------------------------------------------------------------------------

  private load(path: string, text: string): IndexChange {
    const kind = this.classify(path);
    if (kind === 'vision') {
      this.kinds.set(path, 'vision');
      this.visionDoc = parseVision(path, text);
      return this.invalidateAll(path);
    }
    if (kind === 'milestone') {
      const m = parseMilestone(path, text);
      const was = this.milestoneByPath.has(path);
      if (m.frontMatter) {
        this.kinds.set(path, 'milestone');
        this.milestoneByPath.set(path, m);
        this.milestoneLookup = undefined;
        return this.invalidateAll(path);
      }
      // A readme in the milestones folder is not a milestone.
      this.milestoneByPath.delete(path);
      this.milestoneLookup = undefined;
      if (was) {
        this.kinds.set(path, 'other');
        return this.invalidateAll(path);
      }
    }
    if (kind === 'story') {
      const story = parseStory(path, text);
      if (isStoryFile(story)) {
        this.kinds.set(path, 'story');
        return this.replaceStory(path, story);
      }
    }
    // Not a story (no front matter, or outside the story globs): remembered as 'other', no issues.
    const wasStory = this.kinds.get(path) === 'story';
    this.kinds.set(path, 'other');
    const affected = this.setElsewhere(path, kind === 'other' ? frontMatterIdTitle(text) : undefined);
    if (wasStory) {
      const change = this.replaceStory(path, undefined);
      for (const p of affected) if (!change.paths.includes(p)) (change.paths as string[]).push(p);
      return change;
    }
    this.issueCache.delete(path);
    for (const p of affected) this.issueCache.delete(p);
    return { paths: [path, ...affected], all: false };
  }

  /** Records the id/title of a non-story file; returns the stories whose references it may resolve differently. */
  private setElsewhere(path: string, next: { id?: string; title?: string } | undefined): Set<string> {
    const old = this.elsewhereOf.get(path);
    const affected = new Set<string>();
    if (old?.id === next?.id && old?.title === next?.title) return affected;
    const touch = (e: { id?: string; title?: string } | undefined) => {
      if (!e) return;
      for (const name of [e.id, e.title]) {
        if (name === undefined) continue;
        for (const p of this.byMilestone.get(name.toLowerCase()) ?? []) affected.add(p);
      }
      if (e.id !== undefined) {
        const k = this.key(e.id)!;
        for (const p of this.children.get(k) ?? []) affected.add(p);
        for (const p of this.dependents.get(k) ?? []) affected.add(p);
      }
    };
    touch(old);
    if (old) {
      if (old.id !== undefined) {
        this.elsewhereIds.delete(this.key(old.id)!, path);
        this.elsewhereNames.delete(old.id.toLowerCase(), path);
      }
      if (old.title !== undefined) this.elsewhereNames.delete(old.title.toLowerCase(), path);
      this.elsewhereOf.delete(path);
    }
    if (next && (next.id !== undefined || next.title !== undefined)) {
      this.elsewhereOf.set(path, next);
      if (next.id !== undefined) {
        this.elsewhereIds.add(this.key(next.id)!, path);
        this.elsewhereNames.add(next.id.toLowerCase(), path);
      }
      if (next.title !== undefined) this.elsewhereNames.add(next.title.toLowerCase(), path);
    }
    touch(next);
    return affected;
  }

  private rebuild(): void {
    this.kinds.clear();
    this.storyByPath.clear();
    this.visionDoc = undefined;
    this.milestoneByPath.clear();
    this.milestoneLookup = undefined;
    for (const m of [this.ids, this.children, this.byMilestone, this.byGoal, this.dependents, this.rankGroups]) m.clear();
    this.distinctRanks = [];
    this.duplicateKeys.clear();
    this.idNumbers.clear();
    this.maxIdNumber = 0;
    this.withoutId.clear();
    this.elsewhereIds.clear();
    this.elsewhereNames.clear();
    this.elsewhereOf.clear();
    this.sorted = undefined;
    this.cycles = undefined;
    this.issueCache.clear();
    for (const [path, text] of this.texts) {
      const kind = this.classify(path);
      if (kind === 'vision') {
        this.kinds.set(path, kind);
        this.visionDoc = parseVision(path, text);
      } else if (kind === 'milestone' && parseMilestoneWithFrontMatter(path, text)) {
        this.kinds.set(path, kind);
        this.milestoneByPath.set(path, parseMilestoneWithFrontMatter(path, text)!);
      } else {
        const story = kind === 'story' ? parseStory(path, text) : undefined;
        if (story && isStoryFile(story)) {
          this.kinds.set(path, 'story');
          this.storyByPath.set(path, story);
          this.link(story);
        } else {
          this.kinds.set(path, 'other');
          if (kind === 'other') this.setElsewhere(path, frontMatterIdTitle(text));
        }
      }
    }
  }

  private invalidateAll(path: string): IndexChange {
    this.issueCache.clear();
    const paths = new Set<string>([path, ...this.storyByPath.keys()]);
    return { paths: [...paths], all: true };
  }

  /** Replaces (or removes, when `next` is undefined) the story of a path and invalidates what it affects. */
  private replaceStory(path: string, next: Story | undefined): IndexChange {
    const old = this.storyByPath.get(path);
    const affected = new Set<string>([path]);
    const linksChanged = !old || !next || this.key(old.id) !== this.key(next.id) || !sameDeps(old, next, this.cfg);
    const rankChanged = old?.rank !== next?.rank;
    const maxBefore = this.maxIdNumber;
    let oldComponent = new Set<string>();
    let newComponent = new Set<string>();
    if (old) {
      if (linksChanged) oldComponent = this.cycleComponentOf(old);
      this.affectedBy(old, affected, rankChanged);
      this.unlink(old);
      this.storyByPath.delete(path);
      this.removeSorted(old);
    }
    if (next) {
      this.storyByPath.set(path, next);
      this.link(next);
      this.insertSorted(next);
      if (linksChanged) newComponent = this.cycleComponentOf(next);
      this.affectedBy(next, affected, rankChanged);
    }
    if (linksChanged) {
      // Cycle findings change only for the stories of this story's cycle component, before and after the change.
      for (const p of oldComponent) affected.add(p);
      for (const p of newComponent) affected.add(p);
      this.updateCycles(oldComponent, newComponent);
    }
    if (this.maxIdNumber !== maxBefore) {
      // The suggested next id changed: stories whose fixes propose one must be re-checked.
      for (const p of this.withoutId) affected.add(p);
      for (const k of this.duplicateKeys) for (const p of this.ids.get(k) ?? []) affected.add(p);
    }
    for (const p of affected) this.issueCache.delete(p);
    return { paths: [...affected], all: false };
  }

  /** Adds the paths whose issues depend on `s` (in the current state of the maps) to `out`. */
  private affectedBy(s: Story, out: Set<string>, rankChanged: boolean): void {
    const key = this.key(s.id);
    if (key !== undefined) {
      for (const p of this.ids.get(key) ?? []) out.add(p);
      for (const p of this.children.get(key) ?? []) out.add(p);
      for (const p of this.dependents.get(key) ?? []) out.add(p);
    }
    if (s.rank !== undefined) {
      for (const p of this.rankGroups.get(s.rank) ?? []) out.add(p);
      if (rankChanged) {
        // Rank fixes of the neighbouring keys' groups use this key as their bound.
        const { before, after } = this.neighbours(s.rank);
        for (const r of [before, after]) if (r !== undefined) for (const p of this.rankGroups.get(r) ?? []) out.add(p);
      }
    }
  }

  /** Returns the stories on a dependency cycle with `s` (reachable from it and reaching it), `s` included when any. */
  private cycleComponentOf(s: Story): Set<string> {
    const walk = (start: string, next: (p: string) => Iterable<string>): Set<string> => {
      const seen = new Set<string>();
      const queue = [start];
      for (let head = 0; head < queue.length; head++) {
        for (const q of next(queue[head])) {
          if (!seen.has(q)) {
            seen.add(q);
            queue.push(q);
          }
        }
      }
      return seen;
    };
    const dependencies = (p: string): Iterable<string> => {
      const out: string[] = [];
      for (const d of this.storyByPath.get(p)?.dependsOn ?? []) for (const q of this.ids.get(this.key(d)!) ?? []) out.push(q);
      return out;
    };
    const dependents = (p: string): Iterable<string> => {
      const k = this.key(this.storyByPath.get(p)?.id);
      return k === undefined ? [] : (this.dependents.get(k) ?? []);
    };
    // Every story on a cycle through s depends on s transitively, so the forward walk may stay inside the
    // backward set: the cost is bounded by s's transitive dependents, usually none while a backlog loads.
    const backward = walk(s.path, dependents);
    if (backward.size === 0) return backward;
    return walk(s.path, (p) => [...dependencies(p)].filter((q) => backward.has(q)));
  }

  private key(id: string | undefined): string | undefined {
    if (id === undefined) return undefined;
    // Why memoized: the same few thousand ids are keyed on every link, lookup and cycle search.
    let k = this.keyCache.get(id);
    if (k === undefined) {
      if (this.keyCache.size > 100_000) this.keyCache.clear();
      k = idKey(id, this.cfg);
      this.keyCache.set(id, k);
    }
    return k;
  }

  private link(s: Story): void {
    const p = s.path;
    const key = this.key(s.id);
    if (key === undefined) this.withoutId.add(p);
    else {
      this.ids.add(key, p);
      if ((this.ids.get(key)?.size ?? 0) > 1) this.duplicateKeys.add(key);
      const n = idNumber(s.id!, this.cfg);
      if (n !== undefined) {
        this.idNumbers.set(n, (this.idNumbers.get(n) ?? 0) + 1);
        if (n > this.maxIdNumber) this.maxIdNumber = n;
      }
    }
    if (s.epic !== undefined) this.children.add(this.key(s.epic)!, p);
    if (s.milestone !== undefined) this.byMilestone.add(s.milestone.toLowerCase(), p);
    for (const g of s.vision) this.byGoal.add(g.toLowerCase(), p);
    for (const d of s.dependsOn) this.dependents.add(this.key(d)!, p);
    if (s.rank !== undefined) {
      if (!this.rankGroups.get(s.rank)) {
        const i = lowerBoundString(this.distinctRanks, s.rank);
        this.distinctRanks.splice(i, 0, s.rank);
      }
      this.rankGroups.add(s.rank, p);
    }
  }

  private unlink(s: Story): void {
    const p = s.path;
    const key = this.key(s.id);
    if (key === undefined) this.withoutId.delete(p);
    else {
      this.ids.delete(key, p);
      if ((this.ids.get(key)?.size ?? 0) < 2) this.duplicateKeys.delete(key);
      const n = idNumber(s.id!, this.cfg);
      if (n !== undefined) {
        const c = (this.idNumbers.get(n) ?? 1) - 1;
        if (c <= 0) {
          this.idNumbers.delete(n);
          // Why a scan only here: removing the highest id is rare, and the map holds distinct numbers only.
          if (n === this.maxIdNumber) this.maxIdNumber = Math.max(0, ...this.idNumbers.keys());
        } else this.idNumbers.set(n, c);
      }
    }
    if (s.epic !== undefined) this.children.delete(this.key(s.epic)!, p);
    if (s.milestone !== undefined) this.byMilestone.delete(s.milestone.toLowerCase(), p);
    for (const g of s.vision) this.byGoal.delete(g.toLowerCase(), p);
    for (const d of s.dependsOn) this.dependents.delete(this.key(d)!, p);
    if (s.rank !== undefined) {
      this.rankGroups.delete(s.rank, p);
      if (!this.rankGroups.get(s.rank)) {
        const i = lowerBoundString(this.distinctRanks, s.rank);
        if (this.distinctRanks[i] === s.rank) this.distinctRanks.splice(i, 1);
      }
    }
  }

  private neighbours(rank: string): { before?: string; after?: string } {
    const r = this.distinctRanks;
    const i = lowerBoundString(r, rank);
    const before = i > 0 ? r[i - 1] : undefined;
    const after = r[i] === rank ? r[i + 1] : r[i];
    return { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
  }

  private lowerBound(list: readonly Story[], s: Story): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareStories(list[mid], s, this.cfg) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private writableSorted(): Story[] | undefined {
    if (this.sorted && this.sortedShared) {
      this.sorted = this.sorted.slice();
      this.sortedShared = false;
    }
    return this.sorted;
  }

  private removeSorted(s: Story): void {
    const list = this.writableSorted();
    if (!list) return;
    const i = this.lowerBound(list, s);
    if (list[i] === s) list.splice(i, 1);
    else this.sorted = undefined;
  }

  private insertSorted(s: Story): void {
    const list = this.writableSorted();
    if (!list) return;
    list.splice(this.lowerBound(list, s), 0, s);
  }

  private storiesOf(paths: Iterable<string> | undefined): Story[] {
    if (!paths) return [];
    const out: Story[] = [];
    for (const p of paths) {
      const s = this.storyByPath.get(p);
      if (s) out.push(s);
    }
    return out.sort((a, b) => compareStories(a, b, this.cfg));
  }

  private applySeverity(issues: readonly Issue[]): Issue[] {
    const out: Issue[] = [];
    for (const i of issues) {
      const setting = this.cfg.rules[i.code];
      if (setting === 'off') continue;
      out.push(setting && setting !== i.severity ? { ...i, severity: setting } : i);
    }
    return out;
  }

  /** Returns the components of the dependency graph that hold a cycle: path → component number. */
  private cyclicComponents(): Map<string, number> {
    if (this.cycles) return this.cycles;
    const out = new Map<string, number>();
    for (const members of this.cyclicSccs([...this.storyByPath.keys()])) {
      const c = this.nextComponent++;
      for (const m of members) out.set(m, c);
    }
    this.cycles = out;
    return out;
  }

  /** Returns the strongly connected components with a cycle among `nodes`, following only edges inside `nodes`. */
  private cyclicSccs(paths: string[]): string[][] {
    // Tarjan's algorithm over integer node numbers, iterative (dependency chains can be thousands deep).
    const num = new Map<string, number>();
    paths.forEach((p, i) => num.set(p, i));
    const adj: number[][] = paths.map((p) => {
      const res: number[] = [];
      for (const d of this.storyByPath.get(p)?.dependsOn ?? []) {
        for (const q of this.ids.get(this.key(d)!) ?? []) {
          const j = num.get(q);
          if (j !== undefined) res.push(j);
        }
      }
      return res;
    });
    const n = paths.length;
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const edgePos = new Int32Array(n);
    const stack: number[] = [];
    const work: number[] = [];
    const out: string[][] = [];
    let counter = 0;
    for (let root = 0; root < n; root++) {
      if (index[root] !== -1) continue;
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = 1;
      work.push(root);
      while (work.length) {
        const v = work[work.length - 1];
        if (edgePos[v] < adj[v].length) {
          const w = adj[v][edgePos[v]++];
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            work.push(w);
          } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
          continue;
        }
        work.pop();
        if (work.length) {
          const u = work[work.length - 1];
          low[u] = Math.min(low[u], low[v]);
        }
        if (low[v] === index[v]) {
          const members: string[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            members.push(paths[w]);
          } while (w !== v);
          if (members.length > 1 || adj[v].includes(v)) out.push(members);
        }
      }
    }
    return out;
  }

  /** Keeps the cycle components current after the links of one story changed (old and new component of it). */
  private updateCycles(oldComponent: Set<string>, newComponent: Set<string>): void {
    const cycles = this.cycles;
    if (!cycles) return;
    // Removing links can only split the old component; adding links can only merge components into the new one.
    for (const p of oldComponent) cycles.delete(p);
    const rest = [...oldComponent].filter((p) => this.storyByPath.has(p) && !newComponent.has(p));
    for (const members of this.cyclicSccs(rest)) {
      const c = this.nextComponent++;
      for (const m of members) cycles.set(m, c);
    }
    if (newComponent.size) {
      const c = this.nextComponent++;
      for (const m of newComponent) cycles.set(m, c);
    }
  }

  private dependencyCycle(story: Story): Story[] | undefined {
    const components = this.cyclicComponents();
    const comp = components.get(story.path);
    if (comp === undefined) return undefined;
    // Breadth-first inside the story's component: the first path back to it is the shortest cycle.
    const parent = new Map<string, string>();
    const queue: string[] = [story.path];
    const seen = new Set<string>([story.path]);
    for (let head = 0; head < queue.length; head++) {
      const p = queue[head];
      const s = this.storyByPath.get(p)!;
      for (const d of s.dependsOn) {
        for (const q of this.ids.get(this.key(d)!) ?? []) {
          if (q === story.path) {
            const chain = [story];
            for (let x: string | undefined = p; x !== undefined && x !== story.path; x = parent.get(x)) chain.splice(1, 0, this.storyByPath.get(x)!);
            chain.push(story);
            return chain;
          }
          if (!seen.has(q) && components.get(q) === comp) {
            seen.add(q);
            parent.set(q, p);
            queue.push(q);
          }
        }
      }
    }
    return undefined;
  }

  private makeContext(): RuleContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const index = this;
    return {
      get config() {
        return index.cfg;
      },
      text: (p) => this.texts.get(p),
      resolve: (id) => this.byId(id),
      vision: () => this.visionDoc,
      milestone: (ref) => this.milestone(ref),
      milestones: () => this.milestones(),
      dependencyCycle: (s) => this.dependencyCycle(s),
      storiesWithRank: (r) => this.storiesOf(this.rankGroups.get(r)),
      rankNeighbours: (r) => this.neighbours(r),
      existsElsewhere: (ref) => {
        const r = ref.trim();
        return this.elsewhereIds.get(this.key(r)!) !== undefined || this.elsewhereNames.get(r.toLowerCase()) !== undefined;
      },
      nextId: () => `${this.cfg.idPrefix}${this.maxIdNumber + 1}`,
    };
  }
}

function parseMilestoneWithFrontMatter(path: string, text: string): Milestone | undefined {
  const m = parseMilestone(path, text);
  return m.frontMatter ? m : undefined;
}

// Why a line scan and not the parser: non-story files (archive, docs) only contribute their id and title, and
// parsing their Markdown would cost as much as a story's for nothing.
const FM_BLOCK = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FM_LINE = /^(id|title):[ \t]*(?:"([^"]*)"|'([^']*)'|([^#\r\n]*?))[ \t]*(?:#.*)?$/gm;

/** Returns the id and title written in a file's YAML front matter, by a line scan. */
function frontMatterIdTitle(text: string): { id?: string; title?: string } | undefined {
  const block = FM_BLOCK.exec(text.length > 65536 ? text.slice(0, 65536) : text);
  if (!block) return undefined;
  const out: { id?: string; title?: string } = {};
  for (const m of block[1].matchAll(FM_LINE)) {
    const v = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (v) out[m[1] as 'id' | 'title'] = v;
  }
  return out.id !== undefined || out.title !== undefined ? out : undefined;
}

function normalize(p: string): string {
  return p.replace(/^(\.\/)+/, '');
}

function sameDeps(a: Story, b: Story, cfg: RudderConfig): boolean {
  if (a.dependsOn.length !== b.dependsOn.length) return false;
  for (let i = 0; i < a.dependsOn.length; i++) if (idKey(a.dependsOn[i], cfg) !== idKey(b.dependsOn[i], cfg)) return false;
  return true;
}

function lowerBoundString(list: readonly string[], s: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compareIssues(a: Issue, b: Issue): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

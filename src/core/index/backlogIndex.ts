import { defaultConfig } from '../config/parseConfig';
import { scopeOf, type FileKind, type PathScope } from '../load/backlogScope';
import type { RudderConfig } from '../model/config';
import type { Issue } from '../model/issue';
import type { Iteration, Milestone, Story, Vision } from '../model/story';
import { backlogSubfolder } from '../config/workflow';
import { bareStory } from '../parse/bareStory';
import { isStoryFile, looksBinary, parseStory } from '../parse/parseStory';
import { parseMilestone } from '../parse/parseMilestone';
import { parseIteration } from '../parse/parseIteration';
import { parseVision } from '../parse/parseVision';
import { compareIds, compareStories } from '../rank/compareStories';
import type { RuleContext } from '../rules/rule';
import { isMilestoneByName } from '../rules/milestoneByName';
import type { Invalidation } from '../rules/rule';
import { ALL_RULES, BACKLOG_RULES, STORY_RULES } from '../rules/rules';
import { inConflict, mergeConflict } from '../rules/mergeConflict';
import { notAStoryIssue } from '../rules/notAStory';
import { DependencyCycles } from './dependencyCycles';
import { Emitter, type Disposable } from './emitter';
import { ElsewhereIds, frontMatterIdTitle, type IdTitle } from './frontMatterIdTitle';
import { idKey, idNumber } from './idKey';
import { ReverseLinks } from './reverseLinks';
import { MilestoneFiles } from './milestoneFiles';
import { SortedStories } from './sortedStories';

export type { FileKind, PathScope } from '../load/backlogScope';

/** Backlog.md's folders of task files: a Markdown file there is a task even without front matter. */
const TASK_FOLDERS = ['tasks', 'completed', 'drafts'];

/** What an upsert/remove/setConfig changed: the files whose story or issues may differ now. */
export interface IndexChange {
  readonly paths: readonly string[];
  /** True when everything may have changed (vision, milestone or configuration). */
  readonly all: boolean;
}

const NO_CHANGE: IndexChange = { paths: [], all: false };
/** A file in conflict is two versions at once: only the conflict is reported until it is resolved. */
const CONFLICT_RULES = [mergeConflict];
/** The parse problems a rule reports (with its severity and fixes); any other parse problem is reported as it is. */
const REPORTED_BY_RULES: ReadonlySet<string> = new Set(['merge-conflict', 'front-matter-syntax', 'missing-front-matter', 'invalid-field', 'unread-content']);

// Which changes to other stories the rules read (each rule declares its own `invalidatedBy`): a change re-checks
// exactly the stories those rules could now judge differently, and nothing is walked that no rule needs.
const INVALIDATIONS: ReadonlySet<Invalidation> = new Set(ALL_RULES.flatMap((r): readonly Invalidation[] => ('invalidatedBy' in r && r.invalidatedBy ? r.invalidatedBy : [])));

// Why this file stays one class of about 700 lines: the index's state and the operations that keep it consistent
// (upsert, remove, setConfig, and replaceStory's invalidation of exactly the affected files) must change together;
// split further, each half would need the other's private state. What stands alone lives beside it:
// reverseLinks.ts (the maps), sortedStories.ts (the order), dependencyCycles.ts (cycle components),
// milestoneFiles.ts (the milestone files and their lookup), frontMatterIdTitle.ts (ids of archived and other
// files), multiMap.ts.

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
  private readonly milestoneFiles = new MilestoneFiles();
  private readonly iterationByPath = new Map<string, Iteration>();
  // Why lazy: like milestones, few and rarely changed.
  private iterationLookup: Map<string, Iteration> | undefined;
  private iterationList: Iteration[] | undefined;
  // Why lazy too: milestones by name (Backlog.md) are derived from every story's `milestone:`; rebuilt on first use
  // after a story's milestone, a milestone file or an archived file changed.
  private named: Milestone[] | undefined;

  // Reverse links (id → stories, epic → children, …), keyed by idKey (ids) or lower-cased names (milestones, goals).
  private readonly links = new ReverseLinks(
    (id) => this.key(id)!,
    (id) => idNumber(id, this.cfg),
  );
  // Ids and titles of front matter in files that are not stories here (archive, docs, decisions): references to
  // them are not "unknown" — Backlog.md keeps archived tasks and milestones resolvable.
  private readonly elsewhere = new ElsewhereIds((id) => this.key(id)!);

  private readonly order = new SortedStories((a, b) => compareStories(a, b, this.cfg));
  // Problems of files as files (unreadable, not UTF-8), set by the loading pipeline; a path may have these and no text.
  private readonly fileIssues = new Map<string, readonly Issue[]>();
  /** Markdown files under the story globs that are not stories (no front matter with an id or a title): each is reported (not-a-story). */
  private readonly notes = new Set<string>();
  // Why per path: a change invalidates only the files it can affect (see affectedBy), so diagnostics of a 10k
  // backlog are not recomputed on every edit.
  private readonly issueCache = new Map<string, readonly Issue[]>();
  private readonly cycles = new DependencyCycles({
    paths: () => this.storyByPath.keys(),
    has: (p) => this.storyByPath.has(p),
    dependenciesOf: (p) => this.dependenciesOf(p),
    dependentsOf: (p) => {
      const k = this.key(this.storyByPath.get(p)?.id);
      return k === undefined ? [] : (this.links.dependents.get(k) ?? []);
    },
  });
  private readonly keyCache = new Map<string, string>();
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

  /** Returns the problems of the configuration given with it (code invalid-config). */
  configIssues(): readonly Issue[] {
    return this.cfgIssues;
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

  /** Returns what a path is to this backlog by the configuration alone ('outside' paths are never indexed); see `scopeOf`. */
  classify(path: string): PathScope {
    return scopeOf(this.cfg, path);
  }

  /** Returns true when a path is a story, the vision or a milestone by the configuration (what editor features serve). */
  isBacklogFile(path: string): boolean {
    const scope = scopeOf(this.cfg, path);
    return scope !== 'other' && scope !== 'outside';
  }

  /** Adds or replaces a file's text; returns (and announces) what changed. A path outside the backlog's scope is not kept. */
  upsert(path: string, text: string): IndexChange {
    if (scopeOf(this.cfg, path) === 'outside') return this.remove(path);
    if (this.texts.get(path) === text) return NO_CHANGE;
    this.texts.set(path, text);
    const change = this.load(path, text);
    if (change.paths.length) this.emitter.fire(change);
    return change;
  }

  /** Forgets a file (its text and its file problems); returns (and announces) what changed. */
  remove(path: string): IndexChange {
    if (this.fileIssues.delete(path)) {
      this.issueCache.delete(path);
      if (!this.texts.has(path)) {
        const change = { paths: [path], all: false };
        this.emitter.fire(change);
        return change;
      }
    }
    if (!this.texts.has(path)) return NO_CHANGE;
    this.texts.delete(path);
    this.notes.delete(path);
    const kind = this.kinds.get(path);
    this.kinds.delete(path);
    let change: IndexChange;
    const elsewhere = this.setElsewhere(path, undefined);
    if (kind === 'story') change = this.replaceStory(path, undefined);
    else if (kind === 'vision' || kind === 'milestone' || kind === 'iteration') {
      if (kind === 'vision') this.visionDoc = undefined;
      else if (kind === 'iteration') {
        this.iterationByPath.delete(path);
        this.resetIterations();
      } else {
        this.milestoneFiles.delete(path);
        this.named = undefined;
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

  /**
   * Sets the problems of a file as a file (code unreadable-file or unsupported-encoding), found by the loading
   * pipeline when it read the file; [] clears them. A file that could not be read has such issues and no text.
   */
  setFileIssues(path: string, issues: readonly Issue[]): void {
    const had = this.fileIssues.get(path);
    if (!had?.length && !issues.length) return;
    if (had && issues.length === had.length && issues.every((x, i) => x.code === had[i].code && x.message === had[i].message)) return;
    if (issues.length) this.fileIssues.set(path, issues);
    else this.fileIssues.delete(path);
    this.issueCache.delete(path);
    this.emitter.fire({ paths: [path], all: false });
  }

  /** Returns every path with file problems (some of them have no text: they could not be read). */
  pathsWithFileIssues(): string[] {
    return [...this.fileIssues.keys()];
  }

  /** Returns every path that may have issues of its own: stories, milestones, iterations, the vision, files with file problems, notes under the story globs. */
  reportedPaths(): string[] {
    const out = new Set<string>([...this.storyByPath.keys(), ...this.milestoneFiles.paths(), ...this.iterationByPath.keys(), ...this.fileIssues.keys(), ...this.notes]);
    if (this.visionDoc) out.add(this.visionDoc.path);
    return [...out];
  }

  /** Returns true when the index holds a text or file problems for a path. */
  knows(path: string): boolean {
    return this.texts.has(path) || this.fileIssues.has(path);
  }

  /** Returns the ids written in the front matter of files that are not stories here (archive, docs, drafts). */
  idsElsewhere(): string[] {
    const out: string[] = [];
    out.push(...this.elsewhere.allIds());
    return out;
  }

  /** Returns what the index made of a path ('other' for unknown paths). */
  kind(path: string): FileKind | undefined {
    return this.kinds.get(path);
  }

  /** Returns every story in backlog order (cached). */
  stories(): readonly Story[] {
    return this.order.list(() => this.storyByPath.values());
  }

  /** Returns the story of a path. */
  story(path: string): Story | undefined {
    return this.storyByPath.get(path);
  }

  /** Returns every story with this id (more than one when duplicated), in backlog order. */
  byId(id: string): readonly Story[] {
    return this.storiesOf(this.links.ids.get(this.key(id)!));
  }

  /** Returns the stories whose epic (or Backlog.md parent) is this id. */
  childrenOf(epicId: string): readonly Story[] {
    return this.storiesOf(this.links.children.get(this.key(epicId)!));
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
    for (const k of keys) for (const p of this.links.byMilestone.get(k) ?? []) paths.add(p);
    return this.storiesOf(paths);
  }

  /** Returns the stories linked to a goal, directly or through their epic. */
  ofGoal(goalId: string): readonly Story[] {
    const direct = this.links.byGoal.get(goalId.trim().toLowerCase());
    if (!direct) return [];
    const paths = new Set(direct);
    for (const p of direct) {
      const epic = this.storyByPath.get(p);
      if (epic?.id === undefined) continue;
      for (const c of this.links.children.get(this.key(epic.id)!) ?? []) {
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
    return this.storiesOf(this.links.dependents.get(this.key(id)!));
  }

  /** Returns the vision, when there is a vision file. */
  vision(): Vision | undefined {
    return this.visionDoc;
  }

  /** Returns the milestones, by id in natural order. */
  milestones(): readonly Milestone[] {
    return this.milestoneFiles.list();
  }

  /**
   * Returns the milestones named in stories but defined by no file (nor an archived one), in Backlog.md mode, where
   * free-text milestones are valid (`milestone: Beta launch`); [] otherwise. In order of first use in the backlog.
   */
  namedMilestones(): readonly Milestone[] {
    if (!this.cfg.backlogMd) return [];
    if (!this.named) {
      const seen = new Set<string>();
      const out: Milestone[] = [];
      for (const s of this.stories()) {
        const name = s.milestone;
        if (name === undefined) continue;
        const key = name.trim().toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        if (!isMilestoneByName(name, this.ctx)) continue;
        out.push({ path: '', id: name.trim(), title: name.trim(), description: '', problems: [], byName: true });
      }
      this.named = out;
    }
    return this.named;
  }

  /** Returns every milestone the views show: the milestone files, then (Backlog.md) the milestones by name. */
  allMilestones(): readonly Milestone[] {
    const named = this.namedMilestones();
    return named.length ? [...this.milestones(), ...named] : this.milestones();
  }

  /** Returns a milestone by id or title (case-insensitive), or a milestone by name (Backlog.md). */
  milestoneOrNamed(ref: string): Milestone | undefined {
    const key = ref.trim().toLowerCase();
    return this.milestone(ref) ?? this.namedMilestones().find((m) => m.id.toLowerCase() === key);
  }

  /** Returns the iterations (sprints), by start date (undated last), then by id in natural order. */
  iterations(): readonly Iteration[] {
    if (!this.iterationList) {
      this.iterationList = [...this.iterationByPath.values()].sort(
        (a, b) => (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff') || compareIds(a.id, b.id) || (a.path < b.path ? -1 : 1),
      );
    }
    return this.iterationList;
  }

  /** Returns an iteration by id or title (case-insensitive). */
  iteration(ref: string): Iteration | undefined {
    if (!this.iterationLookup) {
      const lookup = new Map<string, Iteration>();
      const all = this.iterations();
      // Titles first so that an id always wins over another iteration's equal title.
      for (const it of all) if (!lookup.has(it.title.toLowerCase())) lookup.set(it.title.toLowerCase(), it);
      for (const it of all) lookup.set(it.id.toLowerCase(), it);
      this.iterationLookup = lookup;
    }
    return this.iterationLookup.get(ref.trim().toLowerCase());
  }

  /** Returns the stories planned into an iteration (named by its id or its title), in backlog order. */
  ofIteration(ref: string): readonly Story[] {
    const it = this.iteration(ref);
    const keys = new Set([ref.trim().toLowerCase()]);
    if (it) {
      keys.add(it.id.toLowerCase());
      keys.add(it.title.toLowerCase());
    }
    const paths = new Set<string>();
    for (const k of keys) for (const p of this.links.byIteration.get(k) ?? []) paths.add(p);
    return this.storiesOf(paths);
  }

  private resetIterations(): void {
    this.iterationLookup = undefined;
    this.iterationList = undefined;
  }

  /** Returns a milestone file by id or title (case-insensitive). */
  milestone(id: string): Milestone | undefined {
    return this.milestoneFiles.find(id);
  }

  /** Returns every issue of one file, config severities applied and 'off' removed (cached until a change touches it). */
  issues(path: string): readonly Issue[] {
    const cached = this.issueCache.get(path);
    if (cached) return cached;
    const kind = this.kinds.get(path);
    let raw: Issue[] = [];
    if (kind === 'story') {
      const story = this.storyByPath.get(path)!;
      const conflict = inConflict(story);
      for (const rule of conflict ? CONFLICT_RULES : STORY_RULES) {
        try {
          for (const found of rule.check(story, this.ctx)) raw.push(found);
        } catch {
          // Rules never throw by contract; a bug in one must not hide the others' findings.
        }
      }
      if (!conflict) for (const p of story.problems) if (!REPORTED_BY_RULES.has(p.code)) raw.push(p);
    } else if (kind === 'vision' && this.visionDoc) raw = [...this.visionDoc.problems];
    else if (this.notes.has(path) && !this.fileIssues.get(path)?.length) {
      // Not cached: its quick fix proposes the next free id, which any new story changes.
      return this.applySeverity([notAStoryIssue(path, this.texts.get(path) ?? '', this.ctx.nextId())]);
    }
    else if (kind === 'milestone') raw = [...(this.milestoneFiles.get(path)?.problems ?? [])];
    else if (kind === 'iteration') raw = [...(this.iterationByPath.get(path)?.problems ?? [])];
    const file = this.fileIssues.get(path);
    if (file) raw.push(...file);
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
    for (const p of [...new Set([...this.texts.keys(), ...this.fileIssues.keys()])].sort()) out.push(...this.issues(p));
    out.push(...this.backlogIssues());
    return out;
  }

  /** Returns the 0-based position of a story in stories(), or -1. */
  rankPosition(story: Story): number {
    const current = this.storyByPath.get(story.path);
    return current ? this.order.position(current, () => this.storyByPath.values()) : -1;
  }

  // ---- loading -------------------------------------------------------------------------------------------

  private load(path: string, text: string): IndexChange {
    const kind = this.classify(path) as FileKind;
    if (kind === 'vision') {
      this.kinds.set(path, 'vision');
      this.visionDoc = parseVision(path, text);
      return this.invalidateAll(path);
    }
    if (kind === 'milestone') {
      const m = parseMilestone(path, text);
      if (m.frontMatter) {
        this.kinds.set(path, 'milestone');
        this.milestoneFiles.set(path, m);
        this.named = undefined;
        return this.invalidateAll(path);
      }
      // A readme in the milestones folder is not a milestone.
      const was = this.milestoneFiles.delete(path);
      this.named = undefined;
      if (was) {
        this.kinds.set(path, 'other');
        return this.invalidateAll(path);
      }
    }
    if (kind === 'iteration') {
      const it = parseIteration(path, text);
      const was = this.iterationByPath.has(path);
      if (it.frontMatter) {
        this.kinds.set(path, 'iteration');
        this.iterationByPath.set(path, it);
        this.resetIterations();
        return this.invalidateAll(path);
      }
      // A readme in the iterations folder is not an iteration.
      this.iterationByPath.delete(path);
      this.resetIterations();
      if (was) {
        this.kinds.set(path, 'other');
        return this.invalidateAll(path);
      }
    }
    if (kind === 'story') {
      this.notes.delete(path);
      const story = parseStory(path, text, { atMentions: this.cfg.backlogMd });
      if (isStoryFile(story)) {
        this.kinds.set(path, 'story');
        return this.replaceStory(path, story);
      }
      if (this.isTaskFolderFile(path, story)) {
        // Backlog.md lists a task file without front matter: so does Rudder, with a warning that says so.
        this.kinds.set(path, 'story');
        return this.replaceStory(path, bareStory(story, text, this.cfg.statuses));
      }
    }
    // Not a story (no front matter, or outside the story globs): remembered as 'other'; under the story globs it is
    // reported (not-a-story), so no Markdown file there is left out without a word.
    const wasStory = this.kinds.get(path) === 'story';
    this.kinds.set(path, 'other');
    this.noteIf(path, kind === 'story');
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
  private setElsewhere(path: string, next: IdTitle | undefined): Set<string> {
    const affected = new Set<string>();
    const { old, changed } = this.elsewhere.set(path, next);
    if (!changed) return affected;
    this.named = undefined;
    for (const e of [old, next]) {
      if (!e) continue;
      for (const name of [e.id, e.title]) {
        if (name === undefined) continue;
        for (const p of this.links.byMilestone.get(name.toLowerCase()) ?? []) affected.add(p);
      }
      if (e.id !== undefined) {
        const k = this.key(e.id)!;
        for (const p of this.links.children.get(k) ?? []) affected.add(p);
        for (const p of this.links.dependents.get(k) ?? []) affected.add(p);
      }
    }
    return affected;
  }

  private rebuild(): void {
    this.kinds.clear();
    this.notes.clear();
    this.storyByPath.clear();
    this.visionDoc = undefined;
    this.milestoneFiles.clear();
    this.iterationByPath.clear();
    this.resetIterations();
    this.named = undefined;
    this.links.clear();
    this.elsewhere.clear();
    this.order.invalidate();
    this.cycles.reset();
    this.issueCache.clear();
    for (const path of [...this.fileIssues.keys()]) if (this.classify(path) === 'outside') this.fileIssues.delete(path);
    for (const [path, text] of this.texts) {
      const kind = this.classify(path);
      if (kind === 'outside') {
        // No longer part of the backlog under the new configuration.
        this.texts.delete(path);
        continue;
      }
      if (kind === 'vision') {
        this.kinds.set(path, kind);
        this.visionDoc = parseVision(path, text);
      } else if (kind === 'milestone' && parseMilestoneWithFrontMatter(path, text)) {
        this.kinds.set(path, kind);
        this.milestoneFiles.set(path, parseMilestoneWithFrontMatter(path, text)!);
      } else if (kind === 'iteration' && parseIteration(path, text).frontMatter) {
        this.kinds.set(path, kind);
        this.iterationByPath.set(path, parseIteration(path, text));
      } else {
        let story = kind === 'story' ? parseStory(path, text, { atMentions: this.cfg.backlogMd }) : undefined;
        if (story && !isStoryFile(story) && this.isTaskFolderFile(path, story)) story = bareStory(story, text, this.cfg.statuses);
        if (story && (isStoryFile(story) || this.isTaskFolderFile(path, story))) {
          this.kinds.set(path, 'story');
          this.storyByPath.set(path, story);
          this.links.link(story);
        } else {
          this.kinds.set(path, 'other');
          this.noteIf(path, kind === 'story');
          if (kind === 'other') this.setElsewhere(path, frontMatterIdTitle(text));
        }
      }
    }
  }

  /**
   * Returns true for a file without front matter in Backlog.md's task folders (tasks/, completed/, drafts/, at any
   * depth) that is not a readme (Backlog.md's own backlog documents each folder in a readme.md).
   */
  /**
   * Remembers a non-story under the story globs as a note to report. A readme there is documentation, not a story;
   * in Backlog.md mode only its task folders hold tasks (Backlog.md itself reads nothing else as one).
   */
  private noteIf(path: string, underStoryGlobs: boolean): void {
    const note = underStoryGlobs && !/(^|\/)readme\.md$/i.test(path) && (!this.cfg.backlogMd || this.inTaskFolder(path));
    if (note) this.notes.add(path);
    else this.notes.delete(path);
  }

  private inTaskFolder(path: string): boolean {
    return TASK_FOLDERS.some((f) => path.startsWith(backlogSubfolder(this.cfg, f)));
  }

  private isTaskFolderFile(path: string, story: Story): boolean {
    if (!this.cfg.backlogMd || story.frontMatter || looksBinary(this.texts.get(path) ?? '')) return false;
    if (/(^|\/)readme\.md$/i.test(path)) return false;
    return this.inTaskFolder(path);
  }

  private invalidateAll(path: string): IndexChange {
    this.issueCache.clear();
    const paths = new Set<string>([path, ...this.storyByPath.keys()]);
    return { paths: [...paths], all: true };
  }

  /** Replaces (or removes, when `next` is undefined) the story of a path and invalidates what it affects. */
  private replaceStory(path: string, next: Story | undefined): IndexChange {
    const old = this.storyByPath.get(path);
    this.named = undefined;
    const affected = new Set<string>([path]);
    const linksChanged = !old || !next || this.key(old.id) !== this.key(next.id) || !sameDeps(old, next, this.cfg);
    const rankChanged = old?.rank !== next?.rank;
    const maxBefore = this.links.maxIdNumber;
    let oldComponent = new Set<string>();
    let newComponent = new Set<string>();
    if (old) {
      if (linksChanged) oldComponent = this.cycles.componentOf(old.path);
      this.affectedBy(old, affected, rankChanged);
      this.links.unlink(old);
      this.storyByPath.delete(path);
      this.order.remove(old);
    }
    if (next) {
      this.storyByPath.set(path, next);
      this.links.link(next);
      this.order.insert(next);
      if (linksChanged) newComponent = this.cycles.componentOf(next.path);
      this.affectedBy(next, affected, rankChanged);
    }
    if (linksChanged) {
      // Cycle findings change only for the stories of this story's cycle component, before and after the change.
      if (INVALIDATIONS.has('dependency-cycle')) {
        for (const p of oldComponent) affected.add(p);
        for (const p of newComponent) affected.add(p);
      }
      this.cycles.update(oldComponent, newComponent);
    }
    if (INVALIDATIONS.has('same-milestone') && this.cfg.backlogMd && (rankChanged || old?.milestone !== next?.milestone)) {
      // A milestone by name is reported on the first story (in backlog order) that names it: its peers may change.
      for (const m of new Set([old?.milestone, next?.milestone])) {
        if (m !== undefined) for (const p of this.links.byMilestone.get(m.toLowerCase()) ?? []) affected.add(p);
      }
    }
    if (INVALIDATIONS.has('next-id') && this.links.maxIdNumber !== maxBefore) {
      // The suggested next id changed: stories whose fixes propose one must be re-checked.
      for (const p of this.links.withoutId) affected.add(p);
      for (const k of this.links.duplicateKeys) for (const p of this.links.ids.get(k) ?? []) affected.add(p);
    }
    for (const p of affected) this.issueCache.delete(p);
    return { paths: [...affected], all: false };
  }

  /** Adds the paths whose issues depend on `s` (in the current state of the maps) to `out`. */
  private affectedBy(s: Story, out: Set<string>, rankChanged: boolean): void {
    const key = this.key(s.id);
    if (key !== undefined) {
      if (INVALIDATIONS.has('same-id')) for (const p of this.links.ids.get(key) ?? []) out.add(p);
      if (INVALIDATIONS.has('referenced')) {
        for (const p of this.links.children.get(key) ?? []) out.add(p);
        for (const p of this.links.dependents.get(key) ?? []) out.add(p);
      }
    }
    if (s.rank !== undefined) {
      if (INVALIDATIONS.has('same-rank')) for (const p of this.links.rankGroups.get(s.rank) ?? []) out.add(p);
      if (rankChanged && INVALIDATIONS.has('rank-neighbours')) {
        // Rank fixes of the neighbouring keys' groups use this key as their bound.
        const { before, after } = this.links.neighbours(s.rank);
        for (const r of [before, after]) if (r !== undefined) for (const p of this.links.rankGroups.get(r) ?? []) out.add(p);
      }
    }
  }

  /** Returns the story paths a story depends on (its depends_on ids, resolved). */
  private dependenciesOf(p: string): string[] {
    const out: string[] = [];
    for (const d of this.storyByPath.get(p)?.dependsOn ?? []) for (const q of this.links.ids.get(this.key(d)!) ?? []) out.push(q);
    return out;
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
      iteration: (ref) => this.iteration(ref),
      iterations: () => this.iterations(),
      dependencyCycle: (s) => this.cycles.shortestCycle(s.path)?.map((p) => this.storyByPath.get(p)!),
      storiesWithRank: (r) => this.storiesOf(this.links.rankGroups.get(r)),
      rankNeighbours: (r) => this.links.neighbours(r),
      storiesInMilestone: (ref) => this.ofMilestone(ref),
      existsElsewhere: (ref) => this.elsewhere.has(ref),
      nextId: () => `${this.cfg.idPrefix}${this.links.maxIdNumber + 1}`,
    };
  }
}

function parseMilestoneWithFrontMatter(path: string, text: string): Milestone | undefined {
  const m = parseMilestone(path, text);
  return m.frontMatter ? m : undefined;
}

function sameDeps(a: Story, b: Story, cfg: RudderConfig): boolean {
  if (a.dependsOn.length !== b.dependsOn.length) return false;
  for (let i = 0; i < a.dependsOn.length; i++) if (idKey(a.dependsOn[i], cfg) !== idKey(b.dependsOn[i], cfg)) return false;
  return true;
}


function compareIssues(a: Issue, b: Issue): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

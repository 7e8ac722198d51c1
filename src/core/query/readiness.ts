import { isClosed } from '../config/workflow';
import type { ReadyCheck, RudderConfig } from '../model/config';
import type { Range } from '../model/range';
import type { Criterion, Story, Vision } from '../model/story';
import { LineIndex } from '../model/lineIndex';
import { findPlaceholder, type Placeholder } from '../parse/placeholders';
import { bodyFullyRead } from '../rules/unreadContent';

// Readiness and blocking, defined once: the not-ready rule, Mark Ready, the CodeLens, the tree, Next Up, Plan
// Iteration, `rudder next` and the roadmap all ask these functions. A placeholder (`<context>`, TODO, a lone `…`)
// counts as missing content; a dependency blocks while it resolves to a story that is neither done nor dropped
// (an unknown id is unknown-reference's business, a cycle dependency-cycle's).

/** What a readiness question reads: the configuration, the vision and stories by id (a RuleContext, or an index through `readinessContextOf`). */
export interface ReadinessContext {
  readonly config: RudderConfig;
  vision(): Vision | undefined;
  /** Stories with this id (Backlog.md id folding included). */
  resolve(id: string): readonly Story[];
}

/** Returns the readiness context of a backlog index (or anything with `config`, `vision()` and `byId()`). */
export function readinessContextOf(index: { readonly config: RudderConfig; vision(): Vision | undefined; byId(id: string): readonly Story[] }): ReadinessContext {
  return { config: index.config, vision: () => index.vision(), resolve: (id) => index.byId(id) };
}

/** One failing Definition of Ready check, in words, with where to fix it when Rudder knows (a placeholder to fill). */
export interface ReadinessFailure {
  readonly check: ReadyCheck;
  readonly message: string;
  /** The unfilled placeholder that makes the check fail (in the story's file), when that is the reason. */
  readonly placeholder?: Range;
  /** For `no-open-dependencies`: the stories that block it. */
  readonly blockers?: readonly Story[];
}

/** An open dependency of a story: the id as written and the stories it resolves to that are not done or dropped. */
export interface Blocker {
  readonly id: string;
  readonly stories: readonly Story[];
}

/** Returns the dependencies that still block a story: each `depends_on` id that resolves to a story neither done nor dropped. */
export function blockersOf(story: Story, ctx: ReadinessContext): Blocker[] {
  const out: Blocker[] = [];
  for (const id of story.dependsOn) {
    const open = ctx.resolve(id).filter((s) => s.path !== story.path && !isClosed(s, ctx.config));
    if (open.length) out.push({ id, stories: open });
  }
  return out;
}

/** Returns true when some dependency of the story is not done yet (see `blockersOf`). */
export function isBlocked(story: Story, ctx: ReadinessContext): boolean {
  return blockersOf(story, ctx).length > 0;
}

// Why cached: a story's criteria and user story are asked about by several rules, the CodeLens and the tree, each
// time the story is checked; parsed stories and their parts are immutable (a change makes a new Story), so a WeakMap
// keyed by the object is always current and lets go of a story once the index does.
const placeholderCache = new WeakMap<object, Placeholder | null>();
const filledCache = new WeakMap<Story, readonly Criterion[]>();

/** Returns the first unfilled placeholder of a criterion's or user story's text (see `findPlaceholder`), or undefined. */
export function placeholderIn(c: { readonly text: string }): Placeholder | undefined {
  let p = placeholderCache.get(c);
  if (p === undefined) {
    p = findPlaceholder(c.text) ?? null;
    placeholderCache.set(c, p);
  }
  return p ?? undefined;
}

/** Returns the acceptance criteria that are written out: every criterion without an unfilled placeholder. */
export function filledCriteria(story: Story): readonly Criterion[] {
  let filled = filledCache.get(story);
  if (!filled) {
    filled = (story.acceptanceCriteria?.items ?? []).filter((c) => placeholderIn(c) === undefined);
    filledCache.set(story, filled);
  }
  return filled;
}

/** Returns where the first unfilled placeholder of a criterion is in the file. */
export function criterionPlaceholder(c: Criterion): Range | undefined {
  const p = placeholderIn(c);
  if (!p) return undefined;
  const line = c.textRange.start.line;
  const at = c.textRange.start.character;
  return { start: { line, character: at + p.start }, end: { line, character: at + p.end } };
}

/** Returns the first criterion that is still template text, with where its placeholder is, when no criterion is filled in. */
export function unfilledCriteria(story: Story): { readonly criterion: Criterion; readonly range: Range } | undefined {
  const items = story.acceptanceCriteria?.items ?? [];
  if (items.length === 0 || filledCriteria(story).length > 0) return undefined;
  const criterion = items[0];
  return { criterion, range: criterionPlaceholder(criterion) ?? criterion.textRange };
}

/**
 * Returns where the user story statement still holds an unfilled placeholder (`As a <persona>, I want …`), or
 * undefined when it is written out or absent. `text` is the file's text (for the exact range); without it, the
 * statement's range.
 */
export function userStoryPlaceholder(story: Story, text?: string): Range | undefined {
  const us = story.userStory;
  if (!us) return undefined;
  if (!placeholderIn(us)) return undefined;
  if (text === undefined) return us.range;
  const lines = new LineIndex(text);
  const start = lines.offsetAt(us.range.start);
  const end = lines.offsetAt(us.range.end);
  const p = findPlaceholder(text.slice(start, end));
  return p ? lines.rangeOf(start + p.start, start + p.end) : us.range;
}

/** Returns true when the story has a user story statement that is written out (not the template). */
export function hasUserStory(story: Story): boolean {
  return story.userStory !== undefined && placeholderIn(story.userStory) === undefined;
}

/** Returns true when the story or its epic names a vision goal. */
export function linksToVision(story: Story, ctx: ReadinessContext): boolean {
  if (story.vision.length > 0) return true;
  if (story.epic === undefined) return false;
  return ctx.resolve(story.epic).some((e) => e.path !== story.path && e.vision.length > 0);
}

/**
 * Returns what fails in the Definition of Ready for a story ([] when it holds), check by check in the order of
 * `definitionOfReady`; epics have none (an epic is ready when its stories are). `skip` leaves checks out (Next Up
 * asks about blocking apart). `text` is the file's text, for the exact place of a placeholder.
 */
export function readinessFailures(story: Story, ctx: ReadinessContext, options: { readonly skip?: readonly ReadyCheck[]; readonly text?: string } = {}): ReadinessFailure[] {
  if (story.type === 'epic') return [];
  const failed: ReadinessFailure[] = [];
  for (const check of ctx.config.definitionOfReady) {
    if (options.skip?.includes(check)) continue;
    switch (check) {
      case 'acceptance-criteria': {
        // What was not read (unread-content) may hold them: only a fully read body can lack them.
        if (!bodyFullyRead(story)) break;
        const unfilled = unfilledCriteria(story);
        if (unfilled) failed.push({ check, message: `the acceptance criteria are still the template (${placeholderWord(unfilled.criterion)})`, placeholder: unfilled.range });
        else if (filledCriteria(story).length === 0) failed.push({ check, message: 'no acceptance criteria' });
        break;
      }
      case 'vision-link':
        if (ctx.vision() && !linksToVision(story, ctx)) failed.push({ check, message: 'no link to a vision goal' });
        break;
      case 'estimate':
        if (story.estimate === undefined) failed.push({ check, message: 'no estimate' });
        break;
      case 'user-story': {
        if (!bodyFullyRead(story)) break;
        const at = userStoryPlaceholder(story, options.text);
        if (at) failed.push({ check, message: `the user story is still the template (${placeholderWord(story.userStory!)})`, placeholder: at });
        else if (!story.userStory) failed.push({ check, message: 'no "As a …, I want …, so that …" statement' });
        break;
      }
      case 'no-open-dependencies': {
        const blockers = blockersOf(story, ctx);
        if (blockers.length) failed.push({ check, message: `open dependencies (${blockers.map((b) => b.id).join(', ')})`, blockers: blockers.flatMap((b) => b.stories) });
        break;
      }
    }
  }
  return failed;
}

/** Returns true when the story passes the Definition of Ready (see `readinessFailures`). */
export function passesDefinitionOfReady(story: Story, ctx: ReadinessContext, options?: { readonly skip?: readonly ReadyCheck[] }): boolean {
  return readinessFailures(story, ctx, options).length === 0;
}

function placeholderWord(part: { readonly text: string }): string {
  return placeholderIn(part)?.text ?? part.text;
}

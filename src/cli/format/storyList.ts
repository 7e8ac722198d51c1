import type { Story } from '../../core/model/story';
import { progressOf } from '../../core/query/checklists';

/** One story in `rudder list --json` (public API: version 1). Absent values are null. */
export interface JsonListStory {
  readonly id: string | null;
  readonly title: string;
  readonly type: string;
  readonly status: string | null;
  readonly rank: string | null;
  readonly priority: string | null;
  readonly estimate: number | null;
  readonly epic: string | null;
  readonly milestone: string | null;
  readonly vision: readonly string[];
  readonly file: string;
  readonly acceptanceCriteria: { readonly total: number; readonly done: number };
  /** The story's own Definition of Done checklist ({0, 0} without one). */
  readonly definitionOfDone: { readonly total: number; readonly done: number };
  readonly wsjf: number | null;
  readonly rice: number | null;
  /** True for a Backlog.md draft (backlog/drafts/): listed after every task, never among them. */
  readonly draft: boolean;
}

/** The orders `rudder list --sort` accepts. */
export const LIST_SORTS = ['rank', 'wsjf', 'rice', 'priority'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** What the caller computes for a story entry (the core's wsjf/rice, isDraft). */
export interface StoryScores {
  readonly wsjf?: number;
  readonly rice?: number;
  readonly draft?: boolean;
}

/** Returns the `rudder list --json` entry of one story. */
export function toJsonListStory(story: Story, scores: StoryScores): JsonListStory {
  return {
    id: story.id ?? null,
    title: story.title,
    type: story.type,
    status: story.status ?? null,
    rank: story.rank ?? null,
    priority: story.priority ?? null,
    estimate: story.estimate ?? null,
    epic: story.epic ?? null,
    milestone: story.milestone ?? null,
    vision: [...story.vision],
    file: story.path,
    acceptanceCriteria: progressOf(story.acceptanceCriteria),
    definitionOfDone: progressOf(story.definitionOfDone),
    wsjf: finiteOrNull(scores.wsjf),
    rice: finiteOrNull(scores.rice),
    draft: scores.draft === true,
  };
}

/** One group of `rudder list --group-by` (its stories in the list's order). */
export interface ListGroup {
  readonly key: string;
  readonly label: string;
  readonly notFound: boolean;
  readonly stories: readonly JsonListStory[];
  /** How many of the group's stories are done, when the grouping shows progress (milestones). */
  readonly done?: number;
}

/** Returns the text printed by `rudder list --json`; with groups, each lists the ids and files of its stories. */
export function formatListJson(stories: readonly JsonListStory[], groups?: readonly ListGroup[]): string {
  const out: Record<string, unknown> = { version: 1, stories };
  if (groups) {
    out.groups = groups.map((g) => ({ key: g.key, label: g.label, notFound: g.notFound, ...(g.done !== undefined ? { done: g.done } : {}), stories: g.stories.map((s) => ({ id: s.id, file: s.file })) }));
  }
  return JSON.stringify(out, null, 2) + '\n';
}

/** Returns the aligned table printed by `rudder list`: id, status, priority, estimate, AC done/total, title (one table per group). */
export function formatListText(stories: readonly JsonListStory[], groups?: readonly ListGroup[]): string {
  if (stories.length === 0) return 'No stories.\n';
  const drafts = stories.filter((s) => s.draft);
  if (!groups && drafts.length && drafts.length < stories.length) {
    return `${formatListText(stories.filter((s) => !s.draft))}\nDrafts (${drafts.length})\n${formatListText(drafts).replace(/^(?=.)/gm, '  ')}`;
  }
  if (groups) return groups.map((g) => `${g.label} (${g.done === undefined ? g.stories.length : `${g.done}/${g.stories.length} done`})\n${formatListText(g.stories).replace(/^(?=.)/gm, '  ')}`).join('\n');
  // The DOD column appears only when some story has a Definition of Done checklist.
  const dod = stories.some((s) => s.definitionOfDone.total > 0);
  const ratio = (p: { total: number; done: number }): string => (p.total === 0 ? '—' : `${p.done}/${p.total}`);
  const header = ['ID', 'STATUS', 'PRIORITY', 'EST', 'AC', ...(dod ? ['DOD'] : []), 'TITLE'];
  const rows = stories.map((s) => [
    cell(s.id ?? '—'),
    cell(s.status ?? '—'),
    cell(s.priority ?? '—'),
    s.estimate === null ? '—' : String(s.estimate),
    ratio(s.acceptanceCriteria),
    ...(dod ? [ratio(s.definitionOfDone)] : []),
    cell(s.title),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]): string =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : c >= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return all.map(line).join('\n') + '\n';
}

/** Returns a value as one table cell: a line break, a tab or another control character would break the table. */
function cell(v: string): string {
  let out = '';
  let space = false;
  for (const ch of v) {
    const c = ch.charCodeAt(0);
    const blank = c <= 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029;
    if (blank) {
      if (!space && out !== '') out += ' ';
      space = true;
    } else {
      out += ch;
      space = false;
    }
  }
  return out.trimEnd();
}

function finiteOrNull(n: number | undefined): number | null {
  return n === undefined || !Number.isFinite(n) ? null : n;
}

/** Returns the entries in the requested order; ties (and missing values) keep backlog order. */
export function sortEntries(entries: readonly JsonListStory[], sort: ListSort, priorities: readonly string[]): JsonListStory[] {
  const list = [...entries];
  // Why a stable sort on a backlog-ordered list: equal scores stay in the order the team ranked them.
  if (sort === 'wsjf' || sort === 'rice') {
    list.sort((a, b) => descendingNullLast(a[sort], b[sort]));
  } else if (sort === 'priority') {
    const position = (p: string | null): number => {
      const i = p === null ? -1 : priorities.indexOf(p);
      return i === -1 ? priorities.length : i;
    };
    list.sort((a, b) => position(a.priority) - position(b.priority));
  }
  return list;
}

function descendingNullLast(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return b - a;
}

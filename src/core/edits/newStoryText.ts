import { LineIndex } from '../model/lineIndex';
import type { Range } from '../model/range';
import { CRITERION_TEMPLATE } from './bodyEdits';
import { formatYamlScalar } from './yamlScalar';

export interface NewStoryOptions {
  readonly id: string;
  readonly title: string;
  /** 'story', 'epic', 'bug', 'spike', 'task' or 'milestone'. */
  readonly type: string;
  readonly status?: string;
  readonly rank?: string;
  readonly epic?: string;
  readonly milestone?: string;
  /** Vision goal ids. */
  readonly vision?: readonly string[];
  readonly splitFrom?: string;
  /** Acceptance criteria to start with; a Given/When/Then template when absent or empty. */
  readonly criteria?: readonly string[];
  /** Which of `criteria` start checked (by index); the others are open. */
  readonly checked?: readonly boolean[];
  /** The team's Definition of Done: a new story (not an epic) gets it as a checklist section. */
  readonly definitionOfDone?: readonly string[];
  /** Backlog.md's order (`ordinal`), written instead of `rank` in a Backlog.md backlog. */
  readonly ordinal?: number;
  /**
   * Backlog.md's task shape, for a Backlog.md backlog: the list fields it always writes, `created_date` (this
   * value, 'YYYY-MM-DD HH:mm', when given), no `type` for a plain story, the epic as `parent_task_id`, and the
   * criteria and the Definition of Done between its markers, numbered `#1`, `#2`, … as Backlog.md writes them.
   */
  readonly backlogMd?: { readonly created?: string };
  /** Line ending; default '\n'. */
  readonly eol?: string;
}

/** The user story placeholder a new story starts with. */
export const USER_STORY_TEMPLATE = 'As a <persona>, I want <capability>, so that <benefit>.';

/** Returns the text of a new story, epic or milestone file and the range of its title value (where the cursor goes). */
export function newStory(options: NewStoryOptions): { text: string; titleRange: Range } {
  const eol = options.eol ?? '\n';
  const field = (key: string, value: string): string => `${key}: ${formatYamlScalar(value)}${eol}`;
  const list = (key: string, values: readonly string[] | undefined): string => `${key}: [${(values ?? []).map((v) => formatYamlScalar(v, { flow: true })).join(', ')}]${eol}`;
  const head = `---${eol}${field('id', options.id)}`;
  const titleLine = `title: ${formatYamlScalar(options.title)}`;
  let fm = head + titleLine + eol;
  const milestone = options.type === 'milestone';
  const md = milestone ? undefined : options.backlogMd;
  if (md) {
    if (options.status !== undefined) fm += field('status', options.status);
    fm += list('assignee', []);
    if (md.created !== undefined) fm += `created_date: '${md.created}'${eol}`;
    fm += list('labels', []) + list('dependencies', []);
    if (options.type !== 'story') fm += field('type', options.type);
    if (options.epic !== undefined) fm += field('parent_task_id', options.epic);
    if (options.milestone !== undefined) fm += field('milestone', options.milestone);
    if (options.vision !== undefined && options.vision.length > 0) fm += list('vision', options.vision);
    if (options.splitFrom !== undefined) fm += field('split_from', options.splitFrom);
    if (options.ordinal !== undefined) fm += `ordinal: ${options.ordinal}${eol}`;
    else if (options.rank !== undefined) fm += field('rank', options.rank);
  } else {
    if (!milestone) fm += field('type', options.type);
    if (options.status !== undefined) fm += field('status', options.status);
    if (!milestone) {
      if (options.rank !== undefined) fm += field('rank', options.rank);
      if (options.epic !== undefined) fm += field('epic', options.epic);
      if (options.milestone !== undefined) fm += field('milestone', options.milestone);
      if (options.vision !== undefined && options.vision.length > 0) fm += list('vision', options.vision);
      if (options.splitFrom !== undefined) fm += field('split_from', options.splitFrom);
    }
  }
  fm += `---${eol}`;
  let body: string;
  if (milestone) {
    body = `${eol}What this milestone delivers, and how we will know it is done.${eol}`;
  } else {
    const criteria = options.criteria && options.criteria.length > 0 ? options.criteria : [CRITERION_TEMPLATE];
    const checklist = (heading: string, marker: string, items: readonly string[], checked: readonly boolean[] = []): string => {
      const lines = items.map((c, i) => `- [${checked[i] ? 'x' : ' '}] ${md ? `#${i + 1} ` : ''}${c}${eol}`).join('');
      return md ? `## ${heading}${eol}<!-- ${marker}:BEGIN -->${eol}${lines}<!-- ${marker}:END -->${eol}` : `## ${heading}${eol}${eol}${lines}`;
    };
    body = `${eol}${USER_STORY_TEMPLATE}${eol}${eol}${checklist('Acceptance Criteria', 'AC', criteria, options.checked)}`;
    const dod = options.type === 'epic' ? [] : (options.definitionOfDone ?? []);
    if (dod.length) body += `${eol}${checklist('Definition of Done', 'DOD', dod)}`;
  }
  const text = fm + body;
  const titleStart = head.length + 'title: '.length;
  return { text, titleRange: new LineIndex(text).rangeOf(titleStart, head.length + titleLine.length) };
}

/** Returns the text of a new story, epic or milestone file: valid front matter, a user story placeholder and an acceptance criteria section. */
export function newStoryText(options: NewStoryOptions): string {
  return newStory(options).text;
}

/** Returns a fresh id: `prefix` + (the highest number used with that prefix + 1); with `random`, a short base36 suffix makes it collision-free across branches. */
export function nextId(existingIds: Iterable<string>, prefix: string, options: { readonly random?: () => number } = {}): string {
  const lower = prefix.toLowerCase();
  const taken = new Set<string>();
  let max = 0;
  for (const id of existingIds) {
    taken.add(id.toLowerCase());
    if (!id.toLowerCase().startsWith(lower)) continue;
    const m = /^\d+/.exec(id.slice(prefix.length));
    if (m) max = Math.max(max, Number(m[0]));
  }
  const base = `${prefix}${max + 1}`;
  if (!options.random) return base;
  const random = options.random;
  // Why a bounded loop: a broken random source must not hang the editor; the counter then decides.
  for (let attempt = 0; attempt < 100; attempt++) {
    let suffix = '';
    for (let i = 0; i < 4; i++) suffix += Math.min(35, Math.floor(Math.abs(random()) * 36)).toString(36);
    const id = `${base}-${suffix}`;
    if (!taken.has(id.toLowerCase())) return id;
  }
  let n = 1;
  while (taken.has(`${base}-${n}`.toLowerCase())) n++;
  return `${base}-${n}`;
}

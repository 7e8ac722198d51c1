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
  /** The team's Definition of Done: a new story (not an epic) gets it as a checklist section. */
  readonly definitionOfDone?: readonly string[];
  /** Line ending; default '\n'. */
  readonly eol?: string;
}

/** The user story placeholder a new story starts with. */
export const USER_STORY_TEMPLATE = 'As a <persona>, I want <capability>, so that <benefit>.';

/** Returns the text of a new story, epic or milestone file and the range of its title value (where the cursor goes). */
export function newStory(options: NewStoryOptions): { text: string; titleRange: Range } {
  const eol = options.eol ?? '\n';
  const field = (key: string, value: string): string => `${key}: ${formatYamlScalar(value)}${eol}`;
  const head = `---${eol}${field('id', options.id)}`;
  const titleLine = `title: ${formatYamlScalar(options.title)}`;
  let fm = head + titleLine + eol;
  const milestone = options.type === 'milestone';
  if (!milestone) fm += field('type', options.type);
  if (options.status !== undefined) fm += field('status', options.status);
  if (!milestone) {
    if (options.rank !== undefined) fm += field('rank', options.rank);
    if (options.epic !== undefined) fm += field('epic', options.epic);
    if (options.milestone !== undefined) fm += field('milestone', options.milestone);
    if (options.vision !== undefined && options.vision.length > 0) {
      fm += `vision: [${options.vision.map((v) => formatYamlScalar(v, { flow: true })).join(', ')}]${eol}`;
    }
    if (options.splitFrom !== undefined) fm += field('split_from', options.splitFrom);
  }
  fm += `---${eol}`;
  let body: string;
  if (milestone) {
    body = `${eol}What this milestone delivers, and how we will know it is done.${eol}`;
  } else {
    const criteria = options.criteria && options.criteria.length > 0 ? options.criteria : [CRITERION_TEMPLATE];
    body = `${eol}${USER_STORY_TEMPLATE}${eol}${eol}## Acceptance Criteria${eol}${eol}${criteria.map((c) => `- [ ] ${c}${eol}`).join('')}`;
    const dod = options.type === 'epic' ? [] : (options.definitionOfDone ?? []);
    if (dod.length) body += `${eol}## Definition of Done${eol}${eol}${dod.map((c) => `- [ ] ${c}${eol}`).join('')}`;
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

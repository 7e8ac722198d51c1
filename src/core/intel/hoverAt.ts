import { isDone, isDoneStatus } from '../config/workflow';
import { openItems, progressOf } from '../query/checklists';
import type { Position, Range } from '../model/range';
import type { Goal, Iteration, Milestone, Story } from '../model/story';
import { iterationGoal, iterationLoad } from '../query/iterations';
import { countLabel, countStories } from '../query/counts';
import { plural } from '../model/plural';
import type { BacklogIndex } from '../index/backlogIndex';
import type { Score } from '../rank/scores';
import { rice, wsjf } from '../rank/scores';
import { idAt, resolveId } from './idReferences';

/** A hover: Markdown and the range of the id it explains. */
export interface IntelHover {
  readonly markdown: string;
  readonly range: Range;
}

/** Returns Markdown that escapes the characters Markdown would interpret in a title. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`);
}

/** What a hover may add from outside the index: a story's age from the git history (a line, by path). */
export interface HoverExtras {
  readonly ageOf?: (path: string) => string | undefined;
}

/** Returns the hover for the id under `position` (front-matter value or body reference), or undefined. */
export function hoverAt(index: BacklogIndex, path: string, text: string, position: Position, extras: HoverExtras = {}): IntelHover | undefined {
  const occ = idAt(index, text, position);
  if (!occ) return undefined;
  const r = resolveId(index, occ.id);
  const parts: string[] = [];
  // In `vision:` a goal id wins; elsewhere stories first (ids could in theory collide across kinds).
  if (occ.key === 'vision' && r.goal) parts.push(goalMarkdown(index, r.goal));
  else if (occ.key === 'milestone' && r.milestone) parts.push(milestoneMarkdown(index, r.milestone));
  else if (occ.key === 'iteration' && r.iteration) parts.push(iterationMarkdown(index, r.iteration));
  else if (r.stories.length > 0) {
    if (r.stories.length > 1) parts.push(`⚠ ${r.stories.length} stories share the id \`${occ.id}\`: ${r.stories.map((s) => `\`${s.path}\``).join(', ')}`);
    parts.push(...r.stories.map((s) => storyMarkdown(index, s, extras)));
  } else if (r.goal) parts.push(goalMarkdown(index, r.goal));
  else if (r.milestone) parts.push(milestoneMarkdown(index, r.milestone));
  else if (r.iteration) parts.push(iterationMarkdown(index, r.iteration));
  else parts.push(`\`${occ.id}\` names nothing in the backlog.`);
  void path;
  return { markdown: parts.join('\n\n---\n\n'), range: occ.range };
}

/** Returns the Markdown summary of one story: title, status, criteria, rank, scores. */
export function storyMarkdown(index: BacklogIndex, s: Story, extras: HoverExtras = {}): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(s.id ?? '(no id)')} · ${escapeMarkdown(s.title)}**`);
  const facts = [`\`${s.type}\``];
  if (s.status) facts.push(`status **${escapeMarkdown(s.status)}**`);
  // A Backlog.md task in completed/ is done whatever its status says: the hover says so, as the tree and list do.
  if (isDone(s, index.config) && !isDoneStatus(s.status, index.config)) facts.push('done (in the completed folder)');
  if (s.priority) facts.push(`priority ${escapeMarkdown(s.priority)}`);
  if (s.estimate !== undefined) facts.push(`${s.estimate} pts`);
  lines.push(facts.join(' · '));
  const ac = progressOf(s.acceptanceCriteria);
  lines.push(ac.total ? `Acceptance criteria: ${ac.done}/${ac.total} done` : 'Acceptance criteria: none');
  const dod = progressOf(s.definitionOfDone);
  if (dod.total) {
    const open = openItems(s.definitionOfDone);
    lines.push(`Definition of Done: ${dod.done}/${dod.total} done${open.length ? ` (open: ${open.map((c) => escapeMarkdown(c.text)).join('; ')})` : ''}`);
  }
  const all = index.stories();
  const pos = index.rankPosition(s);
  if (pos >= 0) lines.push(`Rank ${pos + 1} of ${all.length}`);
  for (const score of [wsjf(s), rice(s)]) if (score) lines.push(scoreMarkdown(score));
  const age = extras.ageOf?.(s.path);
  if (age) lines.push(escapeMarkdown(age));
  return lines.join('  \n');
}

/** Returns one score line with its formula and inputs, e.g. `WSJF **4.2** = (value + …) / estimate — value 5 · …`. */
export function scoreMarkdown(score: Score): string {
  const inputs = Object.entries(score.inputs)
    .map(([k, v]) => `${k} ${formatNumber(v)}`)
    .join(' · ');
  return `${score.kind.toUpperCase()} **${formatNumber(score.value)}** = ${escapeMarkdown(score.formula)} (${inputs})`;
}

/** Returns a number with at most two decimals. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function goalMarkdown(index: BacklogIndex, g: Goal): string {
  const stories = index.ofGoal(g.id);
  const lines = [`**${escapeMarkdown(g.id)} · ${escapeMarkdown(g.title)}** (vision goal)`];
  if (g.metric) lines.push(`Metric: ${escapeMarkdown(g.metric)}`);
  lines.push(countLabel(countStories(stories)));
  return lines.join('  \n');
}

function milestoneMarkdown(index: BacklogIndex, m: Milestone): string {
  const stories = index.ofMilestone(m.id);
  const c = countStories(stories, index.config);
  const lines = [`**${escapeMarkdown(m.id)} · ${escapeMarkdown(m.title)}** (milestone)`];
  const dates = [m.start && `start ${m.start}`, m.due && `due ${m.due}`].filter(Boolean).join(' → ');
  if (dates) lines.push(dates);
  if (m.status) lines.push(`status ${escapeMarkdown(m.status)}`);
  lines.push(`${c.done}/${plural(c.stories, 'story', 'stories')} done${c.epics ? ` · ${plural(c.epics, 'epic')}` : ''}`);
  return lines.join('  \n');
}

function iterationMarkdown(index: BacklogIndex, it: Iteration): string {
  const load = iterationLoad(index, it);
  const c = countStories(load.stories, index.config);
  const lines = [`**${escapeMarkdown(it.id)} · ${escapeMarkdown(it.title)}** (iteration)`];
  const dates = [it.start, it.end].filter(Boolean).join(' → ');
  if (dates) lines.push(dates);
  const goal = iterationGoal(index, it);
  if (goal) lines.push(`Goal: ${escapeMarkdown(goal.text)}`);
  const cap = load.capacity.points;
  lines.push(cap === undefined ? `${load.committed} pts committed (${escapeMarkdown(load.capacity.explanation)})` : `${load.committed} of ${cap} pts committed${load.over ? ' — over capacity' : ''}, ${load.donePoints} done`);
  lines.push(`${c.done}/${plural(c.stories, 'story', 'stories')} done${c.epics ? ` · ${plural(c.epics, 'epic')}` : ''}`);
  return lines.join('  \n');
}

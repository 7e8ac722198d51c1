import { statusCategory, storyCategory } from '../core/config/workflow';
import * as vscode from 'vscode';
import type { BacklogIndex } from '../core/index/backlogIndex';
import type { Issue } from '../core/model/issue';
import type { Range } from '../core/model/range';
import type { Story } from '../core/model/story';
import { checklistSummary } from '../core/query/checklists';
import type { BacklogSession } from './backlogSessions';
import { toVsRange } from './convert';

// How a story looks in every Rudder view: label, description, icon, tooltip, click. Views never
// parse: everything here comes from the index's Story and issues.

/** The URI scheme of story rows' `resourceUri`: decorated by `registerIssueDecorations`, never opened. */
export const STORY_ROW_SCHEME = 'rudder-story';

/** Returns the row URI of a story (carries the folder and path so the decoration provider finds its issues). */
export function toStoryRowUri(session: BacklogSession, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: STORY_ROW_SCHEME, path: '/' + path, query: session.root.toString() });
}

/** Returns `S-12 · 3 pts · AC 2/5 · DoD 1/3` (parts that are unknown are left out). */
export function storyDescription(story: Story): string {
  const parts: string[] = [];
  if (story.id) parts.push(story.id);
  if (story.estimate !== undefined) parts.push(points(story.estimate));
  const lists = checklistSummary(story);
  if (lists) parts.push(lists);
  return parts.join(' · ');
}

/**
 * Returns the codicon of a story: its type for epics and bugs, else its status; coloured by what the story is (a
 * Backlog.md task in `completed/` is done whatever its status says, as in `rudder list` and the rules).
 */
export function storyIcon(story: Story, config: BacklogIndex['config']): vscode.ThemeIcon {
  const status = (story.status ?? '').toLowerCase();
  const category = storyCategory(story, config);
  const color = statusColor(status, config, category);
  if (story.type === 'epic') return new vscode.ThemeIcon('layers', color);
  if (story.type === 'bug') return new vscode.ThemeIcon('bug', color);
  if (story.type === 'spike') return new vscode.ThemeIcon('beaker', color);
  return new vscode.ThemeIcon(statusIconId(status, config, category), color);
}

/** Returns the codicon id of a status (its meaning decides: done, dropped, ready, in progress, blocked, to do). */
export function statusIconId(status: string, config: BacklogIndex['config'], category = statusCategory(status, config)): string {
  if (category === 'done') return 'pass-filled';
  if (category === 'dropped') return 'circle-slash';
  if (status === config.readyStatus.toLowerCase()) return 'pass';
  if (status === 'blocked') return 'error';
  if (category === 'doing') return 'play-circle';
  return 'circle-large-outline';
}

function statusColor(status: string, config: BacklogIndex['config'], category = statusCategory(status, config)): vscode.ThemeColor | undefined {
  if (category === 'done') return new vscode.ThemeColor('charts.green');
  if (category === 'dropped') return undefined;
  if (status === config.readyStatus.toLowerCase()) return new vscode.ThemeColor('charts.blue');
  if (status === 'blocked') return new vscode.ThemeColor('charts.red');
  if (category === 'doing') return new vscode.ThemeColor('charts.orange');
  return undefined;
}

/** Returns the row tooltip: title, facts, user story, criteria (☑/☐) and issues. */
export function storyTooltip(story: Story, issues: readonly Issue[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(story.title || story.path)}**\n\n`);
  const facts = [story.id ?? 'no id', story.type, story.status, story.priority, story.estimate !== undefined ? points(story.estimate) : undefined].filter(Boolean);
  md.appendMarkdown(`${facts.map((f) => escapeMarkdown(String(f))).join(' · ')}\n\n`);
  if (story.userStory) md.appendMarkdown(`_${escapeMarkdown(story.userStory.text)}_\n\n`);
  const items = story.acceptanceCriteria?.items ?? [];
  if (items.length) {
    md.appendMarkdown('**Acceptance criteria**\n\n');
    for (const c of items) md.appendMarkdown(`${c.checked ? '☑' : '☐'} ${escapeMarkdown(c.text)}  \n`);
    md.appendMarkdown('\n');
  }
  const dod = story.definitionOfDone?.items ?? [];
  if (dod.length) {
    md.appendMarkdown('**Definition of Done**\n\n');
    for (const c of dod) md.appendMarkdown(`${c.checked ? '☑' : '☐'} ${escapeMarkdown(c.text)}  \n`);
    md.appendMarkdown('\n');
  }
  if (issues.length) {
    md.appendMarkdown(`**${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}**\n\n`);
    for (const i of issues) md.appendMarkdown(`$(${i.severity === 'error' ? 'error' : i.severity === 'warning' ? 'warning' : 'info'}) ${escapeMarkdown(i.message)} \`${i.code}\`  \n`);
    md.appendMarkdown('\n');
  }
  md.appendMarkdown(`\`${story.path}\``);
  return md;
}

/** Returns the row of a workspace folder, the top level of every Rudder view in a multi-root window (expanded). */
export function folderRow(session: BacklogSession): vscode.TreeItem {
  const item = new vscode.TreeItem(session.folder.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `${session.root.toString()}|folder`;
  item.iconPath = new vscode.ThemeIcon('root-folder');
  return item;
}

/** Returns the command that opens a file of a session with `range` selected. */
export function openAtCommand(session: BacklogSession, path: string, range: Range): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: toVsRange(range), preview: true };
  return { command: 'vscode.open', title: 'Open Story', arguments: [session.toUri(path), options] };
}

/** Returns a story's row: label, description, icon, tooltip, decoration URI and the click that opens it at its title. */
export function toStoryItem(session: BacklogSession, story: Story, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem(story.title || story.path, vscode.TreeItemCollapsibleState.None);
  const issues = session.index.issues(story.path);
  item.id = id;
  item.description = storyDescription(story);
  item.resourceUri = toStoryRowUri(session, story.path);
  item.iconPath = storyIcon(story, session.index.config);
  item.tooltip = storyTooltip(story, issues);
  item.contextValue = `story.${story.type}${issues.length ? '.issues' : ''}`;
  item.command = openAtCommand(session, story.path, story.titleRange);
  item.accessibilityInformation = { label: `${story.title}, ${item.description}${issues.length ? `, ${issues.length} issues` : ''}` };
  return item;
}

/** Returns the sum of the estimates of some stories. */
export function pointsOf(stories: readonly Story[]): number {
  let sum = 0;
  for (const s of stories) sum += s.estimate ?? 0;
  return sum;
}

/** Returns `3 stories · 11 pts`. */
export function countLabel(stories: readonly Story[]): string {
  const n = stories.length;
  return `${n} ${n === 1 ? 'story' : 'stories'} · ${points(pointsOf(stories))}`;
}

/** Returns `1 pt` or `3 pts`. */
export function points(n: number): string {
  return `${n} ${n === 1 ? 'pt' : 'pts'}`;
}

/** Returns text with Markdown punctuation escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

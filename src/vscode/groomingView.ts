import * as vscode from 'vscode';
import type { Issue } from '../core/model/issue';
import type { Story } from '../core/model/story';
import type { BacklogSession, BacklogSessions } from './backlogSessions';
import { onAnyIndexChange } from './sessionEvents';
import { escapeMarkdown, folderRow, openAtCommand, storyDescription, toStoryRowUri } from './storyRows';

/** A row of the "Needs grooming" view. */
export type GroomingNode =
  | { readonly kind: 'folder'; readonly session: BacklogSession }
  | { readonly kind: 'code'; readonly session: BacklogSession; readonly code: string; readonly issues: readonly GroomingIssue[] }
  | { readonly kind: 'issue'; readonly session: BacklogSession; readonly issue: Issue; readonly story?: Story };

/** One issue with the story it is about (undefined for the vision, milestones and `.rudder.yml`). */
export interface GroomingIssue {
  readonly issue: Issue;
  readonly story?: Story;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
// Why 150 ms: the view lists every issue of the backlog; one recomputation per burst of changes.
const REFRESH_MS = 150;

/**
 * The `rudder.grooming` view: every issue of the backlog grouped by code (errors first, then the
 * most frequent), each group's issues in backlog order of their stories (highest-ranked first).
 */
export class GroomingTreeProvider implements vscode.TreeDataProvider<GroomingNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<GroomingNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  // Why a cache: the groups are computed from every file's issues; the view asks once per expanded code.
  private readonly cache = new Map<BacklogSession, GroomingNode[]>();

  constructor(private readonly sessions: BacklogSessions) {
    this.subscription = onAnyIndexChange(sessions, () => this.refresh(), REFRESH_MS);
  }

  refresh(): void {
    this.cache.clear();
    this.changeEmitter.fire(undefined);
  }

  getChildren(element?: GroomingNode): GroomingNode[] {
    if (!element) {
      const sessions = this.sessions.all();
      if (sessions.length > 1) return sessions.filter((s) => this.codesOf(s).length > 0).map((session) => ({ kind: 'folder', session }));
      return sessions.length === 1 ? this.codesOf(sessions[0]) : [];
    }
    if (element.kind === 'folder') return this.codesOf(element.session);
    if (element.kind === 'code') return element.issues.map(({ issue, story }) => ({ kind: 'issue', session: element.session, issue, story }));
    return [];
  }

  getTreeItem(element: GroomingNode): vscode.TreeItem {
    const root = element.session.root.toString();
    if (element.kind === 'folder') return folderRow(element.session);
    if (element.kind === 'code') {
      const n = element.issues.length;
      // Small groups open, large ones (a generated backlog's thousands) stay closed.
      const item = new vscode.TreeItem(element.code, n <= 10 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${root}|${element.code}`;
      const stories = new Set(element.issues.map((i) => i.issue.path)).size;
      item.description = `${n} ${n === 1 ? 'issue' : 'issues'}${stories !== n ? ` in ${stories} files` : ''}`;
      const severity = element.issues[0]?.issue.severity ?? 'info';
      item.iconPath = severityIcon(severity);
      item.tooltip = new vscode.MarkdownString(`**${element.code}**: ${n} ${n === 1 ? 'issue' : 'issues'}. [What it means](https://github.com/rudder/rudder/blob/main/docs/rules.md#${element.code})`);
      item.contextValue = 'groomingCode';
      return item;
    }
    const { issue, story } = element;
    const item = new vscode.TreeItem(story ? story.title || story.path : issue.path, vscode.TreeItemCollapsibleState.None);
    item.id = `${root}|${issue.code}|${issue.path}|${issue.range.start.line}:${issue.range.start.character}|${issue.message}`;
    item.description = [story ? storyDescription(story).split(' · ')[0] : undefined, issue.message].filter(Boolean).join(' · ');
    item.iconPath = severityIcon(issue.severity);
    item.tooltip = new vscode.MarkdownString(`${escapeMarkdown(issue.message)}\n\n\`${issue.code}\` · \`${issue.path}:${issue.range.start.line + 1}\``);
    item.command = openAtCommand(element.session, issue.path, issue.range);
    if (story) item.resourceUri = toStoryRowUri(element.session, story.path);
    item.contextValue = story ? `groomingIssue.story.${story.type}` : 'groomingIssue';
    return item;
  }

  /** Returns the code groups of a backlog (cached until the next change). */
  codesOf(session: BacklogSession): GroomingNode[] {
    const cached = this.cache.get(session);
    if (cached) return cached;
    const index = session.index;
    const byCode = new Map<string, GroomingIssue[]>();
    const add = (issue: Issue, story?: Story) => {
      const list = byCode.get(issue.code) ?? [];
      list.push({ issue, story });
      byCode.set(issue.code, list);
    };
    // Stories in backlog order first: each group then lists the highest-ranked stories first.
    for (const story of index.stories()) for (const issue of index.issues(story.path)) add(issue, story);
    const others = [...index.milestones().map((m) => m.path), ...(index.vision() ? [index.vision()!.path] : [])];
    for (const path of others) for (const issue of index.issues(path)) add(issue);
    const seen = new Set<string>();
    for (const issue of index.backlogIssues()) {
      const k = `${issue.code}|${issue.path}|${issue.message}`;
      if (!seen.has(k)) add(issue);
      seen.add(k);
    }
    const nodes: GroomingNode[] = [...byCode]
      .map(([code, issues]) => {
        const worst = issues.reduce((w, i) => Math.min(w, SEVERITY_ORDER[i.issue.severity]), 2);
        return { code, issues: [...issues].sort((a, b) => SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity]), worst };
      })
      .sort((a, b) => a.worst - b.worst || b.issues.length - a.issues.length || a.code.localeCompare(b.code))
      .map(({ code, issues }) => ({ kind: 'code', session, code, issues }));
    this.cache.set(session, nodes);
    return nodes;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

function severityIcon(severity: Issue['severity']): vscode.ThemeIcon {
  if (severity === 'error') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (severity === 'warning') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon('info', new vscode.ThemeColor('editorInfo.foreground'));
}

/** Returns how many stories have at least one issue, over every backlog. */
export function storiesNeedingGrooming(sessions: BacklogSessions): number {
  let n = 0;
  for (const s of sessions.all()) for (const story of s.index.stories()) if (s.index.issues(story.path).length) n++;
  return n;
}

/** Registers the `rudder.grooming` view; returns its provider (a Disposable) and the view. */
export function registerGroomingView(sessions: BacklogSessions): { provider: GroomingTreeProvider; view: vscode.TreeView<GroomingNode>; dispose(): void } {
  const provider = new GroomingTreeProvider(sessions);
  const view = vscode.window.createTreeView('rudder.grooming', { treeDataProvider: provider, showCollapseAll: true });
  return { provider, view, dispose: () => (view.dispose(), provider.dispose()) };
}

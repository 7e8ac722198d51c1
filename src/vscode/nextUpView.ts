import * as vscode from 'vscode';
import type { Story } from '../core/model/story';
import { plural } from '../core/model/plural';
import { countLabel, countStories } from '../core/query/counts';
import { nextUp, type NextUp, type NextUpGroup } from '../core/query/nextUp';
import { localIsoDate } from '../core/roadmap/roadmapDates';
import type { BacklogSession, BacklogSessions } from './backlogSessions';
import { onAnyIndexChange, onEverySession } from './sessionEvents';
import { toStoryItem } from './storyRows';

/** A row of the Next Up view. */
export type NextUpNode =
  | { readonly kind: 'folder'; readonly session: BacklogSession }
  | { readonly kind: 'line'; readonly session: BacklogSession; readonly line: 'capacity' | 'wip' }
  | { readonly kind: 'group'; readonly session: BacklogSession; readonly key: string }
  | { readonly kind: 'blocked'; readonly session: BacklogSession }
  | { readonly kind: 'story'; readonly session: BacklogSession; readonly story: Story; readonly group: string; readonly fits?: boolean; readonly blockedBy?: readonly string[] };

// Why 150 ms: Next Up runs the readiness query over the backlog; one recomputation per burst of changes.
const REFRESH_MS = 150;

/** Returns a group's key: the milestone id in lower case, '' for the stories without a milestone. */
function groupKey(g: NextUpGroup): string {
  return g.milestone ? g.milestone.id.toLowerCase() : '';
}

/**
 * The `rudder.nextUp` view: what the team should pull next (the core's `nextUp`, the same that `rudder next` prints):
 * the capacity and work-in-progress lines, the ready stories by milestone (the current one first), then the blocked
 * ones with what they wait for. Views never read files; this one asks the index.
 */
export class NextUpTreeProvider implements vscode.TreeDataProvider<NextUpNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<NextUpNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  // Why a cache: the view asks once per expanded row; Next Up is computed once per refresh per backlog.
  private readonly cache = new Map<BacklogSession, NextUp>();
  private todayOverride: string | undefined;

  constructor(private readonly sessions: BacklogSessions) {
    this.subscription = vscode.Disposable.from(
      onAnyIndexChange(sessions, () => this.refresh(), REFRESH_MS),
      onEverySession(sessions, (s) => s.loader.onDidChangeLoading(() => this.refresh())),
    );
  }

  /** The date Next Up is computed for: today on this machine (local), unless a test set one. */
  get today(): string {
    return this.todayOverride ?? localIsoDate(new Date());
  }

  /** Sets the date Next Up is computed for (undefined: today); for tests and demos. */
  setToday(today: string | undefined): void {
    this.todayOverride = today;
    this.refresh();
  }

  /** Returns Next Up of a backlog (cached until the next change): what the view shows. */
  model(session: BacklogSession): NextUp {
    let m = this.cache.get(session);
    if (!m) {
      m = nextUp(session.index, { today: this.today });
      this.cache.set(session, m);
    }
    return m;
  }

  refresh(): void {
    this.cache.clear();
    this.changeEmitter.fire(undefined);
  }

  getChildren(element?: NextUpNode): NextUpNode[] {
    if (!element) {
      const sessions = this.sessions.all();
      if (sessions.length > 1) return sessions.map((session) => ({ kind: 'folder', session }));
      return sessions.length === 1 ? this.rootsOf(sessions[0]) : [];
    }
    const session = element.session;
    if (element.kind === 'folder') return this.rootsOf(session);
    if (element.kind === 'group') {
      const g = this.model(session).groups.find((x) => groupKey(x) === element.key);
      return (g?.stories ?? []).map(({ story, fits }) => ({ kind: 'story', session, story, group: element.key, fits }));
    }
    if (element.kind === 'blocked') {
      return this.model(session).blocked.map((b) => ({ kind: 'story', session, story: b.story, group: 'blocked', blockedBy: b.blockedBy.map((x) => x.id) }));
    }
    return [];
  }

  private rootsOf(session: BacklogSession): NextUpNode[] {
    if (session.loader.isLoading) return [];
    const m = this.model(session);
    // Nothing to say on an empty backlog: the view's welcome text speaks instead.
    if (m.stories.length === 0 && m.blocked.length === 0 && m.wip.stories.length === 0) return [];
    return [
      { kind: 'line', session, line: 'capacity' },
      { kind: 'line', session, line: 'wip' },
      ...m.groups.map((g): NextUpNode => ({ kind: 'group', session, key: groupKey(g) })),
      ...(m.blocked.length ? [{ kind: 'blocked', session } as const] : []),
    ];
  }

  getTreeItem(element: NextUpNode): vscode.TreeItem {
    const root = element.session.root.toString();
    if (element.kind === 'folder') {
      const item = new vscode.TreeItem(element.session.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${root}|folder`;
      item.iconPath = new vscode.ThemeIcon('root-folder');
      return item;
    }
    const m = this.model(element.session);
    if (element.kind === 'line') {
      const capacity = element.line === 'capacity';
      const item = new vscode.TreeItem(capacity ? m.capacity.line : m.wip.line, vscode.TreeItemCollapsibleState.None);
      item.id = `${root}|line:${element.line}`;
      item.iconPath = capacity
        ? new vscode.ThemeIcon('dashboard')
        : new vscode.ThemeIcon(m.wip.over ? 'warning' : 'play-circle', m.wip.over ? new vscode.ThemeColor('list.warningForeground') : undefined);
      item.tooltip = capacity
        ? [m.capacity.line, `Velocity: ${m.capacity.velocity.explanation}.`, 'Walking Next Up in order: a story too big for what is left is skipped, a smaller one after it may still fit.'].join('\n\n')
        : [m.wip.line, ...m.wip.stories.map((s) => `${s.id ?? s.path} ${s.title}`), m.wip.limit === undefined ? 'Set `wipLimit` in .rudder.yml to compare with a limit.' : ''].filter(Boolean).join('\n');
      item.contextValue = `nextUp.${element.line}`;
      item.accessibilityInformation = { label: item.label as string };
      return item;
    }
    if (element.kind === 'group') {
      const g = m.groups.find((x) => groupKey(x) === element.key);
      const stories = g?.stories.map((s) => s.story) ?? [];
      const label = g?.milestone ? g.milestone.title : 'No milestone';
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${root}|group:${element.key}`;
      item.description = [g?.milestone && !g.milestone.byName ? g.milestone.id : undefined, g?.current ? 'current' : undefined, countLabel(countStories(stories))].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(g?.milestone ? 'milestone' : 'circle-slash', g?.current ? new vscode.ThemeColor('charts.blue') : undefined);
      item.tooltip = g?.milestone ? [g.milestone.title, [g.milestone.start, g.milestone.due].filter(Boolean).join(' → '), g.current ? 'The current milestone: its dates contain today (else it is the next due).' : undefined].filter(Boolean).join('\n') : 'Ready stories planned for no milestone';
      item.contextValue = 'nextUp.group';
      return item;
    }
    if (element.kind === 'blocked') {
      const item = new vscode.TreeItem('Blocked', vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${root}|blocked`;
      item.description = `${plural(countStories(m.blocked.map((b) => b.story)).stories, 'story', 'stories')} waiting for a dependency`;
      item.iconPath = new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('list.warningForeground'));
      item.tooltip = 'Ready stories that wait for a story that is not done yet: pull the dependency first.';
      item.contextValue = 'nextUp.blocked';
      return item;
    }
    const item = toStoryItem(element.session, element.story, `${root}|nextUp:${element.group}|${element.story.path}`);
    if (element.blockedBy) {
      item.description = `waits for ${element.blockedBy.join(', ')}`;
      item.iconPath = new vscode.ThemeIcon('debug-pause');
    } else if (element.fits === false) {
      item.description = [item.description, `beyond ${m.capacity.source === 'option' ? 'the capacity' : `${m.capacity.weeks} weeks`}`].filter(Boolean).join(' · ');
    }
    // Next Up's own rows: the Backlog view's row menus (moves inside its groups) do not apply here.
    item.contextValue = `nextUpStory.${element.story.type}`;
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

/** Registers the `rudder.nextUp` view; returns its provider (a Disposable) and the view. */
export function registerNextUpView(sessions: BacklogSessions): { provider: NextUpTreeProvider; view: vscode.TreeView<NextUpNode>; dispose(): void } {
  const provider = new NextUpTreeProvider(sessions);
  const view = vscode.window.createTreeView('rudder.nextUp', { treeDataProvider: provider, showCollapseAll: true });
  return { provider, view, dispose: () => (view.dispose(), provider.dispose()) };
}

import * as vscode from 'vscode';
import { groupStories, type StoryGroup } from '../core/query/groupStories';
import type { IterationLoad } from '../core/query/iterations';
import { countStories, pointsLabel } from '../core/query/counts';
import { plural } from '../core/model/plural';
import { describeFilter, filterStories, isEmptyFilter, type StoryFilter } from '../core/query/storyFilter';
import { pickFilter } from './backlogFilter';
import { isClosed, isDraft } from '../core/config/workflow';
import type { RudderConfig } from '../core/model/config';
import type { Story } from '../core/model/story';
import { GROUP_BYS } from './backlogNodes';
import type { BacklogNode, FolderNode, GroupBy, GroupNode, SectionKind, SectionNode, StoryNode } from './backlogNodes';
import type { BacklogSession, BacklogSessions } from './backlogSessions';
import { onAnyIndexChange } from './sessionEvents';
import { countLabel, folderRow, openAtCommand, statusIconId, storyTooltip, toStoryItem, toStoryRowUri } from './storyRows';

export const GROUP_BY_KEY = 'rudder.groupBy';
// Why 50 ms: short enough that a save shows at once, long enough that a branch switch touching
// thousands of files (one index change each) redraws the tree a handful of times, not thousands.
const REFRESH_MS = 50;

/** The trailing sections of the ungrouped view, in order, with their labels. */
const SECTIONS: readonly [SectionKind, string][] = [
  ['drafts', 'Drafts'],
  ['closed', 'Done and dropped'],
];

/** Returns the trailing section a story sits in when the view is not grouped (a draft, or done / dropped), else undefined. */
function sectionOf(story: Story, config: RudderConfig): SectionKind | undefined {
  if (isDraft(story, config)) return 'drafts';
  return isClosed(story, config) ? 'closed' : undefined;
}

/** One group's rows (the core's grouping, shared with `rudder list --group-by`), computed once per refresh. */
interface Grouped extends StoryGroup {
  readonly node: GroupNode;
}

/**
 * The `rudder.backlog` view: the stories of every backlog in backlog order, optionally grouped by
 * status, epic, milestone or goal, and filtered. Views never read files; they ask the index.
 */
export class BacklogTreeProvider implements vscode.TreeDataProvider<BacklogNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<BacklogNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  private groupByValue: GroupBy;
  private filterValue: StoryFilter | undefined;
  // Why a cache: getChildren runs once per expanded group; grouping 10,000 stories once per refresh
  // instead of once per group keeps a redraw linear.
  private readonly groupCache = new Map<BacklogSession, Grouped[]>();
  private readonly changeViewEmitter = new vscode.EventEmitter<void>();
  /** Fires when the grouping or the filter changed (the view's description and context keys follow). */
  readonly onDidChangeView = this.changeViewEmitter.event;

  constructor(
    private readonly sessions: BacklogSessions,
    private readonly state?: vscode.Memento,
  ) {
    const saved = state?.get<string>(GROUP_BY_KEY);
    this.groupByValue = GROUP_BYS.includes(saved as GroupBy) ? (saved as GroupBy) : 'none';
    this.subscription = onAnyIndexChange(sessions, () => this.refresh(), REFRESH_MS);
  }

  get groupBy(): GroupBy {
    return this.groupByValue;
  }

  get filter(): StoryFilter | undefined {
    return this.filterValue;
  }

  /** Groups the tree (remembered per workspace) and redraws it. */
  async setGroupBy(groupBy: GroupBy): Promise<void> {
    this.groupByValue = groupBy;
    await this.state?.update(GROUP_BY_KEY, groupBy);
    this.refresh();
    this.changeViewEmitter.fire();
  }

  /** Filters the tree (not remembered: a filter left on by accident would hide stories next time) and redraws it. */
  setFilter(filter: StoryFilter | undefined): void {
    this.filterValue = isEmptyFilter(filter) ? undefined : filter;
    this.refresh();
    this.changeViewEmitter.fire();
  }

  /** Returns the root rows (folders, groups or stories) or a row's children. */
  getChildren(element?: BacklogNode): BacklogNode[] {
    if (!element) {
      const sessions = this.sessions.all();
      if (sessions.length > 1) return sessions.map((session) => ({ kind: 'folder', session }) satisfies FolderNode);
      return sessions.length === 1 ? this.rootsOf(sessions[0]) : [];
    }
    if (element.kind === 'folder') return this.rootsOf(element.session);
    if (element.kind === 'section') {
      return this.sectionStories(element.session, element.section).map((story) => ({ kind: 'story', session: element.session, story, section: element }) satisfies StoryNode);
    }
    if (element.kind === 'group') {
      const group = this.groupsOf(element.session).find((g) => g.node.key === element.key);
      return (group?.stories ?? []).map((story) => ({ kind: 'story', session: element.session, story, group: group!.node }) satisfies StoryNode);
    }
    return [];
  }

  /** Returns the parent row (used by `reveal`). */
  getParent(element: BacklogNode): BacklogNode | undefined {
    const multi = this.sessions.all().length > 1;
    if (element.kind === 'story' && element.group) return element.group;
    if (element.kind === 'story' && element.section) return element.section;
    if (element.kind === 'folder' || !multi) return undefined;
    return { kind: 'folder', session: element.session };
  }

  getTreeItem(element: BacklogNode): vscode.TreeItem {
    const root = element.session.root.toString();
    if (element.kind === 'folder') {
      const item = folderRow(element.session);
      item.description = countLabel(filterStories(element.session.index, this.filterValue));
      item.contextValue = 'folder';
      return item;
    }
    if (element.kind === 'group') {
      const group = this.groupsOf(element.session).find((g) => g.node.key === element.key);
      const stories = group?.stories ?? [];
      const item = new vscode.TreeItem(element.label, stories.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `${root}|${element.groupBy}:${element.key}`;
      item.description = [group?.detail, group?.load ? iterationLabel(group.load, stories) : countLabel(stories)].filter(Boolean).join(' · ');
      item.iconPath = group?.load?.over ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : groupIcon(element, element.session);
      item.contextValue = `group.${element.groupBy}`;
      if (group?.epic) {
        item.tooltip = storyTooltip(group.epic, element.session.index.issues(group.epic.path));
        item.resourceUri = toStoryRowUri(element.session, group.epic.path);
        item.command = openAtCommand(element.session, group.epic.path, group.epic.titleRange);
      } else if (group?.tooltip) item.tooltip = group.tooltip;
      return item;
    }
    if (element.kind === 'section') {
      const stories = this.sectionStories(element.session, element.section);
      const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${root}|section:${element.section}`;
      item.description = countLabel(stories);
      item.iconPath = new vscode.ThemeIcon(element.section === 'drafts' ? 'lightbulb' : 'archive');
      item.tooltip =
        element.section === 'drafts'
          ? 'Backlog.md drafts (backlog/drafts/): ideas kept apart from the ranked backlog until they are promoted'
          : 'Done and dropped stories, in backlog order: kept apart from the work still to do (Reopen Story brings one back)';
      item.contextValue = `section.${element.section}`;
      return item;
    }
    const groupKey = element.group ? `${element.group.groupBy}:${element.group.key}` : element.section ? `section:${element.section.section}` : '';
    return toStoryItem(element.session, element.story, `${root}|${groupKey}|${element.story.path}`);
  }

  /** Redraws the whole tree now. */
  refresh(): void {
    this.groupCache.clear();
    this.changeEmitter.fire(undefined);
  }

  private rootsOf(session: BacklogSession): BacklogNode[] {
    if (this.groupByValue === 'none') {
      const index = session.index;
      const rows: BacklogNode[] = [];
      const present = new Set<SectionKind>();
      // One pass: the root is rebuilt on every redraw, and a 10,000-story backlog was walked three times for it.
      for (const story of filterStories(index, this.filterValue)) {
        const section = sectionOf(story, index.config);
        if (section === undefined) rows.push({ kind: 'story', session, story } satisfies StoryNode);
        else present.add(section);
      }
      // Drafts and finished work stay apart from the stories to act on, each in a collapsed section at the end.
      for (const [section, label] of SECTIONS) if (present.has(section)) rows.push({ kind: 'section', session, section, label } satisfies SectionNode);
      return rows;
    }
    return this.groupsOf(session).map((g) => g.node);
  }

  /** Returns the stories of a trailing section (matching the filter), in backlog order. */
  private sectionStories(session: BacklogSession, section: SectionKind): Story[] {
    const index = session.index;
    return filterStories(index, this.filterValue).filter((s) => sectionOf(s, index.config) === section);
  }

  private groupsOf(session: BacklogSession): Grouped[] {
    let groups = this.groupCache.get(session);
    if (!groups) {
      const groupBy = this.groupByValue;
      groups =
        groupBy === 'none'
          ? []
          : groupStories(session.index, groupBy, this.filterValue).map((g) => ({ ...g, node: { kind: 'group', session, groupBy, key: g.key, label: g.label } satisfies GroupNode }));
      this.groupCache.set(session, groups);
    }
    return groups;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
    this.changeViewEmitter.dispose();
  }
}

/** Returns an iteration group's description: `18 of 20 pts committed · 5 stories` (the points of every story in it, done ones too). */
function iterationLabel(load: IterationLoad, stories: readonly Story[]): string {
  const c = countStories(stories);
  const cap = load.capacity.points;
  const committed = cap === undefined ? `${pointsLabel(load.committed)} committed (no capacity)` : `${load.committed} of ${pointsLabel(cap)} committed${load.over ? ' — over capacity' : ''}`;
  return [committed, plural(c.stories, 'story', 'stories'), ...(c.epics ? [plural(c.epics, 'epic')] : [])].join(' · ');
}

function groupIcon(group: GroupNode, session: BacklogSession): vscode.ThemeIcon {
  if (group.key === '') return new vscode.ThemeIcon('circle-slash');
  if (group.label.endsWith(' (not found)')) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  switch (group.groupBy) {
    case 'status':
      return new vscode.ThemeIcon(statusIconId(group.key, session.index.config));
    case 'epic':
      return new vscode.ThemeIcon('layers');
    case 'milestone':
      return new vscode.ThemeIcon('milestone');
    case 'iteration':
      return new vscode.ThemeIcon('calendar');
    case 'goal':
      return new vscode.ThemeIcon('target');
  }
}

/** What `registerBacklogTree` returns: the provider (read by tests) and the view. */
export interface BacklogTree extends vscode.Disposable {
  readonly provider: BacklogTreeProvider;
  readonly view: vscode.TreeView<BacklogNode>;
}

/**
 * Registers the `rudder.backlog` view and its title-bar commands (`rudder.groupBy` and its `rudder.groupBy.<g>` submenu, `rudder.filter`,
 * `rudder.clearFilter`); keeps the `rudder.groupBy` and `rudder.filterActive` context keys and the
 * view's description in step; returns the provider and the view.
 */
export function registerBacklogTree(
  sessions: BacklogSessions,
  state: vscode.Memento,
  dragAndDropController?: vscode.TreeDragAndDropController<BacklogNode>,
): BacklogTree {
  const provider = new BacklogTreeProvider(sessions, state);
  const view = vscode.window.createTreeView('rudder.backlog', { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true, dragAndDropController });
  // The walkthrough's first step is done once the Backlog view has been shown, even before the walkthrough opened.
  const shown = () => view.visible && void vscode.commands.executeCommand('setContext', 'rudder.walkthrough.openBacklog', true);
  shown();
  const sync = () => {
    const filter = describeFilter(provider.filter);
    view.description = filter === undefined ? undefined : `Filter: ${filter}`;
    void vscode.commands.executeCommand('setContext', 'rudder.groupBy', provider.groupBy);
    void vscode.commands.executeCommand('setContext', 'rudder.filterActive', provider.filter !== undefined);
  };
  sync();
  const disposable = vscode.Disposable.from(
    provider,
    view,
    provider.onDidChangeView(sync),
    view.onDidChangeVisibility(shown),
    vscode.commands.registerCommand('rudder.groupBy', async (groupBy?: GroupBy) => {
      if (typeof groupBy !== 'string' || !GROUP_BYS.includes(groupBy)) {
        const labels: Record<GroupBy, string> = { none: 'None (backlog order)', status: 'Status', epic: 'Epic', milestone: 'Milestone', iteration: 'Iteration', goal: 'Vision goal' };
        const picked = await vscode.window.showQuickPick(
          GROUP_BYS.map((g) => ({ label: labels[g], description: g === provider.groupBy ? '(current)' : undefined, groupBy: g })),
          { title: 'Group the backlog by' },
        );
        if (!picked) return;
        groupBy = picked.groupBy;
      }
      await provider.setGroupBy(groupBy);
    }),
    // The title bar's Group By submenu: one command per grouping, and a "✓ …" twin shown instead for the current one
    // (extensions cannot contribute checked menu items in VS Code 1.100: `toggled` is not part of contributes.commands).
    ...GROUP_BYS.flatMap((g) => [
      vscode.commands.registerCommand(`rudder.groupBy.${g}`, () => provider.setGroupBy(g)),
      vscode.commands.registerCommand(`rudder.groupBy.${g}.current`, () => provider.setGroupBy(g)),
    ]),
    vscode.commands.registerCommand('rudder.filter', async (filter?: StoryFilter) => {
      if (filter && typeof filter === 'object' && !('kind' in filter)) return provider.setFilter(filter);
      const next = await pickFilter(sessions, provider.filter);
      if (next) provider.setFilter(next);
    }),
    vscode.commands.registerCommand('rudder.clearFilter', () => provider.setFilter(undefined)),
  );
  return { provider, view, dispose: () => disposable.dispose() };
}

import * as vscode from 'vscode';
import type { Story } from '../core/model/story';
import { describeFilter, isEmptyFilter, matchesFilter, pickFilter, type BacklogFilter } from './backlogFilter';
import type { BacklogNode, FolderNode, GroupBy, GroupNode, StoryNode } from './backlogNodes';
import type { BacklogSession, BacklogSessions } from './backlogSessions';
import { onAnyIndexChange } from './sessionEvents';
import { countLabel, openAtCommand, statusIconId, storyTooltip, toStoryItem, toStoryRowUri } from './storyRows';

export const GROUP_BY_KEY = 'rudder.groupBy';
export const GROUP_BYS: readonly GroupBy[] = ['none', 'status', 'epic', 'milestone', 'goal'];
// Why 50 ms: short enough that a save shows at once, long enough that a branch switch touching
// thousands of files (one index change each) redraws the tree a handful of times, not thousands.
const REFRESH_MS = 50;

/** One group's rows, computed once per refresh. */
interface Grouped {
  readonly node: GroupNode;
  readonly stories: readonly Story[];
  /** The epic story behind an epic group (opened when the group row is clicked). */
  readonly epic?: Story;
  readonly detail?: string;
  readonly tooltip?: string;
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
  private filterValue: BacklogFilter | undefined;
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

  get filter(): BacklogFilter | undefined {
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
  setFilter(filter: BacklogFilter | undefined): void {
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
    if (element.kind === 'folder' || !multi) return undefined;
    return { kind: 'folder', session: element.session };
  }

  getTreeItem(element: BacklogNode): vscode.TreeItem {
    const root = element.session.root.toString();
    if (element.kind === 'folder') {
      const item = new vscode.TreeItem(element.session.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${root}|folder`;
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.description = countLabel(element.session.index.stories().filter((s) => matchesFilter(s, this.filterValue)));
      item.contextValue = 'folder';
      return item;
    }
    if (element.kind === 'group') {
      const group = this.groupsOf(element.session).find((g) => g.node.key === element.key);
      const stories = group?.stories ?? [];
      const item = new vscode.TreeItem(element.label, stories.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `${root}|${element.groupBy}:${element.key}`;
      item.description = [group?.detail, countLabel(stories)].filter(Boolean).join(' · ');
      item.iconPath = groupIcon(element, element.session);
      item.contextValue = `group.${element.groupBy}`;
      if (group?.epic) {
        item.tooltip = storyTooltip(group.epic, element.session.index.issues(group.epic.path));
        item.resourceUri = toStoryRowUri(element.session, group.epic.path);
        item.command = openAtCommand(element.session, group.epic.path, group.epic.titleRange);
      } else if (group?.tooltip) item.tooltip = group.tooltip;
      return item;
    }
    const groupKey = element.group ? `${element.group.groupBy}:${element.group.key}` : '';
    return toStoryItem(element.session, element.story, `${root}|${groupKey}|${element.story.path}`);
  }

  /** Redraws the whole tree now. */
  refresh(): void {
    this.groupCache.clear();
    this.changeEmitter.fire(undefined);
  }

  private rootsOf(session: BacklogSession): BacklogNode[] {
    if (this.groupByValue === 'none') {
      return session.index
        .stories()
        .filter((story) => matchesFilter(story, this.filterValue))
        .map((story) => ({ kind: 'story', session, story }) satisfies StoryNode);
    }
    return this.groupsOf(session).map((g) => g.node);
  }

  private groupsOf(session: BacklogSession): Grouped[] {
    let groups = this.groupCache.get(session);
    if (!groups) {
      groups = this.groupByValue === 'none' ? [] : groupStories(session, this.groupByValue, this.filterValue);
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

/** Returns the groups of a backlog for a grouping, each with its matching stories in backlog order; empty groups left out (except childless epics when no filter is set). */
function groupStories(session: BacklogSession, groupBy: Exclude<GroupBy, 'none'>, filter: BacklogFilter | undefined): Grouped[] {
  const index = session.index;
  const stories = index.stories();
  const matching = stories.filter((s) => matchesFilter(s, filter));
  const buckets = new Map<string, Story[]>();
  const put = (key: string, s: Story) => {
    const list = buckets.get(key);
    if (list) list.push(s);
    else buckets.set(key, [s]);
  };
  const node = (key: string, label: string): GroupNode => ({ kind: 'group', session, groupBy, key, label });
  const out: Grouped[] = [];
  const unknown = (key: string) => `${key} (not found)`;

  if (groupBy === 'status') {
    for (const s of matching) put((s.status ?? '').toLowerCase(), s);
    const order = [...index.config.statuses.map((st) => st.toLowerCase()), ...buckets.keys()];
    const seen = new Set<string>();
    for (const key of order) {
      if (key === '' || seen.has(key) || !buckets.has(key)) continue;
      seen.add(key);
      const label = index.config.statuses.find((st) => st.toLowerCase() === key) ?? buckets.get(key)![0].status ?? key;
      out.push({ node: node(key, label), stories: buckets.get(key)! });
    }
    if (buckets.has('')) out.push({ node: node('', 'No status'), stories: buckets.get('')! });
    return out;
  }

  if (groupBy === 'epic') {
    const epics = stories.filter((s) => s.type === 'epic' && s.id !== undefined);
    const epicKeys = new Set(epics.map((e) => e.id!.toLowerCase()));
    for (const s of matching) {
      if (s.type === 'epic' && s.id !== undefined && epicKeys.has(s.id.toLowerCase()) && !s.epic) continue; // shown as its group row
      put(s.epic ? s.epic.toLowerCase() : '', s);
    }
    for (const e of epics) {
      const key = e.id!.toLowerCase();
      const list = buckets.get(key) ?? [];
      if (list.length === 0 && filter) continue; // an empty epic is worth seeing, unless a filter is on
      out.push({ node: node(key, e.title || e.id!), stories: list, epic: e, detail: e.id });
      buckets.delete(key);
    }
    for (const [key, list] of buckets) if (key !== '') out.push({ node: node(key, unknown(list[0].epic!)), stories: list });
    if (buckets.has('')) out.push({ node: node('', 'No epic'), stories: buckets.get('')! });
    return out;
  }

  if (groupBy === 'milestone') {
    for (const s of matching) put(s.milestone ? (index.milestone(s.milestone)?.id ?? s.milestone).toLowerCase() : '', s);
    for (const m of index.milestones()) {
      const key = m.id.toLowerCase();
      const list = buckets.get(key);
      if (!list) continue;
      const dates = [m.start, m.due].filter(Boolean).join(' → ');
      out.push({ node: node(key, m.title || m.id), stories: list, detail: m.id, tooltip: [m.title, dates, m.status].filter(Boolean).join('\n') });
      buckets.delete(key);
    }
    for (const [key, list] of buckets) if (key !== '') out.push({ node: node(key, unknown(list[0].milestone!)), stories: list });
    if (buckets.has('')) out.push({ node: node('', 'No milestone'), stories: buckets.get('')! });
    return out;
  }

  // goal: a story serving two goals is listed under both.
  const goals = index.vision()?.goals ?? [];
  for (const s of matching) {
    const ids = index.goalsOf(s);
    if (ids.length === 0) put('', s);
    for (const id of new Set(ids.map((g) => g.toLowerCase()))) put(id, s);
  }
  for (const g of goals) {
    const key = g.id.toLowerCase();
    const list = buckets.get(key);
    if (!list) continue;
    out.push({ node: node(key, g.title || g.id), stories: list, detail: g.id, tooltip: g.metric ? `${g.title}\nMetric: ${g.metric}` : g.title });
    buckets.delete(key);
  }
  for (const [key, list] of buckets) if (key !== '') out.push({ node: node(key, unknown(key.toUpperCase())), stories: list });
  if (buckets.has('')) out.push({ node: node('', 'No goal'), stories: buckets.get('')! });
  return out;
}

function groupIcon(group: GroupNode, session: BacklogSession): vscode.ThemeIcon {
  if (group.key === '') return new vscode.ThemeIcon('circle-slash');
  if (group.label.endsWith('(not found)')) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  switch (group.groupBy) {
    case 'status':
      return new vscode.ThemeIcon(statusIconId(group.key, session.index.config));
    case 'epic':
      return new vscode.ThemeIcon('layers');
    case 'milestone':
      return new vscode.ThemeIcon('milestone');
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
  const sync = () => {
    view.description = describeFilter(provider.filter);
    void vscode.commands.executeCommand('setContext', 'rudder.groupBy', provider.groupBy);
    void vscode.commands.executeCommand('setContext', 'rudder.filterActive', provider.filter !== undefined);
  };
  sync();
  const disposable = vscode.Disposable.from(
    provider,
    view,
    provider.onDidChangeView(sync),
    vscode.commands.registerCommand('rudder.groupBy', async (groupBy?: GroupBy) => {
      if (typeof groupBy !== 'string' || !GROUP_BYS.includes(groupBy)) {
        const labels: Record<GroupBy, string> = { none: 'None (backlog order)', status: 'Status', epic: 'Epic', milestone: 'Milestone', goal: 'Vision goal' };
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
    vscode.commands.registerCommand('rudder.filter', async (filter?: BacklogFilter) => {
      if (filter && typeof filter === 'object' && !('kind' in filter)) return provider.setFilter(filter);
      const next = await pickFilter(sessions, provider.filter);
      if (next) provider.setFilter(next);
    }),
    vscode.commands.registerCommand('rudder.clearFilter', () => provider.setFilter(undefined)),
  );
  return { provider, view, dispose: () => disposable.dispose() };
}

import * as vscode from 'vscode';
import type { Goal, Story } from '../core/model/story';
import type { BacklogSession, BacklogSessions } from './backlogSessions';
import { onAnyIndexChange } from './sessionEvents';
import { countLabel, escapeMarkdown, folderRow, openAtCommand, toStoryItem } from './storyRows';

/** A row of the vision view. */
export type VisionNode =
  | { readonly kind: 'folder'; readonly session: BacklogSession }
  /** A goal, or the "Unlinked" group when `goal` is undefined. */
  | { readonly kind: 'goal'; readonly session: BacklogSession; readonly goal?: Goal; readonly stories: readonly Story[] }
  | { readonly kind: 'metric'; readonly session: BacklogSession; readonly goal: Goal }
  /** A story or an epic under a goal; `children` are the epic's stories serving that goal. */
  | { readonly kind: 'story'; readonly session: BacklogSession; readonly parentId: string; readonly story: Story; readonly children: readonly Story[] };

// Why 150 ms: goal membership follows every story edit; one recomputation per burst of changes.
const REFRESH_MS = 150;

/**
 * The `rudder.vision` view: each goal of the vision with its metric, the epics and stories serving
 * it (directly or through their epic), counts and points; then the stories that serve no goal.
 */
export class VisionTreeProvider implements vscode.TreeDataProvider<VisionNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<VisionNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: BacklogSessions) {
    this.subscription = onAnyIndexChange(sessions, () => this.refresh(), REFRESH_MS);
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  getChildren(element?: VisionNode): VisionNode[] {
    if (!element) {
      const sessions = this.sessions.all().filter((s) => s.index.vision() !== undefined);
      if (sessions.length > 1) return sessions.map((session) => ({ kind: 'folder', session }));
      return sessions.length === 1 ? this.goalsOf(sessions[0]) : [];
    }
    if (element.kind === 'folder') return this.goalsOf(element.session);
    if (element.kind === 'goal') {
      const session = element.session;
      const parentId = element.goal?.id ?? '';
      const metric: VisionNode[] = element.goal?.metric ? [{ kind: 'metric', session, goal: element.goal }] : [];
      if (!element.goal) return [...metric, ...element.stories.map((story) => ({ kind: 'story', session, parentId, story, children: [] }) satisfies VisionNode)];
      const inGoal = new Set(element.stories.map((s) => s.path));
      const epicIds = new Map<string, Story>();
      for (const s of element.stories) if (s.type === 'epic' && s.id) epicIds.set(s.id.toLowerCase(), s);
      const rows: VisionNode[] = [];
      for (const s of element.stories) {
        if (s.epic && epicIds.has(s.epic.toLowerCase()) && epicIds.get(s.epic.toLowerCase()) !== s) continue; // listed under its epic
        const children = s.type === 'epic' && s.id ? session.index.childrenOf(s.id).filter((c) => inGoal.has(c.path) && c !== s) : [];
        rows.push({ kind: 'story', session, parentId, story: s, children });
      }
      return [...metric, ...rows];
    }
    if (element.kind === 'story') return element.children.map((story) => ({ kind: 'story', session: element.session, parentId: element.parentId, story, children: [] }));
    return [];
  }

  getTreeItem(element: VisionNode): vscode.TreeItem {
    const root = element.session.root.toString();
    if (element.kind === 'folder') return folderRow(element.session);
    if (element.kind === 'goal') {
      const { goal, stories } = element;
      const item = new vscode.TreeItem(goal ? goal.title || goal.id : 'Unlinked', vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${root}|goal:${goal?.id ?? ''}`;
      // Epics' own estimates would count their stories twice: points are the non-epic stories'.
      const counted = stories.filter((s) => s.type !== 'epic');
      item.description = `${goal ? `${goal.id} · ` : ''}${countLabel(counted)}`;
      item.iconPath = new vscode.ThemeIcon(goal ? 'target' : 'question');
      const vision = element.session.index.vision();
      if (goal && vision) {
        item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(goal.title)}** (${goal.id})${goal.metric ? `\n\nMetric: ${escapeMarkdown(goal.metric)}` : ''}\n\n${countLabel(counted)}`);
        item.command = openAtCommand(element.session, vision.path, goal.range);
      } else item.tooltip = 'Stories that serve no goal of the vision (neither directly nor through their epic)';
      item.contextValue = goal ? 'goal' : 'unlinked';
      return item;
    }
    if (element.kind === 'metric') {
      const item = new vscode.TreeItem(element.goal.metric ?? '', vscode.TreeItemCollapsibleState.None);
      item.id = `${root}|metric:${element.goal.id}`;
      item.iconPath = new vscode.ThemeIcon('graph');
      item.tooltip = `Metric: ${element.goal.metric}`;
      item.contextValue = 'metric';
      return item;
    }
    const item = toStoryItem(element.session, element.story, `${root}|goal:${element.parentId}|${element.story.path}`);
    if (element.children.length) item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
    return item;
  }

  /** Returns the goal rows of a backlog and its "Unlinked" group (left out when empty). */
  goalsOf(session: BacklogSession): VisionNode[] {
    const index = session.index;
    const goals = index.vision()?.goals ?? [];
    const known = new Set(goals.map((g) => g.id.toLowerCase()));
    const rows: VisionNode[] = goals.map((goal) => ({ kind: 'goal', session, goal, stories: index.ofGoal(goal.id) }));
    const unlinked = index.stories().filter((s) => !index.goalsOf(s).some((g) => known.has(g.toLowerCase())));
    if (unlinked.length) rows.push({ kind: 'goal', session, stories: unlinked });
    return rows;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

/** Registers the `rudder.vision` view and keeps the `rudder.hasVision` context key; returns its provider and view. */
export function registerVisionView(sessions: BacklogSessions): { provider: VisionTreeProvider; view: vscode.TreeView<VisionNode>; dispose(): void } {
  const provider = new VisionTreeProvider(sessions);
  const view = vscode.window.createTreeView('rudder.vision', { treeDataProvider: provider, showCollapseAll: true });
  const sync = () => void vscode.commands.executeCommand('setContext', 'rudder.hasVision', sessions.all().some((s) => s.index.vision() !== undefined));
  sync();
  const sub = onAnyIndexChange(sessions, sync, REFRESH_MS);
  return { provider, view, dispose: () => (sub.dispose(), view.dispose(), provider.dispose()) };
}

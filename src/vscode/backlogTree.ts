import * as vscode from 'vscode';
import type { BacklogIndex } from '../core/index/backlogIndex';
import type { Story } from '../core/model/story';
import { toUri, toVsRange } from './convert';

/** The `rudder.backlog` view: every story of the index, in backlog order. Views never read files; they ask the index. */
export class BacklogTreeProvider implements vscode.TreeDataProvider<Story>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<Story | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: { dispose(): void };
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly index: BacklogIndex,
    private readonly root: vscode.Uri,
  ) {
    this.subscription = index.onDidChange(() => this.scheduleRefresh());
  }

  /** Returns the stories in backlog order (the tree is flat for now). */
  getChildren(element?: Story): Story[] {
    return element ? [] : [...this.index.stories()];
  }

  /** Returns the row for a story: title, id as description, opens the file on click. */
  getTreeItem(story: Story): vscode.TreeItem {
    const item = new vscode.TreeItem(story.title || story.path, vscode.TreeItemCollapsibleState.None);
    item.id = story.path;
    item.description = story.id ?? '';
    item.resourceUri = toUri(this.root, story.path);
    item.tooltip = new vscode.MarkdownString(
      [`**${escapeMarkdown(story.title)}**`, `${story.id ?? 'no id'} · ${story.type}${story.status ? ` · ${story.status}` : ''}`, story.path].join('\n\n'),
    );
    item.contextValue = `story.${story.type}`;
    item.iconPath = new vscode.ThemeIcon(story.type === 'epic' ? 'layers' : story.type === 'bug' ? 'bug' : 'note');
    item.command = {
      command: 'vscode.open',
      title: 'Open Story',
      arguments: [item.resourceUri, { selection: toVsRange(story.titleRange), preview: true } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }

  /** Redraws the whole tree now. */
  refresh(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    this.changeEmitter.fire(undefined);
  }

  // Why a short debounce: a branch switch changes hundreds of files at once; one redraw is enough.
  private scheduleRefresh(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => this.refresh(), 50);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

/** Returns the disposable of the `rudder.backlog` tree view, shown by `provider`. */
export function registerBacklogTree(provider: BacklogTreeProvider): vscode.Disposable {
  const view = vscode.window.createTreeView('rudder.backlog', { treeDataProvider: provider, showCollapseAll: false });
  return vscode.Disposable.from(view, provider);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

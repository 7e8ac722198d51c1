import * as vscode from 'vscode';
import type { MoveTarget } from '../../core/grooming/reorderStories';
import type { BacklogNode, StoryNode } from '../backlogNodes';
import type { BacklogSessions } from '../backlogSessions';

/** The tree's own drag and drop mime type (VS Code derives it from the view id). */
export const BACKLOG_MIME = 'application/vnd.code.tree.rudder.backlog';

/** What a drag carries: the folder and the story paths, in backlog order. */
interface DragPayload {
  readonly root: string;
  readonly paths: readonly string[];
}

/**
 * Returns the drag and drop controller of `rudder.backlog`: a drop onto a story puts the dragged stories right
 * before it (keeping their relative order; onto the first row = to the top); a drop on empty space puts them at
 * the bottom; a drop into a status/epic/milestone/goal group (onto its row or onto a story in it) also sets that
 * field. Every drop is one WorkspaceEdit through the `rudder.moveStories` command (so it is undoable and testable headless).
 */
export function createBacklogDragAndDrop(sessions: BacklogSessions): vscode.TreeDragAndDropController<BacklogNode> {
  return {
    dragMimeTypes: [BACKLOG_MIME, 'text/uri-list'],
    dropMimeTypes: [BACKLOG_MIME],
    handleDrag(source, dataTransfer) {
      const stories = source.filter((n): n is StoryNode => n.kind === 'story');
      if (!stories.length) return;
      const session = stories[0].session;
      const order = new Map(session.index.stories().map((s, i) => [s.path, i]));
      const paths = stories
        .filter((n) => n.session === session)
        .map((n) => n.story.path)
        .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      const payload: DragPayload = { root: session.root.toString(), paths };
      dataTransfer.set(BACKLOG_MIME, new vscode.DataTransferItem(payload));
      dataTransfer.set('text/uri-list', new vscode.DataTransferItem(paths.map((p) => session.toUri(p).toString()).join('\r\n')));
    },
    async handleDrop(target, dataTransfer) {
      const item = dataTransfer.get(BACKLOG_MIME);
      if (!item) return;
      let payload: DragPayload | undefined;
      const value: unknown = item.value;
      if (typeof value === 'string') {
        try {
          payload = JSON.parse(value) as DragPayload;
        } catch {
          return;
        }
      } else payload = value as DragPayload;
      if (!payload || !Array.isArray(payload.paths) || typeof payload.root !== 'string') return;
      const session = sessions.all().find((s) => s.root.toString() === payload!.root);
      if (!session) return;
      // A drop into another folder's backlog is not a reorder: ignored.
      if (target && target.session !== session) return;
      const paths = payload.paths.filter((p) => session.index.story(p) !== undefined);
      if (!paths.length) return;
      const group = target?.kind === 'group' ? target : target?.kind === 'story' ? target.group : undefined;
      let to: MoveTarget = 'bottom';
      if (target?.kind === 'story') {
        if (paths.includes(target.story.path)) return;
        to = { before: target.story.path };
      }
      const intoGroup = group ? { groupBy: group.groupBy, key: group.key, label: group.label } : undefined;
      if (target?.kind === 'group') {
        // Onto a group row: the stories join the group; their rank stays (the group shows them in backlog order).
        await vscode.commands.executeCommand('rudder.moveStories', { folder: session.root, paths, intoGroup });
        return;
      }
      await vscode.commands.executeCommand('rudder.moveStories', { folder: session.root, paths, target: to, intoGroup });
    },
  };
}

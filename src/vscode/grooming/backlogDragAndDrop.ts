import * as vscode from 'vscode';
import { setFieldsPlan, editListPlan } from '../../core/grooming/setFields';
import type { FieldPlan } from '../../core/grooming/setFields';
import type { MoveTarget } from '../../core/grooming/reorderStories';
import type { BacklogNode, GroupNode, StoryNode } from '../backlogNodes';
import type { BacklogSession, BacklogSessions } from '../backlogSessions';
import type { GroomingTexts } from './applyGrooming';

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

/** Returns the plan that puts stories into a tree group: sets status / epic / milestone, or adds the vision goal. */
export function groupFieldPlan(session: BacklogSession, group: GroupNode, paths: readonly string[], texts: GroomingTexts): FieldPlan {
  const index = session.index;
  const key = group.key;
  const stories = paths.map((p) => texts.story(p)).filter((s) => s !== undefined);
  const moving = stories.filter((s) => {
    switch (group.groupBy) {
      case 'status':
        return (s.status ?? '').toLowerCase() !== key;
      case 'epic':
        return (s.epic ?? '').toLowerCase() !== key;
      case 'milestone':
        return (s.milestone ?? '').toLowerCase() !== key;
      case 'goal':
        return key !== '' && !index.goalsOf(s).some((g) => g.toLowerCase() === key);
    }
    return false;
  });
  const movingPaths = moving.map((s) => s.path);
  switch (group.groupBy) {
    case 'status': {
      const status = index.config.statuses.find((s) => s.toLowerCase() === key) ?? (key === '' ? null : group.label);
      return setFieldsPlan(movingPaths, { status }, texts.text);
    }
    case 'epic': {
      const epic = key === '' ? null : (index.byId(key).find((s) => s.type === 'epic')?.id ?? key.toUpperCase());
      return setFieldsPlan(movingPaths, { epic }, texts.text);
    }
    case 'milestone': {
      const milestone = key === '' ? null : (index.milestone(key)?.id ?? group.label);
      return setFieldsPlan(movingPaths, { milestone }, texts.text);
    }
    case 'goal': {
      const goal = index.vision()?.goals.find((g) => g.id.toLowerCase() === key)?.id ?? key;
      return editListPlan(moving, 'vision', (s) => s.vision, [goal], [], texts.text);
    }
  }
  return { edits: [], skipped: [] };
}

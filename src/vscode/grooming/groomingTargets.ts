import * as vscode from 'vscode';
import type { Story } from '../../core/model/story';
import { storiesOfGroup as coreStoriesOfGroup } from '../../core/query/groupStories';
import type { BacklogNode, GroupNode } from '../backlogNodes';
import type { BacklogSession, BacklogSessions } from '../backlogSessions';

/**
 * Where a grooming command acts, for `vscode.commands.executeCommand('rudder.x', args)` (tests, keybindings, other
 * extensions). Every field is optional; without `path`/`paths`/`uri`/`uris` a command acts on the active editor's
 * story. Paths are relative to the workspace folder, '/' separators. Each command adds its own arguments: the
 * `…Args` type in its file under `commands/`.
 */
export interface TargetArgs {
  readonly path?: string;
  readonly paths?: readonly string[];
  readonly uri?: vscode.Uri | string;
  readonly uris?: readonly (vscode.Uri | string)[];
  /** The workspace folder (multi-root) when only paths are given; default: the first backlog. */
  readonly folder?: vscode.Uri | string;
  /** The visible group the stories are shown in (tree grouping), e.g. { groupBy: 'status', key: 'draft' }: moves take their neighbours there. */
  readonly group?: { readonly groupBy: GroupNode['groupBy']; readonly key: string };
}

/** What a grooming command acts on; `A` is the command's own arguments. */
export interface GroomingTarget<A extends object = object> {
  readonly session: BacklogSession;
  /** The stories, in backlog order (may be empty for backlog-wide commands). */
  readonly paths: readonly string[];
  /** The group the rows were selected in, when the tree is grouped. */
  readonly group?: GroupNode;
  /** A group row the command was run on (re-rank a group). */
  readonly groupNode?: GroupNode;
  readonly args: TargetArgs & A;
  /** True when invoked with explicit arguments (no prompts for what they give). */
  readonly explicit: boolean;
}

const isNode = (x: unknown): x is BacklogNode => typeof x === 'object' && x !== null && 'kind' in x && 'session' in x;
const toUri = (u: vscode.Uri | string): vscode.Uri => (typeof u === 'string' ? (/^[a-z][\w+.-]*:/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u)) : u);

/** Returns the session for a URI, else the active editor's, else the first. */
function sessionFor(sessions: BacklogSessions, uri?: vscode.Uri): BacklogSession | undefined {
  if (uri) return sessions.forUri(uri);
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && sessions.forUri(active)) || sessions.all()[0];
}

/**
 * Returns the target of a command from what VS Code passed: tree nodes `(node, selectedNodes)`, a URI (explorer,
 * editor title), explicit arguments (`TargetArgs` and the command's own), or nothing (the active editor's story).
 */
export function resolveTarget(sessions: BacklogSessions, first: unknown, second: unknown, treeView?: vscode.TreeView<BacklogNode>): GroomingTarget | undefined {
  if (isNode(first)) {
    const nodes = Array.isArray(second) && second.every(isNode) && second.some((n) => n === first) ? (second as BacklogNode[]) : [first];
    return fromNodes(nodes);
  }
  if (first instanceof vscode.Uri) {
    const session = sessions.forUri(first);
    const path = session?.toPath(first);
    return session && path !== undefined ? { session, paths: [path], args: {}, explicit: false } : undefined;
  }
  if (typeof first === 'object' && first !== null) {
    // Untrusted: whatever the caller passed; each command reads only its own fields, each optional.
    const args = first as TargetArgs;
    const uris = [...(args.uri ? [args.uri] : []), ...(args.uris ?? [])].map(toUri);
    const session = args.folder ? sessions.forUri(toUri(args.folder)) : sessionFor(sessions, uris[0]);
    if (!session) return undefined;
    const paths = [...(args.path ? [args.path] : []), ...(args.paths ?? []), ...uris.map((u) => session.toPath(u)).filter((p): p is string => p !== undefined)];
    const group = args.group ? ({ kind: 'group', session, groupBy: args.group.groupBy, key: args.group.key, label: args.group.key } satisfies GroupNode) : undefined;
    if (paths.length === 0 && !args.path && !args.paths && !args.uri && !args.uris) {
      const active = activeStoryPath(session);
      return { session, paths: active ? [active] : [], group, args, explicit: true };
    }
    return { session, paths: inOrder(session, paths), group, args, explicit: true };
  }
  // From the palette (or a keybinding): the active editor's story; else the tree's selection.
  const active = vscode.window.activeTextEditor?.document.uri;
  const session = active ? sessions.forUri(active) : undefined;
  const path = session && active ? session.toPath(active) : undefined;
  if (session && path !== undefined && session.index.story(path)) return { session, paths: [path], args: {}, explicit: false };
  const selection = treeView?.selection ?? [];
  if (selection.length) return fromNodes(selection);
  const fallback = sessions.all()[0];
  return fallback ? { session: fallback, paths: [], args: {}, explicit: false } : undefined;
}

function fromNodes(nodes: readonly BacklogNode[]): GroomingTarget | undefined {
  const session = nodes[0].session;
  const same = nodes.filter((n) => n.session === session);
  const stories = same.filter((n) => n.kind === 'story');
  const groupNode = same.find((n): n is GroupNode => n.kind === 'group');
  const firstStory = stories[0];
  const group = firstStory?.kind === 'story' ? firstStory.group : undefined;
  return { session, paths: inOrder(session, stories.map((n) => (n.kind === 'story' ? n.story.path : ''))), group, groupNode, args: {}, explicit: false };
}

function activeStoryPath(session: BacklogSession): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const path = uri ? session.toPath(uri) : undefined;
  return path !== undefined && session.index.story(path) ? path : undefined;
}

/** Returns the paths sorted in backlog order (unknown paths last, deduplicated). */
function inOrder(session: BacklogSession, paths: readonly string[]): string[] {
  const pos = new Map(session.index.stories().map((s, i) => [s.path, i]));
  return [...new Set(paths)].sort((a, b) => (pos.get(a) ?? Infinity) - (pos.get(b) ?? Infinity));
}

/** Returns the stories shown under a group row, in backlog order (the neighbours of a move inside the group). */
export function storiesOfGroup(session: BacklogSession, group: Pick<GroupNode, 'groupBy' | 'key'>): readonly Story[] {
  return coreStoriesOfGroup(session.index, group.groupBy, group.key);
}

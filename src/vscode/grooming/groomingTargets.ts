import * as vscode from 'vscode';
import type { MoveTarget } from '../../core/grooming/reorderStories';
import type { NewItemPosition } from '../../core/grooming/newItem';
import type { Story } from '../../core/model/story';
import { storiesOfGroup as coreStoriesOfGroup } from '../../core/query/groupStories';
import type { BacklogNode, GroupNode } from '../backlogNodes';
import type { BacklogSession, BacklogSessions } from '../backlogSessions';

/**
 * Explicit arguments of the grooming commands, for `vscode.commands.executeCommand('rudder.x', args)` (tests,
 * keybindings, other extensions). Every field is optional; without `path`/`paths`/`uri`/`uris` a command acts on
 * the active editor's story. Paths are relative to the workspace folder, '/' separators.
 */
export interface GroomingArgs {
  readonly path?: string;
  readonly paths?: readonly string[];
  readonly uri?: vscode.Uri | string;
  readonly uris?: readonly (vscode.Uri | string)[];
  /** The workspace folder (multi-root) when only paths are given; default: the first backlog. */
  readonly folder?: vscode.Uri | string;
  /** setStatus, setPriority, estimate (number), setEpic, setMilestone: the new value ('' or null clears). linkVision, addDependency: the full list. */
  readonly value?: string | number | readonly string[] | null;
  /** linkVision, addDependency: items to add / remove instead of a full list. */
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  /** setValue: the score inputs, e.g. { value: 8, time_criticality: 5, risk_reduction: 3 } or { reach, impact, confidence }. */
  readonly inputs?: Readonly<Record<string, number | null>>;
  /** splitStory: indexes of the criteria that move; splitStory/newStory/newEpic/newMilestone: the title. */
  readonly criteria?: readonly number[];
  readonly title?: string;
  /** newStory/newEpic: where the new item goes. */
  readonly position?: NewItemPosition;
  /** moveStories (drag and drop without a mouse): where the stories go. */
  readonly target?: MoveTarget;
  /** moveStories (drag and drop): also put the stories into this tree group (sets status / epic / milestone, adds the goal). */
  readonly intoGroup?: { readonly groupBy: GroupNode['groupBy']; readonly key: string; readonly label?: string };
  /** rerankByScore: the score. */
  readonly kind?: 'wsjf' | 'rice';
  /** rerankByScore, rebalanceRanks, archiveDone: skip the preview / confirmation. */
  readonly confirm?: boolean;
  /** Moves: the visible group the story is shown in (tree grouping), e.g. { groupBy: 'status', key: 'draft' }. */
  readonly group?: { readonly groupBy: GroupNode['groupBy']; readonly key: string };
}

/** What a grooming command acts on. */
export interface GroomingTarget {
  readonly session: BacklogSession;
  /** The stories, in backlog order (may be empty for backlog-wide commands). */
  readonly paths: readonly string[];
  /** The group the rows were selected in, when the tree is grouped. */
  readonly group?: GroupNode;
  /** A group row the command was run on (re-rank a group). */
  readonly groupNode?: GroupNode;
  readonly args: GroomingArgs;
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
 * editor title), explicit `GroomingArgs`, or nothing (the active editor's story).
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
    const args = first as GroomingArgs;
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

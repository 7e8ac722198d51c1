import type { Story } from '../core/model/story';
import { GROUPINGS } from '../core/query/groupStories';
import type { Grouping } from '../core/query/groupStories';
import type { BacklogSession } from './backlogSessions';

// This module imports nothing from 'vscode' (only types): test/unit/contributions.test.ts loads GROUP_BYS from it.

/** How the backlog tree groups stories. Remembered per workspace. */
export type GroupBy = 'none' | Grouping;

/** Every grouping of the tree, in the Group By menu's order: one `rudder.groupBy.<g>` command (and its `.current` twin) each. */
export const GROUP_BYS: readonly GroupBy[] = ['none', ...GROUPINGS];

/** A group row: all stories sharing one value of the grouping field (`key` '' = none set). */
export interface GroupNode {
  readonly kind: 'group';
  readonly session: BacklogSession;
  readonly groupBy: Exclude<GroupBy, 'none'>;
  readonly key: string;
  readonly label: string;
}

/** A workspace folder row, shown only in multi-root workspaces with more than one backlog. */
export interface FolderNode {
  readonly kind: 'folder';
  readonly session: BacklogSession;
}

/**
 * A trailing, collapsed section of the ungrouped backlog: done and dropped stories (history, not work to act on), and
 * Backlog.md's drafts, both kept apart from the ranked stories to act on.
 */
export interface SectionNode {
  readonly kind: 'section';
  readonly session: BacklogSession;
  readonly section: SectionKind;
  readonly label: string;
}

/** The trailing sections of the ungrouped backlog, in the order they are shown. */
export type SectionKind = 'drafts' | 'closed';

/** A story row. `group` is the group it is shown under, when the tree is grouped; `section` the trailing section. */
export interface StoryNode {
  readonly kind: 'story';
  readonly session: BacklogSession;
  readonly story: Story;
  readonly group?: GroupNode;
  readonly section?: SectionNode;
}

/** Every row of the `rudder.backlog` tree. Commands invoked from the tree receive these. */
export type BacklogNode = FolderNode | GroupNode | SectionNode | StoryNode;

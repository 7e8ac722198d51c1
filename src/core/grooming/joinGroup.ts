import type { BacklogIndex } from '../index/backlogIndex';
import { idKey } from '../index/idKey';
import type { Story } from '../model/story';
import type { Grouping } from '../query/groupStories';
import { milestoneKey } from '../query/storyFilter';
import { keyFor } from './fieldKeys';
import { editListPlan, setFieldsPlan, type FieldPlan } from './setFields';

/** A group of the backlog (as the tree shows it): the grouping, its lower-cased key ('' = none) and its label. */
export interface GroupRef {
  readonly grouping: Grouping;
  readonly key: string;
  readonly label: string;
}

/**
 * Returns the plan that puts stories into a group (a drop into a tree group): sets the status, epic, milestone or iteration the
 * group stands for (clears it for the "No …" group), or adds the vision goal. Stories already in the group are left
 * as they are.
 */
export function joinGroupPlan(index: BacklogIndex, group: GroupRef, stories: readonly Story[], text: (path: string) => string | undefined): FieldPlan {
  const key = group.key.trim().toLowerCase();
  const config = index.config;
  const inGroup = (s: Story): boolean => {
    switch (group.grouping) {
      case 'status':
        return (s.status ?? '').trim().toLowerCase() === key;
      case 'epic':
        return key === '' ? !s.epic : s.epic !== undefined && idKey(s.epic, config) === idKey(key, config);
      case 'milestone':
        return key === '' ? !s.milestone : s.milestone !== undefined && milestoneKey(s.milestone, index) === milestoneKey(key, index);
      case 'iteration':
        return key === '' ? !s.iteration : s.iteration !== undefined && (index.iteration(s.iteration)?.id ?? s.iteration).toLowerCase() === (index.iteration(key)?.id ?? key).toLowerCase();
      case 'goal':
        return key !== '' && index.goalsOf(s).some((g) => g.toLowerCase() === key);
    }
  };
  const moving = stories.filter((s) => !inGroup(s));
  const paths = moving.map((s) => s.path);
  switch (group.grouping) {
    case 'status': {
      const status = key === '' ? null : (config.statuses.find((s) => s.toLowerCase() === key) ?? group.label);
      return setFieldsPlan(paths, { status }, text);
    }
    case 'epic': {
      const epic = key === '' ? null : (index.byId(key).find((s) => s.type === 'epic')?.id ?? key.toUpperCase());
      return setFieldsPlan(paths, { [keyFor(moving, 'epic')]: epic }, text);
    }
    case 'milestone': {
      const milestone = key === '' ? null : (index.milestone(key)?.id ?? group.label);
      return setFieldsPlan(paths, { milestone }, text);
    }
    case 'iteration': {
      const iteration = key === '' ? null : (index.iteration(key)?.id ?? group.label);
      return setFieldsPlan(paths, { iteration }, text);
    }
    case 'goal': {
      const goal = index.vision()?.goals.find((g) => g.id.toLowerCase() === key)?.id ?? key;
      return editListPlan(moving, 'vision', (s) => s.vision, [goal], [], text);
    }
  }
}

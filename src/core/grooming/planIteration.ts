import type { BacklogIndex } from '../index/backlogIndex';
import type { Iteration, Story } from '../model/story';
import { fitToCapacity } from '../query/capacity';
import { iterationLoad } from '../query/iterations';
import { nextUp } from '../query/nextUp';
import type { TextOf } from './fileText';
import { setFieldsPlan, type FieldPlan } from './setFields';

/** What Plan Iteration proposes for one iteration: Next Up's stories that fit into what is left of its capacity. */
export interface IterationPlan extends FieldPlan {
  readonly iteration: Iteration;
  /** The capacity in points (the iteration's, the velocity's over its length, or the one asked for). */
  readonly capacity: number;
  /** Points already committed to it (its stories, done ones included; never an epic's). */
  readonly committed: number;
  /** Proposed, in Next Up order (the current milestone first, each in backlog order). */
  readonly proposed: readonly Story[];
  readonly proposedPoints: number;
  /** Ready, unblocked stories that did not fit what was left when their turn came. */
  readonly left: readonly Story[];
  /** Ready, unblocked stories without an estimate: they cannot be sized, so they are not proposed. */
  readonly unestimated: readonly Story[];
}

/**
 * Returns the plan that fills an iteration up to its capacity: the stories Next Up lists (ready, unblocked, without
 * an error, not epics) that are in no iteration yet, walked in Next Up's order, each taken while its points still fit
 * into the capacity left after what is already committed (`fitToCapacity`, as Next Up's capacity line). The edits set
 * `iteration:` on each proposed story; undefined when the iteration has no capacity and none is given.
 */
export function planIteration(index: BacklogIndex, it: Iteration, options: { readonly today: string; readonly capacity?: number }, text: TextOf): IterationPlan | undefined {
  const load = iterationLoad(index, it);
  const capacity = options.capacity ?? load.capacity.points;
  if (capacity === undefined) return undefined;
  const candidates = nextUp(index, { today: options.today })
    .stories.map((s) => s.story)
    .filter((s) => s.iteration === undefined || s.iteration.trim() === '');
  const fit = fitToCapacity(candidates, Math.max(0, capacity - load.committed));
  const plan = setFieldsPlan(
    fit.fit.map((s) => s.path),
    { iteration: it.id },
    text,
  );
  return { ...plan, iteration: it, capacity, committed: load.committed, proposed: fit.fit, proposedPoints: fit.fitPoints, left: fit.left, unestimated: fit.unestimated };
}

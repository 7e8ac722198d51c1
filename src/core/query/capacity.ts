import type { Story } from '../model/story';

/** What fits into a number of points, walking stories in order. */
export interface CapacityFit {
  /** The stories that fit, in order. */
  readonly fit: readonly Story[];
  readonly fitPoints: number;
  /** Estimated stories that did not fit (too big for what was left when their turn came). */
  readonly left: readonly Story[];
  /** Stories without an estimate: they cannot be sized, so they are neither fitted nor left. */
  readonly unestimated: readonly Story[];
  /** The points of every estimated story. */
  readonly totalPoints: number;
}

/**
 * Returns what fits into `capacity` points, walking `stories` in their order: a story fits when its points still fit
 * into what is left; one that does not is left, and a smaller one after it may still fit (so a plan fills up to the
 * capacity without reordering the backlog). Unestimated stories are set apart. Next Up's capacity line and Plan
 * Iteration both ask this, so they agree.
 */
export function fitToCapacity(stories: readonly Story[], capacity: number): CapacityFit {
  const fit: Story[] = [];
  const left: Story[] = [];
  const unestimated: Story[] = [];
  let room = capacity;
  let fitPoints = 0;
  let totalPoints = 0;
  for (const s of stories) {
    if (s.estimate === undefined) {
      unestimated.push(s);
      continue;
    }
    totalPoints += s.estimate;
    // Why a small tolerance: points like 0.5 add up in binary with rounding error.
    if (s.estimate <= room + 1e-9) {
      fit.push(s);
      room -= s.estimate;
      fitPoints += s.estimate;
    } else left.push(s);
  }
  return { fit, fitPoints: round2(fitPoints), left, unestimated, totalPoints: round2(totalPoints) };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

import type { GroomingState } from './groomingState';
import type { GroomingTarget } from './groomingTargets';

/** What every grooming command resolves to (the tests read it). */
export interface GroomingResult {
  readonly applied: boolean;
  /** Files written (edited, created or renamed-to). */
  readonly paths: readonly string[];
  /** Why nothing was applied, when so. */
  readonly reason?: string;
  readonly [extra: string]: unknown;
}

/** A command that reads no arguments of its own (only where it acts: `TargetArgs`). */
export type NoArgs = object;

/**
 * One grooming command, defined in its own file under `commands/` and listed once in `GROOMING_COMMANDS`
 * (`commands.ts`), which registers it. `A` is the command's own arguments, besides `TargetArgs`.
 */
export interface GroomingCommand<A extends object = NoArgs> {
  /** The command id, as contributed in package.json (`test/unit/contributions.test.ts` checks both agree). */
  readonly id: `rudder.${string}`;
  /** True when it acts on stories: with no story to act on (no active story, selection or path) it says so and does nothing. */
  readonly needsStory: boolean;
  /**
   * Returns what the command did, on a resolved target of a loaded backlog. A method and not a function-typed
   * property: method parameters are compared bivariantly, so one table can hold commands with different `A`.
   */
  run(target: GroomingTarget<A>, state: GroomingState): Promise<GroomingResult>;
}

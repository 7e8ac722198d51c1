import { NOTHING, pickOne, refuse, setFields, storiesOf } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** The story point scale offered by `rudder.estimate`. */
export const FIBONACCI = [0, 1, 2, 3, 5, 8, 13, 21] as const;

/** The arguments of `rudder.estimate`. */
export interface EstimateArgs {
  /** The story points (a number, or a numeric string; '' or null removes the estimate); without it, a quick pick of `FIBONACCI`. */
  readonly value?: number | string | null;
}

/** `rudder.estimate`: sets the story points of the story, or of every selected story. */
export const estimate: GroomingCommand<EstimateArgs> = {
  id: 'rudder.estimate',
  needsStory: true,
  async run(t) {
    const current = storiesOf(t)[0]?.estimate;
    const v = await pickOne(
      t,
      'Estimate (story points)',
      [...FIBONACCI.map((n) => ({ label: String(n), value: n, description: n > t.session.index.config.splitThreshold ? 'consider splitting' : undefined })), { label: '$(close) No estimate', value: null }],
      current === undefined ? undefined : String(current),
    );
    if (v === undefined) return NOTHING;
    const n = v === null || v === '' ? null : Number(v);
    if (n !== null && !Number.isFinite(n)) return refuse(`"${v}" is not a number`);
    return setFields(t, { estimate: n }, 'Estimate');
  },
};

import * as vscode from 'vscode';
import { NOTHING, refuse, setFields, storiesOf, titleFor } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';
import type { GroomingTarget } from '../groomingTargets';

/** The story point scale `rudder.estimate` offers first; any other number ≥ 0 can be typed. */
export const FIBONACCI = [0, 1, 2, 3, 5, 8, 13, 21] as const;

/** The arguments of `rudder.estimate`. */
export interface EstimateArgs {
  /** The story points (a number ≥ 0, or a numeric string; '' or null removes the estimate); without it, a quick pick of the scale where any number can be typed. */
  readonly value?: number | string | null;
}

/** `rudder.estimate`: sets the story points of the story, or of every selected story. */
export const estimate: GroomingCommand<EstimateArgs> = {
  id: 'rudder.estimate',
  needsStory: true,
  async run(t) {
    const v = t.args.value !== undefined ? t.args.value : await pickEstimate(t);
    if (v === undefined) return NOTHING;
    const n = v === null || v === '' ? null : Number(v);
    if (n !== null && (!Number.isFinite(n) || n < 0)) return refuse(`"${v}" is not a number of at least 0`);
    return setFields(t, { estimate: n }, 'Estimate');
  },
};

type EstimateItem = vscode.QuickPickItem & { readonly value?: number | null };

/**
 * Asks for the points: the scale with the current value selected, "No estimate", and whatever number is typed (4, 0.5,
 * 40) as an item of its own, so Enter always takes what was typed. Resolves undefined when cancelled.
 */
function pickEstimate(t: GroomingTarget<EstimateArgs>): Promise<number | null | undefined> {
  const current = storiesOf(t)[0]?.estimate;
  const split = t.session.index.config.splitThreshold;
  const describe = (n: number) => [n === current ? '(current)' : undefined, n > split ? 'consider splitting' : undefined].filter(Boolean).join(' · ') || undefined;
  const scale: EstimateItem[] = [
    ...FIBONACCI.map((n) => ({ label: String(n), description: describe(n), value: n })),
    ...(current !== undefined && !(FIBONACCI as readonly number[]).includes(current) ? [{ label: String(current), description: describe(current), value: current }] : []),
    { label: '$(close) No estimate', value: null },
  ];
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<EstimateItem>();
    qp.title = titleFor(t, 'Estimate (story points)');
    qp.placeholder = `Scale: ${FIBONACCI.join(' · ')} — or type any number of points (0 or more)`;
    qp.items = scale;
    const currentItem = scale.find((i) => i.value === current && current !== undefined);
    if (currentItem) qp.activeItems = [currentItem];
    qp.onDidChangeValue((typed) => {
      const text = typed.trim();
      const n = Number(text);
      const exact = scale.find((i) => i.value !== null && i.value === n);
      if (text === '') {
        qp.items = scale;
        if (currentItem) qp.activeItems = [currentItem];
      } else if (text !== '' && Number.isFinite(n) && n >= 0 && !exact) {
        const typedItem: EstimateItem = { label: text, description: `${n === 1 ? 'point' : 'points'} (typed)${describe(n) ? ` · ${describe(n)}` : ''}`, value: n, alwaysShow: true };
        qp.items = [typedItem, ...scale];
        qp.activeItems = [typedItem];
      } else if (exact) {
        qp.items = scale;
        qp.activeItems = [exact];
      } else {
        qp.items = [{ label: `$(warning) "${text}" is not a number of points`, description: 'type a number of 0 or more', alwaysShow: true }, ...scale];
      }
    });
    let done = false;
    const finish = (v: number | null | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidAccept(() => {
      const picked = qp.activeItems[0] ?? qp.selectedItems[0];
      if (picked && picked.value !== undefined) finish(picked.value);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

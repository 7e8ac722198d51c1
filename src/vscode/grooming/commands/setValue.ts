import * as vscode from 'vscode';
import { NOTHING, SCORE_MODELS, setFields, storiesOf, titleFor } from '../commandHelpers';
import type { GroomingCommand } from '../groomingCommand';

/** Score inputs, with their front-matter keys and a question for the input box. */
const SCORE_INPUTS = {
  wsjf: [
    ['value', 'Business value (e.g. 1–21)'],
    ['time_criticality', 'Time criticality (e.g. 1–21)'],
    ['risk_reduction', 'Risk reduction / opportunity enablement (e.g. 1–21)'],
  ],
  rice: [
    ['reach', 'Reach (people or events per period)'],
    ['impact', 'Impact (0.25, 0.5, 1, 2 or 3)'],
    ['confidence', 'Confidence (0–1, e.g. 0.8)'],
  ],
} as const;

/** The arguments of `rudder.setValue`. */
export interface SetValueArgs {
  /** The score inputs to write (null removes one), e.g. { value: 8, time_criticality: 5, risk_reduction: 3 } or { reach, impact, confidence }; without them, a model pick and an input box per input. */
  readonly inputs?: Readonly<Record<string, number | null>>;
}

/** `rudder.setValue`: writes the WSJF or RICE inputs of the story, or of every selected story. */
export const setValue: GroomingCommand<SetValueArgs> = {
  id: 'rudder.setValue',
  needsStory: true,
  async run(t) {
    let inputs = t.args.inputs;
    if (!inputs) {
      const model = await vscode.window.showQuickPick(SCORE_MODELS, { title: titleFor(t, 'Set Score Inputs') });
      if (!model) return NOTHING;
      const story = storiesOf(t)[0];
      const out: Record<string, number | null> = {};
      for (const [key, prompt] of SCORE_INPUTS[model.score]) {
        const currentValue = story?.frontMatter?.data[key];
        const answer = await vscode.window.showInputBox({
          title: titleFor(t, `${model.label}: ${key.replace('_', ' ')}`),
          prompt,
          value: currentValue === undefined || currentValue === null ? '' : String(currentValue),
          validateInput: (s) => (s.trim() === '' || Number.isFinite(Number(s)) ? undefined : 'A number, or empty to remove'),
        });
        if (answer === undefined) return NOTHING;
        out[key] = answer.trim() === '' ? null : Number(answer);
      }
      inputs = out;
    }
    return setFields(t, inputs, 'Set score inputs');
  },
};

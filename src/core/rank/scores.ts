import type { Story } from '../model/story';

/** A prioritisation score with what it was computed from, for a hover to explain. */
export interface Score {
  readonly kind: 'wsjf' | 'rice';
  readonly value: number;
  readonly formula: string;
  readonly inputs: Readonly<Record<string, number>>;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const fmt = (v: number) => String(Math.round(v * 100) / 100);

/** Returns the WSJF score `(value + time_criticality + risk_reduction) / estimate`, or undefined when an input is missing or the estimate is 0. */
export function wsjf(story: Story): Score | undefined {
  const { value, timeCriticality, riskReduction, estimate } = story;
  if (!isNum(value) || !isNum(timeCriticality) || !isNum(riskReduction) || !isNum(estimate) || estimate === 0) return undefined;
  const result = (value + timeCriticality + riskReduction) / estimate;
  return {
    kind: 'wsjf',
    value: result,
    formula: `(value ${value} + time criticality ${timeCriticality} + risk reduction ${riskReduction}) / estimate ${estimate} = ${fmt(result)}`,
    inputs: { value, time_criticality: timeCriticality, risk_reduction: riskReduction, estimate },
  };
}

/** Returns the RICE score `reach × impact × confidence / estimate`, or undefined when an input is missing or the estimate is 0. */
export function rice(story: Story): Score | undefined {
  const { reach, impact, confidence, estimate } = story;
  if (!isNum(reach) || !isNum(impact) || !isNum(confidence) || !isNum(estimate) || estimate === 0) return undefined;
  const result = (reach * impact * confidence) / estimate;
  return {
    kind: 'rice',
    value: result,
    formula: `reach ${reach} × impact ${impact} × confidence ${confidence} / estimate ${estimate} = ${fmt(result)}`,
    inputs: { reach, impact, confidence, estimate },
  };
}

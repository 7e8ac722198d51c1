// Monte Carlo forecasts of targets worked on in order — milestones, iterations: a date range (or just a due
// date) and the work left in it. One simulation covers the whole sequence, and each target's forecast
// says what it drew from, so the hover, the CLI and the export can explain it.
import { forecastSequence, type CompletionForecast, type ThroughputSample } from '../flow/monteCarlo';
import { percentile } from '../flow/percentiles';
import type { ForecastBasis, RoadmapForecast } from './roadmapModel';
import { fromDayNumber, toDayNumber } from './roadmapDates';
import { plural, round1 } from './roadmapHelpers';

/** The likelihood a forecast is judged by: "on track" when 85% of the trials finish by the due date. */
export const CONFIDENCE = 85;

/** What a Monte Carlo forecast draws from. */
export interface MonteCarloInput {
  readonly sample: ThroughputSample;
  readonly trials: number;
  readonly seed: number;
}

/** One target of a sequence: its due date and the work left in it. */
export interface ForecastTarget {
  readonly due?: string;
  readonly dueDay?: number;
  readonly remaining: { readonly stories: number; readonly points: number };
}

/** Returns whether a sample can drive a forecast: at least one week with some throughput. */
export function canForecast(sample: ThroughputSample | undefined): boolean {
  return sample !== undefined && sample.values.some((v) => v > 0);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Returns 'Mar 3' (as the roadmap writes dates), with the year when it is not the year of `todayDay` ('Mar 3, 2027'). */
export function shortDay(day: number, todayDay: number): string {
  const d = new Date(day * 86_400_000);
  const year = d.getUTCFullYear();
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}${year !== new Date(todayDay * 86_400_000).getUTCFullYear() ? `, ${year}` : ''}`;
}

function unitWord(unit: 'stories' | 'points', n: number): string {
  return unit === 'points' ? plural(n, 'point') : plural(n, 'story', 'stories');
}

/** Returns the basis every forecast of a sequence shares, for one target. */
function basisOf(input: MonteCarloInput, remaining: number, ahead: number): ForecastBasis {
  const values = input.sample.values;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    trials: input.trials,
    unit: input.sample.unit,
    weeks: values.length,
    from: input.sample.from,
    to: input.sample.to,
    throughput: [...values],
    min: sorted[0],
    max: sorted[sorted.length - 1],
    median: percentile(sorted, 50)!,
    remaining,
    ahead,
  };
}

/** What a sequence of targets is: the word for the targets before one ("left in earlier milestones"). */
export type TargetNoun = 'milestones' | 'iterations';

/** Returns the sentence that says what a forecast drew from. */
export function basisText(b: ForecastBasis, todayDay: number, noun: TargetNoun = 'milestones'): string {
  const range = b.min === b.max ? `${b.min}` : `${b.min}–${b.max}`;
  const ahead = b.ahead > b.remaining ? ` (${round1(b.ahead)} with the ${unitWord(b.unit, round1(b.ahead - b.remaining))} left in earlier ${noun}, worked on first)` : '';
  const from = shortDay(toDayNumber(b.from)!, todayDay);
  const to = shortDay(toDayNumber(b.to)! + 6, todayDay);
  return (
    `From ${b.trials.toLocaleString('en-US')} trials drawing each week's throughput from the ${plural(b.weeks, 'week')} ${from} – ${to} ` +
    `(${range} ${b.unit} a week, median ${b.median}); ${unitWord(b.unit, round1(b.remaining))} left${ahead}.`
  );
}

/** Returns the forecast of one target from its simulated completion. */
export function monteCarloForecastOf(target: ForecastTarget, completion: CompletionForecast, basis: ForecastBasis, todayDay: number, noun: TargetNoun = 'milestones'): RoadmapForecast {
  const date = (d: number | undefined): string => (d === undefined ? 'later than 10 years from now' : shortDay(d, todayDay));
  const { p50, p85, p95 } = completion;
  const dates = `50%: ${date(p50)} · 95%: ${date(p95)}.`;
  const lead = `${CONFIDENCE}% likely by ${date(p85)}`;
  const common = {
    method: 'monte-carlo' as const,
    ...(p50 !== undefined ? { p50: fromDayNumber(p50) } : {}),
    ...(p85 !== undefined ? { p85: fromDayNumber(p85) } : {}),
    ...(p95 !== undefined ? { p95: fromDayNumber(p95) } : {}),
    ...(completion.likelihood !== undefined ? { likelihood: Math.round(completion.likelihood * 1000) / 1000 } : {}),
    remaining: target.remaining,
    basis,
  };
  const explain = basisText(basis, todayDay, noun);
  if (target.dueDay === undefined) {
    return { kind: 'projected', ...common, message: `${lead} (no due date). ${dates} ${explain}` };
  }
  const onTrack = p85 !== undefined && p85 <= target.dueDay;
  const byDue = `${Math.round((completion.likelihood ?? 0) * 100)}% by the due date`;
  const verdict = onTrack ? 'on track' : 'at risk';
  return {
    kind: onTrack ? 'on-track' : 'at-risk',
    ...common,
    message: `${lead}; due ${shortDay(target.dueDay, todayDay)} — ${verdict} (${byDue}). ${dates} ${explain}`,
  };
}

/** Returns one forecast per target, the targets worked on in the order given, starting today. */
export function monteCarloForecasts(targets: readonly ForecastTarget[], input: MonteCarloInput, todayDay: number, noun: TargetNoun = 'milestones'): RoadmapForecast[] {
  const unit = input.sample.unit;
  const remaining = targets.map((t) => Math.max(0, unit === 'points' ? t.remaining.points : t.remaining.stories));
  const completions = forecastSequence(remaining, input.sample, todayDay, targets.map((t) => t.dueDay), { trials: input.trials, seed: input.seed });
  let ahead = 0;
  return targets.map((t, i) => {
    ahead = round1(ahead + remaining[i]);
    return monteCarloForecastOf(t, completions[i], basisOf(input, remaining[i], ahead), todayDay, noun);
  });
}

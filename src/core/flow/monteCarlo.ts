// Monte Carlo forecasting from throughput: each trial replays the future week by week, drawing each
// week's throughput at random from the weeks sampled, until the work is done. Thousands of trials give a
// distribution of completion dates; its percentiles are the forecast ("85% of the trials finished by 3 Mar").
// Targets are worked on in order (a milestone's work comes after the work of the milestones before it), so
// one trial finishes them all and later targets never finish before earlier ones.
//
// Deterministic: every trial has its own seeded generator (mulberry32, seeded from the seed and the trial
// number), so a trial draws the same weeks whatever the other trials did. That is also what makes the
// forecast monotone: more throughput in every sampled week never finishes a trial later, more work never
// finishes it earlier.
import { fromDayNumber } from '../roadmap/roadmapDates';
import type { ThroughputWeek } from './flowMetrics';
import { percentile } from './percentiles';
import { weekStartOf } from './weeks';

export type ForecastUnit = 'stories' | 'points';

/** The weeks a forecast draws from. */
export interface ThroughputSample {
  readonly unit: ForecastUnit;
  /** Mondays of the first and the last week sampled, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
  /** Throughput of each week sampled, oldest first. */
  readonly values: readonly number[];
}

export interface SimulationOptions {
  readonly trials: number;
  readonly seed: number;
  /** A trial that has not finished after this many weeks counts as never (Infinity). */
  readonly maxWeeks?: number;
}

/** Why ten years: past that a forecast says nothing a planner can use. */
export const MAX_FORECAST_WEEKS = 520;
export const DEFAULT_SEED = 20_260_301;

/**
 * Returns the complete weeks before the week of `todayDay` to draw from: at most `count`, never weeks before the
 * history starts (they were not slow weeks, they are unknown). Undefined when there is not one complete week.
 */
export function throughputSample(weeks: readonly ThroughputWeek[], todayDay: number, count: number, unit: ForecastUnit): ThroughputSample | undefined {
  const current = fromDayNumber(weekStartOf(todayDay));
  const complete = weeks.filter((w) => w.weekStart < current);
  const chosen = complete.slice(Math.max(0, complete.length - count));
  if (chosen.length === 0) return undefined;
  return { unit, from: chosen[0].weekStart, to: chosen[chosen.length - 1].weekStart, values: chosen.map((w) => (unit === 'points' ? w.points : w.stories)) };
}

/** Returns a 32-bit seed for trial `i` (a splitmix-style hash of the seed and the trial number). */
function trialSeed(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Returns, for each target, the day offsets from today (0 = today) at which the trials finished it, sorted
 * ascending (Infinity: not within `maxWeeks`). `cumulative[k]` is the work up to and including target k (not
 * decreasing); `samples` are weekly throughputs. Work done within a week is spread evenly over its seven days.
 */
export function simulateCompletions(cumulative: readonly number[], samples: readonly number[], options: SimulationOptions): Float64Array[] {
  const trials = Math.max(1, Math.floor(options.trials));
  const maxWeeks = options.maxWeeks ?? MAX_FORECAST_WEEKS;
  const out = cumulative.map(() => new Float64Array(trials).fill(Infinity));
  const n = samples.length;
  const targets = cumulative.length;
  if (n === 0 || targets === 0) return out;
  for (let t = 0; t < trials; t++) {
    // mulberry32, inlined: this loop runs trials × weeks times.
    let a = trialSeed(options.seed, t) | 0;
    let k = 0;
    while (k < targets && cumulative[k] <= 0) out[k++][t] = 0;
    let done = 0;
    for (let w = 1; w <= maxWeeks && k < targets; w++) {
      a = (a + 0x6d2b79f5) | 0;
      let r = Math.imul(a ^ (a >>> 15), 1 | a);
      r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
      const u = ((r ^ (r >>> 14)) >>> 0) / 4294967296;
      const x = samples[Math.floor(u * n)];
      if (x <= 0) continue;
      const before = done;
      done += x;
      while (k < targets && cumulative[k] <= done) {
        const fraction = (cumulative[k] - before) / x;
        out[k++][t] = 7 * (w - 1) + Math.max(1, Math.ceil(7 * fraction - 1e-9)) - 1;
      }
    }
  }
  for (const a of out) a.sort();
  return out;
}

/** A forecast of one target: completion days (day numbers) by percentile, undefined past the horizon. */
export interface CompletionForecast {
  readonly p50?: number;
  readonly p85?: number;
  readonly p95?: number;
  /** Share (0–1) of trials that finished by the due day, when there is one. */
  readonly likelihood?: number;
}

/** Returns the percentiles (as day numbers) and the likelihood of finishing by `dueDay` from one target's sorted offsets. */
export function completionForecast(offsets: Float64Array, todayDay: number, dueDay: number | undefined): CompletionForecast {
  const at = (p: number): number | undefined => {
    const v = percentile(offsets, p);
    return v === undefined || !Number.isFinite(v) ? undefined : todayDay + v;
  };
  const p50 = at(50);
  const p85 = at(85);
  const p95 = at(95);
  let likelihood: number | undefined;
  if (dueDay !== undefined) {
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid] <= dueDay - todayDay) lo = mid + 1;
      else hi = mid;
    }
    likelihood = offsets.length ? lo / offsets.length : 0;
  }
  return { ...(p50 !== undefined ? { p50 } : {}), ...(p85 !== undefined ? { p85 } : {}), ...(p95 !== undefined ? { p95 } : {}), ...(likelihood !== undefined ? { likelihood } : {}) };
}

/** Returns one forecast per target, worked on in order from today: `remaining[k]` is target k's own work left. */
export function forecastSequence(remaining: readonly number[], sample: ThroughputSample, todayDay: number, dueDays: readonly (number | undefined)[], options: SimulationOptions): CompletionForecast[] {
  let sum = 0;
  const cumulative = remaining.map((r) => (sum += Math.max(0, r)));
  const offsets = simulateCompletions(cumulative, sample.values, options);
  return offsets.map((o, k) => completionForecast(o, todayDay, dueDays[k]));
}

// Will each milestone's remaining work fit before its due date? The milestones are worked on in
// order, so a milestone's forecast counts the work left in the not-done milestones before it.
// Two forecasters behind one seam (milestones in work order in, one RoadmapForecast each out): Monte
// Carlo from the git history's throughput when there is some (monteCarloForecast.ts), else the velocity
// (configured, or derived from `updated:` dates), which then says why it was used.
import { canForecast, monteCarloForecasts, type ForecastTarget, type MonteCarloInput, type TargetNoun } from './monteCarloForecast';
import type { NoEstimateReason, RoadmapForecast, RoadmapProgress, RoadmapVelocity } from './roadmapModel';
import { plural, round1 } from './roadmapHelpers';

/** One milestone, as a forecaster sees it. */
export interface ForecastInput {
  /** The due date (ISO) and its day number; undefined for an undated milestone. */
  readonly due?: string;
  readonly dueDay?: number;
  /** The milestone's status as written (quoted in the forecast of a milestone done by status). */
  readonly status?: string;
  readonly progress: RoadmapProgress;
  readonly done: boolean;
  /** Done because of its status rather than its stories. */
  readonly statusDone: boolean;
}

/** How the milestones are forecast: Monte Carlo from a throughput sample, or why not (then by velocity). */
export interface ForecastMethod {
  readonly monteCarlo?: MonteCarloInput;
  /** Why there is no Monte Carlo forecast (appended to the velocity forecasts' messages). */
  readonly note?: string;
  /** What the targets are (default milestones): iterations are forecast the same way, against their end. */
  readonly noun?: TargetNoun;
}

/** Returns one forecast per milestone (in the order given, which is the order the work is done in). */
export function forecastMilestones(milestones: readonly ForecastInput[], velocity: RoadmapVelocity, todayDay: number, method: ForecastMethod = {}): RoadmapForecast[] {
  const noun = method.noun ?? 'milestones';
  if (method.monteCarlo && canForecast(method.monteCarlo.sample)) return monteCarloMilestones(milestones, method.monteCarlo, todayDay, noun);
  let pointsAhead = 0;
  const note = method.note ? ` (Velocity forecast: ${method.note}.)` : '';
  return milestones.map((m) => {
    const remaining = round1(m.progress.totalPoints - m.progress.donePoints);
    if (!m.done && m.dueDay !== undefined) pointsAhead = round1(pointsAhead + remaining);
    const f = forecastOf(m, remaining, pointsAhead, velocity, todayDay, noun);
    return f.kind === 'done' || !note ? f : { ...f, message: f.message + note };
  });
}

/** Returns the Monte Carlo forecasts: every milestone that is not done and has work is a target, in order. */
function monteCarloMilestones(milestones: readonly ForecastInput[], input: MonteCarloInput, todayDay: number, noun: TargetNoun): RoadmapForecast[] {
  const out: (RoadmapForecast | undefined)[] = [];
  const targets: ForecastTarget[] = [];
  const at: number[] = [];
  milestones.forEach((m, i) => {
    const p = m.progress;
    if (m.done) {
      out.push(doneForecast(m, noun));
      return;
    }
    if (p.totalStories === 0) {
      out.push({ kind: 'no-estimate', reasons: ['no-stories'], message: 'No estimate: no stories are scheduled in it.' });
      return;
    }
    const open = p.totalStories - p.doneStories;
    if (input.sample.unit === 'points' && p.unestimatedStories > 0) {
      const n = p.unestimatedStories;
      out.push({ kind: 'no-estimate', reasons: ['unestimated-stories'], message: `No estimate: the forecast counts points and ${plural(n, 'story', 'stories')} ${n === 1 ? 'has' : 'have'} no estimate.` });
      return;
    }
    out.push(undefined);
    at.push(i);
    targets.push({ ...(m.due !== undefined ? { due: m.due } : {}), ...(m.dueDay !== undefined ? { dueDay: m.dueDay } : {}), remaining: { stories: open, points: round1(p.totalPoints - p.donePoints) } });
  });
  const forecasts = monteCarloForecasts(targets, input, todayDay, noun);
  at.forEach((i, k) => (out[i] = forecasts[k]));
  return out as RoadmapForecast[];
}

function doneForecast(m: ForecastInput, noun: TargetNoun): RoadmapForecast {
  return { kind: 'done', message: m.statusDone ? `Done: the ${noun === 'iterations' ? 'iteration' : 'milestone'}'s status is "${m.status}".` : `Done: all ${plural(m.progress.totalStories, 'story', 'stories')} are done.` };
}

function forecastOf(m: ForecastInput, remaining: number, pointsAhead: number, velocity: RoadmapVelocity, todayDay: number, noun: TargetNoun): RoadmapForecast {
  const { progress } = m;
  if (m.done) return doneForecast(m, noun);
  const reasons: NoEstimateReason[] = [];
  const why: string[] = [];
  if (progress.totalStories === 0) {
    reasons.push('no-stories');
    why.push('no stories are scheduled in it');
  }
  if (m.dueDay === undefined) {
    reasons.push('no-due-date');
    why.push(noun === 'iterations' ? 'it has no end date' : 'it has no due date');
  }
  const v = velocity.pointsPerWeek;
  if (v === undefined || v <= 0) {
    reasons.push('no-velocity');
    why.push(velocity.explanation);
  }
  const openUnestimated = progress.unestimatedStories;
  if (openUnestimated > 0) {
    reasons.push('unestimated-stories');
    why.push(`${plural(openUnestimated, 'story', 'stories')} ${openUnestimated === 1 ? 'has' : 'have'} no estimate`);
  }
  if (reasons.length > 0 || v === undefined || m.dueDay === undefined) {
    return { kind: 'no-estimate', reasons, message: `No estimate: ${why.join('; ')}.` };
  }
  const daysLeft = m.dueDay - todayDay;
  const capacity = round1(Math.max(0, (v * daysLeft) / 7));
  const earlier = round1(pointsAhead - remaining);
  const aheadText = earlier > 0 ? ` (${pointsAhead} with the ${earlier} left in earlier ${noun})` : '';
  if (pointsAhead <= capacity) {
    return {
      kind: 'on-track',
      method: 'velocity',
      velocity: v,
      remainingPoints: remaining,
      pointsAhead,
      capacity,
      daysLeft,
      message: `On track: ${remaining} points left${aheadText}; ${daysLeft} days to ${m.due} at ${v} points/week allow ${capacity}.`,
    };
  }
  const pointsOver = round1(pointsAhead - capacity);
  const finishDay = todayDay + Math.ceil((pointsAhead / v) * 7);
  const daysLate = Math.max(1, finishDay - m.dueDay);
  return {
    kind: 'at-risk',
    method: 'velocity',
    velocity: v,
    remainingPoints: remaining,
    pointsAhead,
    capacity,
    daysLeft,
    pointsOver,
    daysLate,
    message: `At risk: ${pointsOver} points over, about ${plural(daysLate, 'day')} late; ${remaining} points left${aheadText} but ${daysLeft < 0 ? `the due date ${m.due} has passed` : `${daysLeft} days to ${m.due} at ${v} points/week allow ${capacity}`}.`,
  };
}

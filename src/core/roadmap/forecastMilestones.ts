// Will each milestone's remaining work fit before its due date? The milestones are worked on in
// order, so a milestone's forecast counts the work left in the not-done milestones due before it.
// The seam for other forecasters (a Monte Carlo one, say): the same inputs, one RoadmapForecast each.
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

/** Returns one forecast per milestone (in the order given, which is the order the work is done in). */
export function forecastMilestones(milestones: readonly ForecastInput[], velocity: RoadmapVelocity, todayDay: number): RoadmapForecast[] {
  let pointsAhead = 0;
  return milestones.map((m) => {
    const remaining = round1(m.progress.totalPoints - m.progress.donePoints);
    if (!m.done && m.dueDay !== undefined) pointsAhead = round1(pointsAhead + remaining);
    return forecastOf(m, remaining, pointsAhead, velocity, todayDay);
  });
}

function forecastOf(m: ForecastInput, remaining: number, pointsAhead: number, velocity: RoadmapVelocity, todayDay: number): RoadmapForecast {
  const { progress } = m;
  if (m.done) {
    return { kind: 'done', message: m.statusDone ? `Done: the milestone's status is "${m.status}".` : `Done: all ${plural(progress.totalStories, 'story', 'stories')} are done.` };
  }
  const reasons: NoEstimateReason[] = [];
  const why: string[] = [];
  if (progress.totalStories === 0) {
    reasons.push('no-stories');
    why.push('no stories are scheduled in it');
  }
  if (m.dueDay === undefined) {
    reasons.push('no-due-date');
    why.push('it has no due date');
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
  const aheadText = earlier > 0 ? ` (${pointsAhead} with the ${earlier} left in earlier milestones)` : '';
  if (pointsAhead <= capacity) {
    return {
      kind: 'on-track',
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

// The time axis: whole months (and their quarters) from the earliest date shown to the latest.
import type { RoadmapMilestone, RoadmapModel, RoadmapMonth, RoadmapQuarter } from './roadmapModel';
import { fromDayNumber, monthLabel, quarterOf, startOfMonth, startOfNextMonth, toDayNumber } from './roadmapDates';

/** Why a year: a forecast band reaching further out would squeeze every milestone into a sliver. */
const FORECAST_REACH_DAYS = 366;

/** Returns the axis covering every milestone date, the forecast dates within a year, and today; at least three months long. */
export function axisOf(milestones: readonly RoadmapMilestone[], todayDay: number): RoadmapModel['axis'] {
  let min = todayDay;
  let max = todayDay;
  for (const m of milestones) {
    const f = m.forecast;
    const band = f.kind !== 'done' && 'method' in f && f.method === 'monte-carlo' ? [f.p50, f.p85, f.p95].filter((iso) => (toDayNumber(iso) ?? Infinity) <= todayDay + FORECAST_REACH_DAYS) : [];
    for (const iso of [m.barStart, m.start, m.due, ...band]) {
      const d = toDayNumber(iso);
      if (d === undefined) continue;
      if (d < min) min = d;
      if (d > max) max = d;
    }
  }
  const start = startOfMonth(min);
  // Why at least three months: a roadmap with one short milestone still needs a readable axis.
  let end = startOfNextMonth(max);
  while (end - start < 88) end = startOfNextMonth(end);
  const months: RoadmapMonth[] = [];
  for (let d = start; d < end; d = startOfNextMonth(d)) months.push({ start: fromDayNumber(d), end: fromDayNumber(startOfNextMonth(d)), label: monthLabel(d) });
  const quarters: RoadmapQuarter[] = [];
  for (const m of months) {
    const q = quarterOf(toDayNumber(m.start)!);
    const last = quarters[quarters.length - 1];
    if (last && last.label === q.label) quarters[quarters.length - 1] = { ...last, end: m.end };
    else quarters.push({ start: m.start, end: m.end, label: q.label });
  }
  return { start: fromDayNumber(start), end: fromDayNumber(end), today: fromDayNumber(todayDay), months, quarters };
}

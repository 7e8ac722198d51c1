// The time axis: whole months (and their quarters) from the earliest date shown to the latest.
import type { RoadmapMilestone, RoadmapModel, RoadmapMonth, RoadmapQuarter } from './roadmapModel';
import { fromDayNumber, monthLabel, quarterOf, startOfMonth, startOfNextMonth, toDayNumber } from './roadmapDates';

/** Returns the axis covering every milestone date and today, at least three months long. */
export function axisOf(milestones: readonly RoadmapMilestone[], todayDay: number): RoadmapModel['axis'] {
  let min = todayDay;
  let max = todayDay;
  for (const m of milestones) {
    for (const iso of [m.barStart, m.start, m.due]) {
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

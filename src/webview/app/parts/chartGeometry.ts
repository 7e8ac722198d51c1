// What the roadmap's charts draw, computed without a DOM: scales, ticks and the shapes of the burn-up, the
// throughput histogram and the cycle-time scatter, in SVG user units. charts.ts turns them into SVG elements.
import type { RoadmapBurnup, RoadmapFlow, RoadmapForecast } from '../../../core/roadmap/roadmapModel';

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A chart's box: its size and the margins the axes take. */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const CHART_BOX: ChartBox = { width: 560, height: 200, left: 36, right: 12, top: 12, bottom: 28 };

/** Returns a linear map from [d0, d1] to [r0, r1] (the middle of the range when the domain is a point). */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** Returns up to about `count` round tick values from 0 to at least `max` (1, 2 or 5 times a power of ten apart, whole numbers for counts). */
export function niceTicks(max: number, count = 4, whole = true): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = whole ? Math.max(1, max / count) : max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(Math.round(v * 1e6) / 1e6);
    if (v >= max) break;
  }
  return ticks;
}

/** One labelled tick on an axis. */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 'Mar 3'. */
export function dayLabel(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/** Returns date ticks between two days: the first of each month, or Mondays when the span is short. */
function dateTicks(d0: number, d1: number, x: (day: number) => number): Tick[] {
  const ticks: Tick[] = [];
  if (d1 - d0 <= 70) {
    for (let d = d0 + ((8 - new Date(d0 * DAY_MS).getUTCDay()) % 7); d <= d1; d += 7) ticks.push({ at: x(d), label: dayLabel(isoOf(d)) });
    return ticks;
  }
  const start = new Date(d0 * DAY_MS);
  for (let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); dayOf(m.toISOString().slice(0, 10)) <= d1; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const iso = m.toISOString().slice(0, 10);
    ticks.push({ at: x(dayOf(iso)), label: MONTHS[m.getUTCMonth()] + (m.getUTCMonth() === 0 ? ` ${m.getUTCFullYear()}` : '') });
  }
  return ticks;
}

/** A burn-up as shapes: scope and done as step lines, the days scope changed, the forecast band and the due date. */
export interface BurnupShape {
  readonly box: ChartBox;
  /** SVG path data of the scope line and of the done area (closed down to zero). */
  readonly scope: string;
  readonly done: string;
  readonly doneLine: string;
  readonly changes: readonly { readonly x: number; readonly y: number; readonly date: string; readonly added: number; readonly removed: number; readonly text: string }[];
  /** The Monte Carlo completion dates as x positions (50%, 85%, 95%), when there is a forecast in range. */
  readonly band?: { readonly x50: number; readonly x85: number; readonly x95: number; readonly text: string };
  readonly due?: { readonly x: number; readonly label: string };
  readonly today: number;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly unit: string;
  /** One sentence for screen readers: where scope and done stand, and the forecast. */
  readonly summary: string;
}

/** Returns the shapes of a milestone's burn-up, from its first day to its forecast's 95% date (or due date, or today). */
export function burnupShape(burnup: RoadmapBurnup, forecast: RoadmapForecast, due: string | undefined, today: string, box: ChartBox = CHART_BOX): BurnupShape | undefined {
  const pts = burnup.points;
  if (!pts.length) return undefined;
  const mc = (forecast.kind === 'on-track' || forecast.kind === 'at-risk' || forecast.kind === 'projected') && forecast.method === 'monte-carlo' ? forecast : undefined;
  const d0 = dayOf(pts[0].date);
  const todayDay = dayOf(today);
  const ends = [todayDay, dayOf(pts[pts.length - 1].date)];
  if (due) ends.push(dayOf(due));
  if (mc?.p95) ends.push(dayOf(mc.p95));
  else if (mc?.p85) ends.push(dayOf(mc.p85));
  const d1 = Math.max(d0 + 7, ...ends);
  const maxY = Math.max(1, ...pts.map((p) => p.scope));
  const yTickValues = niceTicks(maxY);
  const top = yTickValues[yTickValues.length - 1];
  const x = linear(d0, d1, box.left, box.width - box.right);
  const y = linear(0, top, box.height - box.bottom, box.top);
  const step = (value: (p: (typeof pts)[number]) => number): string => {
    let d = '';
    pts.forEach((p, i) => {
      const px = x(dayOf(p.date)).toFixed(1);
      const py = y(value(p)).toFixed(1);
      d += i === 0 ? `M${px},${py}` : `H${px}V${py}`;
    });
    // The last value holds until today.
    return `${d}H${x(Math.max(todayDay, dayOf(pts[pts.length - 1].date))).toFixed(1)}`;
  };
  const doneLine = step((p) => p.done);
  const base = y(0).toFixed(1);
  const done = `${doneLine}V${base}H${x(d0).toFixed(1)}Z`;
  const scopeAt = (date: string): number => {
    let s = 0;
    for (const p of pts) if (p.date <= date) s = p.scope;
    return s;
  };
  const unit = burnup.unit === 'points' ? 'points' : 'stories';
  const changes = burnup.changes.map((c) => {
    const parts = [c.added.length ? `added ${c.added.join(', ')}` : '', c.removed.length ? `removed ${c.removed.join(', ')}` : ''].filter(Boolean);
    return { x: x(dayOf(c.date)), y: y(scopeAt(c.date)), date: c.date, added: c.added.length, removed: c.removed.length, text: `${dayLabel(c.date)}: scope ${parts.join('; ')}` };
  });
  const last = pts[pts.length - 1];
  const band =
    mc?.p50 && mc.p85
      ? { x50: x(dayOf(mc.p50)), x85: x(dayOf(mc.p85)), x95: x(dayOf(mc.p95 ?? mc.p85)), text: `Forecast: 50% by ${dayLabel(mc.p50)}, 85% by ${dayLabel(mc.p85)}, 95% by ${mc.p95 ? dayLabel(mc.p95) : 'later than 10 years'}` }
      : undefined;
  return {
    box,
    scope: step((p) => p.scope),
    done,
    doneLine,
    changes,
    ...(band ? { band } : {}),
    ...(due ? { due: { x: x(dayOf(due)), label: `due ${dayLabel(due)}` } } : {}),
    today: x(todayDay),
    xTicks: dateTicks(d0, d1, x),
    yTicks: yTickValues.map((v) => ({ at: y(v), label: String(v) })),
    unit,
    summary: `Burn-up in ${unit}: ${last.done} of ${last.scope} done on ${dayLabel(last.date)}; scope changed on ${plural(changes.length, 'day')}.${band ? ` ${band.text}.` : ''}`,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The throughput histogram: one bar per week, the weeks the forecasts draw from marked. */
export interface HistogramShape {
  readonly box: ChartBox;
  readonly bars: readonly { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly weekStart: string; readonly value: number; readonly sampled: boolean; readonly text: string }[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly unit: string;
  readonly summary: string;
}

/** Returns the throughput histogram of the last `weeks` weeks, in the forecasts' unit. */
export function histogramShape(flow: RoadmapFlow, weeks = 26, box: ChartBox = CHART_BOX): HistogramShape {
  const unit = flow.unit;
  const recent = flow.throughput.slice(-weeks);
  const value = (w: (typeof recent)[number]): number => (unit === 'points' ? w.points : w.stories);
  const maxY = Math.max(1, ...recent.map(value));
  const yTickValues = niceTicks(maxY);
  const y = linear(0, yTickValues[yTickValues.length - 1], box.height - box.bottom, box.top);
  const slot = (box.width - box.left - box.right) / Math.max(1, recent.length);
  const sampled = (weekStart: string): boolean => flow.sample !== undefined && weekStart >= flow.sample.from && weekStart <= flow.sample.to;
  const bars = recent.map((w, i) => {
    const v = value(w);
    return {
      x: box.left + i * slot + slot * 0.15,
      y: y(v),
      width: slot * 0.7,
      height: y(0) - y(v),
      weekStart: w.weekStart,
      value: v,
      sampled: sampled(w.weekStart),
      text: `Week of ${dayLabel(w.weekStart)}: ${w.stories} ${w.stories === 1 ? 'story' : 'stories'}, ${w.points} points${sampled(w.weekStart) ? ' (sampled by the forecasts)' : ''}`,
    };
  });
  const every = Math.max(1, Math.ceil(recent.length / 8));
  const total = recent.reduce((n, w) => n + value(w), 0);
  return {
    box,
    bars,
    xTicks: bars.filter((_, i) => i % every === 0).map((b) => ({ at: b.x + b.width / 2, label: dayLabel(b.weekStart) })),
    yTicks: yTickValues.map((v) => ({ at: y(v), label: String(v) })),
    unit,
    summary: `Throughput per week in ${unit}, the last ${plural(recent.length, 'week')}: ${total} in all, at most ${Math.max(0, ...recent.map(value))} in a week.`,
  };
}

/** The cycle-time scatter: one dot per finished story (x its done day, y its cycle time) and the percentile lines. */
export interface ScatterShape {
  readonly box: ChartBox;
  readonly dots: readonly { readonly x: number; readonly y: number; readonly path: string; readonly text: string }[];
  readonly lines: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly summary: string;
}

/** Returns the cycle-time scatter of the finished stories that have a cycle time. */
export function scatterShape(flow: RoadmapFlow, today: string, box: ChartBox = CHART_BOX): ScatterShape {
  const finished = flow.finished.filter((f) => f.cycleDays !== undefined);
  const days = finished.map((f) => dayOf(f.done));
  const d1 = Math.max(dayOf(today), ...days);
  const d0 = Math.min(d1 - 28, ...days);
  const maxY = Math.max(1, ...finished.map((f) => f.cycleDays!), flow.cycleTimeDays?.p95 ?? 0);
  const yTickValues = niceTicks(maxY);
  const x = linear(d0, d1, box.left + 4, box.width - box.right - 4);
  const y = linear(0, yTickValues[yTickValues.length - 1], box.height - box.bottom, box.top);
  const p = flow.cycleTimeDays;
  const lines = p ? [50, 85, 95].map((q) => ({ y: y(p[`p${q}` as 'p50' | 'p85' | 'p95']), label: `${q}%: ${p[`p${q}` as 'p50' | 'p85' | 'p95']} d` })) : [];
  return {
    box,
    dots: finished.map((f) => ({ x: x(dayOf(f.done)), y: y(f.cycleDays!), path: f.path, text: `${f.id ?? f.path}${f.title ? ` ${f.title}` : ''}: ${f.cycleDays} ${f.cycleDays === 1 ? 'day' : 'days'} in progress, done ${dayLabel(f.done)}` })),
    lines,
    xTicks: dateTicks(d0, d1, x),
    yTicks: yTickValues.map((v) => ({ at: y(v), label: `${v} d` })),
    summary: p
      ? `Cycle times of ${plural(finished.length, 'finished story').replace('storys', 'stories')}: 50% within ${p.p50} days, 85% within ${p.p85}, 95% within ${p.p95}.`
      : 'No finished story has a cycle time yet.',
  };
}

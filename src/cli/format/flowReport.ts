// `rudder metrics` and `rudder forecast` output, as JSON (public API: version 1) and as text for people.
// Pure: they format what the core computed (the roadmap's flow part and its milestones' forecasts).
import type { RoadmapFlow, RoadmapForecast, RoadmapIteration, RoadmapMilestone, RoadmapModel, RoadmapVelocity } from '../../core/roadmap/roadmapModel';

type Percentiles = { readonly p50: number; readonly p85: number; readonly p95: number; readonly count: number } | null;

/** The document `rudder metrics --json` prints. */
export interface JsonMetrics {
  readonly version: 1;
  readonly today: string;
  readonly history: { readonly available: boolean; readonly message: string; readonly commits: number; readonly first: string | null; readonly last: string | null; readonly shallow: boolean };
  readonly throughput: readonly { readonly weekStart: string; readonly stories: number; readonly points: number }[];
  readonly cycleTimeDays: Percentiles;
  readonly leadTimeDays: Percentiles;
  readonly wip: number;
  readonly agingWip: readonly { readonly id: string | null; readonly path: string; readonly title: string | null; readonly status: string | null; readonly days: number; readonly atLeast: boolean; readonly olderThan: number; readonly aboveP85: boolean }[];
}

/** Returns the metrics document of a roadmap's flow part. */
export function toJsonMetrics(flow: RoadmapFlow, today: string): JsonMetrics {
  return {
    version: 1,
    today,
    history: { ...flow.history, first: flow.history.first ?? null, last: flow.history.last ?? null },
    throughput: flow.throughput,
    cycleTimeDays: flow.cycleTimeDays ?? null,
    leadTimeDays: flow.leadTimeDays ?? null,
    wip: flow.wip,
    agingWip: flow.agingWip.map((a) => ({ id: a.id ?? null, path: a.path, title: a.title ?? null, status: a.status ?? null, days: a.days, atLeast: a.atLeast, olderThan: round2(a.olderThan), aboveP85: a.aboveP85 })),
  };
}

/** Returns what `rudder metrics` prints for people. */
export function formatMetricsText(flow: RoadmapFlow, today: string, weeksShown = 12): string {
  const lines = [`Flow metrics on ${today}. ${flow.history.message}`];
  if (!flow.history.available) {
    lines.push(`Work in progress: ${flow.wip === 0 ? 'none read without a history' : flow.wip}.`);
    return lines.join('\n') + '\n';
  }
  const recent = flow.throughput.slice(-weeksShown);
  lines.push('', `Throughput, the last ${recent.length} weeks (stories · points):`);
  const max = Math.max(1, ...recent.map((w) => w.stories));
  for (const w of recent) lines.push(`  ${w.weekStart}  ${'█'.repeat(Math.round((w.stories / max) * 20)).padEnd(20)}  ${String(w.stories).padStart(3)} · ${w.points}`);
  lines.push('', `Cycle time (first day in progress to done): ${percentilesText(flow.cycleTimeDays)}`);
  lines.push(`Lead time (created to done): ${percentilesText(flow.leadTimeDays)}`);
  lines.push('', `Work in progress: ${flow.wip}${flow.wip ? ', longest first:' : '.'}`);
  for (const a of flow.agingWip) {
    const note = a.aboveP85 ? '  older than 85% of finished stories' : '';
    lines.push(`  ${(a.id ?? a.path).padEnd(10)} ${`${a.atLeast ? '≥ ' : ''}${a.days} d`.padStart(7)}  ${a.status ?? ''}  ${a.title ?? ''}${note}`.trimEnd());
  }
  return lines.join('\n') + '\n';
}

function percentilesText(p: RoadmapFlow['cycleTimeDays']): string {
  return p ? `50% in ${p.p50} d or less · 85% in ${p.p85} d · 95% in ${p.p95} d (${p.count} stories)` : 'no finished story to measure yet';
}

/** How one milestone's forecast was made, in `rudder forecast --json`. */
type JsonBasis =
  | ({ readonly method: 'monte-carlo' } & Omit<Extract<RoadmapForecast, { method: 'monte-carlo' }>['basis'], never>)
  | { readonly method: 'velocity'; readonly pointsPerWeek: number | null; readonly source: RoadmapVelocity['source']; readonly explanation: string }
  | null;

/** One milestone in `rudder forecast --json`. */
export interface JsonMilestoneForecast {
  readonly id: string;
  readonly title: string;
  readonly due: string | null;
  /** done, on-track, at-risk, projected (no due date) or no-estimate. */
  readonly status: RoadmapForecast['kind'];
  readonly remaining: { readonly stories: number; readonly points: number };
  readonly p50: string | null;
  readonly p85: string | null;
  readonly p95: string | null;
  /** Share of the trials that finished by the due date. */
  readonly likelihood: number | null;
  readonly onTrack: boolean | null;
  readonly message: string;
  readonly basis: JsonBasis;
}

/** The document `rudder forecast --json` prints. */
export interface JsonForecast {
  readonly version: 1;
  readonly today: string;
  readonly trials: number;
  readonly unit: 'stories' | 'points';
  readonly weeks: number;
  readonly history: JsonMetrics['history'];
  /** The weeks the Monte Carlo forecasts drew from; null when they could not run (then `note` says why). */
  readonly sample: { readonly from: string; readonly to: string; readonly values: readonly number[] } | null;
  readonly note: string | null;
  readonly milestones: readonly JsonMilestoneForecast[];
  readonly iterations: readonly JsonIterationForecast[];
}

/** One iteration in `rudder forecast --json`: a milestone's fields, `due` being its end, and its start. */
export interface JsonIterationForecast extends JsonMilestoneForecast {
  readonly start: string | null;
}

/** Returns the forecast entry of one milestone (or iteration: its end is the due date). */
export function toJsonMilestoneForecast(m: Pick<RoadmapMilestone, 'id' | 'title' | 'due' | 'progress' | 'forecast'>, velocity: RoadmapVelocity): JsonMilestoneForecast {
  const f = m.forecast;
  const remaining = { stories: m.progress.totalStories - m.progress.doneStories, points: Math.round((m.progress.totalPoints - m.progress.donePoints) * 10) / 10 };
  const mc = f.kind !== 'done' && f.kind !== 'no-estimate' && f.method === 'monte-carlo' ? f : undefined;
  const vel = (f.kind === 'on-track' || f.kind === 'at-risk') && f.method === 'velocity' ? f : undefined;
  return {
    id: m.id,
    title: m.title,
    due: m.due ?? null,
    status: f.kind,
    remaining: mc ? mc.remaining : remaining,
    p50: mc?.p50 ?? null,
    p85: mc?.p85 ?? null,
    p95: mc?.p95 ?? null,
    likelihood: mc?.likelihood ?? null,
    onTrack: f.kind === 'on-track' ? true : f.kind === 'at-risk' ? false : null,
    message: f.message,
    basis: mc ? { method: 'monte-carlo', ...mc.basis } : vel ? { method: 'velocity', pointsPerWeek: velocity.pointsPerWeek ?? null, source: velocity.source, explanation: velocity.explanation } : null,
  };
}

/** Returns the forecast document of a roadmap. */
export function toJsonForecast(model: RoadmapModel): JsonForecast {
  const flow = model.flow;
  return {
    version: 1,
    today: model.today,
    trials: flow.trials,
    unit: flow.unit,
    weeks: flow.weeks,
    history: { ...flow.history, first: flow.history.first ?? null, last: flow.history.last ?? null },
    sample: flow.sample ?? null,
    note: flow.note ?? null,
    milestones: model.milestones.map((m) => toJsonMilestoneForecast(m, model.velocity)),
    iterations: model.iterations.map((it) => toJsonIterationForecast(it, model.velocity)),
  };
}

/** Returns the forecast entry of one iteration. */
function toJsonIterationForecast(it: RoadmapIteration, velocity: RoadmapVelocity): JsonIterationForecast {
  const { id, title, due, ...rest } = toJsonMilestoneForecast({ id: it.id, title: it.title, ...(it.end !== undefined ? { due: it.end } : {}), progress: it.progress, forecast: it.forecast }, velocity);
  return { id, title, start: it.start ?? null, due, ...rest };
}

/** Returns what `rudder forecast` prints for people. */
export function formatForecastText(model: RoadmapModel): string {
  const flow = model.flow;
  const lines = [`Forecasts on ${model.today}. ${flow.history.message}`];
  if (flow.note) lines.push(`Monte Carlo forecasts need throughput: ${flow.note}; the forecasts below use the velocity (${model.velocity.explanation}).`);
  for (const m of model.milestones) {
    lines.push('', `${m.id} ${m.title === m.id ? '' : m.title}${m.due ? ` — due ${m.due}` : ' — no due date'}`.replace(/ {2,}/g, ' '));
    lines.push(`  ${m.forecast.message}`);
  }
  if (model.milestones.length === 0) lines.push('', 'No milestones to forecast.');
  if (model.iterations.length) lines.push('', 'Iterations (worked on in start order; due is the end date):');
  for (const it of model.iterations) {
    lines.push('', `${it.id} ${it.title === it.id ? '' : it.title}${it.start || it.end ? ` — ${it.start ?? '?'} to ${it.end ?? '?'}` : ' — no dates'}`.replace(/ {2,}/g, ' '));
    lines.push(`  ${it.forecast.message}`);
  }
  return lines.join('\n') + '\n';
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

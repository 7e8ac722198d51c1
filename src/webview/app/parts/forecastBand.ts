// A Monte Carlo forecast as a band on the timeline: from the date 50% of the trials finished by to the 95% date, with
// a tick at 85% (the date the on-track verdict is judged by). DOM-free, so the texts and dates are testable.
import type { RoadmapForecast } from '../../../core/roadmap/roadmapModel';
import { dayLabel } from './chartGeometry';

/** The band's dates and words. */
export interface ForecastBandSpec {
  readonly from: string;
  readonly p85: string;
  /** The 95% date, or the 85% one when 95% of the trials ran past the horizon. */
  readonly to: string;
  /** Drawn on the band: '50–95%: Feb 8 – Mar 5'. */
  readonly text: string;
  /** For screen readers and the tooltip. */
  readonly label: string;
}

/** Returns the band of a forecast, or undefined when it is not a Monte Carlo forecast with dates. */
export function forecastBandOf(f: RoadmapForecast): ForecastBandSpec | undefined {
  if (f.kind === 'done' || f.kind === 'no-estimate' || f.method !== 'monte-carlo' || !f.p50 || !f.p85) return undefined;
  const to = f.p95 ?? f.p85;
  return {
    from: f.p50,
    p85: f.p85,
    to,
    text: `50–95%: ${dayLabel(f.p50)} – ${f.p95 ? dayLabel(f.p95) : 'later'}`,
    label: `Forecast: 50% likely by ${dayLabel(f.p50)}, 85% by ${dayLabel(f.p85)}, 95% by ${f.p95 ? dayLabel(f.p95) : 'later than 10 years'}`,
  };
}

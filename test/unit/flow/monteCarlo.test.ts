// The Monte Carlo forecaster: seeded, so its percentiles are fixed numbers; and the properties a forecast
// must have whatever the inputs: percentiles in order, more throughput never later, more work never earlier.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { DEFAULT_SEED, forecastSequence, simulateCompletions, throughputSample, type ThroughputSample } from '../../../src/core/flow/monteCarlo';
import { percentile, percentilesOf, shareBelow } from '../../../src/core/flow/percentiles';
import { weekStartOf } from '../../../src/core/flow/weeks';
import { fromDayNumber, toDayNumber } from '../../../src/core/roadmap/roadmapDates';

const TODAY = toDayNumber('2026-03-02')!;
const sampleOf = (values: number[]): ThroughputSample => ({ unit: 'stories', from: '2025-12-08', to: '2026-02-23', values });
const iso = (d: number | undefined): string | undefined => (d === undefined ? undefined : fromDayNumber(d));

describe('percentiles (nearest rank)', () => {
  it('is a value of the data that at least p% of the values do not exceed', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    assert.equal(percentile(sorted, 50), 5);
    assert.equal(percentile(sorted, 85), 9);
    assert.equal(percentile(sorted, 95), 10);
    assert.equal(percentile([], 50), undefined);
    assert.deepEqual(percentilesOf([7, 1, 3]), { p50: 3, p85: 7, p95: 7, count: 3 });
    assert.equal(shareBelow([1, 2, 2, 5], 2), 0.25);
    assert.equal(shareBelow([1, 2, 2, 5], 6), 1);
  });

  it('counts weeks from Monday', () => {
    assert.equal(fromDayNumber(weekStartOf(toDayNumber('2026-03-02')!)), '2026-03-02');
    assert.equal(fromDayNumber(weekStartOf(toDayNumber('2026-03-08')!)), '2026-03-02');
    assert.equal(fromDayNumber(weekStartOf(toDayNumber('2026-03-09')!)), '2026-03-09');
    assert.equal(fromDayNumber(weekStartOf(toDayNumber('1969-12-31')!)), '1969-12-29');
  });
});

describe('Monte Carlo forecast', () => {
  it('gives fixed percentiles for a fixed seed (10,000 trials, 12 weeks sampled)', () => {
    const sample = sampleOf([0, 1, 2, 3, 1, 2, 0, 4, 2, 1, 3, 2]);
    const [m1, m2] = forecastSequence([10, 15], sample, TODAY, [toDayNumber('2026-04-10'), undefined], { trials: 10_000, seed: DEFAULT_SEED });
    assert.deepEqual([iso(m1.p50), iso(m1.p85), iso(m1.p95), m1.likelihood], ['2026-04-10', '2026-04-23', '2026-05-03', 0.5092]);
    // The second target comes after the first: 25 stories in all.
    assert.deepEqual([iso(m2.p50), iso(m2.p85), iso(m2.p95), m2.likelihood], ['2026-06-10', '2026-06-28', '2026-07-12', undefined]);
  });

  it('finishes on the day the work runs out when every week is the same', () => {
    // 7 stories a week is one a day: the 10th story is done on day 10, counting today as day 1.
    const [f] = forecastSequence([10], sampleOf([7, 7]), TODAY, [undefined], { trials: 500, seed: 1 });
    assert.deepEqual([iso(f.p50), iso(f.p85), iso(f.p95)], ['2026-03-11', '2026-03-11', '2026-03-11']);
  });

  it('says "never" (no date) for the trials that do not finish within the horizon', () => {
    const [f] = forecastSequence([100], sampleOf([0, 0, 0, 1]), TODAY, [TODAY + 30], { trials: 200, seed: 1, maxWeeks: 52 });
    assert.equal(f.p95, undefined);
    assert.equal(f.likelihood, 0);
  });

  it('draws the weeks before this one, never before the history starts', () => {
    const weeks = ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02'].map((weekStart, i) => ({ weekStart, stories: i, points: i * 2 }));
    assert.deepEqual(throughputSample(weeks, TODAY, 3, 'stories'), { unit: 'stories', from: '2026-02-09', to: '2026-02-23', values: [1, 2, 3] });
    assert.deepEqual(throughputSample(weeks, TODAY, 12, 'points')?.values, [0, 2, 4, 6]);
    assert.equal(throughputSample(weeks.slice(4), TODAY, 12, 'stories'), undefined, 'only the current week: nothing complete to draw from');
  });

  describe('properties', () => {
    const weeks = fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 16 }).filter((w) => w.some((x) => x > 0));
    const work = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 4 });
    const options = { trials: 300, seed: 7, maxWeeks: 200 };
    const sorted = (remaining: number[], values: number[]) => {
      let sum = 0;
      return simulateCompletions(remaining.map((r) => (sum += r)), values, options);
    };

    it('orders the percentiles: 50% ≤ 85% ≤ 95%, and a later target never before an earlier one', () => {
      fc.assert(
        fc.property(weeks, work, (values, remaining) => {
          const fs = forecastSequence(remaining, sampleOf(values), TODAY, remaining.map(() => undefined), options);
          const inf = (d: number | undefined) => d ?? Infinity;
          for (const f of fs) assert.ok(inf(f.p50) <= inf(f.p85) && inf(f.p85) <= inf(f.p95), JSON.stringify(f));
          for (let i = 1; i < fs.length; i++) assert.ok(inf(fs[i - 1].p85) <= inf(fs[i].p85));
        }),
      );
    });

    it('never finishes later with more throughput in the weeks sampled', () => {
      fc.assert(
        fc.property(weeks, work, fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 16, maxLength: 16 }), (values, remaining, extra) => {
          const more = values.map((v, i) => v + extra[i]);
          const a = sorted(remaining, values);
          const b = sorted(remaining, more);
          // Each trial draws the same weeks: trial by trial, and so percentile by percentile, no later.
          for (let k = 0; k < a.length; k++) for (let t = 0; t < a[k].length; t++) assert.ok(b[k][t] <= a[k][t]);
        }),
      );
    });

    it('never finishes earlier with more work', () => {
      fc.assert(
        fc.property(weeks, work, fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }), (values, remaining, extra) => {
          const more = remaining.map((r, i) => r + extra[i]);
          const a = forecastSequence(remaining, sampleOf(values), TODAY, remaining.map(() => TODAY + 60), options);
          const b = forecastSequence(more, sampleOf(values), TODAY, more.map(() => TODAY + 60), options);
          const inf = (d: number | undefined) => d ?? Infinity;
          a.forEach((fa, k) => {
            const fb = b[k];
            assert.ok(inf(fb.p50) >= inf(fa.p50) && inf(fb.p85) >= inf(fa.p85) && inf(fb.p95) >= inf(fa.p95), `${JSON.stringify(fa)} then ${JSON.stringify(fb)}`);
            assert.ok((fb.likelihood ?? 0) <= (fa.likelihood ?? 0));
          });
        }),
      );
    });
  });
});

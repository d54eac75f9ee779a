/**
 * The pricing engine against bills worked out by hand: a tiered bill, a time-of-use bill, demand charges
 * (flat in tiers and on-peak), and a billing period across the spring DST change. Each test writes its
 * arithmetic out; the readings are made from local wall-clock hours in US Pacific time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocalTime, usZoneRules, type LocalTime } from '../local-time.ts';
import { prepareSeries, priceTariff, type BillingPeriod, type EnergySeries } from './price.ts';
import type { Schedule, UrdbTariff } from './urdb.ts';

const pacific = createLocalTime(undefined, usZoneRules('Pacific'));

/** Readings of `seconds` each from `start` to `end`, their kWh a function of the local time. */
function readings(
  clock: LocalTime,
  period: BillingPeriod,
  seconds: number,
  kWhAt: (local: ReturnType<LocalTime['toLocal']>) => number,
): EnergySeries {
  const starts: number[] = [];
  for (let t = period.start; t < period.end; t += seconds) starts.push(t);
  return {
    count: starts.length,
    start: Float64Array.from(starts),
    duration: new Uint32Array(starts.length).fill(seconds),
    kWh: Float64Array.from(starts, (t) => kWhAt(clock.toLocal(t))),
  };
}

/** A 12 x 24 schedule: `peak` (index 1) in the hours [from, to), off-peak (0) elsewhere. */
function hoursSchedule(from: number, to: number): Schedule {
  return Array.from({ length: 12 }, () =>
    Array.from({ length: 24 }, (_, h) => (h >= from && h < to ? 1 : 0)),
  );
}
const allOffPeak: Schedule = hoursSchedule(0, 0);

function bill(tariff: UrdbTariff, series: EnergySeries, period: BillingPeriod) {
  return priceTariff(tariff, prepareSeries(series, [period], pacific)).periods[0];
}

const base = { utility: 'Test Utility', sector: 'Residential' } as const;

describe('priceTariff', () => {
  it('prices a tiered bill: the first 300 kWh at the lower rate, the rest at the higher one', () => {
    const june = { start: pacific.fromLocal(2024, 6, 1), end: pacific.fromLocal(2024, 7, 1) };
    // 30 days x 24 hours x 0.5 kWh = 360 kWh.
    const series = readings(pacific, june, 3600, () => 0.5);
    const tariff: UrdbTariff = {
      ...base,
      label: 'tiered',
      name: 'Tiered',
      energyratestructure: [[{ max: 300, rate: 0.28, adj: 0.02, unit: 'kWh' }, { rate: 0.4 }]],
      energyweekdayschedule: allOffPeak,
      energyweekendschedule: allOffPeak,
      fixedchargefirstmeter: 10,
      fixedchargeunits: '$/month',
    };
    const result = bill(tariff, series, june);
    // Tier 1: 300 kWh x (0.28 + 0.02) = 90.00; tier 2: 60 kWh x 0.40 = 24.00; fixed 10.00.
    expect(result?.energy.map((l) => [l.tier, l.kWh])).toEqual([
      [0, 300],
      [1, 60],
    ]);
    expect(result?.energyCost).toBeCloseTo(114, 9);
    expect(result?.fixedCost).toBe(10);
    expect(result?.total).toBeCloseTo(124, 9);
  });

  it('prices a time-of-use bill: weekday peak 4-9 pm, weekends off-peak', () => {
    // Monday 3 June to Monday 10 June 2024: five weekdays and a weekend.
    const week = { start: pacific.fromLocal(2024, 6, 3), end: pacific.fromLocal(2024, 6, 10) };
    const series = readings(pacific, week, 3600, () => 1);
    const tariff: UrdbTariff = {
      ...base,
      label: 'tou',
      name: 'TOU',
      energyratestructure: [[{ rate: 0.25 }], [{ rate: 0.5 }]],
      energyweekdayschedule: hoursSchedule(16, 21),
      energyweekendschedule: allOffPeak,
    };
    const result = bill(tariff, series, week);
    // Peak: 5 weekdays x 5 hours x 1 kWh = 25 kWh x 0.50 = 12.50.
    // Off-peak: 168 - 25 = 143 kWh x 0.25 = 35.75. Total 48.25.
    expect(result?.energy.map((l) => [l.period, l.kWh])).toEqual([
      [0, 143],
      [1, 25],
    ]);
    expect(result?.total).toBeCloseTo(48.25, 9);
  });

  it('charges demand on the peak 15-minute kW: flat demand in tiers and on-peak demand', () => {
    const day = { start: pacific.fromLocal(2024, 7, 1), end: pacific.fromLocal(2024, 7, 2) };
    // 96 quarter hours of 2 kWh (8 kW), except 17:00-17:15 with 5 kWh (5 kWh / 0.25 h = 20 kW).
    const series = readings(pacific, day, 900, (l) => (l.hour === 17 && l.minute === 0 ? 5 : 2));
    const tariff: UrdbTariff = {
      ...base,
      sector: 'Commercial',
      label: 'demand',
      name: 'Demand',
      energyratestructure: [[{ rate: 0.1 }]],
      energyweekdayschedule: allOffPeak,
      energyweekendschedule: allOffPeak,
      flatdemandstructure: [[{ max: 10, rate: 15 }, { rate: 12 }]],
      flatdemandmonths: Array(12).fill(0) as number[],
      flatdemandunit: 'kW',
      // On-peak demand noon to 8 pm (period 1), none off-peak (period 0 at $0).
      demandratestructure: [[{ rate: 0 }], [{ rate: 5 }]],
      demandweekdayschedule: hoursSchedule(12, 20),
      demandweekendschedule: allOffPeak,
      demandrateunit: 'kW',
    };
    const result = bill(tariff, series, day);
    // Energy: 95 x 2 + 5 = 195 kWh x 0.10 = 19.50.
    // Flat demand on the 20 kW peak: 10 kW x 15 + 10 kW x 12 = 270.00.
    // On-peak demand: the peak between 12:00 and 20:00 is the same 20 kW x 5 = 100.00. Total 389.50.
    expect(result?.peakKw).toBeCloseTo(20, 9);
    expect(result?.energyCost).toBeCloseTo(19.5, 9);
    expect(result?.demand.filter((l) => l.kind === 'flat').map((l) => [l.kW, l.cost])).toEqual([
      [10, 150],
      [10, 120],
    ]);
    expect(result?.demandCost).toBeCloseTo(370, 9);
    expect(result?.total).toBeCloseTo(389.5, 9);
  });

  it('follows the wall clock across the spring DST change, and counts the local days', () => {
    // March 2024 in US Pacific: DST starts Sunday 10 March at 2:00, so the month has 31 x 24 - 1 = 743 hours.
    const march = { start: pacific.fromLocal(2024, 3, 1), end: pacific.fromLocal(2024, 4, 1) };
    // 2 kWh in the local hour 16:00-17:00 (the peak's first hour), 1 kWh in every other hour.
    const series = readings(pacific, march, 3600, (l) => (l.hour === 16 ? 2 : 1));
    expect(series.count).toBe(743);
    const tariff: UrdbTariff = {
      ...base,
      label: 'dst',
      name: 'DST',
      energyratestructure: [[{ rate: 0.2 }], [{ rate: 0.5 }]],
      energyweekdayschedule: hoursSchedule(16, 21),
      energyweekendschedule: hoursSchedule(16, 21),
      fixedchargefirstmeter: 0.5,
      fixedchargeunits: '$/day',
    };
    const result = bill(tariff, series, march);
    // Peak each day: 2 + 4 x 1 = 6 kWh; 31 days x 6 = 186 kWh x 0.50 = 93.00.
    // All energy: 743 + 31 = 774 kWh; off-peak 774 - 186 = 588 kWh x 0.20 = 117.60.
    // Fixed: 31 local days x 0.50 = 15.50 (the month is 30.96 days of 24 h). Total 226.10.
    // On a clock stuck on standard time the 2 kWh hour would fall at 15:00, off-peak, after the 10th.
    expect(result?.energy.map((l) => [l.period, l.kWh])).toEqual([
      [0, 588],
      [1, 186],
    ]);
    expect(result?.fixedCost).toBeCloseTo(15.5, 9);
    expect(result?.total).toBeCloseTo(226.1, 9);
  });

  it('tops a bill up to the minimum charge', () => {
    const day = { start: pacific.fromLocal(2024, 1, 1), end: pacific.fromLocal(2024, 1, 2) };
    const series = readings(pacific, day, 3600, () => 0.1);
    const tariff: UrdbTariff = {
      ...base,
      label: 'min',
      name: 'Minimum',
      energyratestructure: [[{ rate: 0.3 }]],
      mincharge: 5,
      minchargeunits: '$/month',
    };
    // 24 x 0.1 = 2.4 kWh x 0.30 = 0.72, topped up by 4.28 to 5.00.
    const result = bill(tariff, series, day);
    expect(result?.minimumTopUp).toBeCloseTo(4.28, 9);
    expect(result?.total).toBeCloseTo(5, 9);
  });
});

describe('priceTariff properties', () => {
  const hour = 3600;
  const start = pacific.fromLocal(2024, 1, 1);
  const loads = fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 24 * 70 });
  const seriesOf = (kWh: number[]): EnergySeries => ({
    count: kWh.length,
    start: Float64Array.from(kWh, (_, i) => start + i * hour),
    duration: new Uint32Array(kWh.length).fill(hour),
    kWh: Float64Array.from(kWh),
  });
  const months = (series: EnergySeries) => {
    const periods: BillingPeriod[] = [];
    const end = (series.start[series.count - 1] as number) + hour;
    for (let t = start; t < end; t = pacific.addLocalMonths(t, 1))
      periods.push({ start: t, end: pacific.addLocalMonths(t, 1) });
    return periods;
  };

  it('a flat tariff costs kWh x rate', () => {
    fc.assert(
      fc.property(loads, fc.double({ min: 0.01, max: 1, noNaN: true }), (kWh, rate) => {
        const series = seriesOf(kWh);
        const tariff: UrdbTariff = {
          ...base,
          label: 'flat',
          name: 'Flat',
          energyratestructure: [[{ rate }]],
        };
        const result = priceTariff(tariff, prepareSeries(series, months(series), pacific));
        const sum = kWh.reduce((a, b) => a + b, 0);
        expect(result.kWh).toBeCloseTo(sum, 6);
        expect(result.total).toBeCloseTo(sum * rate, 6);
      }),
    );
  });

  it('every bill is the sum of its parts, and tiers never cost less than their cheapest rate', () => {
    fc.assert(
      fc.property(
        loads,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 1, max: 500 }),
        (kWh, peakFrom, max) => {
          const series = seriesOf(kWh);
          const tariff: UrdbTariff = {
            ...base,
            label: 'mixed',
            name: 'Mixed',
            energyratestructure: [[{ max, rate: 0.2 }, { rate: 0.3 }], [{ rate: 0.5, adj: 0.01 }]],
            energyweekdayschedule: hoursSchedule(peakFrom, Math.min(24, peakFrom + 5)),
            flatdemandstructure: [[{ max: 5, rate: 10 }, { rate: 8 }]],
            flatdemandmonths: Array(12).fill(0) as number[],
            fixedchargefirstmeter: 12,
            fixedchargeunits: '$/month',
          };
          const result = priceTariff(tariff, prepareSeries(series, months(series), pacific));
          for (const p of result.periods) {
            const lines = [...p.energy, ...p.demand].reduce((sum, l) => sum + l.cost, 0);
            expect(p.total).toBeCloseTo(lines + p.fixedCost + p.minimumTopUp, 6);
            expect(p.energy.reduce((sum, l) => sum + l.kWh, 0)).toBeCloseTo(p.kWh, 6);
            expect(p.energyCost).toBeGreaterThanOrEqual(p.kWh * 0.2 - 1e-6);
          }
          expect(result.total).toBeCloseTo(
            result.periods.reduce((sum, p) => sum + p.total, 0),
            6,
          );
        },
      ),
    );
  });
});

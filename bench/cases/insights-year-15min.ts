/**
 * Insights of a meter-year of 15-minute readings (issue 17), as the parse worker works them out after its
 * aggregates: each insight timed alone and all of them together (documentInsights), against the
 * precomputation the worker already does for the same document in the same run. Goal: all the insights
 * together take at most a quarter of the precomputation (they slice its aggregates, never the readings).
 */
import { medianMs, result, type BenchCase } from '../harness.ts';
import {
  aggregateOrSlice,
  createLocalTime,
  documentInsights,
  hourlyProfile,
  precomputeAggregates,
  projectBill,
  readEspi,
  splitBillChange,
} from '../../src/espi/index.ts';
import { largeFeed } from '../usage-large-feed.ts';

const benchCase: BenchCase = {
  name: 'insights-year-15min',
  async run() {
    const xml = largeFeed(1);
    const fresh = () => readEspi(xml);
    const doc = fresh();
    precomputeAggregates(doc);
    const precompute = await medianMs(() => precomputeAggregates(fresh()), 3);
    const meterReading = doc.usagePoints[0]?.meterReadings[0];
    if (!meterReading) throw new Error('the bench feed has no meter reading');
    const clock = createLocalTime(doc.usagePoints[0]?.localTime ?? doc.localTimeParameters[0]);
    const start = meterReading.readings.start[0] ?? 0;
    const end = start + 365 * 86_400;
    const now = end - 10 * 86_400;
    const all = await medianMs(() => documentInsights(doc, now));
    const profile = await medianMs(() => {
      const hours = aggregateOrSlice(meterReading, {
        resolution: 'hour',
        clock,
        range: { start: end - 91 * 86_400, end },
      });
      hourlyProfile(hours, clock, end - 91 * 86_400, end);
    });
    const days = aggregateOrSlice(meterReading, {
      resolution: 'day',
      clock,
      range: { start: end - 30 * 86_400, end },
    });
    const costs = Array.from(days.cost);
    const projection = await medianMs(() => projectBill(100, 20, 30, costs));
    const split = await medianMs(() =>
      splitBillChange({ days: 30, use: 300, cost: 60 }, { days: 31, use: 372, cost: 93 }),
    );
    const of = (name: string, value: number) =>
      result(
        `insights-year-15min: ${name}`,
        { value, unit: 'ms', baseline: precompute },
        { ratio: 0.25, higherIsBetter: false },
      );
    return [
      of('all insights', all),
      of('hour x weekday profile', profile),
      of('bill projection', projection),
      of('bill change split', split),
    ];
  },
};

export default benchCase;

/**
 * Pricing a meter-year of 15-minute data (issue 17): one electricity meter's year (35,040 readings) priced
 * under each of the mock custodian's six rate plans, as the worker does for the rate comparison page
 * (local month/hour/day of every reading once, then one pass per plan). The baseline is reading the same
 * year's feed into the model, which the worker does first: the ratio says what pricing adds to it.
 */
import { result, medianMs, type BenchCase } from '../harness.ts';
import { RATE_PLANS } from '../../src/custodian/rate-plans.ts';
import { compareRatesIn, readEspi } from '../../src/espi/index.ts';
import { largeFeed } from '../usage-large-feed.ts';

const priceYear: BenchCase = {
  name: 'price-year',
  async run() {
    const xml = largeFeed(1);
    const doc = readEspi(xml);
    const options = { plans: [...RATE_PLANS], currentPlanId: 'res-tou-weekdays' };
    const comparison = compareRatesIn(doc, options);
    if (!comparison || comparison.bills.length !== RATE_PLANS.length)
      throw new Error('price-year: the feed was not priced under every plan');
    const readMs = await medianMs(() => readEspi(xml));
    const priceMs = await medianMs(() => compareRatesIn(doc, options), 9);
    return [
      result(
        `price a meter-year of 15-minute readings under ${RATE_PLANS.length} plans (${comparison.months.length} months) vs reading its feed, ms`,
        { value: priceMs, unit: 'ms', baseline: readMs },
        { ratio: 0.5, higherIsBetter: false },
      ),
    ];
  },
};

export default priceYear;

/**
 * The fetch window a usage page asks for, against the mock custodian: every day of a short range arrives,
 * whatever the meter's block shape. The household's daily gas is published a month to a block (issue 12:
 * a week of it showed "No readings").
 */
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_BASE_URL, startNodeCustodian } from '../../../custodian/node.ts';
import { readEspi } from '../../../espi/index.ts';
import { signedInPortalClient } from '../../../testing/portal-client.ts';
import { clockFor, usagePointIn } from '../model/clock.ts';
import { hasBillingPeriods } from '../model/resolutions.ts';
import { fetchWindow, rangeBounds, rangeDays, type DayRange } from '../model/range.ts';
import { feedUrl } from './usage-feed.ts';
import type { UsagePointListing } from './usage-points.ts';

const custodian = startNodeCustodian({ now: () => Date.parse('2026-11-29T20:00:00Z') });
afterAll(() => custodian.close());

async function household() {
  const api = await signedInPortalClient('household');
  const { usagePoints } = (await api.json(`${NODE_BASE_URL}/api/customer/v1/usage-points`)) as {
    usagePoints: UsagePointListing[];
  };
  return { api, usagePoints };
}

/** The listing's usage point as its feed for `range` gives it, fetched as the usage page fetches it, and its readings that start inside the range. */
async function readingsShown(range: DayRange, listingTitle: string) {
  const { api, usagePoints } = await household();
  const listing = usagePoints.find((point) => point.title === listingTitle);
  if (!listing) throw new Error(`no usage point "${listingTitle}"`);
  const url = feedUrl(listing.hrefs.batch, fetchWindow(range, listing.intervalLength));
  const doc = readEspi(await api.getText(url, { headers: { Accept: 'application/atom+xml' } }), {
    baseUrl: url,
  });
  const usagePoint = usagePointIn(doc, { href: listing.hrefs.usagePoint, id: listing.id });
  const { start, end } = rangeBounds(range, clockFor(doc, usagePoint, listing.timeZone));
  if (!usagePoint) throw new Error(`no usage point in the feed of "${listingTitle}"`);
  const readings = usagePoint.meterReadings[0]?.readings;
  const starts = readings ? Array.from(readings.start.subarray(0, readings.count)) : [];
  return { listing, usagePoint, starts: starts.filter((at) => at >= start && at < end) };
}

describe('the fetch window of a usage page', () => {
  it('brings every day of a week of daily gas, across a month boundary and into the current month', async () => {
    const week: DayRange = { from: '2026-10-28', to: '2026-11-03' };
    const { listing, starts } = await readingsShown(week, 'Home gas');
    expect(listing.intervalLength).toBe(86_400);
    expect(starts).toHaveLength(rangeDays(week));
  });

  it('brings a 15-minute meter its days without whole months', async () => {
    const days: DayRange = { from: '2026-11-02', to: '2026-11-03' };
    const { listing, starts } = await readingsShown(days, 'Home electricity (rooftop solar)');
    expect(listing.intervalLength).toBe(900);
    expect(starts).toHaveLength(2 * 96);
    expect(fetchWindow(days, listing.intervalLength)).toEqual(fetchWindow(days));
  });

  it('offers billing periods from the custodian, though no period lies inside a short window', async () => {
    const { usagePoint } = await readingsShown({ from: '2026-11-02', to: '2026-11-03' }, 'Home gas');
    expect(usagePoint.usageSummaries).toEqual([]);
    expect(hasBillingPeriods(usagePoint, 'feed')).toBe(true);
    expect(hasBillingPeriods(usagePoint, 'file')).toBe(false);
  });
});

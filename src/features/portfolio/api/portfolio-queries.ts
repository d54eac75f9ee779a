/**
 * Every meter's figures for one month and the same month a year before, from the customer API's usage
 * summaries (`GET {customerApiBaseUrl}/usage-summaries`, docs/openapi.yaml): a few hundred bytes per meter,
 * page after page by `next`, never the meters' interval readings.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ApiClient } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { parseResponse } from '../../../lib/parse-response.ts';

const figuresSchema = z.object({
  use: z.number(),
  /** Hundred-thousandths of the currency (docs/espi.md 2.2). */
  cost: z.number(),
  /** The highest reading as a rate per hour, in the raw unit (W for Wh readings). */
  peakDemand: z.number(),
  readings: z.int(),
  estimated: z.int(),
});

const summarySchema = z.object({
  usagePointId: z.string(),
  unit: z.object({ uom: z.int(), powerOfTenMultiplier: z.int() }),
  currency: z.int(),
  current: figuresSchema,
  yearAgo: z.nullable(figuresSchema),
  readingsEnd: z.iso.datetime({ offset: true }),
});

const pageSchema = z.object({
  month: z.string(),
  yearAgoMonth: z.string(),
  complete: z.boolean(),
  months: z.object({ first: z.string(), last: z.string() }),
  dataEnd: z.iso.datetime({ offset: true }),
  total: z.int(),
  next: z.nullable(z.string()),
  summaries: z.array(summarySchema),
});

export type MeterSummary = z.output<typeof summarySchema>;
export type Figures = z.output<typeof figuresSchema>;
export type SummaryMonth = Omit<z.output<typeof pageSchema>, 'next' | 'summaries'> & {
  summaries: MeterSummary[];
};

export const portfolioKeys = {
  all: ['portfolio'] as const,
  /** `latest`: the month the custodian picks (its latest whole month). */
  month: (month: string | undefined) => [...portfolioKeys.all, 'summaries', month ?? 'latest'] as const,
};

/** Meters per request: in the browser demo the mock answers on the page's thread, so a cold page is kept short. */
const PAGE_LIMIT = 200;

async function readPage(client: ApiClient, url: string, signal: AbortSignal) {
  return parseResponse(
    pageSchema,
    await client.json(url, { signal }),
    'The utility sent meter summaries the portal could not read.',
  );
}

export function usageSummariesQuery(client: ApiClient, customerApiBaseUrl: string, month?: string) {
  return queryOptions({
    queryKey: portfolioKeys.month(month),
    queryFn: async ({ signal }): Promise<SummaryMonth> => {
      const first = new URL(`${customerApiBaseUrl}/usage-summaries`, globalThis.location?.href);
      first.searchParams.set('limit', String(PAGE_LIMIT));
      if (month) first.searchParams.set('month', month);
      const { next, summaries, ...head } = await readPage(client, first.href, signal);
      const all = [...summaries];
      // Bounded by the count the first page announced: a custodian whose `next` never ends stops here.
      for (let url = next; url !== null;) {
        if (all.length >= head.total) break;
        const page = await readPage(client, url, signal);
        if (page.month !== head.month)
          throw new ApiError('invalid-response', 'The meter summaries changed month part way through.');
        all.push(...page.summaries);
        url = page.next;
      }
      return { ...head, summaries: all };
    },
    // A whole month in the past never changes; the current one fills in as the custodian publishes.
    staleTime: 10 * 60_000,
  });
}

/**
 * `…/Subscription/{id}/UsagePoint/{id}/ElectricPowerQualitySummary[/{id}]`: a monthly power-quality summary
 * of each electricity usage point (docs/espi.md 2.2), for scopes with function block 17. The counts are
 * generated from the meter's seed and the month, like every reading (readings.ts): the same month always
 * gives the same figures. Nominal voltage and frequency are those of US service (240 V, 60 Hz).
 */
import { writeEntry } from '../espi/index.ts';
import type { UsagePointInfo } from './directory.ts';
import { atom, filtered, forbidden, type EspiRequest } from './espi-request.ts';
import { feedResponse } from './feed-stream.ts';
import { notFound } from './http-util.ts';
import { hashString, unitNoise } from './prng.ts';
import { PUBLICATION_LAG, type BlockSpan } from './readings.ts';
import {
  billingPeriods,
  meta,
  readingRange,
  usagePointHref,
  type EntryDescriptor,
  type ResourceScope,
} from './resources.ts';

const POWER_QUALITY_BLOCK = 17;
const SEED = hashString('power-quality');

function summaryDescriptor(s: ResourceScope, up: UsagePointInfo, period: BlockSpan): EntryDescriptor {
  const at = period.end + PUBLICATION_LAG;
  const count = (figure: number, most: number) =>
    Math.floor(unitNoise(up.seed ^ SEED ^ figure, period.start / 3600) * (most + 1));
  return {
    kind: 'ElectricPowerQualitySummary',
    published: at,
    updated: at,
    span: period,
    build: () => ({
      kind: 'ElectricPowerQualitySummary',
      resource: {
        meta: meta(`${usagePointHref(s, up)}/ElectricPowerQualitySummary/${period.key}`, undefined, at, at, [
          usagePointHref(s, up),
        ]),
        longInterruptions: count(1, 1),
        mainsVoltage: 240,
        powerFrequency: 60,
        rapidVoltageChanges: count(2, 3),
        shortInterruptions: count(3, 4),
        summaryInterval: { start: period.start, duration: period.end - period.start },
        supplyVoltageDips: count(4, 6),
        supplyVoltageVariations: count(5, 2),
        tempOvervoltage: count(6, 1),
      },
    }),
  };
}

export function powerQualitySummaries(
  r: EspiRequest,
  s: ResourceScope,
  up: UsagePointInfo,
  id: string | undefined,
  child: string | undefined,
): Response {
  if (!s.limits.functionBlocks.has(POWER_QUALITY_BLOCK))
    return forbidden('This scope has no power quality summaries (function block 17).');
  if (up.serviceKind !== 0) return notFound('ElectricPowerQualitySummary is for electricity.');
  if (child !== undefined) return notFound(r.url.pathname);
  const range = readingRange(s, r.query);
  const periods = billingPeriods(up, range.from, range.to, r.at);
  if (id === undefined) {
    const summaries = periods.map((period) => summaryDescriptor(s, up, period));
    return feedResponse(r.url, 'ElectricPowerQualitySummary', filtered(summaries, r.query), r.query, r.at);
  }
  const period = periods.find((p) => p.key === id);
  if (!period) return notFound(`No ElectricPowerQualitySummary ${id}.`);
  return atom(writeEntry(summaryDescriptor(s, up, period).build()));
}

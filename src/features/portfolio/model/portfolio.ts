/**
 * A portfolio of meters for one month: each meter's figures in the units a person reads (kWh, kW, therms,
 * dollars), totals by site and by service, and rankings sorted and filtered as the page's URL says. Free of
 * React; the figures come from the customer API's usage summaries (api/portfolio-queries.ts).
 */
import type { ReadingType } from '../../../espi/index.ts';
import { serviceLabel } from '../../../espi/index.ts';
import { costToCurrency, displayUnitFor, rawToDisplayFactor } from '../../../espi/index.ts';
import type { MeterSummary } from '../api/portfolio-queries.ts';

/**
 * The portfolio is offered to an account with more meters than My energy shows as cards (12, the usage
 * overview's MAX_CARDS): there a household sees its meters' own figures, and a portfolio of two would be
 * an empty page.
 */
export const PORTFOLIO_MIN_METERS = 13;

export function offersPortfolio(meterCount: number): boolean {
  return meterCount >= PORTFOLIO_MIN_METERS;
}

/** What the page knows of a meter besides its figures: the customer API's usage-point listing. */
export interface MeterListing {
  id: string;
  title?: string | undefined;
  site?: string | undefined;
  serviceKind: number;
}

export interface MeterRow {
  id: string;
  title: string;
  site: string;
  serviceKind: number;
  /** `kWh`, `therm`, `gal`: what `use` is in; `rateUnit` (`kW`, `therm/h`) is what `peak` is in. */
  unit: string;
  rateUnit: string;
  use: number;
  peak: number;
  /** Currency units (dollars). */
  cost: number;
  currency: number;
  /** The same month a year before; null when the history does not reach back that far. */
  yearAgo: { use: number; cost: number; readings: number } | null;
  readings: number;
  estimated: number;
  /** Epoch seconds: where the meter's readings end (before the custodian's data end when it stopped). */
  readingsEnd: number;
}

/** A rate per hour of a quantity unit: power for energy (kWh → kW), `/h` for the others. */
function rateUnitOf(unit: string): string {
  return unit === 'kWh' ? 'kW' : `${unit}/h`;
}

export function meterRow(summary: MeterSummary, listing: MeterListing | undefined): MeterRow {
  const readingType: ReadingType = { meta: { relatedHrefs: [] }, ...summary.unit };
  const factor = rawToDisplayFactor(readingType);
  const unit = displayUnitFor(readingType).unit;
  const { current, yearAgo } = summary;
  return {
    id: summary.usagePointId,
    title: listing?.title ?? summary.usagePointId,
    site: listing?.site ?? 'Site not named',
    serviceKind: listing?.serviceKind ?? -1,
    unit,
    rateUnit: rateUnitOf(unit),
    use: current.use * factor,
    peak: current.peakDemand * factor,
    cost: costToCurrency(current.cost),
    currency: summary.currency,
    yearAgo: yearAgo && {
      use: yearAgo.use * factor,
      cost: costToCurrency(yearAgo.cost),
      readings: yearAgo.readings,
    },
    readings: current.readings,
    estimated: current.estimated,
    readingsEnd: Date.parse(summary.readingsEnd) / 1000,
  };
}

/** Every summarised meter with its listing; a meter the listing lacks keeps its id as its name. */
export function meterRows(summaries: readonly MeterSummary[], listings: readonly MeterListing[]): MeterRow[] {
  const byId = new Map(listings.map((l) => [l.id, l]));
  return summaries.map((s) => meterRow(s, byId.get(s.usagePointId)));
}

/** `now` against `before` as a fraction (+0.25 is 25% more); null without a year-ago figure or from zero. */
export function yearAgoChange(now: number, before: number | null | undefined): number | null {
  if (before === null || before === undefined || before === 0) return null;
  return (now - before) / before;
}

/** The whole portfolio's cost against a year before, over the meters that have a year-ago month. */
export function costChange(rows: readonly MeterRow[]): number | null {
  const compared = rows.filter((r) => r.yearAgo !== null);
  return yearAgoChange(
    compared.reduce((sum, r) => sum + r.cost, 0),
    compared.reduce((sum, r) => sum + (r.yearAgo?.cost ?? 0), 0),
  );
}

export const GROUPINGS = ['site', 'service', 'meter'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** One line of a ranking: a site, a service or a meter. */
export interface RankedRow {
  key: string;
  name: string;
  /** Set for a meter's line: its page is /usage/{meterId}. */
  meterId?: string;
  /** A meter's line: its site; a site's or service's: how many meters. */
  detail: string;
  meters: number;
  /** Null when the meters' units differ (kWh and therms do not add up). */
  use: number | null;
  unit: string | null;
  /**
   * The highest meter's peak for a meter, the sum of the meters' peaks for a group: the peak of a sum is
   * not known from the summaries, and the sum of peaks is its upper bound.
   */
  peak: number | null;
  rateUnit: string | null;
  cost: number;
  currency: number;
  useChange: number | null;
  costChange: number | null;
}

function groupKey(row: MeterRow, by: Grouping): string {
  if (by === 'site') return row.site;
  if (by === 'service') return serviceLabel(row.serviceKind);
  return row.id;
}

/** Meters summed into one line. Year-ago totals only when every meter has one: a part is not a year. */
function sumRow(key: string, rows: readonly MeterRow[], by: Grouping): RankedRow {
  const units = new Set(rows.map((r) => r.unit));
  const oneUnit = units.size === 1;
  const sum = (pick: (r: MeterRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const use = oneUnit ? sum((r) => r.use) : null;
  const cost = sum((r) => r.cost);
  const complete = rows.every((r) => r.yearAgo !== null);
  const first = rows[0];
  return {
    key,
    name: by === 'meter' ? (first?.title ?? key) : key,
    ...(by === 'meter' && first ? { meterId: first.id } : {}),
    detail: by === 'meter' ? (first?.site ?? '') : `${rows.length} meters`,
    meters: rows.length,
    use,
    unit: oneUnit ? (first?.unit ?? null) : null,
    peak: oneUnit ? sum((r) => r.peak) : null,
    rateUnit: oneUnit ? (first?.rateUnit ?? null) : null,
    cost,
    currency: first?.currency ?? 840,
    useChange:
      use === null || !complete
        ? null
        : yearAgoChange(
            use,
            sum((r) => r.yearAgo?.use ?? 0),
          ),
    costChange: complete
      ? yearAgoChange(
          cost,
          sum((r) => r.yearAgo?.cost ?? 0),
        )
      : null,
  };
}

/** The meters as lines of a ranking: one per site, per service or per meter. */
export function rankedRows(rows: readonly MeterRow[], by: Grouping): RankedRow[] {
  const groups = new Map<string, MeterRow[]>();
  for (const row of rows) {
    const key = groupKey(row, by);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups].map(([key, members]) => sumRow(key, members, by));
}

export const SORT_KEYS = ['cost', 'use', 'peak', 'costChange', 'useChange', 'meters', 'name'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** Sorted by `key`; lines without that figure (null) go last either way, ties by name. */
export function sortRows(rows: readonly RankedRow[], key: SortKey, direction: SortDirection): RankedRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: RankedRow, b: RankedRow) => a.name.localeCompare(b.name, undefined, { numeric: true });
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}

export const SERVICE_FILTERS = ['all', 'electricity', 'gas', 'water'] as const;
export type ServiceFilter = (typeof SERVICE_FILTERS)[number];

const SERVICE_KIND_OF: Readonly<Record<Exclude<ServiceFilter, 'all'>, number>> = {
  electricity: 0,
  gas: 1,
  water: 2,
};

/** The meters of one service (or all) whose name, site or id holds `search` (any case). */
export function filterMeters(rows: readonly MeterRow[], service: ServiceFilter, search: string): MeterRow[] {
  const needle = search.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (service === 'all' || r.serviceKind === SERVICE_KIND_OF[service]) &&
      (needle === '' || `${r.title} ${r.site} ${r.id}`.toLowerCase().includes(needle)),
  );
}

/**
 * The portfolio page's state as it lives in the URL, so a reload, Back from a meter and a shared link
 * show the same ranking: `month`, `by` (site, service, meter), `service`, `q`, `sort`, `dir`, `rows` (how
 * many lines are shown) and `compare` (meters picked for the comparison). Anything unreadable falls back
 * to its default, so an edited link never breaks the page. Free of React.
 */
import {
  GROUPINGS,
  SERVICE_FILTERS,
  SORT_KEYS,
  type Grouping,
  type ServiceFilter,
  type SortDirection,
  type SortKey,
} from './portfolio.ts';

export interface PortfolioView {
  /** `YYYY-MM`; undefined: the custodian's latest whole month. */
  month: string | undefined;
  by: Grouping;
  service: ServiceFilter;
  search: string;
  sort: SortKey;
  direction: SortDirection;
  /** Lines shown; more come in steps of ROWS_STEP. */
  rows: number;
  /** Meter ids picked for the comparison, at most MAX_COMPARED. */
  compare: string[];
}

export const ROWS_STEP = 50;
/** Meters a comparison draws at most: more lines than a reader can tell apart by colour and dash. */
export const MAX_COMPARED = 8;

const DEFAULT_VIEW: PortfolioView = {
  month: undefined,
  by: 'site',
  service: 'all',
  search: '',
  sort: 'cost',
  direction: 'desc',
  rows: ROWS_STEP,
  compare: [],
};

const oneOf = <T extends string>(allowed: readonly T[], value: string | null, fallback: T): T =>
  allowed.find((a) => a === value) ?? fallback;

export function readPortfolioView(params: URLSearchParams): PortfolioView {
  const month = params.get('month');
  const rows = Number(params.get('rows'));
  return {
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined,
    by: oneOf(GROUPINGS, params.get('by'), DEFAULT_VIEW.by),
    service: oneOf(SERVICE_FILTERS, params.get('service'), DEFAULT_VIEW.service),
    search: (params.get('q') ?? '').slice(0, 200),
    sort: oneOf(SORT_KEYS, params.get('sort'), DEFAULT_VIEW.sort),
    direction: params.get('dir') === 'asc' ? 'asc' : 'desc',
    rows: Number.isInteger(rows) && rows > ROWS_STEP ? Math.min(rows, 5_000) : ROWS_STEP,
    compare: [...new Set((params.get('compare') ?? '').split(',').filter(Boolean))].slice(0, MAX_COMPARED),
  };
}

/** `params` with the view written in: defaults left out, other parameters kept. */
export function writePortfolioView(params: URLSearchParams, view: PortfolioView): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string, fallback: string) => {
    if (value === fallback) next.delete(name);
    else next.set(name, value);
  };
  set('month', view.month ?? '', '');
  set('by', view.by, DEFAULT_VIEW.by);
  set('service', view.service, DEFAULT_VIEW.service);
  set('q', view.search, '');
  set('sort', view.sort, DEFAULT_VIEW.sort);
  set('dir', view.direction, DEFAULT_VIEW.direction);
  set('rows', String(view.rows), String(ROWS_STEP));
  set('compare', view.compare.join(','), '');
  return next;
}

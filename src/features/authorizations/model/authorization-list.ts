/**
 * The list's view of the customer's authorizations, free of React: the order (current access first,
 * history below), search and status filter as they live in the URL, and pages of a long list.
 */

export const AUTHORIZATION_STATUSES = ['active', 'expired', 'revoked', 'denied'] as const;
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUSES)[number];

/** What the list needs of an authorization; the API's type has more. */
export interface ListedAuthorization {
  id: string;
  status: AuthorizationStatus;
  thirdParty: { name: string };
  /** Epoch seconds. */
  createdAt: number;
  updatedAt: number;
}

export interface ListQuery {
  /** Text searched in the app's name. */
  search: string;
  status: AuthorizationStatus | 'all';
  /** 1-based. */
  page: number;
}

export const PAGE_SIZE = 25;

function isStatus(value: string | null): value is AuthorizationStatus {
  return (AUTHORIZATION_STATUSES as readonly (string | null)[]).includes(value);
}

/** The query a URL holds; anything unreadable falls back to its default (a shared link never breaks). */
export function readListQuery(params: URLSearchParams): ListQuery {
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    search: (params.get('q') ?? '').slice(0, 200),
    status: isStatus(status) ? status : 'all',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL parameters of a query, defaults left out so the plain list keeps a plain address. */
export function writeListQuery(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search.trim()) params.set('q', query.search);
  if (query.status !== 'all') params.set('status', query.status);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/** Folds case and accents, so "energie" finds "Énergie". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function matchesQuery(
  item: ListedAuthorization,
  query: Pick<ListQuery, 'search' | 'status'>,
): boolean {
  if (query.status !== 'all' && item.status !== query.status) return false;
  const needle = fold(query.search.trim());
  return needle === '' || fold(item.thirdParty.name).includes(needle);
}

/**
 * Active authorizations first, newest grant first: they are what can read data now. History below,
 * most recent change first (a revocation or a denial moves a row up).
 */
export function compareForList(a: ListedAuthorization, b: ListedAuthorization): number {
  const aActive = a.status === 'active';
  const bActive = b.status === 'active';
  if (aActive !== bActive) return aActive ? -1 : 1;
  const byTime = aActive ? b.createdAt - a.createdAt : b.updatedAt - a.updatedAt;
  return byTime || a.thirdParty.name.localeCompare(b.thirdParty.name) || a.id.localeCompare(b.id);
}

export interface ListSection<T> {
  key: 'active' | 'history';
  /** Rows of this section on the current page. */
  items: T[];
  /** Rows of this section across all pages (after filtering). */
  total: number;
}

export interface ListPage<T> {
  sections: ListSection<T>[];
  /** Rows after filtering, all pages. */
  matching: number;
  page: number;
  pageCount: number;
}

/** Filters, orders and cuts one page; a page number past the end shows the last page. */
export function listPage<T extends ListedAuthorization>(
  items: readonly T[],
  query: ListQuery,
  pageSize = PAGE_SIZE,
): ListPage<T> {
  const matching = items.filter((item) => matchesQuery(item, query)).sort(compareForList);
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(query.page, pageCount);
  const slice = matching.slice((page - 1) * pageSize, page * pageSize);
  const activeTotal = matching.filter((item) => item.status === 'active').length;
  const sections: ListSection<T>[] = [
    { key: 'active', items: slice.filter((i) => i.status === 'active'), total: activeTotal },
    {
      key: 'history',
      items: slice.filter((i) => i.status !== 'active'),
      total: matching.length - activeTotal,
    },
  ];
  return { sections: sections.filter((s) => s.items.length > 0), matching: matching.length, page, pageCount };
}

/** How many authorizations are in each status: the filter's option labels. */
export function countByStatus(items: readonly ListedAuthorization[]): Record<AuthorizationStatus, number> {
  const counts: Record<AuthorizationStatus, number> = { active: 0, expired: 0, revoked: 0, denied: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

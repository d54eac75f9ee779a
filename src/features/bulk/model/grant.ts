/**
 * A bulk grant as the portal uses it: a customer lets one registered aggregator read a set of usage
 * points through `Batch/Bulk/{bulkId}` (docs/espi.md 4.5), with a scope and a term, until revoked or the
 * term ends. Every change (created, meters added or removed, revoked) is kept in its history.
 */
export type GrantStatus = 'active' | 'expired' | 'revoked';

export type GrantAction = 'created' | 'meters-added' | 'meters-removed' | 'revoked';

export interface GrantChange {
  /** Epoch milliseconds. */
  at: number;
  action: GrantAction;
  usagePointIds: string[];
  idempotencyKey?: string;
}

export interface Aggregator {
  clientId: string;
  name: string;
  description: string;
  /** The aggregator's registered ESPI scope: what it asks for (docs/espi.md 4.3). */
  scope: string;
  clientUri?: string;
  policyUri?: string;
}

export interface GrantSummary {
  id: string;
  bulkId: string;
  aggregator: { clientId: string; name: string };
  meterCount: number;
  scope: string;
  /** Epoch milliseconds, or null: until revoked. */
  termEnd: number | null;
  status: GrantStatus;
  createdAt: number;
  updatedAt: number;
}

export interface GrantDetail extends GrantSummary {
  usagePointIds: string[];
  history: GrantChange[];
}

/** How long a grant lasts: to the end of a chosen day, or until the customer revokes it. */
export type GrantTerm = { kind: 'until-revoked' } | { kind: 'end-date'; date: string };

export interface NewGrant {
  clientId: string;
  usagePointIds: string[];
  scope: string;
  term: GrantTerm;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last moment of the chosen day in the person's own time zone, epoch milliseconds. */
export function termEndOf(term: GrantTerm): number | null {
  if (term.kind === 'until-revoked') return null;
  const match = ISO_DATE.exec(term.date);
  if (!match) return Number.NaN;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(y, m - 1, d + 1).getTime() - 1;
}

/** Why the term cannot be granted, or null. `today` is the person's local date (YYYY-MM-DD). */
export function termProblem(term: GrantTerm, today: string): string | null {
  if (term.kind === 'until-revoked') return null;
  if (!ISO_DATE.test(term.date) || Number.isNaN(termEndOf(term))) return 'Enter the end date as a full date.';
  if (term.date <= today) return 'Choose an end date after today.';
  return null;
}

export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

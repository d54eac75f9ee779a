/** Words and dates for grants, one place for every bulk page. */
import { describeScope, DISPLAY_LOCALE } from '../../../espi/index.ts';
import type { GrantAction, GrantStatus } from './grant.ts';

const dateFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat(DISPLAY_LOCALE);

export const formatDate = (ms: number) => dateFormat.format(ms);
export const formatDateTime = (ms: number) => dateTimeFormat.format(ms);
export const formatCount = (n: number, one: string, many = `${one}s`) =>
  `${numberFormat.format(n)} ${n === 1 ? one : many}`;

export function termText(termEnd: number | null): string {
  return termEnd === null ? 'Until you revoke it' : `Until ${formatDate(termEnd)}`;
}

export const STATUS_LABELS: Record<GrantStatus, string> = {
  active: 'Active',
  expired: 'Ended',
  revoked: 'Revoked',
};

export const ACTION_LABELS: Record<GrantAction, string> = {
  created: 'Grant created',
  'meters-added': 'Meters added',
  'meters-removed': 'Meters removed',
  revoked: 'Grant revoked',
};

/** The data a scope shares, in one plain sentence (without the bulk note: every grant here is bulk). */
export function scopeInWords(scope: string): string {
  const d = describeScope(scope);
  const parts = [d.data.length > 0 ? d.data.join(', ') : 'No data named'];
  if (d.intervalLength) parts.push(`readings every ${d.intervalLength}`);
  if (d.history) parts.push(`${d.history} of history`);
  return parts.join('; ');
}

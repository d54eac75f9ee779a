/** The OAuth scopes the custodian knows besides ESPI's, and how an ESPI scope reads at consent. */
import { espiScopeOf } from '../context.ts';
import { describeScope } from '../../espi/index.ts';
import { scopeLimits } from '../scope-limits.ts';

/** A year in seconds: how long a consent lasts, and the history of a scope that names none. */
export const YEAR = 365 * 86_400;
/** OAuth scopes besides the ESPI one. `customer_api` (the customer API) is for the portal only. */
export const STANDARD_SCOPES = ['openid', 'profile', 'email', 'offline_access'];
export const CUSTOMER_API_SCOPE = 'customer_api';

/** History an authorization publishes: the scope's HistoryLength, a year when it says none. */
export function historyOf(scope: string): number {
  const seconds = scopeLimits(espiScopeOf(scope) ?? '').historySeconds;
  return Number.isFinite(seconds) ? seconds : YEAR;
}

/**
 * The service kinds a requested scope can read (function blocks 5, 10, 11: electricity, gas, water), so
 * consent offers only meters the app could see: sharing a gas meter with an electricity-only app would
 * list it under the app without giving it anything, and tell the customer otherwise.
 */
export function reachableServiceKinds(scope: string): ReadonlySet<number> {
  return scopeLimits(espiScopeOf(scope) ?? '').serviceKinds;
}

/** The scope as the consent step shows it: the raw OAuth scope, the ESPI scope, and plain words. */
export function scopeView(scope: string) {
  const espi = espiScopeOf(scope) ?? null;
  return { requested: scope, espi, description: espi ? describeScope(espi) : null };
}

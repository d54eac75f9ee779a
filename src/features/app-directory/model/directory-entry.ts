/**
 * One app of the directory, from its ApplicationInformation as the custodian publishes it (docs/espi.md
 * 2.2): who it is, what it may ask for, its terms and privacy policy, and where "Connect" goes. Every
 * address comes from the third party's registration, so only http(s) ones are kept (never `javascript:`).
 */
import { type ApplicationInformation, bulkIdOf } from '../../../espi/index.ts';
import { safeExternalUrl } from '../../../lib/external-url.ts';

/** ApplicationInformation dataCustodianApplicationStatus 2: in production at the custodian. */
const CUSTODIAN_PRODUCTION = 2;
/** thirdPartyApplicationStatus 4: retired by the third party. */
const RETIRED = 4;

export interface DirectoryEntry {
  clientId: string;
  name: string;
  description?: string;
  logoUri?: string;
  websiteUri?: string;
  tosUri?: string;
  policyUri?: string;
  /** The scopes a customer can give it one by one (its bulk data sets are granted on the Bulk access page). */
  scopes: string[];
  /** True when it reads only in bulk (every scope names a bulk request, `BR=`). */
  bulkOnly: boolean;
  /** Its scope-selection screen with this custodian's offer, when it registered one (connectUrl). */
  connectUrl?: string;
}

/**
 * ESPI's custodian-initiated flow (docs/espi.md 4.1): the third party's scope-selection screen, told the
 * scopes the custodian offers (`scope`, once each) and which custodian sends the customer
 * (`DataCustodianID`), as the reference custodian writes it (URLHelper.newScopeParams).
 */
export function connectUrl(
  scopeSelectionUri: string | undefined,
  scopes: readonly string[],
  dataCustodianId: string,
): string | undefined {
  const safe = safeExternalUrl(scopeSelectionUri);
  if (!safe || scopes.length === 0) return undefined;
  const url = new URL(safe);
  for (const scope of scopes) url.searchParams.append('scope', scope);
  url.searchParams.set('DataCustodianID', dataCustodianId);
  return url.href;
}

/** The directory's entry for a registration, or undefined for one a customer cannot connect to now. */
export function directoryEntry(ai: ApplicationInformation): DirectoryEntry | undefined {
  if (!ai.clientId || ai.dataCustodianApplicationStatus !== CUSTODIAN_PRODUCTION) return undefined;
  if (ai.thirdPartyApplicationStatus === RETIRED) return undefined;
  const scopes = ai.scopes.filter((scope) => scope && bulkIdOf(scope) === undefined);
  return {
    clientId: ai.clientId,
    name: ai.clientName || ai.clientId,
    description: ai.thirdPartyApplicationDescription || undefined,
    logoUri: safeExternalUrl(ai.logoUri),
    websiteUri: safeExternalUrl(ai.clientUri),
    tosUri: safeExternalUrl(ai.tosUri),
    policyUri: safeExternalUrl(ai.policyUri),
    scopes,
    bulkOnly: scopes.length === 0 && ai.scopes.length > 0,
    connectUrl: connectUrl(ai.thirdPartyScopeSelectionScreenURI, scopes, ai.dataCustodianId ?? ''),
  };
}

/** The directory in reading order: by name, as a person scans a list. */
export function directoryEntries(registrations: readonly ApplicationInformation[]): DirectoryEntry[] {
  return registrations.flatMap((ai) => directoryEntry(ai) ?? []).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * `B/espi/1_1/resource/ApplicationInformation[/{clientId}]`: the registration of each third party
 * (docs/espi.md 2.2) from the directory: names, descriptions, logos, URIs, contacts, redirect URIs and
 * every scope offered. Who reads what (docs/espi.md 1.7): a third party's client token reads its own
 * registration (token R's part in ESPI); the customer's own token (the portal) reads every third party's,
 * which is what its app directory and consent screens show; a token a third party holds for a customer's
 * data reads none. No credential is ever written (the writer leaves client_secret and the registration
 * token empty).
 */
import { type ApplicationInformation, type EspiEntry, writeEntry } from '../espi/index.ts';
import { bulkDataSets } from './bulk.ts';
import type { Client } from './directory.ts';
import { atom, filtered, forbidden, single, type EspiRequest } from './espi-request.ts';
import { feedResponse } from './feed-stream.ts';
import { notFound } from './http-util.ts';
import { meta, STRUCTURE_PUBLISHED } from './resources.ts';

/** ApplicationInformation status codes (docs/espi.md 2.2): 2 production at the custodian; 3 in production for the third party. */
const CUSTODIAN_PRODUCTION = 2;
const THIRD_PARTY_PRODUCTION = 3;
/** thirdPartyApplicationType 1: a web application. */
const WEB_APPLICATION = 1;

/**
 * The bulk request URI of a registration. ESPI writes the template `…/Batch/Bulk/{BulkID}` (docs/espi.md 2.2):
 * a third party may have several bulks (one per offered data set, bulk.ts), so the template stays and each
 * data set's scope below names its bulkId (`BR=`).
 */
function bulkRequestUri(r: EspiRequest, client: Client): string | undefined {
  return client.bulkCapable ? `${r.ctx.espiBase}/Batch/Bulk/{BulkID}` : undefined;
}

/** The registered scopes, each offered bulk data set's with its `BR={bulkId}`, as its Authorization says it. */
function registeredScopes(client: Client): string[] {
  const dataSets = bulkDataSets(client);
  return client.scopes.map(
    (scope, i) => dataSets.find((d) => d.bulkId === client.bulkIds?.[i])?.scope ?? scope,
  );
}

function applicationInformationEntry(r: EspiRequest, client: Client): EspiEntry {
  const { baseUrl, espiBase } = r.ctx;
  const self = `${espiBase}/ApplicationInformation/${client.clientId}`;
  const bulk = bulkRequestUri(r, client);
  const resource: ApplicationInformation = {
    meta: meta(self, client.name, STRUCTURE_PUBLISHED, STRUCTURE_PUBLISHED),
    dataCustodianId: new URL(baseUrl).host,
    dataCustodianApplicationStatus: CUSTODIAN_PRODUCTION,
    thirdPartyApplicationDescription: client.description,
    thirdPartyApplicationStatus: THIRD_PARTY_PRODUCTION,
    thirdPartyApplicationType: WEB_APPLICATION,
    thirdPartyApplicationUse: client.applicationUse,
    authorizationServerUri: baseUrl,
    authorizationServerAuthorizationEndpoint: `${baseUrl}/oauth/authorize`,
    authorizationServerTokenEndpoint: `${baseUrl}/oauth/token`,
    ...(bulk ? { dataCustodianBulkRequestURI: bulk } : {}),
    dataCustodianResourceEndpoint: espiBase,
    ...(client.scopeSelectionUri ? { thirdPartyScopeSelectionScreenURI: client.scopeSelectionUri } : {}),
    ...(client.logoPath ? { logoUri: `${baseUrl}${client.logoPath}` } : {}),
    clientName: client.name,
    ...(client.clientUri ? { clientUri: client.clientUri } : {}),
    redirectUris: client.redirectUris,
    clientId: client.clientId,
    ...(client.tosUri ? { tosUri: client.tosUri } : {}),
    ...(client.policyUri ? { policyUri: client.policyUri } : {}),
    contacts: client.contacts,
    scopes: registeredScopes(client),
    grantTypes: ['authorization_code', 'refresh_token', 'client_credentials'],
  };
  return { kind: 'ApplicationInformation', resource };
}

export function applicationInformation(r: EspiRequest, id: string | undefined, depth: number): Response {
  if (depth > 2) return notFound('ApplicationInformation has no sub-resources.');
  const { authorization, client } = r.caller;
  let readable: Client[];
  if (authorization.kind === 'client') readable = [client];
  else if (authorization.kind === 'own') {
    readable = [...r.ctx.clients.values()].filter((c) => c.kind === 'third-party');
  } else {
    return forbidden(
      'ApplicationInformation is read with a client_credentials token (its own registration) or by the customer’s own portal.',
    );
  }
  if (id === undefined) {
    const entries = readable.map((c) => single(applicationInformationEntry(r, c)));
    return feedResponse(r.url, 'ApplicationInformation', filtered(entries, r.query), r.query, r.at);
  }
  const found = readable.find((c) => c.clientId === id);
  if (found) return atom(writeEntry(applicationInformationEntry(r, found)));
  // A client asking for another's registration is refused, not told whether it exists.
  return authorization.kind === 'client'
    ? forbidden(`ApplicationInformation ${id} is not this client's registration.`)
    : notFound(`No third party ${id} is registered.`);
}

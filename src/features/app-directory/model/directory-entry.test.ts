import { describe, expect, it } from 'vitest';
import { type ApplicationInformation, readEspi } from '../../../espi/index.ts';
import { NODE_BASE_URL as B } from '../../../custodian/node.ts';
import { bearer, codeFlow } from '../../../testing/custodian-client.ts';
import { PORTAL, startClockedCustodian } from '../../../testing/node-custodian.ts';
import { assertValidEspi } from '../../../testing/test-data.ts';
import { connectUrl, directoryEntries, directoryEntry } from './directory-entry.ts';

startClockedCustodian();

/** The registrations as the portal reads them: the customer's own token, the custodian's ESPI feed. */
async function publishedRegistrations(): Promise<ApplicationInformation[]> {
  const token = await codeFlow(B, PORTAL);
  const url = `${B}/espi/1_1/resource/ApplicationInformation`;
  const xml = await (await fetch(url, { headers: bearer(token.access_token) })).text();
  assertValidEspi(xml);
  return readEspi(xml, { baseUrl: url }).applicationInformation;
}

describe('the app directory, from the ApplicationInformation the custodian publishes', () => {
  it('lists every third party by name, with what it asks for and where Connect goes', async () => {
    const entries = directoryEntries(await publishedRegistrations());
    expect(entries.map((e) => e.clientId)).toEqual([
      'markup-test', // its name is markup, sorted as the characters it is: '<'
      'brightwatt',
      'carbonledger',
      'gridflex',
      'gasmeter-compare',
      'suntrack',
    ]);
    const brightwatt = entries.find((e) => e.clientId === 'brightwatt');
    expect(brightwatt).toMatchObject({
      name: 'BrightWatt Energy Insights',
      logoUri: `${B}/logos/brightwatt.svg`,
      tosUri: 'https://brightwatt.example/terms',
      policyUri: 'https://brightwatt.example/privacy',
      bulkOnly: false,
    });
    expect(brightwatt?.scopes).toHaveLength(3);
    const connect = new URL(brightwatt?.connectUrl ?? '');
    expect(connect.origin + connect.pathname).toBe('https://brightwatt.example/espi/scope-selection');
    expect(connect.searchParams.getAll('scope')).toEqual(brightwatt?.scopes);
    expect(connect.searchParams.get('DataCustodianID')).toBe(new URL(B).host);
  });

  it('sends aggregators to bulk access instead of a scope-selection screen', async () => {
    const gridflex = directoryEntries(await publishedRegistrations()).find((e) => e.clientId === 'gridflex');
    expect(gridflex).toMatchObject({ bulkOnly: true, scopes: [] });
    expect(gridflex?.connectUrl).toBeUndefined();
  });
});

describe('an entry from one registration', () => {
  const registration: ApplicationInformation = {
    meta: { relatedHrefs: [] },
    clientId: 'app',
    clientName: 'App',
    dataCustodianId: 'utility.example',
    dataCustodianApplicationStatus: 2,
    thirdPartyScopeSelectionScreenURI: 'https://app.example/select?lang=en',
    redirectUris: [],
    contacts: [],
    scopes: ['FB=1_3_4_5_13_14'],
    grantTypes: [],
  };

  it('keeps the screen’s own query and adds the offer', () => {
    expect(directoryEntry(registration)?.connectUrl).toBe(
      'https://app.example/select?lang=en&scope=FB%3D1_3_4_5_13_14&DataCustodianID=utility.example',
    );
  });

  it('leaves out an app not in production at the custodian, or retired by its maker', () => {
    expect(directoryEntry({ ...registration, dataCustodianApplicationStatus: 1 })).toBeUndefined();
    expect(directoryEntry({ ...registration, thirdPartyApplicationStatus: 4 })).toBeUndefined();
  });

  it('never turns a script address into a link', () => {
    const entry = directoryEntry({
      ...registration,
      thirdPartyScopeSelectionScreenURI: 'javascript:alert(1)',
      tosUri: 'javascript:alert(2)',
      logoUri: 'data:image/svg+xml,<svg/>',
    });
    expect(entry?.connectUrl).toBeUndefined();
    expect(entry?.tosUri).toBeUndefined();
    expect(entry?.logoUri).toBeUndefined();
    expect(connectUrl('https://app.example/s', [], 'u')).toBeUndefined();
  });
});

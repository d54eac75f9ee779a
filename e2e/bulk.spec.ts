/**
 * Bulk access against the large commercial demo customer: granting 1,000+ meters, narrowing, widening,
 * revoking, and a submit interrupted by a network failure. After each, the aggregator's own view is
 * checked: its client_credentials token from the token endpoint, then Batch/Bulk/{bulkId}, fetched
 * inside the demo page so the mock custodian's service worker answers, must hold exactly the meters
 * granted under this grant. The bulk is shared by every customer who granted GridFlex that data set
 * (issue 20), so the grant's meters are those in its own subscription (`Subscription/{grantId}/...`).
 * The expected meters come from the custodian's seed directory, not from the portal.
 */
import type { Page } from '@playwright/test';
import { findCustomerByUsername } from '../src/custodian/directory.ts';
import { setFaults } from './demo-custodian.ts';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';

const commercial = findCustomerByUsername('commercial');
if (!commercial) throw new Error('The commercial demo customer is missing from the directory.');
const meters = commercial.usagePoints;
const eligible = meters.filter((m) => m.active);
const idsOfSite = (site: string) => meters.filter((m) => m.site === site && m.active).map((m) => m.id);
/** The seeded GridFlex grant (src/custodian/seed.ts): the first 120 electricity meters, bulk 5101. */
const SEEDED_GRIDFLEX = meters
  .filter((m) => m.serviceKind === 0)
  .slice(0, 120)
  .map((m) => m.id);
const sorted = (ids: Iterable<string>) => [...ids].sort();

/**
 * The usage points the aggregator's bulk feed carries under one grant. A window in 2001 keeps interval
 * data out, so the feed holds structure only (UsagePoint, MeterReading, ReadingType); 1,000+ meters
 * still span pages.
 */
async function bulkFeed(page: Page, clientId: string, bulkId: string, grantId: string) {
  return page.evaluate(
    async ({ clientId, bulkId, grantId }) => {
      const tokenResponse = await fetch('/custodian/oauth/token', {
        method: 'POST',
        headers: {
          Authorization: `Basic ${btoa(`${clientId}:${clientId}-secret`)}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const window = 'published-min=2001-01-01T00:00:00Z&published-max=2001-01-02T00:00:00Z';
      // Page by page, as an aggregator reads it: each page links to the next (Atom rel="next").
      let href: string | undefined = `/custodian/espi/1_1/resource/Batch/Bulk/${bulkId}?${window}`;
      const ids: string[] = [];
      let status = 0;
      while (href) {
        const response: Response = await fetch(href, { headers: { Authorization: `Bearer ${token}` } });
        status = response.status;
        const xml: string = await response.text();
        // Self links of UsagePoint entries end in /UsagePoint/{id}; MeterReading links go on past it.
        const own = new RegExp(`/Subscription/${grantId}/UsagePoint/([^"/]+)"`, 'g');
        ids.push(...[...xml.matchAll(own)].map((m) => m[1] ?? ''));
        href = /<link rel="next" href="([^"]+)"/.exec(xml)?.[1]?.replaceAll('&amp;', '&');
      }
      return { status, ids: [...new Set(ids)].sort() };
    },
    { clientId, bulkId, grantId },
  );
}

const stepHeading = (page: Page, n: number) => page.getByText(`Step ${n} of 5`, { exact: false }).first();
const bulkIdOnPage = (page: Page) => page.locator('dt:text-is("Bulk id") + dd').innerText();
/** The grant a page shows: the detail page's own path, or the created grant's "See this grant" link. */
async function grantIdOnPage(page: Page): Promise<string> {
  const link = page.getByRole('link', { name: 'See this grant' });
  const path =
    (await link.count()) > 0 ? ((await link.getAttribute('href')) ?? '') : new URL(page.url()).pathname;
  return decodeURIComponent(path.split('/').pop() ?? '');
}

async function chooseGridFlex(page: Page) {
  await expect(stepHeading(page, 1)).toBeVisible();
  await page.getByRole('radio', { name: /GridFlex Demand Response/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Step 2 of 5: Choose meters/ })).toBeFocused();
}

async function selectSite(page: Page, site: string) {
  await page.getByLabel('Search by address, site or meter number').fill(site);
  const count = idsOfSite(site).length;
  await page.getByRole('checkbox', { name: `Select all ${count} matching` }).check();
  return count;
}

test.describe('bulk access', () => {
  // Long journeys over 1,000+ meters with axe on every page, on two cores shared by many runs.
  test.slow();

  test('grants 1,000+ meters through the wizard; the feed holds exactly those meters', async ({ page }) => {
    await openSignedIn(page, '/bulk/new', 'commercial');
    await expect(page.getByRole('heading', { level: 1, name: 'Grant bulk access' })).toBeVisible();
    await expectNoAxeViolations(page);
    await chooseGridFlex(page);

    const all = eligible.length.toLocaleString('en-US');
    await page.getByRole('checkbox', { name: `Select all ${all}` }).check();
    await expect(page.getByRole('status').filter({ hasText: `${all} meters selected` })).toBeVisible();
    // The disconnected meters are named with the reason, not silently missing from the list.
    const disconnected = meters.filter((m) => !m.active);
    await page.getByText(`${disconnected.length} meters are not offered: no active service`).click();
    for (const meter of disconnected) {
      await expect(page.getByRole('listitem').filter({ hasText: `meter ${meter.meterId}` })).toBeVisible();
    }
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'Continue' }).click();

    // A sign-in redirect or reload in the middle loses nothing: same step, same meters.
    await expect(stepHeading(page, 3)).toBeVisible();
    await page.reload();
    // After the reload the session is restored and the meters load again before the wizard shows.
    await expect(stepHeading(page, 3)).toBeVisible({ timeout: 30_000 });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(stepHeading(page, 4)).toBeVisible();
    await expect(page.getByText(`${all} meters at 64 sites`)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Grant access' }).click();

    await expect(page.getByText('Your grant was created.')).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    const feed = await bulkFeed(page, 'gridflex', await bulkIdOnPage(page), await grantIdOnPage(page));
    expect(feed.status).toBe(200);
    expect(feed.ids).toHaveLength(eligible.length);
    expect(feed.ids).toEqual(sorted(eligible.map((m) => m.id)));
  });

  test('narrows, widens and revokes a grant; the feed follows each change', async ({ page }) => {
    await openSignedIn(page, '/bulk', 'commercial');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'GridFlex Demand Response' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /GridFlex/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    const bulkId = await bulkIdOnPage(page);
    const grantId = await grantIdOnPage(page);
    expect((await bulkFeed(page, 'gridflex', bulkId, grantId)).ids).toEqual(sorted(SEEDED_GRIDFLEX));

    // Narrow: every meter of one site leaves the grant.
    const meterList = page.locator('section', {
      has: page.getByRole('heading', { name: 'Meters in this grant' }),
    });
    const leavingSite = meters.find((m) => m.id === SEEDED_GRIDFLEX[0])?.site ?? '';
    const leaving = SEEDED_GRIDFLEX.filter((id) => meters.find((m) => m.id === id)?.site === leavingSite);
    expect(leaving.length).toBeGreaterThan(1);
    await meterList.getByLabel('Search by address, site or meter number').fill(leavingSite);
    await meterList.getByRole('checkbox', { name: `Select all ${leaving.length} matching` }).check();
    await page.getByRole('button', { name: `Remove ${leaving.length} meter` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('will stop receiving the data of these meters');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: /^Remove/ }).click();
    await expect(
      page.getByText(`${leaving.length} meter${leaving.length === 1 ? '' : 's'} removed.`),
    ).toBeVisible();
    const narrowed = SEEDED_GRIDFLEX.filter((id) => !leaving.includes(id));
    expect((await bulkFeed(page, 'gridflex', bulkId, grantId)).ids).toEqual(sorted(narrowed));

    // Widen: a whole other site joins, with the same selector as the wizard.
    await page.getByRole('button', { name: 'Choose meters to add' }).click();
    const addList = page.locator('section', { has: page.getByRole('heading', { name: 'Add meters' }) });
    // Meters that cannot join are named with the reason here too, not left out.
    const notOffered = meters.filter((m) => !m.active && !narrowed.includes(m.id));
    await expect(
      addList.getByText(`${notOffered.length} meters are not offered: no active service`),
    ).toBeVisible();
    const joining = idsOfSite('Warehouse #003').filter((id) => !narrowed.includes(id));
    await addList.getByLabel('Search by address, site or meter number').fill('Warehouse #003');
    await addList.getByRole('checkbox', { name: `Select all ${joining.length} matching` }).check();
    await addList.getByRole('button', { name: `Add ${joining.length} meters` }).click();
    await expect(page.getByText(`${joining.length} meters added.`)).toBeVisible();
    const widened = [...narrowed, ...joining];
    expect((await bulkFeed(page, 'gridflex', bulkId, grantId)).ids).toEqual(sorted(widened));
    await expect(page.getByText('Meters added', { exact: false }).first()).toBeVisible();

    // Revoke: the dialog says what stops; afterwards the feed holds no meter.
    await page.getByRole('button', { name: 'Revoke all access' }).click();
    await expect(page.getByRole('dialog')).toContainText(
      `stop receiving data for all ${widened.length} meters`,
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke all access' }).click();
    await expect(page.getByText('Access revoked.')).toBeVisible();
    await expect(page.getByText('Revoked', { exact: true }).first()).toBeVisible();
    expect((await bulkFeed(page, 'gridflex', bulkId, grantId)).ids).toEqual([]);
    await expectNoAxeViolations(page);
  });

  test.describe('a network failure during the submit', () => {
    test.use({ expectedConsoleErrors: [/Failed to fetch|Failed to load resource|ERR_FAILED|net::/] });

    test('finds out what happened and creates exactly one grant', async ({ page }) => {
      await openSignedIn(page, '/bulk/new', 'commercial');
      await chooseGridFlex(page);
      const site = 'Plant #005';
      const count = await selectSite(page, site);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(stepHeading(page, 4)).toBeVisible();

      await setFaults(page, { offline: true });
      await page.getByRole('button', { name: 'Grant access' }).click();
      await expect(page.getByText('We could not find out whether your grant was created.')).toBeVisible({
        timeout: 20_000,
      });
      await expectNoAxeViolations(page);

      // Back online, a reload resumes the submit with the same Idempotency-Key.
      await setFaults(page, { offline: false });
      await page.reload();
      // The reload restores the session, loads meters and aggregators, then asks again: allow for it.
      await expect(page.getByText('Your grant was created.')).toBeVisible({ timeout: 30_000 });
      const feed = await bulkFeed(page, 'gridflex', await bulkIdOnPage(page), await grantIdOnPage(page));
      expect(feed.ids).toEqual(sorted(idsOfSite(site)));

      // Asking again cannot make a second one: the grants list holds the two seeded grants and this one.
      await page.getByRole('link', { name: 'All bulk grants' }).click();
      await expect(page.getByRole('cell', { name: `${count} meters`, exact: true })).toHaveCount(1);
      await expect(page.getByRole('row')).toHaveCount(4);
    });
  });
});

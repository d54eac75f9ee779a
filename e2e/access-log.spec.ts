/**
 * A connected app's access log (issue 15): the app reads with its token, then the customer sees when it
 * last did on its card and each read on its detail page, filters them by meter and by date (in the URL),
 * and downloads the log as CSV. Runs against the mock custodian in the page.
 */
import { findCustomerByUsername } from '../src/custodian/directory.ts';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures.ts';
import { setFaults } from './demo-custodian.ts';
import { openSignedIn } from './sign-in.ts';
import { allowAndTakeToken, readAsApp, startConsent } from './third-party.ts';

// Signs in twice, consents and runs axe twice; on the shared two-core machine that can take minutes.
test.describe.configure({ timeout: 180_000 });

const APP = 'SunTrack Solar Monitor';
// Business's two electricity meters: the ones an electricity app can read.
const [ovens, fridges] = findCustomerByUsername('business')?.usagePoints ?? [];

test('the customer sees what an app read: last access, the log, filters and the CSV', async ({ page }) => {
  if (!ovens || !fridges) throw new Error('the business demo account has changed');
  await openSignedIn(page, '/demo', 'business');
  await startConsent(page, APP, 'business');
  const token = await allowAndTakeToken(page);
  const subscription = token.resourceURI.replace('/Batch/Subscription/', '/Subscription/');
  const reads = [
    `${subscription}/UsagePoint/${ovens.id}`,
    `${token.resourceURI}/UsagePoint/${fridges.id}?max-results=12`,
  ];
  for (const url of reads) expect((await readAsApp(page, url, token.access_token)).status).toBe(200);
  const resources = reads.map((url) => url.slice(url.indexOf('/espi/1_1/resource') + 18));

  await page.getByRole('link', { name: 'See it in Connected apps' }).click();
  const newest = page
    .getByRole('region', { name: /^Active/ })
    .getByRole('listitem')
    .first();
  await expect(newest.getByRole('heading', { level: 3 })).toHaveText(APP);
  await expect(newest).toContainText(/Last accessed\s*\w{3} \d{1,2}, \d{4}/);
  await expect(
    page
      .getByRole('region', { name: /^Active/ })
      .getByRole('listitem')
      .nth(1),
  ).toContainText('Not accessed yet');

  await newest.getByRole('link', { name: /^Details/ }).click();
  const section = page.getByRole('region', { name: 'Access log' });
  await expect(section).toContainText('Last accessed');
  const table = section.getByRole('table', { name: /^Reads by SunTrack Solar Monitor, newest first/ });
  const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(rows).toHaveCount(2);
  await expect(table.locator('caption')).toHaveText(/\(2\)$/);
  // Newest first: the refrigeration feed (with readings), then the ovens' usage point entry.
  await expect(rows.nth(0)).toContainText(resources[1] ?? '');
  await expect(rows.nth(0)).toContainText(fridges.title);
  await expect(rows.nth(0).getByRole('cell').nth(2)).toHaveText(/^[1-9][\d,]* in 12 entries$/);
  await expect(rows.nth(1)).toContainText(resources[0] ?? '');
  await expect(rows.nth(1)).toContainText(ovens.title);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await section.getByLabel('Meter').selectOption({ label: ovens.title });
  await expect(page).toHaveURL(new RegExp(`[?&]meter=${ovens.id}(&|$)`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(resources[0] ?? '');
  await page.reload();
  // The reload restores the session before the page loads again: slow on a shared machine.
  await expect(page.getByRole('heading', { level: 1, name: APP })).toBeVisible({ timeout: 30_000 });
  await expect(section.getByLabel('Meter')).toHaveValue(ovens.id);
  await expect(rows).toHaveCount(1);

  // Nothing was read after today.
  const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA');
  await section.getByLabel('From').fill(tomorrow);
  await expect(page).toHaveURL(new RegExp(`[?&]from=${tomorrow}(&|$)`));
  await expect(section.getByRole('heading', { name: 'No read matches these filters' })).toBeVisible();
  await expectNoAxeViolations(page);
  await section.getByRole('link', { name: 'Show every read' }).click();
  await expect(rows).toHaveCount(2);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Download log (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^access-log_SunTrack-Solar-Monitor_\d{4}-\d{2}-\d{2}\.csv$/);
  let csv = '';
  for await (const chunk of await download.createReadStream()) csv += String(chunk);
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('time_utc,resource,usage_point_ids,meters,entries,readings,bytes');
  expect(lines.slice(1).map((line) => line.split(',').slice(1, 4))).toEqual([
    [resources[1], fridges.id, fridges.title],
    [resources[0], ovens.id, ovens.title],
  ]);
});

test.describe('when the log cannot be read', () => {
  test.use({ expectedConsoleErrors: [/status of 500/] });

  test('the section says so, and a retry after the fault shows the empty log', async ({ page }) => {
    await openSignedIn(page, '/authorizations', 'household');
    await setFaults(page, { failingPath: '/access-log', failingStatus: 500 });
    await page
      .getByRole('region', { name: /^Active/ })
      .getByRole('listitem')
      .filter({ hasText: 'BrightWatt Energy Insights' })
      .getByRole('link', { name: /^Details/ })
      .click();
    const section = page.getByRole('region', { name: 'Access log' });
    // Reads are retried twice with backoff before the error shows.
    const error = section.getByRole('alert').filter({ hasText: 'The access log could not be loaded' });
    await expect(error).toBeVisible({ timeout: 30_000 });
    await expectNoAxeViolations(page);

    await setFaults(page, { failingPath: null });
    await error.getByRole('button', { name: 'Try again' }).click();
    await expect(
      section.getByRole('heading', { name: 'BrightWatt Energy Insights has not read your data yet' }),
    ).toBeVisible();
    await expect(section).toContainText('Not accessed yet.');
    await expect(section.getByRole('button', { name: 'Download log (CSV)' })).toHaveCount(0);
  });
});

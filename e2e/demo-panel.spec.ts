/**
 * The demo panel (faults, synthetic authorizations, reset) and the consent flow it launches as a
 * third-party app: approve with chosen meters, deny, and the app's token failing once access is revoked.
 */
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, followNavLink } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';
import { allowAndTakeToken, readAsApp, startConsent } from './third-party.ts';

// Each journey signs in and runs axe; on the shared two-core machine that can take minutes.
test.describe.configure({ timeout: 180_000 });

test('the panel is reachable from the footer and has no accessibility violation', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Demo controls' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Demo controls' })).toBeVisible();
  await expect(page.getByLabel('Latency (milliseconds)')).toHaveValue('0');
  await expect(page.getByRole('button', { name: /^Connect as / })).toHaveCount(6);
  await expectNoAxeViolations(page);
});

test.describe('faults', () => {
  test.use({ expectedConsoleErrors: [/status of 500/] });

  test('a failing endpoint set in the panel breaks that endpoint until cleared', async ({ page }) => {
    await openSignedIn(page, '/demo', 'household');
    await page.getByLabel('Failing endpoint', { exact: true }).fill('/api/customer/v1/authorizations');
    await page.getByLabel('Latency (milliseconds)').fill('100');
    await page.getByRole('button', { name: 'Apply faults' }).click();
    await expect(page.getByText('Faults applied.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Failing endpoint', { exact: true })).toHaveValue(
      '/api/customer/v1/authorizations',
    );
    await expect(page.getByLabel('Latency (milliseconds)')).toHaveValue('100');

    await followNavLink(page, 'Connected apps');
    // Reads are retried twice with backoff before the error shows.
    const error = page.getByRole('alert').filter({ hasText: 'Your connected apps could not be loaded' });
    await expect(error).toBeVisible({ timeout: 30_000 });
    await expect(error).toContainText('Demo fault');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Demo controls' }).click();
    await page.getByRole('button', { name: 'Clear all faults' }).click();
    await expect(page.getByText('Faults applied.')).toBeVisible();
    await expect(page.getByLabel('Failing endpoint', { exact: true })).toHaveValue('');
    await followNavLink(page, 'Connected apps');
    await expect(page.getByRole('heading', { level: 2, name: /^Active/ })).toBeVisible();
  });
});

test('synthetic authorizations and a reset that asks first', async ({ page }) => {
  await openSignedIn(page, '/demo', 'household');
  await page.getByLabel('Number of authorizations').fill('7');
  await page.getByRole('button', { name: 'Generate authorizations' }).click();
  await expect(page.getByText('household now has 7 third-party authorizations.')).toBeVisible();
  await followNavLink(page, 'Connected apps');
  await expect(page.getByRole('status').filter({ hasText: '7 connected apps.' })).toBeVisible();

  await page.getByRole('link', { name: 'Demo controls' }).click();
  await page.getByRole('button', { name: 'Reset all demo data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset all demo data?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await followNavLink(page, 'Connected apps');
  await expect(page.getByRole('status').filter({ hasText: '7 connected apps.' })).toBeVisible();

  await page.getByRole('link', { name: 'Demo controls' }).click();
  await page.getByRole('button', { name: 'Reset all demo data' }).click();
  await dialog.getByRole('button', { name: 'Reset everything' }).click();
  await expect(page.getByText('All demo data was reset.')).toBeVisible();
  await followNavLink(page, 'Connected apps');
  await expect(page.getByRole('status').filter({ hasText: '5 connected apps.' })).toBeVisible();
});

test.describe('the consent flow, as a third-party app', () => {
  test.beforeEach(async ({ page }) => {
    await openSignedIn(page, '/demo', 'household');
  });

  test('approving with some meters adds the authorization with exactly those meters', async ({ page }) => {
    await startConsent(page, 'SunTrack Solar Monitor');
    await page.getByRole('checkbox', { name: /Home gas/ }).uncheck();
    // A shorter term than the usual year: the customer's choice is what the authorization keeps.
    const ends = page.getByLabel('Access ends on');
    const day = new Date(`${await ends.inputValue()}T12:00:00Z`);
    day.setUTCMonth(day.getUTCMonth() - 10, 28);
    await ends.fill(day.toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Allow' }).click();

    await expect(page).toHaveURL(/\/demo\/third-party-callback$/);
    await expect(page.getByRole('heading', { level: 1, name: /SunTrack Solar Monitor/ })).toBeVisible();
    const granted = page.getByRole('status').filter({ hasText: 'Access granted' });
    await expect(granted).toContainText('intervals of 15 minutes');
    await expect(granted).toContainText(/Batch\/Subscription\//);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'See it in Connected apps' }).click();
    const active = page.getByRole('region', { name: /^Active \(3\)$/ });
    const newest = active.getByRole('listitem').first();
    await expect(newest.getByRole('heading', { level: 3 })).toHaveText('SunTrack Solar Monitor');
    await expect(newest).toContainText('Home electricity (rooftop solar)');
    await expect(newest).not.toContainText('Home gas');
    const endsOn = day.toLocaleDateString('en-US', {
      timeZone: 'UTC',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    });
    await expect(newest).toContainText(endsOn);
  });

  test('denying is reported to the app and listed as denied', async ({ page }) => {
    await startConsent(page, 'Neighborhood Gas Compare');
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect(page).toHaveURL(/\/demo\/third-party-callback$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Access was not granted' })).toBeVisible();
    await expect(
      page.getByText('You declined: Neighborhood Gas Compare cannot read your energy data.'),
    ).toBeVisible();

    await page.getByRole('link', { name: 'See it in Connected apps' }).click();
    await page.getByLabel('Status').selectOption('denied');
    await expect(page.getByRole('heading', { level: 3 })).toHaveText([
      'Neighborhood Gas Compare',
      'SunTrack Solar Monitor',
    ]);
  });

  test.describe('revoked access', () => {
    // The app's read after the revoke is refused on purpose: the browser logs that 401.
    test.use({ expectedConsoleErrors: [/status of 401/] });

    test("after a revoke, the app's own access token is refused by the ESPI API", async ({ page }) => {
      await startConsent(page, 'BrightWatt Energy Insights');
      const token = await allowAndTakeToken(page);
      // One entry is enough to show the token works.
      const feed = `${token.resourceURI}?max-results=1`;
      expect((await readAsApp(page, feed, token.access_token)).status).toBe(200);

      await page.getByRole('link', { name: 'See it in Connected apps' }).click();
      const newest = page
        .getByRole('region', { name: /^Active/ })
        .getByRole('listitem')
        .first();
      await newest.getByRole('button', { name: 'Revoke access for BrightWatt Energy Insights' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke access' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Access revoked.' })).toBeVisible();

      expect((await readAsApp(page, feed, token.access_token)).status).toBe(401);
    });
  });
});

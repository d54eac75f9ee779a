/**
 * Own-data API access end to end (issue 16): the production build against the sandbox over HTTP, so
 * the portal and the customer's script use the same custodian. As `commercial`, on a desktop and a
 * phone: create the API client, see its secret once, run the page's own Python script (token, then a
 * refresh, each reading the feed), see the token listed, revoke it in the page, and see the script
 * refused. The demo build cannot serve here: its custodian lives in the page's service worker, which
 * a script outside the browser cannot reach.
 */
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from '../fixtures.ts';
import { createClient, everywhereStored, expectCreateForm } from '../api-client-page.ts';
import { savedPythonScript } from '../own-data-script.ts';
import { openSignedIn } from './provider-sign-in.ts';
import { CUSTODIAN_URL } from './servers.ts';

// Full sign-ins at a provider, a production build and a script on a shared machine.
test.describe.configure({ timeout: 180_000, mode: 'serial' });

const DEVICES = [
  { name: 'desktop', use: {} },
  { name: 'phone', use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } },
];

for (const device of DEVICES) {
  test.describe(`on a ${device.name}`, () => {
    test.use(device.use);

    test('create a client, run the page’s script, revoke its token in the page: the script is refused', async ({
      page,
    }) => {
      await openSignedIn(page, '/api-access', 'commercial');
      await expectCreateForm(page);

      // The ceiling: electricity only, 90 days, the meters of one site.
      await page.getByRole('checkbox', { name: 'Natural gas use' }).uncheck();
      await page.getByRole('checkbox', { name: 'Water use' }).uncheck();
      await page.getByLabel('History').selectOption({ label: '90 days (about 3 months)' });
      await page.getByRole('radio', { name: 'The meters of the sites chosen below' }).check();
      await page.getByRole('list', { name: 'Sites' }).getByRole('checkbox').first().check();
      const secret = await createClient(page);
      await expect(page.getByRole('button', { name: 'Copy client secret' })).toBeVisible();
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);

      // Shown once: gone from the page once copied, and never stored.
      await page.getByRole('button', { name: 'I have copied the secret' }).click();
      await expect(page.getByRole('heading', { name: 'Your API client', exact: true })).toBeFocused();
      expect(await page.locator('body').textContent()).not.toContain(secret);
      expect(await everywhereStored(page)).not.toContain(secret);
      await expect(page.getByText(/of 1,280 meters/)).toBeVisible();

      const script =
        (await page
          .locator('.api-access__copyable', { hasText: 'Python script' })
          .locator('pre')
          .textContent()) ?? '';
      expect(script).toContain(`TOKEN_ENDPOINT = "${CUSTODIAN_URL}/oauth/token"`);
      expect(script).not.toContain(secret);
      const run = savedPythonScript(script, secret);

      const first = await run();
      expect(first.stderr).toBe('');
      expect(first.stdout).toContain('token: password grant');
      expect(first.stdout).toMatch(
        /scope: FB=[\d_]+;IntervalDuration=900_3600_86400;BlockDuration=daily;HistoryLength=7776000/,
      );
      expect(first.stdout).toMatch(/feed: [1-9]\d* entries/);
      const second = await run();
      expect(second.stdout).toContain('token: refreshed');
      expect(second.stdout).toMatch(/feed: [1-9]\d* entries/);

      // The page lists the token: issued, used, refreshed.
      await page.getByRole('button', { name: 'Check for new tokens' }).click();
      const token = page.locator('.api-access__token');
      await expect(token).toHaveCount(1);
      await expect(token).toContainText('Active');
      await expect(token.getByText('never')).toHaveCount(0);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);

      await token.getByRole('button', { name: 'Revoke this token' }).click();
      await expect(token).toContainText('Revoked');
      const refused = await run();
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('token refused: invalid_grant: The refresh token has been revoked.');

      // Leave the account as it was: delete the client, whose secret then means nothing.
      await page.getByRole('button', { name: 'Delete API client' }).click();
      await page.getByRole('button', { name: 'Delete now' }).click();
      await expect(page.getByRole('heading', { name: 'Create your API client' })).toBeVisible();
    });
  });
}

/**
 * The API access page: a large customer gets a token for their own data with the password grant,
 * uses it, and revokes it; nothing typed there is kept.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';
import { custodian } from './demo-custodian.ts';

// The commercial demo account's own API credentials (src/custodian/directory.ts).
const CLIENT_ID = 'commercial-api';
const CLIENT_SECRET = 'commercial-api-secret';

async function fillCredentials(page: Page, overrides: { clientSecret?: string; password?: string } = {}) {
  await page.getByLabel('Client id').fill(CLIENT_ID);
  await page.getByLabel('Client secret').fill(overrides.clientSecret ?? CLIENT_SECRET);
  await page.getByLabel('Account username').fill('commercial');
  await page.getByLabel('Account password').fill(overrides.password ?? 'demo');
}

/** Every key and value of both storages and the address: where nothing typed may end up. */
async function everywhereStored(page: Page): Promise<string> {
  const stored = await page.evaluate(() =>
    [localStorage, sessionStorage]
      .flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`))
      .join('\n'),
  );
  return `${page.url()}\n${stored}`;
}

test.describe('API access', () => {
  // Refusals the tests provoke: a revoked token (401), wrong credentials (400 invalid_grant, 401 invalid_client).
  test.use({ expectedConsoleErrors: [/status of 40[01]/] });

  test('gets a narrower token for the account’s own data, which works until it is revoked', async ({
    page,
  }) => {
    // Sign-in is three full page loads of a demo build on shared cores.
    test.slow();
    await openSignedIn(page, '/api-access', 'commercial');
    await expect(page.getByText(/RFC\s+9700/)).toBeAttached();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await fillCredentials(page);
    for (const field of ['Client id', 'Client secret', 'Account username', 'Account password']) {
      await expect(page.getByLabel(field)).toHaveAttribute('autocomplete', 'off');
    }
    await page.getByRole('checkbox', { name: 'Natural gas use' }).uncheck();
    await page.getByRole('checkbox', { name: 'Water use' }).uncheck();
    await page.getByLabel('History').selectOption({ label: '90 days (about 3 months)' });
    await page.getByRole('button', { name: 'Get token' }).click();

    await expect(page.getByRole('heading', { name: 'Your access token' })).toBeFocused();
    const token = (await page.locator('pre').first().textContent()) ?? '';
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const scope = page.locator('.api-access__scope');
    await expect(scope).toContainText('HistoryLength=7776000');
    expect(await scope.textContent()).not.toMatch(/FB=[\d_]*_(10|11)_/);
    const resourceUri = (await page.locator('.api-access__uri').textContent()) ?? '';
    expect(resourceUri).toMatch(/\/custodian\/espi\/1_1\/resource\/Batch\/Subscription\//);
    await expect(page.locator('pre').nth(1)).toHaveText(
      `curl -H 'Authorization: Bearer ${token}' -H 'Accept: application/atom+xml' '${resourceUri}'`,
    );
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    const stored = await everywhereStored(page);
    for (const typed of [CLIENT_SECRET, token])
      expect(stored.includes(typed), 'kept in storage or URL').toBe(false);

    // Use it: the token reads the account's data at its resourceURI (a page of it: 1,280 meters).
    const path = `${new URL(resourceUri).pathname.replace(/^\/custodian/, '')}?max-results=3`;
    expect((await custodian(page, path, { bearer: token })).status).toBe(200);

    await page.getByRole('button', { name: 'Revoke this token' }).click();
    await expect(page.getByRole('heading', { name: 'Token revoked' })).toBeFocused();
    expect((await custodian(page, path, { bearer: token })).status).toBe(401);

    // A new form: nothing typed before is still there.
    await page.getByRole('button', { name: 'Get another token' }).click();
    for (const field of ['Client id', 'Client secret', 'Account username', 'Account password']) {
      await expect(page.getByLabel(field)).toHaveValue('');
    }
  });

  test('wrong credentials: the message sits by the fields concerned, and the secrets are cleared', async ({
    page,
  }) => {
    test.slow();
    await openSignedIn(page, '/api-access', 'commercial');
    await fillCredentials(page, { clientSecret: 'not-the-secret' });
    await page.getByRole('button', { name: 'Get token' }).click();
    const error = page.getByRole('alert');
    await expect(error).toContainText('did not accept this client id and secret');
    await expect(error).toBeFocused();
    const errorId = (await error.getAttribute('id')) ?? '';
    for (const field of ['Client id', 'Client secret']) {
      await expect(page.getByLabel(field)).toHaveAttribute('aria-describedby', errorId);
      await expect(page.getByLabel(field)).toHaveAttribute('aria-invalid', 'true');
    }
    await expect(page.getByLabel('Client secret')).toHaveValue('');
    await expect(page.getByLabel('Account password')).toHaveValue('');
    await expectNoAxeViolations(page);

    await fillCredentials(page, { password: 'not-the-password' });
    await page.getByRole('button', { name: 'Get token' }).click();
    await expect(page.getByRole('alert')).toContainText('did not accept this username and password');
    await expect(page.getByLabel('Account password')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Client id')).not.toHaveAttribute('aria-invalid', 'true');
  });
});

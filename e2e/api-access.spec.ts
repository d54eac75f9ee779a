/**
 * The API access page in the demo build (issue 16): the customer manages their own-data API client;
 * no password is typed here. The script's requests are made from the page, since the demo's custodian
 * lives in its service worker; the real script against the HTTP sandbox is e2e/idp/api-access.spec.ts.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';
import { custodian } from './demo-custodian.ts';
import { createClient, everywhereStored, expectCreateForm, shownSecret } from './api-client-page.ts';

/** The password grant the customer's script makes, with the client's id and secret. */
function passwordGrant(page: Page, clientId: string, secret: string) {
  return custodian(page, '/oauth/token', {
    form: { grant_type: 'password', username: 'commercial', password: 'demo' },
    headers: { Authorization: `Basic ${btoa(`${clientId}:${secret}`)}` },
  });
}

test.describe('API access', () => {
  // Refusals the test provokes: a revoked token (401), the rotated-out secret (401 invalid_client).
  test.use({ expectedConsoleErrors: [/status of 401/] });

  test('an account without API access is told so', async ({ page }) => {
    await openSignedIn(page, '/api-access', 'household');
    await expect(page.getByText('API access is not enabled for your account.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('creates the client with its secret shown once, lists and revokes its token, rotates the secret', async ({
    page,
  }) => {
    // Sign-in is three full page loads of a demo build on shared cores, then 1,280 meters.
    test.slow();
    await openSignedIn(page, '/api-access', 'commercial');
    await expectCreateForm(page);
    const secret = await createClient(page);
    const clientId = (await page.locator('dl.details code').first().textContent()) ?? '';
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'I have copied the secret' }).click();
    await expect(page.getByRole('heading', { name: 'Your API client', exact: true })).toBeFocused();
    expect(await page.locator('body').textContent()).not.toContain(secret);
    expect(await everywhereStored(page)).not.toContain(secret);
    await expect(page.getByText('All 1,280 meters.')).toBeVisible();

    const grant = await passwordGrant(page, clientId, secret);
    expect(grant.status).toBe(200);
    expect(grant.body?.refresh_token).toEqual(expect.any(String));
    await page.getByRole('button', { name: 'Check for new tokens' }).click();
    const token = page.locator('.api-access__token');
    await expect(token).toHaveCount(1);
    await expect(token).toContainText('Active');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    await token.getByRole('button', { name: 'Revoke this token' }).click();
    await expect(token).toContainText('Revoked');
    const feed = `${new URL(String(grant.body?.resourceURI)).pathname.replace(/^\/custodian/, '')}?max-results=1`;
    expect((await custodian(page, feed, { bearer: String(grant.body?.access_token) })).status).toBe(401);

    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('button', { name: 'Rotate now' }).click();
    await expect(page.getByRole('heading', { name: 'Your new client secret' })).toBeFocused();
    const rotated = await shownSecret(page);
    expect(rotated).not.toBe(secret);
    expect((await passwordGrant(page, clientId, secret)).body?.error).toBe('invalid_client');
    const second = await passwordGrant(page, clientId, rotated);
    expect(second.status).toBe(200);
    await expectNoAxeViolations(page);

    // Revoking every token is asked first: Cancel leaves the new token working, confirming stops it.
    await page.getByRole('button', { name: 'I have copied the secret' }).click();
    await page.getByRole('button', { name: 'Check for new tokens' }).click();
    const revokeAll = page.getByRole('button', { name: 'Revoke all tokens' });
    const dialog = page.getByRole('dialog', { name: 'Revoke the active token?' });
    await revokeAll.click();
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    const secondFeed = `${new URL(String(second.body?.resourceURI)).pathname.replace(/^\/custodian/, '')}?max-results=1`;
    expect((await custodian(page, secondFeed, { bearer: String(second.body?.access_token) })).status).toBe(
      200,
    );
    await revokeAll.click();
    await dialog.getByRole('button', { name: 'Revoke all now' }).click();
    await expect(page.locator('.api-access__token', { hasText: 'Active' })).toHaveCount(0);
    expect((await custodian(page, secondFeed, { bearer: String(second.body?.access_token) })).status).toBe(
      401,
    );
  });
});

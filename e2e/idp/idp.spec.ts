/**
 * The production build (no mock) against a real, strictly configured OpenID provider (provider.ts)
 * and the mock custodian's HTTP server trusting that provider's JWT access tokens (servers.ts).
 */
import { decodeJwt } from 'jose';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures.ts';
import { signedInUser, storedUser } from '../auth-helpers.ts';
import { allowAtProvider, openSignedIn } from './provider-sign-in.ts';
import {
  ACCESS_TOKEN_SECONDS,
  API_AUDIENCE,
  CUSTODIAN_URL,
  DEMO_TOKEN,
  IDP_ISSUER,
  PORTAL_ORIGIN,
} from './servers.ts';

// Full sign-ins at a provider and a production build on a shared machine.
test.describe.configure({ timeout: 150_000 });

/** The grant types of the token requests the page makes to the provider, as they happen. */
function watchTokenRequests(page: Page): URLSearchParams[] {
  const requests: URLSearchParams[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url() === `${IDP_ISSUER}/token`) {
      requests.push(new URLSearchParams(request.postData() ?? ''));
    }
  });
  return requests;
}

test('signs in at the provider, shows the data, and renews every half lifetime, not every second', async ({
  page,
}) => {
  // Two and a half lifetimes of a 30-second token, on a shared machine.
  test.setTimeout(240_000);
  const tokenRequests = watchTokenRequests(page);
  await openSignedIn(page, '/usage');
  await expect(page.getByText('Maya Okafor')).toBeVisible();
  // The customer API answered the provider's token: the household's meters are listed.
  await expect(page.getByRole('heading', { level: 1, name: 'My energy' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Home electricity (rooftop solar)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Home gas' })).toBeVisible();

  // The code exchange named the resource: the token is an RFC 9068 JWT for the custodian's APIs only.
  const first = await signedInUser(page);
  const signedInAt = Date.now();
  expect(decodeJwt(first.access_token)).toMatchObject({ aud: API_AUDIENCE, iss: IDP_ISSUER });
  expect(first.refresh_token).toBeTruthy();

  // Meanwhile the ESPI API serves the feeds (several token lifetimes' worth on a shared machine).
  await expect(page.getByText(/^Data through /).first()).toBeVisible({ timeout: 75_000 });
  await expectNoAxeViolations(page);
  await page.waitForTimeout(Math.max(0, 2.5 * ACCESS_TOKEN_SECONDS * 1000 - (Date.now() - signedInAt)));
  const refreshes = tokenRequests.filter((params) => params.get('grant_type') === 'refresh_token');
  // One refresh per half lifetime: about five in 75 s (a fixed one-minute warning made one a second).
  const halfLives = (Date.now() - signedInAt) / (ACCESS_TOKEN_SECONDS * 500);
  expect(refreshes.length).toBeGreaterThanOrEqual(3);
  expect(refreshes.length).toBeLessThanOrEqual(Math.ceil(halfLives) + 1);
  for (const refresh of refreshes) expect(refresh.get('resource')).toBe(API_AUDIENCE);

  const renewed = await signedInUser(page);
  expect(renewed.refresh_token).not.toBe(first.refresh_token);
  // The renewed token still opens the data after a reload (sessionStorage keeps the session).
  await page.reload();
  await expect(page.getByRole('link', { name: 'Home gas' })).toBeVisible();
  await expect(page.getByText(/Your session (ends|has ended)/)).toHaveCount(0);
});

test.describe('an API refusal after a renewal that worked', () => {
  test.use({ expectedConsoleErrors: [/status of 401/] });

  test('is shown as the utility refusing, with its words, and the person stays signed in', async ({
    page,
    request,
  }) => {
    const fault = (failingPath: string | null) =>
      request.put(`${CUSTODIAN_URL}/__demo/faults`, {
        headers: { 'X-Demo-Token': DEMO_TOKEN },
        data: { failingPath, failingStatus: 401 },
      });
    // Signed in on a page that does not read the authorizations (the home page does, for its reminder,
    // and the list would then come from the cache instead of the refused request).
    await openSignedIn(page, '/bulk');
    const tokenRequests = watchTokenRequests(page);
    expect((await fault('/api/customer/v1/authorizations')).ok()).toBe(true);
    try {
      await page.getByRole('link', { name: 'Connected apps' }).first().click();
      const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
      await expect(alert).toContainText('refused this request, although your session is still active', {
        timeout: 30_000,
      });
      await expect(alert).toContainText('Demo fault: requests to "/api/customer/v1/authorizations" fail.');
      await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    } finally {
      await fault(null);
    }
    // Renewals only (the one after the 401, perhaps the timer's), which worked; the session goes on.
    const grants = tokenRequests.map((params) => params.get('grant_type'));
    expect(grants.length).toBeGreaterThanOrEqual(1);
    expect(grants.every((grant) => grant === 'refresh_token')).toBe(true);
    await expect(page.getByText('Your session has ended')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('signing out', () => {
  // The refresh token is revoked; the provider refuses to revoke a JWT access token (RFC 7009's
  // unsupported_token_type, a 400): it cannot be recalled and lapses within 30 seconds.
  test.use({ expectedConsoleErrors: [/status of 400/] });

  test("sign-out revokes the tokens and ends the provider's session: the next sign-in asks for the password", async ({
    page,
    request,
  }) => {
    await openSignedIn(page, '/usage');
    const { refresh_token: refreshToken } = await signedInUser(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign out of the utility?' })).toBeVisible();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(`${PORTAL_ORIGIN}/`);
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    expect(await storedUser(page)).toBeNull();

    // Revoked before leaving: the refresh token no longer works at the provider.
    const refresh = await request.post(`${IDP_ISSUER}/token`, {
      form: {
        grant_type: 'refresh_token',
        refresh_token: refreshToken ?? '',
        client_id: 'green-button-portal',
      },
    });
    expect(refresh.status()).toBe(400);
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });

    await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
    await expect(page.getByLabel('Password')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('signing out in one tab signs the other out too; the provider is left once', async ({
    page,
    context,
  }) => {
    const other = await context.newPage();
    await openSignedIn(page, '/usage');
    // The provider remembers this browser: the second tab is not asked for the password, only for consent.
    await other.goto('/usage');
    await other.getByRole('button', { name: 'Sign in', exact: true }).first().click();
    await allowAtProvider(other);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(
      other.getByText('You signed out in another tab, so this tab is signed out too.'),
    ).toBeVisible();
    await expect(other.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    await expect(other.getByText('Maya Okafor')).toHaveCount(0);
    expect(await storedUser(other)).toBeNull();
    await expect(page.getByRole('heading', { name: 'Sign out of the utility?' })).toBeVisible();
    await expect(other).toHaveURL(new RegExp(`^${PORTAL_ORIGIN}/`));
  });
});

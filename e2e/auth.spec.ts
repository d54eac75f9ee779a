/**
 * Sign-in and the session against the mock custodian: the code + PKCE round trip, what must never
 * happen (a wrong verifier accepted, a code in the address bar, a token in localStorage, an open
 * redirect), renewal, the end of a session, sign-out across tabs, and the utility's own page.
 */
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test, followNavLink } from './fixtures.ts';
import { completeCustodianSignIn, openSignedIn, signInFromPage } from './sign-in.ts';
import { signedInUser, storedUser, tamperPendingSignIn } from './auth-helpers.ts';
import { custodian, setFaults } from './demo-custodian.ts';

const PORTAL_CLIENT = 'green-button-portal';

test.describe('sign-in', () => {
  test('the round trip returns to the page asked for, redeems the code once, and leaves a clean URL', async ({
    page,
  }) => {
    const tokenRequests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/custodian/oauth/token')) {
        tokenRequests.push(new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '');
      }
    });
    await openSignedIn(page, '/api-access', 'household');
    await expect(page.getByRole('heading', { level: 1, name: 'API access to your own data' })).toBeVisible();
    await expect(page.getByText('Maya Okafor')).toBeVisible();

    const url = new URL(page.url());
    expect(url.pathname).toBe('/api-access');
    for (const param of ['code', 'state', 'error', 'session_state'])
      expect(url.searchParams.has(param)).toBe(false);

    // One code, redeemed once, even under StrictMode: a second redemption would fail and, as a
    // reused code, revoke the tokens issued with it.
    expect(tokenRequests).toEqual(['authorization_code']);
    const user = await signedInUser(page);
    expect((await custodian(page, '/oauth/userinfo', { bearer: user.access_token })).status).toBe(200);
  });

  test('keeps tokens out of localStorage: only sessionStorage holds them', async ({ page }) => {
    await page.goto('/');
    await signInFromPage(page, 'business');
    const user = await signedInUser(page);
    const secrets = [user.access_token, user.refresh_token, user.id_token].filter(
      (value): value is string => typeof value === 'string',
    );
    expect(secrets.length).toBe(3);
    const local = await page.evaluate(() =>
      Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key) ?? ''}`),
    );
    for (const entry of local) {
      for (const secret of secrets) expect(entry.includes(secret), 'a token in localStorage').toBe(false);
      expect(entry, 'a JWT in localStorage').not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}\./);
    }
  });

  test.describe('with the refusals the custodian answers', () => {
    test.use({ expectedConsoleErrors: [/status of 400/] });

    test('a wrong PKCE verifier is refused with invalid_grant, and nobody is signed in', async ({ page }) => {
      await page.goto('/');
      await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
      await expect(page).toHaveURL(/\/custodian\/oauth\/authorize/);
      // The verifier the portal will send is not the one its challenge was made from.
      await tamperPendingSignIn(page, { code_verifier: 'a-wrong-verifier-'.repeat(4) });
      const tokenResponse = page.waitForResponse(
        (response) =>
          response.url().endsWith('/custodian/oauth/token') && response.request().method() === 'POST',
      );
      await page.getByLabel('Username').fill('household');
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();

      const response = await tokenResponse;
      expect(response.status()).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
      await expect(page.getByRole('heading', { level: 1, name: 'Sign-in did not complete' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('code_verifier');
      await expect(page).toHaveURL(/\/auth\/callback$/);
      expect(await storedUser(page)).toBeNull();
    });
  });

  test('a returnTo on another origin lands on the home page instead', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
    await expect(page).toHaveURL(/\/custodian\/oauth\/authorize/);
    await tamperPendingSignIn(page, { data: { returnTo: 'https://evil.example/phish' } });
    await completeCustodianSignIn(page, 'household');
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  });
});

test.describe('the session', () => {
  test('renews the access token with the refresh token before it expires', async ({ page }) => {
    // Several full page loads (portal, utility, callback) of a demo build on shared cores.
    test.slow();
    await page.goto('/');
    // The portal renews halfway through a token's lifetime: a 20-second token 10 seconds after issue.
    await setFaults(page, { accessTokenLifetime: 20 });
    await signInFromPage(page, 'household');
    const first = await signedInUser(page);

    await expect
      .poll(async () => (await storedUser(page))?.access_token, { timeout: 30_000 })
      .not.toBe(first.access_token);
    const renewed = await signedInUser(page);
    expect(renewed.refresh_token).not.toBe(first.refresh_token);
    expect((await custodian(page, '/oauth/userinfo', { bearer: renewed.access_token })).status).toBe(200);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByText(/Your session (ends|has ended)/)).toHaveCount(0);
  });

  test.describe('after a 401', () => {
    test.use({ expectedConsoleErrors: [/status of 401/] });

    test('one renewal and the retry: the page loads and the person stays where they were', async ({
      page,
    }) => {
      // Several full page loads (portal, utility, callback) of a demo build on shared cores.
      test.slow();
      await openSignedIn(page, '/api-access', 'household');
      const before = await signedInUser(page);
      // The custodian ends this access token (RFC 7009) but not its refresh token.
      const revoked = await custodian(page, '/oauth/revoke', {
        form: { token: before.access_token, token_type_hint: 'access_token', client_id: PORTAL_CLIENT },
      });
      expect(revoked.status).toBe(200);
      const grants: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/custodian/oauth/token')) {
          grants.push(new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '');
        }
      });

      await followNavLink(page, 'Connected apps');
      await expect(page.getByText('BrightWatt Energy Insights').first()).toBeVisible({ timeout: 20_000 });
      expect(grants).toEqual(['refresh_token']);
      expect((await signedInUser(page)).access_token).not.toBe(before.access_token);
      await expect(page).toHaveURL(/\/authorizations$/);
      await expect(page.getByText('Your session has ended')).toHaveCount(0);
    });
  });

  test.describe('when it cannot be renewed', () => {
    test.use({ expectedConsoleErrors: [/status of 400/] });

    test('warns before it ends, says when it has ended, and signs in again back to the same page', async ({
      page,
    }) => {
      // Several full page loads (portal, utility, callback) of a demo build on shared cores.
      test.slow();
      await page.goto('/');
      // A refresh token dead after a second and an access token of eight: renewal is refused.
      await setFaults(page, { accessTokenLifetime: 8, refreshTokenLifetime: 1 });
      await openSignedIn(page, '/api-access', 'household');

      await expect(page.getByRole('alert').filter({ hasText: 'Your session ends soon' })).toBeVisible({
        timeout: 20_000,
      });
      await expect(page.getByRole('alert').filter({ hasText: 'Your session has ended' })).toBeVisible({
        timeout: 20_000,
      });
      await setFaults(page, { accessTokenLifetime: 600, refreshTokenLifetime: 28_800 });
      await page.getByRole('button', { name: 'Sign in again' }).click();
      await completeCustodianSignIn(page, 'household');
      await expect(page).toHaveURL(/\/api-access$/);
      await expect(
        page.getByRole('heading', { level: 1, name: 'API access to your own data' }),
      ).toBeVisible();
    });
  });

  test.describe('signing out', () => {
    test.use({ expectedConsoleErrors: [/status of 40[01]/] });

    test('revokes the tokens and ends the session in every open tab', async ({ page, context }) => {
      // Several full page loads (portal, utility, callback) of a demo build on shared cores.
      test.slow();
      const other = await context.newPage();
      await openSignedIn(page, '/api-access', 'household');
      await openSignedIn(other, '/api-access', 'household');
      const here = await signedInUser(page);
      const there = await signedInUser(other);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByText('You have signed out. Your access tokens were revoked')).toBeVisible();
      await expect(
        other.getByText('You signed out in another tab, so this tab is signed out too.'),
      ).toBeVisible();
      await expect(other.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
      expect(await storedUser(page)).toBeNull();
      expect(await storedUser(other)).toBeNull();

      // RFC 7009 at the custodian: each tab revoked its own tokens.
      for (const [tab, tokens] of [
        [page, here],
        [other, there],
      ] as const) {
        expect((await custodian(tab, '/oauth/userinfo', { bearer: tokens.access_token })).status).toBe(401);
        const refresh = await custodian(tab, '/oauth/token', {
          form: {
            grant_type: 'refresh_token',
            refresh_token: tokens.refresh_token ?? '',
            client_id: PORTAL_CLIENT,
          },
        });
        expect(refresh.body).toMatchObject({ error: 'invalid_grant' });
      }
    });
  });

  test.describe('misconfigured or down', () => {
    test.use({ expectedConsoleErrors: [/status of 500/] });

    test('a discovery document that does not load says so instead of doing nothing', async ({ page }) => {
      await page.goto('/');
      await setFaults(page, { failingPath: '/.well-known/openid-configuration', failingStatus: 500 });
      await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
      await expect(page.getByRole('alert')).toContainText(
        "Sign-in could not start: the utility's sign-in service",
      );
      await expect(page).toHaveURL(/localhost:\d+\/$/);
    });
  });
});

test.describe("the utility's sign-in page", () => {
  test.describe('with a wrong password', () => {
    test.use({ expectedConsoleErrors: [/status of 401/] });

    test('is marked as the utility’s, ties the error to the fields, and passes axe', async ({ page }) => {
      // Several full page loads (portal, utility, callback) of a demo build on shared cores.
      test.slow();
      await page.goto('/');
      await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
      await expect(page).toHaveURL(/\/custodian\/oauth\/authorize/);
      await expect(page.getByRole('banner')).toContainText('Example Utility');
      await expect(
        page.getByText("this is the simulated utility's own sign-in page, not the Green Button Portal"),
      ).toBeVisible();
      await expect(
        page.getByRole('heading', { level: 1, name: 'Sign in to your utility account' }),
      ).toBeFocused();
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);

      await page.getByLabel('Username').fill('household');
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const error = page.getByRole('alert');
      await expect(error).toContainText('The username or password is not right.');
      await expect(error).toBeFocused();
      const errorId = await error.getAttribute('id');
      for (const label of ['Username', 'Password']) {
        await expect(page.getByLabel(label)).toHaveAttribute('aria-describedby', errorId ?? '');
        await expect(page.getByLabel(label)).toHaveAttribute('aria-invalid', 'true');
      }
      await expect(page.getByLabel('Password')).toHaveValue('');
      await expectNoAxeViolations(page);

      await completeCustodianSignIn(page, 'household');
      await expect(page).toHaveURL(/localhost:\d+\/$/);
    });
  });

  test.describe('with requests it refuses', () => {
    test.use({ expectedConsoleErrors: [/status of 400/] });

    test('an unknown client or an unregistered redirect_uri is an error on the page, never a redirect', async ({
      page,
    }) => {
      const request = (clientId: string, redirectUri: string) =>
        `/custodian/oauth/authorize?${new URLSearchParams({
          client_id: clientId,
          redirect_uri: redirectUri,
          response_type: 'code',
          scope: 'openid',
          state: 's',
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 'S256',
        })}`;
      await page.goto('/');
      await page.goto(request('no-such-app', 'https://evil.example/callback'));
      await expect(
        page.getByRole('heading', { level: 1, name: 'This sign-in request cannot be completed' }),
      ).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('No application is registered as "no-such-app"');
      await expect(page).toHaveURL(/\/custodian\/oauth\/authorize\?/);
      await expectNoAxeViolations(page);

      await page.goto(request(PORTAL_CLIENT, 'https://evil.example/callback'));
      await expect(page.getByRole('alert')).toContainText('The redirect_uri is not registered');
      await expect(page).toHaveURL(/\/custodian\/oauth\/authorize\?/);
    });
  });

  test('asks a third-party app’s consent in plain words, with the usage points to share', async ({
    page,
    context,
  }) => {
    // Several full page loads (portal, utility, callback) of a demo build on shared cores.
    test.slow();
    // The app's callback is not on the network here: stand in for it.
    const callbacks: URL[] = [];
    await context.route(/^https:\/\/brightwatt\.example\/callback\?/, async (route) => {
      callbacks.push(new URL(route.request().url()));
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>BrightWatt</title><h1>Back at the app</h1>',
      });
    });
    const scope =
      'FB=1_3_4_5_13_14_15_19_32_37_39;IntervalDuration=3600;BlockDuration=daily;HistoryLength=34128000';
    const authorize = (state: string) =>
      `/custodian/oauth/authorize?${new URLSearchParams({
        client_id: 'brightwatt',
        redirect_uri: 'https://brightwatt.example/callback',
        response_type: 'code',
        scope,
        state,
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      })}`;

    await page.goto('/');
    await page.goto(authorize('allow-1'));
    await expect(page.getByText('BrightWatt Energy Insights asks to read your energy data')).toBeVisible();
    await completeConsentSignIn(page);
    const heading = page.getByRole('heading', { level: 1, name: 'Share your energy data?' });
    await expect(heading).toBeFocused();
    await expect(page.getByText('Signed in as Maya Okafor.')).toBeVisible();
    await expect(page.getByText('Shows where your energy goes each day')).toBeVisible();
    await expect(page.getByRole('link', { name: 'https://brightwatt.example/' })).toBeVisible();
    await expect(page.getByText('Electricity use at regular intervals')).toBeVisible();
    await expect(page.getByText('Up to 395 days (about 13 months) back')).toBeVisible();
    await expect(page.getByText(/Ongoing: the app keeps receiving new data/)).toBeVisible();
    // Electricity only (FB 5): the gas meter is not offered, so it cannot be shared by mistake.
    const meters = page.getByRole('group', { name: 'Usage points to share' }).getByRole('checkbox');
    await expect(meters).toHaveCount(1);
    await expect(meters).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /Home gas/ })).toHaveCount(0);
    // The end of access is shown and can only be made earlier.
    const ends = page.getByLabel('Access ends on');
    await expect(ends).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(ends).toHaveAttribute('max', (await ends.inputValue()) || 'none');
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Allowing nothing is not an allowance: the page asks for at least one usage point.
    await meters.uncheck();
    await page.getByRole('button', { name: 'Allow' }).click();
    const error = page.getByRole('alert');
    await expect(error).toHaveText('Choose at least one usage point to share, or choose Deny.');
    await expect(error).toBeFocused();
    await expect(page.getByRole('group', { name: 'Usage points to share' })).toHaveAttribute(
      'aria-describedby',
      (await error.getAttribute('id')) ?? '',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('checkbox', { name: /Home electricity/ }).check();
    await page.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('heading', { name: 'Back at the app' })).toBeVisible();
    expect(callbacks.at(-1)?.searchParams.get('state')).toBe('allow-1');
    expect(callbacks.at(-1)?.searchParams.get('code')).toBeTruthy();

    await page.goto('/');
    await page.goto(authorize('deny-1'));
    await completeConsentSignIn(page);
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect(page.getByRole('heading', { name: 'Back at the app' })).toBeVisible();
    expect(callbacks.at(-1)?.searchParams.get('error')).toBe('access_denied');
    expect(callbacks.at(-1)?.searchParams.get('state')).toBe('deny-1');
  });
});

async function completeConsentSignIn(page: import('@playwright/test').Page) {
  await page.getByLabel('Username').fill('household');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Acting as a registered third-party app against the demo's mock custodian (it lives in the page's
 * service worker, so the app's requests are made by the page): connecting through the demo panel's
 * consent flow, and reading with the app's own tokens.
 */
import { expect, type Page } from '@playwright/test';
import type { DemoAccount } from './sign-in.ts';

/** From the demo panel: connect as `app`, sign in at the utility as `account`, and reach its consent step. */
export async function startConsent(page: Page, app: string, account: DemoAccount = 'household') {
  await page.getByRole('button', { name: `Connect as ${app}` }).click();
  await expect(page).toHaveURL(/\/custodian\/oauth\/authorize\?/);
  await page.getByLabel('Username').fill(account);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share your energy data?' })).toBeVisible();
}

export interface AppToken {
  access_token: string;
  resourceURI: string;
  authorizationURI: string;
}

/** Allows the consent started by `startConsent` and returns the token response the app received. */
export async function allowAndTakeToken(page: Page): Promise<AppToken> {
  const tokenResponse = page.waitForResponse(
    (r) =>
      r.url().endsWith('/custodian/oauth/token') &&
      (r.request().postData() ?? '').includes(encodeURIComponent('/demo/third-party-callback')),
  );
  await page.getByRole('button', { name: 'Allow' }).click();
  const token = (await (await tokenResponse).json()) as AppToken;
  await expect(page.getByRole('status').filter({ hasText: 'Access granted' })).toBeVisible();
  return token;
}

/** A GET by the app with a bearer token: status and body text. */
export async function readAsApp(page: Page, url: string, accessToken: string) {
  return page.evaluate(
    async ({ url, accessToken }) => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });
      return { status: response.status, text: await response.text() };
    },
    { url, accessToken },
  );
}

/** The app's client_credentials token (demo secrets are `<clientId>-secret`): its Authorizations and notification log. */
export async function clientToken(page: Page, clientId: string): Promise<string> {
  return page.evaluate(async (clientId) => {
    const response = await fetch('/custodian/oauth/token', {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${clientId}:${clientId}-secret`)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }, clientId);
}

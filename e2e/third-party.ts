/**
 * Playing a third-party app in the demo: connect from the demo panel's launcher, consent at the
 * utility, and keep the access token the app received, to read ESPI data as the app does.
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
}

/** On the consent step: allows, and returns the token the app's callback page obtained. */
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

/** A GET of `url` with the app's token, made in the page (the demo's custodian lives in its worker). */
export async function readAsApp(page: Page, url: string, token: AppToken): Promise<number> {
  return page.evaluate(
    async ({ url, accessToken }) => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });
      await response.arrayBuffer();
      return response.status;
    },
    { url, accessToken: token.access_token },
  );
}

/** Signing in to the production build at the OpenID provider (provider.ts): its own pages, then back. */
import { expect, type Page } from '@playwright/test';
import { IDP_ISSUER, PORTAL_ORIGIN } from './servers.ts';

/** The provider's sign-in page (the password typed there), then its consent page, then back. */
export async function signInAtProvider(page: Page, username: string) {
  await expect(page).toHaveURL(new RegExp(`^${IDP_ISSUER}/interaction/`), { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Sign in to your utility' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await allowAtProvider(page);
}

/** prompt=consent: the provider asks every time, and only then issues a refresh token. */
export async function allowAtProvider(page: Page) {
  await expect(page.getByRole('heading', { name: 'Allow the Green Button Portal?' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(new RegExp(`^${PORTAL_ORIGIN}/`));
}

export async function openSignedIn(page: Page, path: string, username = 'household') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
  await signInAtProvider(page, username);
  await expect(page).toHaveURL(`${PORTAL_ORIGIN}${path}`);
}

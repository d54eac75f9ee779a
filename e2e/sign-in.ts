/**
 * Signs in through the real flow: the portal's Sign in button, the (mock) custodian's sign-in page,
 * and back through the OAuth callback. Demo accounts: household, business, commercial; password demo.
 */
import { expect, type Page } from '@playwright/test';

export type DemoAccount = 'household' | 'business' | 'commercial';

/** From a portal page showing a "Sign in" button, signs in and waits until back on the portal. */
export async function signInFromPage(page: Page, account: DemoAccount) {
  await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
  await completeCustodianSignIn(page, account);
}

/** On the custodian's sign-in page: fills the form and waits for the portal to be signed in. */
export async function completeCustodianSignIn(page: Page, account: DemoAccount) {
  await expect(page).toHaveURL(/\/custodian\/oauth\/authorize/);
  await page.getByLabel('Username').fill(account);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The callback exchanges the code and loads the user: allow for a slow, shared machine.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 30_000 });
}

/** Opens `path` signed in as `account`: goes there, signs in, and returns to it. */
export async function openSignedIn(page: Page, path: string, account: DemoAccount) {
  await page.goto(path);
  await signInFromPage(page, account);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/**
 * The API access page's steps both of its journeys take (the demo build, and the production build
 * against the HTTP sandbox): the create form with no password field, creating the client and reading
 * its secret once, and checking the secret was kept nowhere.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations } from './fixtures.ts';

/** The create form, once the account's meters (1,280 for `commercial`) have loaded: no password field. */
export async function expectCreateForm(page: Page) {
  await expect(page.getByRole('heading', { name: 'Create your API client' })).toBeVisible({
    timeout: 30_000,
  });
  // The script sends the password, never the portal.
  await expect(page.locator('input[type=password]')).toHaveCount(0);
  await expectNoAxeViolations(page);
}

/** Creates the client with the ceiling as set on the form: the secret, shown this once. */
export async function createClient(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Create API client' }).click();
  await expect(page.getByRole('heading', { name: 'Your API client is ready' })).toBeFocused();
  return shownSecret(page);
}

/** The secret on screen (after creating or rotating), in its published form. */
export async function shownSecret(page: Page): Promise<string> {
  const secret = (await page.locator('.api-access__copyable pre').textContent()) ?? '';
  expect(secret).toMatch(/^gbs_[\w-]{43}$/);
  return secret;
}

/** Every key and value of both storages and the address: where a secret must never end up. */
export async function everywhereStored(page: Page): Promise<string> {
  const stored = await page.evaluate(() =>
    [localStorage, sessionStorage]
      .flatMap((storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`))
      .join('\n'),
  );
  return `${page.url()}\n${stored}`;
}

/**
 * What the sign-in journeys need besides the shared sign-in helper: reading and changing the session
 * oidc-client-ts keeps in sessionStorage.
 */
import { expect, type Page } from '@playwright/test';

export interface StoredUser {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

/** The signed-in user oidc-client-ts keeps in this tab's sessionStorage, or null. */
export async function storedUser(page: Page): Promise<StoredUser | null> {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
    return key ? (JSON.parse(sessionStorage.getItem(key) ?? 'null') as StoredUser) : null;
  });
}

export async function signedInUser(page: Page): Promise<StoredUser> {
  const user = await storedUser(page);
  expect(user, 'a signed-in user in sessionStorage').not.toBeNull();
  return user as StoredUser;
}

/** Changes the sign-in request this tab has in flight (oidc-client-ts keeps it in sessionStorage). */
export async function tamperPendingSignIn(page: Page, change: Record<string, unknown>) {
  await page.evaluate((change) => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.') && !k.startsWith('oidc.user:'));
    if (!key) throw new Error('no sign-in in progress in this tab');
    const state = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    sessionStorage.setItem(key, JSON.stringify({ ...state, ...change }));
  }, change);
}

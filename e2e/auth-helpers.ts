/**
 * What the sign-in journeys need besides the shared sign-in helper: reading the session oidc-client-ts
 * keeps in sessionStorage, and talking to the mock custodian from inside the page (it lives in the
 * page's service worker, so Node-side requests cannot reach it).
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

export interface CustodianAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

/** A request to the mock custodian at `/custodian${path}`, made by the page. */
export async function custodian(
  page: Page,
  path: string,
  init: { method?: string; form?: Record<string, string>; json?: unknown; bearer?: string } = {},
): Promise<CustodianAnswer> {
  // The portal renders once the mock custodian's worker answers: before that, requests miss it.
  await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
  return page.evaluate(
    async ({ path, init }) => {
      const headers: Record<string, string> = {};
      let body: string | undefined;
      if (init.form) {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(init.form).toString();
      } else if (init.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(init.json);
      }
      if (init.bearer) headers.Authorization = `Bearer ${init.bearer}`;
      const response = await fetch(`/custodian${path}`, {
        method: init.method ?? (body ? 'POST' : 'GET'),
        headers,
        body,
      });
      const text = await response.text();
      let parsed: Record<string, unknown> | null = null;
      try {
        parsed = JSON.parse(text) as Record<string, unknown>;
      } catch {
        parsed = null;
      }
      return { status: response.status, body: parsed };
    },
    { path, init },
  );
}

/** Sets the custodian's demo faults (token lifetimes among them); they persist until a reset. */
export async function setFaults(page: Page, faults: Record<string, unknown>) {
  const answer = await custodian(page, '/__demo/faults', { method: 'PUT', json: faults });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
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

/** Fails when the page scrolls sideways: the 360 px layouts must fit. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'page wider than the viewport').toBeLessThanOrEqual(0);
}

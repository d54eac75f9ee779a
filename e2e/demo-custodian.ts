/**
 * Talking to the mock custodian from inside the page: in demo builds it lives in the page's service
 * worker, so Node-side requests cannot reach it.
 */
import { expect, type Page } from '@playwright/test';

export interface CustodianAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

/** A request to the mock custodian at `/custodian${path}`, made by the page. */
export async function custodian(
  page: Page,
  path: string,
  init: {
    method?: string;
    form?: Record<string, string>;
    json?: unknown;
    bearer?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<CustodianAnswer> {
  // The portal renders once the mock custodian's worker answers: before that, requests miss it.
  await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
  return page.evaluate(
    async ({ path, init }) => {
      const headers: Record<string, string> = { ...init.headers };
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

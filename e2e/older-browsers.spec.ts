/**
 * The oldest supported browsers (Safari/iOS 16.4, see "Supported browsers" in the README) lack
 * `AbortSignal.any`, `Promise.withResolvers` and `URL.canParse`. With the three removed before any
 * script runs, the whole signed-in journey still works: the portal's and the demo's fallbacks carry it.
 */
import { expect, test, followNavLink } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';
import { MAIN_CHART_MARKS } from './chart-marks.ts';

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    // @ts-expect-error: removed as Safari 16.4 lacks them
    delete AbortSignal.any;
    // @ts-expect-error: as above
    delete Promise.withResolvers;
    // @ts-expect-error: as above
    delete URL.canParse;
  });
});

test('signs in, shows usage and connected apps without the newer APIs', async ({ page }) => {
  await openSignedIn(page, '/usage', 'household');
  await expect(page.getByRole('heading', { level: 1, name: 'My energy' })).toBeVisible();
  await expect(page.getByText(/^Data through /).first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Home electricity (rooftop solar)', exact: true }).click();
  await expect(page.locator(MAIN_CHART_MARKS).first()).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('radio', { name: 'Interval' }).click();
  await expect(page).toHaveURL(/res=interval/);

  await followNavLink(page, 'Connected apps');
  await expect(page.getByRole('heading', { level: 1, name: 'Connected apps' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Active \(2\)$/ })).toBeVisible();

  // The journey ran without the native APIs: the portal never needed AbortSignal.any, and the demo's
  // msw ran on the fallbacks.
  const natives = await page.evaluate(() => {
    const isNative = (fn: unknown) => typeof fn === 'function' && String(fn).includes('[native code]');
    return {
      'AbortSignal.any': (AbortSignal as unknown as Record<string, unknown>).any !== undefined,
      'Promise.withResolvers': isNative((Promise as unknown as Record<string, unknown>).withResolvers),
      'URL.canParse': isNative(URL.canParse),
    };
  });
  expect(natives).toEqual({
    'AbortSignal.any': false,
    'Promise.withResolvers': false,
    'URL.canParse': false,
  });
});

/**
 * Changing an authorization without revoking it, and renewing one that ends soon (issue 15). After each,
 * the third party's own view is checked with its own tokens, inside the demo page (the mock custodian
 * lives in its service worker): its Authorization resource, its Subscription feed, and the BatchList
 * notification in the sandbox's notification log.
 */
import type { Page } from '@playwright/test';
import { setFaults } from './demo-custodian.ts';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';
import { allowAndTakeToken, clientToken, readAsApp, startConsent } from './third-party.ts';

// Each journey signs in, connects an app and runs axe; on the shared two-core machine that takes minutes.
test.describe.configure({ timeout: 180_000 });

const SUNTRACK = 'SunTrack Solar Monitor';
const DAY_MS = 86_400_000;
/** A window in 2001: the feed carries its UsagePoints but no readings. */
const NO_READINGS = 'published-min=2001-01-01T00:00:00Z&published-max=2001-01-02T00:00:00Z';
const usDate = (ms: number) =>
  new Date(ms).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });

/** Connects SunTrack over both household meters and opens its page in Connected apps. */
async function connectSunTrack(page: Page) {
  await openSignedIn(page, '/demo', 'household');
  await startConsent(page, SUNTRACK);
  await page.getByRole('checkbox', { name: /Home gas/ }).check();
  await page.getByRole('checkbox', { name: /Home electricity/ }).check();
  const token = await allowAndTakeToken(page);
  await page.getByRole('link', { name: 'See it in Connected apps' }).click();
  const newest = page
    .getByRole('region', { name: /^Active/ })
    .getByRole('listitem')
    .first();
  await newest.getByRole('link', { name: `Details of ${SUNTRACK}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUNTRACK })).toBeVisible();
  return token;
}

/** The usage point ids an Atom feed's UsagePoint entries name. */
const usagePointsIn = (xml: string) =>
  [...xml.matchAll(/<link rel="self" href="[^"]*\/UsagePoint\/([^"/]+)"/g)].map((m) => m[1]);

test.describe('sharing less', () => {
  // The app's read of the summaries it no longer may read is refused on purpose: the browser logs that 403.
  test.use({ expectedConsoleErrors: [/status of 403/] });

  test('shares less with an app through a review step; its Authorization, feed and notification follow', async ({
    page,
  }) => {
    const token = await connectSunTrack(page);
    const feedBefore = await readAsApp(page, `${token.resourceURI}?${NO_READINGS}`, token.access_token);
    expect(usagePointsIn(feedBefore.text).sort()).toEqual(['up-1001-e', 'up-1001-g']);

    await page.getByRole('button', { name: `Change what ${SUNTRACK} can read` }).click();
    const form = page.getByRole('region', { name: `Change what ${SUNTRACK} can read` });
    await form.getByRole('checkbox', { name: 'Home gas' }).uncheck();
    await form.getByRole('checkbox', { name: 'Bill summaries (use per billing period)' }).uncheck();
    await form.getByRole('checkbox', { name: 'Bill summaries with costs' }).uncheck();
    const newEnd = Date.now() + 60 * DAY_MS;
    await form.getByLabel('Last day of access').fill(new Date(newEnd).toISOString().slice(0, 10));
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await form.getByRole('button', { name: 'Review changes' }).click();

    const review = page.getByRole('region', { name: 'Review your changes' });
    await expect(review.getByRole('heading', { name: 'Review your changes' })).toBeFocused();
    await expect(review).toContainText(
      'Stops sharing Home gas; still shared: Home electricity (rooftop solar).',
    );
    await expect(review).toContainText(
      'Stops reading: bill summaries (use per billing period) and bill summaries with costs.',
    );
    await expect(review).toContainText(`Ends on ${usDate(newEnd)} instead of`);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await review.getByRole('button', { name: 'Confirm changes' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Meters shared' })).not.toContainText('Home gas');
    const history = page.getByRole('region', { name: 'Changes you made' });
    await expect(history).toContainText('You shared less');
    await expect(history).toContainText('Stops sharing Home gas');
    await expectNoAxeViolations(page);

    // The app's view, with the token it held before the change.
    const feedAfter = await readAsApp(page, `${token.resourceURI}?${NO_READINGS}`, token.access_token);
    expect(usagePointsIn(feedAfter.text)).toEqual(['up-1001-e']);
    const summaries = await readAsApp(
      page,
      `${token.resourceURI.replace('/Batch/Subscription/', '/Subscription/')}/UsagePoint/up-1001-e/UsageSummary`,
      token.access_token,
    );
    expect(summaries.status).toBe(403);
    const authorization = await readAsApp(page, token.authorizationURI, token.access_token);
    const scope = /<espi:scope>([^<]+)<\/espi:scope>/.exec(authorization.text)?.[1] ?? '';
    expect(scope).toMatch(/^FB=1_3_4_5_8_10_12_13_14_19_/);
    const expiresAt = Number(/<espi:expires_at>(\d+)</.exec(authorization.text)?.[1]);
    expect(usDate(expiresAt * 1000)).toBe(usDate(newEnd));

    // It was told: the newest entry of its notification log is this change's BatchList.
    const log = await readAsApp(
      page,
      '/custodian/sandbox/v1/notifications',
      await clientToken(page, 'suntrack'),
    );
    const newest = (JSON.parse(log.text) as { notifications: { change: string; batchList: string }[] })
      .notifications[0];
    expect(newest?.change).toBe('narrowed');
    expect(newest?.batchList).toContain(`<resources>${token.authorizationURI}</resources>`);
    expect(newest?.batchList).toContain(`<resources>${token.resourceURI}</resources>`);
  });
});

test.describe('when the custodian refuses a change', () => {
  test.use({ expectedConsoleErrors: [/status of 500/] });

  test('the page says nothing changed, and a retry saves it', async ({ page }) => {
    await connectSunTrack(page);
    await page.getByRole('button', { name: `Change what ${SUNTRACK} can read` }).click();
    await page.getByRole('checkbox', { name: 'Home gas' }).uncheck();
    await page.getByRole('button', { name: 'Review changes' }).click();
    await setFaults(page, { failingPath: '/changes', failingStatus: 500 });
    await page.getByRole('button', { name: 'Confirm changes' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`Nothing changed: ${SUNTRACK} can read what it could before.`);
    await expect(alert).toContainText('Demo fault');
    await expect(page.getByRole('region', { name: 'Meters shared' })).toContainText('Home gas');
    await expectNoAxeViolations(page);

    await setFaults(page, { failingPath: null });
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Meters shared' })).not.toContainText('Home gas');
  });
});

test.describe('when the connection drops during a renewal', () => {
  test.use({
    expectedConsoleErrors: [/^Failed to load resource: net::ERR_FAILED$|Failed to fetch|\[MSW\]/],
  });

  test('the page checks with the custodian and, unable to, says the outcome is unknown', async ({ page }) => {
    await openSignedIn(page, '/authorizations', 'household');
    await page
      .getByRole('region', { name: /^Active/ })
      .getByRole('link', { name: `Details of ${SUNTRACK}` })
      .click();
    await page.getByRole('button', { name: /^Renew until/ }).click();
    await setFaults(page, { offline: true });
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Renew until/ })
      .click();
    // Offline, the access log cannot load either and says so in an alert of its own.
    const alert = page.getByRole('alert').filter({ hasText: 'We could not confirm' });
    await expect(alert).toContainText(`We could not confirm whether access for ${SUNTRACK} was renewed.`);
    await expect(alert).toContainText('the same change is never made twice');
    await expectNoAxeViolations(page);

    await setFaults(page, { offline: false });
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Access renewed until' })).toBeVisible();
  });
});

test('an app whose access ends within a month stands out, and renews in one step', async ({ page }) => {
  // Household's SunTrack authorization is seeded to end in 12 days (src/custodian/seed.ts).
  await openSignedIn(page, '/', 'household');
  const reminder = page.getByRole('region', { name: 'Access ending soon' });
  await expect(reminder).toContainText(`${SUNTRACK}: ends in 12 days.`);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await reminder.getByRole('link', { name: `Renew or review ${SUNTRACK}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUNTRACK })).toBeVisible();
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  const renewedEnd = usDate(Date.now() + 365 * DAY_MS);
  const renewal = page.getByRole('region', { name: 'Ends in 12 days' });
  await renewal.getByRole('button', { name: `Renew until ${renewedEnd}` }).click();
  const dialog = page.getByRole('dialog', { name: `Renew access for ${SUNTRACK}?` });
  await expect(dialog).toContainText(`Access will end on ${renewedEnd} instead of`);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: `Renew until ${renewedEnd}` }).click();

  await expect(
    page.getByRole('status').filter({ hasText: `Access renewed until ${renewedEnd}.` }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ends in 12 days' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Changes you made' })).toContainText('You renewed it');

  // The app reads its Authorization with its client token: the new end.
  const authorization = await readAsApp(
    page,
    `/custodian/espi/1_1/resource/Authorization/${id}`,
    await clientToken(page, 'suntrack'),
  );
  const expiresAt = Number(/<espi:expires_at>(\d+)</.exec(authorization.text)?.[1]);
  expect(usDate(expiresAt * 1000)).toBe(renewedEnd);

  await page.getByRole('link', { name: '← All connected apps' }).click();
  await expect(page.locator('.badge--ending')).toHaveCount(0);
});

test('the list calls out the app whose access ends soon', async ({ page }) => {
  await openSignedIn(page, '/authorizations', 'household');
  const suntrack = page
    .getByRole('region', { name: /^Active/ })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: SUNTRACK }) });
  await expect(suntrack.locator('.badge--ending')).toHaveText('Ends in 12 days');
  await expectNoHorizontalScroll(page);
});

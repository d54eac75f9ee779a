/**
 * The app directory and ESPI's custodian-initiated flow: open the directory, connect an app, pick its
 * scope at the app, consent while seeing what the app will see (the right meters and dates, a chart),
 * and land back with the app listed and marked; axe at 1280 and 360 on the directory and consent pages.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, followNavLink, test } from './fixtures.ts';
import { setFaults } from './demo-custodian.ts';
import { openSignedIn } from './sign-in.ts';

// Each journey signs in twice (portal, then the utility's consent page) and runs axe on a shared machine.
test.describe.configure({ timeout: 180_000 });

const DAY = 86_400_000;
const HOUSEHOLD_ZONE = 'America/Los_Angeles';

/** A calendar day of the household's zone, moved by `days`, as the consent page writes it. */
function householdDay(instant: number, days: number): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: HOUSEHOLD_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const day = Date.UTC(part('year'), part('month') - 1, part('day') + days);
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}

/**
 * The days a scope of `historyDays` reaches now: from the first whole local day after its start, to the
 * last day published (readings appear 30 hours after a day ends).
 */
function expectedHistory(historyDays: number): string {
  const now = Date.now();
  return `Readings from ${householdDay(now - historyDays * DAY, 1)} to ${householdDay(now - 30 * 3_600_000, -1)}`;
}

/** From the directory: Connect `app`, choose its first offered scope there, and sign in at the utility. */
async function connectFromDirectory(page: Page, app: string) {
  await page.getByRole('link', { name: `Connect ${app}`, exact: true }).click();
  await expect(page).toHaveURL(/\/demo\/third-party\/[\w-]+\/scope-selection\?scope=.+&DataCustodianID=/);
  await expect(page.getByRole('heading', { level: 1, name: `${app} (demo third-party app)` })).toBeVisible();
  await page.getByRole('button', { name: 'Continue to your utility' }).click();
  await expect(page).toHaveURL(/\/custodian\/oauth\/authorize\?/);
  await page.getByLabel('Username').fill('household');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share your energy data?' })).toBeVisible();
}

test('the directory lists the registered apps, marks the connected ones, and links out safely', async ({
  page,
}) => {
  await openSignedIn(page, '/apps', 'household');
  await expect(page.getByRole('heading', { level: 1, name: 'App directory' })).toBeVisible();
  // Household's seed: BrightWatt and SunTrack active; Neighborhood Gas Compare expired, the markup app revoked.
  await expect(page.getByRole('status').filter({ hasText: '6 apps, 2 connected.' })).toBeVisible();

  const brightwatt = page.getByRole('article', { name: 'BrightWatt Energy Insights' });
  await expect(brightwatt.getByText('Connected', { exact: true })).toBeVisible();
  await expect(brightwatt.getByRole('heading', { level: 3 })).toHaveText(
    'What it asks for: one of 3 choices, picked at the app',
  );
  const terms = brightwatt.getByRole('link', { name: 'Terms of use (opens in a new tab)' });
  await expect(terms).toHaveAttribute('href', 'https://brightwatt.example/terms');
  await expect(terms).toHaveAttribute('target', '_blank');
  await expect(terms).toHaveAttribute('rel', 'noopener noreferrer');

  const gas = page.getByRole('article', { name: 'Neighborhood Gas Compare' });
  await expect(gas.getByText('Connected', { exact: true })).toHaveCount(0);
  await expect(gas.getByRole('definition').first()).toHaveText('Natural gas use');
  // A registration's markup is shown as the characters it is.
  await expect(page.getByRole('heading', { level: 2, name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'GridFlex Demand Response' })).toContainText(
    'give it access on the Bulk access page',
  );
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});

test('connect an app from the directory: its scope choice, a consent that previews its view, and back', async ({
  page,
}) => {
  await openSignedIn(page, '/apps', 'household');
  await connectFromDirectory(page, 'Neighborhood Gas Compare');

  const preview = page.getByRole('region', { name: 'What Neighborhood Gas Compare will see' });
  // A gas-only scope: the gas meter and nothing of the electricity meter; 395 days of history.
  await expect(preview.getByRole('listitem')).toHaveText(['Home gas (meter G-2208815): Gas used']);
  await expect(preview).toContainText(`${expectedHistory(395)}.`);
  const chart = preview.getByRole('figure', { name: 'Home gas, by month (therm)' });
  await expect(chart).toHaveAccessibleDescription(/^Gas used: [\d,]+ therm over 1[34] months; the most in /);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Allow' }).click();
  // The app exchanges the code at the token endpoint: allow for a slow, shared machine.
  await expect(page.getByRole('status').filter({ hasText: 'Access granted' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('link', { name: 'See it in Connected apps' }).click();
  const newest = page
    .getByRole('region', { name: /^Active \(3\)$/ })
    .getByRole('listitem')
    .first();
  await expect(newest.getByRole('heading', { level: 3 })).toHaveText('Neighborhood Gas Compare');
  await expect(newest).toContainText('Home gas');

  await followNavLink(page, 'Connected apps');
  await page.getByRole('link', { name: 'find an app to connect' }).click();
  await expect(page.getByRole('status').filter({ hasText: '6 apps, 3 connected.' })).toBeVisible();
  await expect(
    page.getByRole('article', { name: 'Neighborhood Gas Compare' }).getByText('Connected', { exact: true }),
  ).toBeVisible();
});

test('the preview follows the meters ticked, and charts the one picked', async ({ page }) => {
  await openSignedIn(page, '/apps', 'household');
  await connectFromDirectory(page, 'SunTrack Solar Monitor');
  const preview = page.getByRole('region', { name: 'What SunTrack Solar Monitor will see' });
  await expect(preview.getByRole('listitem')).toHaveText([
    'Home electricity (rooftop solar) (meter E-4471902): Electricity used, Energy exported to the grid (solar)',
    'Home gas (meter G-2208815): Gas used',
  ]);
  // Two years back: the mock publishes 730 days, and the scope allows as much.
  await expect(preview).toContainText(`${expectedHistory(730)}.`);
  await expect(preview.getByRole('figure')).toHaveAccessibleName(
    'Home electricity (rooftop solar), by month (kWh)',
  );
  await preview.getByLabel('Meter to preview').selectOption({ label: 'Home gas' });
  await expect(preview.getByRole('figure')).toHaveAccessibleName('Home gas, by month (therm)');

  await page.getByRole('checkbox', { name: /Home gas/ }).uncheck();
  await expect(preview.getByRole('listitem')).toHaveCount(1);
  await expect(preview.getByLabel('Meter to preview')).toHaveCount(0);
  await expect(preview.getByRole('figure')).toHaveAccessibleName(
    'Home electricity (rooftop solar), by month (kWh)',
  );
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});

test.describe('when the preview cannot be loaded', () => {
  test.use({ expectedConsoleErrors: [/status of 500/] });

  test('it says so, the rest of the consent still stands, and it can be tried again', async ({ page }) => {
    await openSignedIn(page, '/apps', 'household');
    await setFaults(page, { failingPath: '/oauth/interaction/preview', failingStatus: 500 });
    await connectFromDirectory(page, 'Neighborhood Gas Compare');
    const preview = page.getByRole('region', { name: 'What Neighborhood Gas Compare will see' });
    await expect(preview.getByRole('alert')).toContainText('The preview of Home gas could not be loaded');
    await expect(preview.getByRole('listitem')).toHaveText(['Home gas (meter G-2208815): Gas used']);
    await expectNoAxeViolations(page);

    await setFaults(page, { failingPath: null });
    await preview.getByRole('button', { name: 'Try again' }).click();
    await expect(preview.getByRole('figure', { name: 'Home gas, by month (therm)' })).toBeVisible();
  });
});

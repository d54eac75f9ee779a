/**
 * Accounts and bills, read from the custodian's retail-customer resources (CustomerAccount,
 * ServiceLocation, Statement): the household's account and its year of bills, and the cooperative's 64
 * accounts with the latest round of bills, each tied to its account.
 */
import type { Locator } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, followNavLink, test } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';

const money = (text: string | null) => Number((text ?? '').replace(/[^0-9.-]/g, ''));
const cents = (n: number) => Math.round(n * 100);

async function amounts(rows: Locator): Promise<number[]> {
  return (await rows.locator('td.number').allTextContents()).map(money);
}

test('the household sees its account, service address and a year of bills that add up', async ({ page }) => {
  await openSignedIn(page, '/', 'household');
  await followNavLink(page, 'Bills');
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts and bills' })).toBeVisible();

  const accounts = page.getByRole('region', { name: 'Your accounts' });
  const account = accounts.getByRole('row').filter({ hasText: '1001-01' });
  await expect(account).toContainText('1427 Alder Lane, Sacramento, CA 95818');

  const bills = page.getByRole('region', { name: 'Bills' });
  await expect(page.getByLabel('Show')).toHaveValue('year');
  const rows = bills.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const billAmounts = await amounts(rows);
  expect(billAmounts.length).toBeGreaterThanOrEqual(11);
  expect(billAmounts.length).toBeLessThanOrEqual(12);
  expect(billAmounts.every((amount) => amount > 0)).toBe(true);
  // Each bill is a calendar month in the account's zone: "Oct 1 – 31, 2026", never "Oct 1 – Nov 1".
  for (const period of await rows.locator('th').allTextContents())
    expect(period).toMatch(/^[A-Z][a-z]{2} 1\s*–\s*(28|29|30|31), \d{4}$/);
  // The footer is the sum of the rows; the account's latest bill is the newest row.
  const total = money(await bills.locator('tfoot td.number').textContent());
  expect(cents(total)).toBe(cents(billAmounts.reduce((a, b) => a + b, 0)));
  expect(money(await account.locator('td.number').textContent())).toBe(billAmounts[0]);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // A shorter window lives in the URL and survives a reload.
  await page.getByLabel('Show').selectOption({ label: 'Issued in the last month' });
  await expect(page).toHaveURL(/[?&]bills=latest/);
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel('Show')).toHaveValue('latest');
  await expect(rows).toHaveCount(1);
  expect(await amounts(rows)).toEqual([billAmounts[0]]);
});

test('the cooperative sees its 64 accounts and the latest bill of each', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'the household journey covers the phone layout');
  // The mock custodian, in the page, works out 1,280 meters' month of readings for the latest bills.
  test.setTimeout(180_000);
  await openSignedIn(page, '/account', 'commercial');
  const accounts = page.getByRole('region', { name: 'Your accounts' });
  await expect(accounts.locator('tbody tr')).toHaveCount(64, { timeout: 60_000 });
  await expect(page.getByLabel('Show')).toHaveValue('latest');
  const rows = page.getByRole('region', { name: 'Bills' }).locator('tbody tr');
  await expect(rows).toHaveCount(64, { timeout: 30_000 });
  // Each bill names its account's site, once; and its amount is that account's latest bill.
  const latestBySite = new Map<string, number>();
  for (const row of await accounts.locator('tbody tr').all()) {
    const site = (await row.locator('th div').first().textContent()) ?? '';
    latestBySite.set(site, money(await row.locator('td.number').textContent()));
  }
  const billSites = await rows.locator('td:nth-of-type(1)').allTextContents();
  expect(new Set(billSites)).toEqual(new Set(latestBySite.keys()));
  for (const row of (await rows.all()).slice(0, 8)) {
    const site = (await row.locator('td').first().textContent()) ?? '';
    expect(money(await row.locator('td.number').textContent())).toBe(latestBySite.get(site));
  }
  await expectNoAxeViolations(page);

  // An account's meters link to the meter list, searched for the account's site and address: its meters.
  const first = accounts.locator('tbody tr').first();
  const site = (await first.locator('th div').first().textContent()) ?? '';
  const address = (await first.locator('td').first().textContent()) ?? '';
  const meters = (await first.getByRole('link', { name: /meters$/ }).textContent()) ?? '';
  await first.getByRole('link', { name: /meters$/ }).click();
  await expect(page.getByLabel('Search meters')).toHaveValue(`${site} ${address}`);
  await expect(page.locator('#meter-count')).toHaveText(
    `${meters.replace(' meters', '')} of 1,280 meters match`,
  );
});

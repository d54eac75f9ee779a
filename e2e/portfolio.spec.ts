/**
 * The large account's portfolio (commercial: 1,280 meters on 64 sites): sites ranked by cost with the
 * ranking in the URL (reload and Back keep it), the meters that stand out each with its reason and a
 * link to the meter, and three meters picked and compared on one chart with a table.
 */
import type { Locator } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';

// The page's mock sums 1,280 meters' months on the page's thread: a few seconds alone, minutes on a loaded
// shared machine. The two journeys run one after the other, so they do not slow each other down.
test.describe.configure({ mode: 'serial' });
const SUMMED = { timeout: 240_000 };

/** The dollar figures of a column, as numbers. */
async function dollars(cells: Locator): Promise<number[]> {
  return (await cells.allTextContents()).map((text) => Number(text.replace(/[^0-9.]/g, '')));
}

test('sites ranked by cost, and an outlier opened with its reason', async ({ page }) => {
  test.setTimeout(600_000);
  await openSignedIn(page, '/usage', 'commercial');
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  await expect(page.getByText(/1,280 meters on 64 sites/)).toBeVisible(SUMMED);

  const ranking = page.getByRole('region', { name: /^Sites, / });
  const costs = ranking.locator('tbody tr td:nth-child(5)');
  await expect(page.getByRole('heading', { name: 'Sites ranked by cost' })).toBeVisible();
  const descending = await dollars(costs);
  expect(descending).toHaveLength(50);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));

  // Cheapest first: the order lives in the URL, so a reload keeps it and Back undoes it.
  await ranking.getByRole('button', { name: 'Cost', exact: true }).click();
  await expect(page).toHaveURL(/[?&]dir=asc/);
  await expect(ranking.getByRole('columnheader', { name: 'Cost', exact: true })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.reload();
  await expect(costs).toHaveCount(50, SUMMED);
  const ascending = await dollars(costs);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  expect(ascending[0]).toBeLessThan(descending[0] ?? 0);
  await page.getByRole('button', { name: 'Show 14 more' }).click();
  await expect(costs).toHaveCount(64);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await page.goBack();
  await expect(ranking.getByRole('columnheader', { name: 'Cost', exact: true })).toHaveAttribute(
    'aria-sort',
    'descending',
    SUMMED,
  );

  // The meters that stand out: a surge on a year before, a meter that stopped, one read by estimates.
  const outliers = page.getByRole('region', { name: 'Meters that stand out' });
  await expect(outliers.getByText(/^Use per reading \+\d+% on the same month a year before$/)).toHaveCount(2);
  await expect(outliers.getByText(/^\d+% of readings estimated$/)).toHaveCount(1);
  // The meter's item holds its link and, in a list inside, its reasons (items without a link): only the
  // meter's item matches.
  const stopped = outliers
    .getByRole('listitem')
    .filter({ has: page.getByRole('link') })
    .filter({ has: page.getByText(/^No readings since /) });
  await expect(stopped).toHaveCount(1);
  const meter = stopped.getByRole('link');
  const name = (await meter.textContent()) ?? '';
  await meter.click();
  await expect(page).toHaveURL(/\/usage\/up-3001-0200$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('three meters picked in the portfolio and compared on one chart', async ({ page }) => {
  test.setTimeout(600_000);
  await openSignedIn(page, '/portfolio?by=meter', 'commercial');
  const ranking = page.getByRole('region', { name: /^Meters, / });
  const picks = ranking.getByRole('checkbox');
  await expect(picks.first()).toBeVisible(SUMMED);
  const names: string[] = [];
  for (const i of [0, 1, 2]) {
    const pick = picks.nth(i);
    names.push(((await pick.getAttribute('aria-label')) ?? '').replace(/^Compare /, ''));
    await pick.check();
  }
  await expect(page.getByRole('status').filter({ hasText: '3 meters picked.' })).toBeVisible();
  await page.getByRole('link', { name: 'Compare 3 meters' }).click();

  await expect(page).toHaveURL(
    /\/usage\/compare\?meters=up-3001-\d{4}%2Cup-3001-\d{4}%2Cup-3001-\d{4}&month=/,
  );
  const figure = page.getByRole('figure', { name: /^Use per day of 3 meters, / });
  await expect(figure).toBeVisible(SUMMED);
  await expect(figure.locator('.recharts-line')).toHaveCount(3);
  const totals = page.getByRole('region', { name: 'Meters compared' });
  await expect(totals.getByRole('rowheader')).toHaveText(names);
  for (const name of names)
    await expect(figure).toHaveAccessibleDescription(new RegExp(`${name}: [\\d,.]+ `));
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  // Back: the portfolio still lists meters, the three still picked.
  await page.goBack();
  await expect(page.getByRole('status').filter({ hasText: '3 meters picked.' })).toBeVisible();
});

/**
 * The large account's list of all meters (commercial: 1,280 meters): the search lives in the URL, so
 * opening a meter and coming Back returns to the same matches, and a shared link shows them too.
 */
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';

test('the meter search survives opening a meter and coming back', async ({ page }) => {
  // Signing in, 1,280 meters and axe over them take long on the shared two-core machine.
  test.slow();
  await openSignedIn(page, '/usage', 'commercial');
  const search = page.getByLabel('Search meters');
  const count = page.locator('#meter-count');
  await expect(count).toHaveText('1,280 meters');

  await search.fill('#007');
  await expect(count).toHaveText(/^20 of 1,280 meters match$/);
  await expect(page).toHaveURL(/[?&]meters=%23007/);

  const meters = page.getByRole('list', { name: 'Meters found' }).getByRole('link');
  const first = await meters.first().textContent();
  await meters.first().click();
  await expect(page.getByRole('heading', { level: 1, name: first ?? '' })).toBeVisible();

  await page.goBack();
  await expect(search).toHaveValue('#007');
  await expect(count).toHaveText(/^20 of 1,280 meters match$/);
  await expect(meters.first()).toHaveText(first ?? '');
  await expectNoAxeViolations(page);
});

import { expect, expectNoAxeViolations, test } from './fixtures.ts';

const publicPages = [
  { path: '/', heading: 'Your energy data, and who can see it' },
  { path: '/open-file', heading: 'Open a Green Button file' },
  { path: '/demo', heading: 'Demo controls' },
  { path: '/no/such/page', heading: 'Page not found' },
];

const signedInPages = ['/usage', '/authorizations', '/bulk', '/bulk/new', '/api-access'];

test.describe('app shell', () => {
  for (const { path, heading } of publicPages) {
    test(`${path} renders with landmarks, no console error and no axe violation`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('banner')).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await expect(page.getByRole('main')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  for (const path of signedInPages) {
    test(`${path} asks a signed-out visitor to sign in`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in to continue' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('the not-found page offers a way home', async ({ page }) => {
    await page.goto('/nowhere');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expect(page).toHaveURL('/');
  });

  test('the skip link moves keyboard focus to the main content', async ({ page }) => {
    await page.goto('/');
    // The demo renders once its mock custodian has started: wait for the page before typing.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('the page is served with a strict Content-Security-Policy', async ({ page }) => {
    const response = await page.goto('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

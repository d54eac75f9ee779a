import { InMemoryWebStorage } from 'oidc-client-ts';
import { expect, test } from 'vitest';
import { createSessionNoticeStore } from './session-notices.ts';

test('a notice for the next page is shown once, on the next page load only', () => {
  const storage = new InMemoryWebStorage();
  const leaving = createSessionNoticeStore(storage);
  leaving.showOnNextPage('signed-out');
  expect(leaving.get()).toBeNull();
  expect(createSessionNoticeStore(storage).get()).toBe('signed-out');
  expect(createSessionNoticeStore(storage).get()).toBeNull();
});

test('a notice shown now is not repeated on the next page', () => {
  const storage = new InMemoryWebStorage();
  const page = createSessionNoticeStore(storage);
  page.showOnNextPage('signed-out');
  page.show('signed-out');
  expect(createSessionNoticeStore(storage).get()).toBeNull();
});

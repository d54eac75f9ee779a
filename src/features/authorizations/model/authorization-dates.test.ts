import { describe, expect, test } from 'vitest';
import { endingOf, periodEnd, periodInWords, type DatedAuthorization } from './authorization-dates.ts';

const DAY = 86_400;
const base: DatedAuthorization = {
  status: 'active',
  authorizedPeriod: { start: 1_000 * DAY, duration: 365 * DAY },
  createdAt: 1_000 * DAY,
  updatedAt: 1_000 * DAY,
};

describe('endingOf', () => {
  test('active: the end of the authorized period, or none when open-ended', () => {
    expect(endingOf(base)).toEqual({ label: 'Ends', at: 1_365 * DAY });
    expect(endingOf({ ...base, authorizedPeriod: { start: 0, duration: 0 } })).toEqual({ label: 'Ends' });
  });

  test('expired, revoked and denied: when it stopped', () => {
    expect(endingOf({ ...base, status: 'expired' })).toEqual({ label: 'Ended', at: 1_365 * DAY });
    expect(endingOf({ ...base, status: 'revoked', revokedAt: 1_100 * DAY, updatedAt: 1_200 * DAY })).toEqual({
      label: 'Revoked',
      at: 1_100 * DAY,
    });
    expect(endingOf({ ...base, status: 'revoked', updatedAt: 1_200 * DAY })).toEqual({
      label: 'Revoked',
      at: 1_200 * DAY,
    });
    expect(endingOf({ ...base, status: 'denied', createdAt: 999 * DAY })).toEqual({
      label: 'Declined',
      at: 999 * DAY,
    });
  });
});

test('periods: duration 0 is open-ended (ESPI DateTimeInterval)', () => {
  expect(periodEnd({ start: 10, duration: 0 })).toBeUndefined();
  expect(periodEnd({ start: 10, duration: 5 })).toBe(15);
  expect(periodInWords({ start: 0, duration: 0 })).toMatch(/^From .+, with no end date$/);
  expect(periodInWords({ start: 0, duration: 365 * DAY })).toMatch(/^.+ to .+$/);
});

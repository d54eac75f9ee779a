import { describe, expect, it } from 'vitest';
import { daysUntilEnd, endsInWords, endsSoon } from './expiry.ts';

const NOW = 1_750_000_000;
const DAY = 86_400;
const ending = (inSeconds: number, status: 'active' | 'revoked' = 'active') => ({
  status,
  authorizedPeriod: { start: NOW - 300 * DAY, duration: 300 * DAY + inSeconds },
});

describe('expiry reminders', () => {
  it('counts calendar days left, and calls out 30 or fewer', () => {
    expect(daysUntilEnd(ending(12 * DAY), NOW)).toBe(12);
    // A few seconds later it is still the same day, so still 12 days.
    expect(daysUntilEnd(ending(12 * DAY), NOW + 5)).toBe(12);
    expect(endsSoon(ending(30 * DAY), NOW)).toBe(true);
    expect(endsSoon(ending(31 * DAY), NOW)).toBe(false);
  });

  it('says nothing of an open-ended, ended or revoked authorization', () => {
    expect(daysUntilEnd({ status: 'active', authorizedPeriod: { start: NOW, duration: 0 } }, NOW)).toBe(
      undefined,
    );
    expect(daysUntilEnd(ending(-DAY), NOW)).toBe(undefined);
    expect(endsSoon(ending(5 * DAY, 'revoked'), NOW)).toBe(false);
  });

  it('words the last days as a person would', () => {
    expect([0, 1, 12].map(endsInWords)).toEqual(['Ends today', 'Ends tomorrow', 'Ends in 12 days']);
  });
});

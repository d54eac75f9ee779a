import { describe, expect, it } from 'vitest';
import { createLocalTime } from './local-time.ts';
import {
  isoSeconds,
  millisOf,
  nowInSeconds,
  secondsOf,
  secondsOfIso,
  type EpochMillis,
  type EpochSeconds,
} from './time-units.ts';

describe('time units', () => {
  it('converts between seconds, milliseconds and RFC 3339 without losing the second', () => {
    expect(isoSeconds(1_793_516_400)).toBe('2026-11-01T07:00:00Z');
    expect(isoSeconds(1_793_516_400.9)).toBe('2026-11-01T07:00:00Z');
    expect(secondsOfIso('2026-11-01T00:00:00-07:00')).toBe(1_793_516_400);
    expect(secondsOf(1_793_516_400_999)).toBe(1_793_516_400);
    expect(secondsOf(-1)).toBe(-1);
    expect(millisOf(1_793_516_400)).toBe(1_793_516_400_000);
    expect(nowInSeconds(1_793_516_400_500)).toBe(1_793_516_400);
    expect(secondsOfIso('not a date')).toBeNaN();
  });

  it('refuses, at compile time, an instant in one unit where another is meant', () => {
    const clock = createLocalTime(undefined);
    const fromBrowser: EpochMillis = Date.UTC(2026, 10, 1);
    // @ts-expect-error: milliseconds are not seconds (the mistake these types exist for)
    const wrong: EpochSeconds = fromBrowser;
    // @ts-expect-error: the local clock counts in seconds
    clock.toLocal(fromBrowser);
    expect(clock.toLocal(secondsOf(fromBrowser)).day).toBe(1);
    expect(wrong).toBe(fromBrowser);
  });
});

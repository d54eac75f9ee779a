import { describe, expect, it } from 'vitest';
import type { LocalTimeParameters } from './model.ts';
import {
  civilFromDays,
  createLocalTime,
  daysFromCivil,
  decodeDstRule,
  describeDstRule,
  dstRuleHex,
  encodeDstRule,
  US_DST_END,
  US_DST_START,
  usZoneRules,
} from './local-time.ts';
import { type EpochSeconds, millisOf } from './time-units.ts';

const meta = { relatedHrefs: [] };
const ltp = (tzOffset: number, dst = true): LocalTimeParameters => ({
  meta,
  tzOffset,
  dstOffset: dst ? 3600 : 0,
  dstStartRule: dst ? 0x360e2000 : 0xffffffff,
  dstEndRule: dst ? 0xb40e2000 : 0xffffffff,
});
const utc = (iso: string) => Date.parse(iso) / 1000;

const ianaFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset in seconds that the platform's IANA database gives for a zone at an instant. */
function ianaOffset(zone: string, epochSeconds: EpochSeconds): number {
  let format = ianaFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    ianaFormats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(millisOf(epochSeconds)));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local =
    Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) / 1000;
  return local - epochSeconds;
}

describe('DstRuleType', () => {
  it('decodes the reference worked values', () => {
    expect(decodeDstRule(0x360e2000)).toEqual({
      month: 3,
      operator: 3,
      dayOfMonth: 0,
      dayOfWeek: 7,
      hour: 2,
      seconds: 0,
    });
    expect(decodeDstRule(0xb40e2000)).toEqual({
      month: 11,
      operator: 2,
      dayOfMonth: 0,
      dayOfWeek: 7,
      hour: 2,
      seconds: 0,
    });
    // The XSD's own example: third Friday of March, 01:45.
    expect(decodeDstRule(0x380a1a8c)).toEqual({
      month: 3,
      operator: 4,
      dayOfMonth: 0,
      dayOfWeek: 5,
      hour: 1,
      seconds: 2700,
    });
  });

  it('treats FFFFFFFF, absent and malformed words as no rule', () => {
    expect(decodeDstRule(0xffffffff)).toBeUndefined();
    expect(decodeDstRule(-1)).toBeUndefined();
    expect(decodeDstRule(undefined)).toBeUndefined();
    expect(decodeDstRule(0)).toBeUndefined();
  });

  it('encodes back to the same word and hex text', () => {
    for (const word of [0x360e2000, 0xb40e2000, 0x380a1a8c]) {
      const rule = decodeDstRule(word);
      expect(rule).toBeDefined();
      if (rule) expect(encodeDstRule(rule)).toBe(word);
    }
    expect(dstRuleHex(US_DST_END)).toBe('B40E2000');
  });

  it('describes rules in words', () => {
    const start = decodeDstRule(US_DST_START);
    const xsdExample = decodeDstRule(0x380a1a8c);
    expect(start && describeDstRule(start)).toBe('the second Sunday of March at 02:00');
    expect(xsdExample && describeDstRule(xsdExample)).toBe('the third Friday of March at 01:45');
  });
});

describe('civil calendar', () => {
  it('round-trips day counts', () => {
    for (let d = -800_000; d < 800_000; d += 997) {
      const c = civilFromDays(d);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
    }
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(daysFromCivil(2024, 2, 29)).toBe(utc('2024-02-29T00:00:00Z') / 86400);
  });
});

describe('createLocalTime', () => {
  it.each([
    ['America/New_York', -18000],
    ['America/Chicago', -21600],
    ['America/Denver', -25200],
    ['America/Los_Angeles', -28800],
  ])('agrees with %s every hour of 2024 and 2026', (zone, offset) => {
    const clock = createLocalTime(ltp(offset));
    for (const year of [2024, 2026]) {
      const from = utc(`${year}-01-01T00:00:00Z`);
      for (let t = from; t < from + 366 * 86400; t += 1800)
        expect(clock.offsetAt(t)).toBe(ianaOffset(zone, t));
    }
  });

  it('has 23-hour spring days and 25-hour fall days (US Eastern, 2024 and 2026)', () => {
    const clock = createLocalTime(ltp(-18000));
    const dayLength = (y: number, m: number, d: number) =>
      (clock.fromLocal(y, m, d + 1) - clock.fromLocal(y, m, d)) / 3600;
    expect(dayLength(2024, 3, 10)).toBe(23);
    expect(dayLength(2024, 11, 3)).toBe(25);
    expect(dayLength(2026, 3, 8)).toBe(23);
    expect(dayLength(2026, 11, 1)).toBe(25);
    expect(dayLength(2026, 3, 9)).toBe(24);
    expect(clock.dstTransitions(2024)).toEqual({
      start: utc('2024-03-10T07:00:00Z'),
      end: utc('2024-11-03T06:00:00Z'),
    });
    expect(clock.dstTransitions(2026)).toEqual({
      start: utc('2026-03-08T07:00:00Z'),
      end: utc('2026-11-01T06:00:00Z'),
    });
  });

  it('cuts days, weeks and months at local midnight', () => {
    const clock = createLocalTime(ltp(-28800));
    const t = utc('2024-03-10T20:30:00Z'); // 13:30 PDT on the spring-forward day
    expect(clock.startOfLocalDay(t)).toBe(utc('2024-03-10T08:00:00Z'));
    expect(clock.addLocalDays(clock.startOfLocalDay(t), 1)).toBe(utc('2024-03-11T07:00:00Z'));
    expect(clock.startOfLocalWeek(t)).toBe(utc('2024-03-04T08:00:00Z')); // Monday
    expect(clock.startOfLocalWeek(t, 7)).toBe(utc('2024-03-10T08:00:00Z')); // Sunday
    expect(clock.startOfLocalMonth(t)).toBe(utc('2024-03-01T08:00:00Z'));
    expect(clock.addLocalMonths(clock.startOfLocalMonth(t), 1)).toBe(utc('2024-04-01T07:00:00Z'));
    expect(clock.addLocalMonths(clock.fromLocal(2024, 1, 31), 1)).toBe(clock.fromLocal(2024, 2, 29));
    expect(clock.addLocalMonths(clock.fromLocal(2024, 11, 15), 3)).toBe(clock.fromLocal(2025, 2, 15));
    expect(clock.startOfLocalHour(utc('2024-03-10T10:59:59Z'))).toBe(utc('2024-03-10T10:00:00Z'));
  });

  it('gives local parts and ISO text with the offset in effect', () => {
    const clock = createLocalTime(ltp(-18000));
    expect(clock.toLocal(utc('2024-03-10T07:00:00Z'))).toEqual({
      year: 2024,
      month: 3,
      day: 10,
      hour: 3,
      minute: 0,
      second: 0,
      weekday: 7,
      offset: -14400,
    });
    expect(clock.toIsoLocal(utc('2024-03-10T06:59:00Z'))).toBe('2024-03-10T01:59:00-05:00');
    expect(clock.toIsoLocal(utc('2024-03-10T07:00:00Z'))).toBe('2024-03-10T03:00:00-04:00');
  });

  it('maps wall times in the spring gap forward and ambiguous fall times to the first occurrence', () => {
    const clock = createLocalTime(ltp(-18000));
    expect(clock.fromLocal(2024, 3, 10, 2, 30)).toBe(utc('2024-03-10T07:30:00Z')); // 03:30 EDT
    expect(clock.fromLocal(2024, 11, 3, 1, 30)).toBe(utc('2024-11-03T05:30:00Z')); // 01:30 EDT
  });

  it('names zones', () => {
    expect(createLocalTime(ltp(-18000)).zoneName).toBe('US Eastern Time (UTC-05:00, DST)');
    expect(createLocalTime(ltp(-18000)).iana).toBe('America/New_York');
    expect(createLocalTime(ltp(-25200, false)).zoneName).toBe(
      'US Mountain Time (Arizona, no DST) (UTC-07:00)',
    );
    expect(createLocalTime(ltp(-12600)).zoneName).toBe('UTC-03:30 with DST (US rules)');
    // A wrong-signed Eastern offset (a real file's quirk) is taken as given: the reader warns about it.
    expect(createLocalTime(ltp(18000)).zoneName).toBe('UTC+05:00 with DST (US rules)');
    const odd = { ...ltp(3600), dstStartRule: 0x380a1a8c };
    expect(createLocalTime(odd).zoneName).toBe(
      'UTC+01:00 with DST from the third Friday of March at 01:45 to the first Sunday of November at 02:00',
    );
    expect(createLocalTime(undefined).zoneName).toBe('UTC');
  });

  it('falls back to UTC, or to the given rules, without LocalTimeParameters', () => {
    const plain = createLocalTime(undefined);
    expect(plain.isFallback).toBe(true);
    expect(plain.offsetAt(utc('2024-07-01T00:00:00Z'))).toBe(0);
    const pacific = createLocalTime(undefined, usZoneRules('Pacific'));
    expect(pacific.isFallback).toBe(true);
    expect(pacific.offsetAt(utc('2024-07-01T00:00:00Z'))).toBe(-25200);
    expect(pacific.zoneName).toBe('US Pacific Time (UTC-08:00, DST)');
  });

  it('agrees with Europe/Paris for a rule set written as EU wall times', () => {
    const clock = createLocalTime({
      meta,
      tzOffset: 3600,
      dstOffset: 3600,
      dstStartRule: encodeDstRule({
        month: 3,
        operator: 7,
        dayOfMonth: 0,
        dayOfWeek: 7,
        hour: 2,
        seconds: 0,
      }),
      dstEndRule: encodeDstRule({ month: 10, operator: 7, dayOfMonth: 0, dayOfWeek: 7, hour: 3, seconds: 0 }),
    });
    expect(clock.iana).toBe('Europe/Paris');
    const from = utc('2025-01-01T00:00:00Z');
    for (let t = from; t < from + 365 * 86400; t += 3600)
      expect(clock.offsetAt(t)).toBe(ianaOffset('Europe/Paris', t));
  });
});

/**
 * The clock a usage point's data is shown in: its LocalTimeParameters, else the document's only one, else
 * the zone the customer API gives for the service address (reference section 6: fall back to the
 * custodian's known zone), else UTC, which the zone name then says.
 */
import {
  createLocalTime,
  type EspiDocument,
  formatUtcOffset,
  type LocalTime,
  type LocalTimeParameters,
  type TimeZoneRules,
  US_DST_END,
  US_DST_START,
  type UsagePoint,
  usZoneRules,
} from '../../../espi/index.ts';

const US_ZONES: Readonly<Record<string, Parameters<typeof usZoneRules>[0]>> = {
  'America/New_York': 'Eastern',
  'America/Detroit': 'Eastern',
  'America/Chicago': 'Central',
  'America/Denver': 'Mountain',
  'America/Los_Angeles': 'Pacific',
};

export function rulesForZone(timeZone: string | undefined): TimeZoneRules | undefined {
  const zone = timeZone === undefined ? undefined : US_ZONES[timeZone];
  return zone ? usZoneRules(zone) : undefined;
}

export function clockFor(
  doc: EspiDocument,
  usagePoint: UsagePoint | undefined,
  timeZone?: string,
): LocalTime {
  return chooseClock(doc, usagePoint, timeZone).clock;
}

/** The clock, and when the file's own zone was overruled, why (to show beside the chart). */
export interface ClockChoice {
  clock: LocalTime;
  correction?: string;
}

/**
 * The clock from the usage point's LocalTimeParameters, unless they contradict themselves. Some utilities
 * write tzOffset with the wrong sign (+18000 for Massachusetts): US daylight-saving rules are only used west
 * of Greenwich, and daily readings that start at local midnight only under the opposite sign say the same.
 * With that evidence the sign is turned, and the correction said.
 */
export function chooseClock(
  doc: EspiDocument,
  usagePoint: UsagePoint | undefined,
  timeZone?: string,
): ClockChoice {
  const own =
    usagePoint?.localTime ?? (doc.localTimeParameters.length === 1 ? doc.localTimeParameters[0] : undefined);
  const fallback = rulesForZone(timeZone);
  const evidence = own && usagePoint ? signEvidence(own, usagePoint) : [];
  if (!own || evidence.length === 0) return { clock: createLocalTime(own, fallback) };
  const clock = createLocalTime({ ...own, tzOffset: -(own.tzOffset ?? 0) });
  return {
    clock,
    correction: `The file gives its time zone as ${formatUtcOffset(own.tzOffset ?? 0)}, but ${evidence.join(
      ' and ',
    )}: times are shown at ${formatUtcOffset(clock.tzOffset)}${clock.placeName ? ` (${clock.placeName})` : ''}.`,
  };
}

const DAY = 86400;

function signEvidence(ltp: LocalTimeParameters, usagePoint: UsagePoint): string[] {
  const offset = ltp.tzOffset ?? 0;
  if (offset === 0) return [];
  const evidence: string[] = [];
  const usRules =
    (ltp.dstStartRule ?? 0) >>> 0 === US_DST_START && (ltp.dstEndRule ?? 0) >>> 0 === US_DST_END;
  if (usRules && offset > 0) evidence.push('it follows US daylight-saving rules, used only west of UTC');
  if (daysStartAtMidnight(usagePoint, -offset) && !daysStartAtMidnight(usagePoint, offset))
    evidence.push(`its daily readings start at midnight only at ${formatUtcOffset(-offset)}`);
  return evidence;
}

/** Whether the usage point's day-long readings (if any, of the first 100) start on a midnight at this standard offset, give or take DST. */
function daysStartAtMidnight(usagePoint: UsagePoint, offset: number): boolean {
  let daily = 0;
  for (const { readings } of usagePoint.meterReadings) {
    for (let i = 0; i < Math.min(readings.count, 100); i++) {
      const duration = readings.duration[i] ?? 0;
      if (duration < DAY - 3600 || duration > DAY + 3600) continue;
      const secondOfDay = ((((readings.start[i] ?? 0) + offset) % DAY) + DAY) % DAY;
      if (secondOfDay !== 0 && secondOfDay !== DAY - 3600) return false;
      daily++;
    }
  }
  return daily > 0;
}

/** The usage point of a document that an href or id names, or the document's only one. */
export function usagePointIn(
  doc: EspiDocument,
  wanted: { href?: string; id?: string },
): UsagePoint | undefined {
  const found = doc.usagePoints.find(
    (up) =>
      (wanted.href !== undefined && up.meta.selfHref === wanted.href) ||
      (wanted.id !== undefined && up.meta.selfHref?.endsWith(`/UsagePoint/${wanted.id}`)),
  );
  return found ?? (doc.usagePoints.length === 1 ? doc.usagePoints[0] : undefined);
}

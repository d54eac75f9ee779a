/**
 * The clock a usage point's data is shown in: its LocalTimeParameters, else the document's only one, else
 * the zone the customer API gives for the service address (reference section 6: fall back to the
 * custodian's known zone), else UTC, which the zone name then says.
 */
import { createLocalTime, usZoneRules, type LocalTime, type TimeZoneRules } from '../../espi/local-time.ts';
import type { EspiDocument, UsagePoint } from '../../espi/model.ts';

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
  const own =
    usagePoint?.localTime ?? (doc.localTimeParameters.length === 1 ? doc.localTimeParameters[0] : undefined);
  return createLocalTime(own, rulesForZone(timeZone));
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

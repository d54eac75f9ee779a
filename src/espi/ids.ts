/**
 * Deterministic Atom ids. ESPI wants `urn:uuid:` ids of UUID type 3 or 5 (GBA-web /fb15, /fb60), stable for
 * UsagePoints, MeterReadings, ReadingTypes and LocalTimeParameters across files, and derived with UUIDv5 over
 * a meter identifier plus a suffix (GBIO `espi/uuid_guidance.md`; docs/espi.md 2.1 "Ids"): the same resource sent
 * twice gets the same id, so a third party can tell an update from a new resource.
 */
import { v5 } from 'uuid';

/** This portal's UUIDv5 namespace: v5 of its name in the RFC 4122 URL namespace, fixed forever. */
export const ESPI_ID_NAMESPACE = v5('https://green-button-portal.example/espi', v5.URL);

/** A UUIDv5 of `name` in `namespace` (the portal's by default). */
export function uuidV5(name: string, namespace: string = ESPI_ID_NAMESPACE): string {
  return v5(name, namespace);
}

/** `urn:uuid:` id for a resource named by its parts, e.g. `espiId(meterId, 'IntervalBlock', '2024-03-10')`. */
export function espiId(...parts: readonly (string | number)[]): string {
  return `urn:uuid:${uuidV5(parts.join('/'))}`;
}

const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** True for a well-formed `urn:uuid:` id. */
export function isUrnUuid(id: string): boolean {
  return URN_UUID.test(id);
}

/**
 * The usage pages show every usage point as the custodian lists it: the portal's one usage-points query
 * (src/lib/usage-points.ts), without a `select`. The name says what a usage point is here: a listing,
 * before its ESPI feed is read.
 */
export type { UsagePoint as UsagePointListing } from '../../../lib/usage-points.ts';

/**
 * A usage point as the bulk pages show and select it: enough to recognise it (site, address, meter
 * number) and to filter by service. Ids are the custodian's usage point ids, the unit of a grant.
 */
export interface Meter {
  id: string;
  title: string;
  /** ESPI ServiceKind (docs/espi.md 3): 0 electricity, 1 gas, 2 water. */
  serviceKind: number;
  meterId: string;
  site: string;
  address: string;
  /** The custodian lets this meter into a bulk grant (an active service). */
  bulkEligible: boolean;
}

/**
 * ESPI ServiceKind (`UsagePoint/ServiceCategory/kind`, espi.xsd ServiceKind): the one table of what each
 * code is called in the schema and in plain words, and the unit a custodian usually publishes its
 * readings in. The portal's pages, the bulk meter filter and the mock custodian all read it from here.
 */

export interface ServiceKindInfo {
  readonly kind: number;
  /** The schema's name: `electricity`, `gas`, `water`, ... */
  readonly name: string;
  /** Plain words for a person: `Electricity`, `Gas`, `Water`, ... */
  readonly label: string;
  /** The UnitSymbolKind readings of this service usually come in (72 Wh, 169 therm, 128 US gallon), if any. */
  readonly uom?: number;
}

export const SERVICE_KINDS = [
  { kind: 0, name: 'electricity', label: 'Electricity', uom: 72 },
  { kind: 1, name: 'gas', label: 'Gas', uom: 169 },
  { kind: 2, name: 'water', label: 'Water', uom: 128 },
  { kind: 3, name: 'time', label: 'Time' },
  { kind: 4, name: 'heat', label: 'Heat' },
  { kind: 5, name: 'refuse', label: 'Refuse' },
  { kind: 6, name: 'sewerage', label: 'Sewerage' },
  { kind: 7, name: 'rates', label: 'Rates' },
  { kind: 8, name: 'tvLicence', label: 'TV licence' },
  { kind: 9, name: 'internet', label: 'Internet' },
] as const satisfies readonly ServiceKindInfo[];

function serviceKindInfo(kind: number): ServiceKindInfo | undefined {
  return (SERVICE_KINDS as readonly ServiceKindInfo[]).find((s) => s.kind === kind);
}

/** The schema name (`electricity`, `gas`, `water`, ...), `none` when absent, `unknown (n)` for a code espi.xsd lacks. */
export function serviceKindName(kind: number | undefined): string {
  if (kind === undefined) return 'none';
  return serviceKindInfo(kind)?.name ?? `unknown (${kind})`;
}

/** The service in plain words: `Electricity`, `Gas`, `Water`; `Service` when a feed names none. */
export function serviceLabel(kind: number | undefined): string {
  if (kind === undefined) return 'Service';
  return serviceKindInfo(kind)?.label ?? 'Other service';
}

import { serviceKindName } from '../../espi/enumerations.ts';

/** `Electricity`, `Gas`, `Water`: ServiceKind as a label. */
export function serviceLabel(kind: number | undefined): string {
  if (kind === undefined) return 'Service';
  const name = serviceKindName(kind);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * The units a person may switch a chart to, with the conversions from units.ts: gas in therms, ccf, m³
 * or kWh; water in gallons, litres, m³ or ccf. Gas volume to energy depends on the gas's heat content,
 * so those options say they are estimates (units.ts: the US average, unless the bill gives the figure).
 */
import {
  convertEnergy,
  convertVolume,
  type EnergyUnit,
  gasEnergyToVolume,
  gasVolumeToEnergy,
  type VolumeUnit,
} from '../../../espi/index.ts';

export interface UnitOption {
  unit: string;
  /** Multiply a value in the data's own unit by this. */
  factor: number;
  /** Shown beside the value when the conversion is an estimate. */
  estimate: boolean;
}

/** Display units (units.ts `displayUnitFor`) as the conversion tables name them. */
const VOLUMES: Readonly<Record<string, VolumeUnit>> = { 'm³': 'm3', ccf: 'ccf', gal: 'USgal', L: 'L' };
const ENERGIES: Readonly<Record<string, EnergyUnit>> = { therm: 'therm', kWh: 'kWh', MJ: 'MJ', BTU: 'BTU' };

const option = (unit: string, factor: number, estimate = false): UnitOption => ({ unit, factor, estimate });

/** The units this data can be shown in, its own first; one option when there is nothing to convert. */
export function unitOptions(unit: string, serviceKind: number | undefined): UnitOption[] {
  const own = option(unit, 1);
  const energy = ENERGIES[unit];
  const volume = VOLUMES[unit];
  const gas = serviceKind === 1;
  if (gas && energy) {
    return [
      own,
      ...(['therm', 'kWh'] as const)
        .filter((u) => u !== unit)
        .map((u) => option(u, convertEnergy(1, energy, u))),
      option('ccf', gasEnergyToVolume(1, energy, 'ccf'), true),
      option('m³', gasEnergyToVolume(1, energy, 'm3'), true),
    ];
  }
  if (gas && volume) {
    return [
      own,
      ...(['ccf', 'm³'] as const)
        .filter((u) => u !== unit)
        .map((u) => option(u, convertVolume(1, volume, VOLUMES[u] ?? 'm3'))),
      option('therm', gasVolumeToEnergy(1, volume, 'therm'), true),
    ];
  }
  if (volume) {
    return [
      own,
      ...(['gal', 'L', 'm³', 'ccf'] as const)
        .filter((u) => u !== unit)
        .map((u) => option(u, convertVolume(1, volume, VOLUMES[u] ?? 'm3'))),
    ];
  }
  return [own];
}

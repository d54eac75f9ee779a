/**
 * The energy a customer drew from the grid, as the pricing engine takes it: a usage point's delivered
 * (flowDirection 1, "forward") electricity in kWh. Energy sent back (rooftop solar, flowDirection 19) is
 * not priced: crediting it is a net-metering rule URDB's energy structure does not settle (docs/openapi.yaml).
 */
import { scaleValue } from '../units.ts';
import type { MeterReading, UsagePoint } from '../model.ts';
import type { EnergySeries } from './price.ts';

/** UnitSymbolKind 72: watt-hours (docs/espi.md 2.2). */
const WATT_HOURS = 72;
const FORWARD = 1;

/** The usage point's delivered watt-hour MeterReading, if it has one. */
export function deliveredEnergyReading(usagePoint: UsagePoint): MeterReading | undefined {
  return usagePoint.meterReadings.find((m) => {
    const rt = m.readingType;
    return rt?.uom === WATT_HOURS && (rt.flowDirection ?? FORWARD) === FORWARD && m.readings.count > 0;
  });
}

/** A watt-hour MeterReading's interval readings in kWh (the columns' start and duration are shared, not copied). */
export function energySeries(meterReading: MeterReading): EnergySeries {
  const { readings, readingType } = meterReading;
  const kWh = new Float64Array(readings.count);
  for (let i = 0; i < readings.count; i++)
    kWh[i] = scaleValue(readings.value[i] as number, readingType?.powerOfTenMultiplier) / 1000;
  return { count: readings.count, start: readings.start, duration: readings.duration, kWh };
}

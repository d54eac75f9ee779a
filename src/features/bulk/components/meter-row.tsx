import { memo } from 'react';
import { serviceLabel } from '../../../espi/index.ts';
import type { Meter } from '../model/meter.ts';

/**
 * One meter with its checkbox. Shared by the virtualized list and the benchmark's plain list, so the
 * two differ only in how many rows they render.
 */
export const MeterRow = memo(function MeterRow(props: {
  meter: Meter;
  checked: boolean;
  onToggle: (id: string) => void;
}) {
  const { meter, checked, onToggle } = props;
  return (
    // eslint-disable-next-line jsx-a11y/label-has-associated-control -- its text comes from expressions the rule cannot read
    <label className="meter-row">
      <input type="checkbox" checked={checked} onChange={() => onToggle(meter.id)} />
      <span className="meter-row__text">
        <span className="meter-row__title">{meter.title || meter.site}</span>
        <span className="meter-row__meta">
          {serviceLabel(meter.serviceKind)} · Meter {meter.meterId} · {meter.address}
        </span>
      </span>
    </label>
  );
});

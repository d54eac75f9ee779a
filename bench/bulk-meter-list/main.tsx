/**
 * The bulk meter selector with 5,000 meters, for bench/cases/meter-list-filter-select.ts: `?list=virtual`
 * renders the portal's component as it ships; `?list=plain` the same component with every matching row
 * in the DOM (the same MeterRow), the baseline a non-virtualized list would be.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MeterRow } from '../../src/features/bulk/components/meter-row.tsx';
import { MeterSelector, type MeterListProps } from '../../src/features/bulk/components/meter-selector.tsx';
import type { Meter } from '../../src/features/bulk/model/meter.ts';
import type { Selection } from '../../src/features/bulk/model/selection.ts';
import '../../src/styles/global.css';

export const METER_COUNT = 5000;
const KINDS = ['Store', 'Warehouse', 'Office', 'Plant', 'Distribution Center'];
const STREETS = ['Commerce Way', 'Market Street', 'Mill Lane', 'Depot Road', 'Riverside Drive'];

function meters(): Meter[] {
  return Array.from({ length: METER_COUNT }, (_, n) => {
    const siteIndex = n % 250;
    const site = `${KINDS[siteIndex % KINDS.length]} #${String(siteIndex + 1).padStart(3, '0')}`;
    const serviceKind = n % 10 < 7 ? 0 : n % 10 < 9 ? 1 : 2;
    return {
      id: `up-${n + 1}`,
      title: `${site}: ${['Main service', 'Gas', 'Water'][serviceKind]}`,
      serviceKind,
      meterId: `${'EGW'[serviceKind]}-${String(5_000_000 + ((n * 7919) % 4_000_000))}`,
      site,
      address: `${100 + siteIndex * 17} ${STREETS[siteIndex % STREETS.length]}, Albany, NY 12207`,
      bulkEligible: true,
    };
  });
}

function PlainMeterList(props: MeterListProps) {
  return (
    <div className="meter-list meter-list--full">
      <ul aria-label={props.label}>
        {props.meters.map((meter) => (
          <li key={meter.id}>
            <MeterRow meter={meter} checked={props.selected.has(meter.id)} onToggle={props.onToggle} />
          </li>
        ))}
      </ul>
    </div>
  );
}

const all = meters();
const plain = new URLSearchParams(location.search).get('list') === 'plain';

function Bench() {
  const [selected, setSelected] = useState<Selection>(new Set());
  return (
    <MeterSelector
      meters={all}
      selected={selected}
      onChange={setSelected}
      label="Meters"
      {...(plain ? { list: PlainMeterList } : {})}
    />
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Bench />
    </StrictMode>,
  );
}

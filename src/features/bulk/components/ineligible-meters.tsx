import { countOf, nounFor } from '../../../espi/index.ts';
import type { Meter } from '../model/meter.ts';
import { MeterNames } from './meter-names.tsx';

/** Meters the custodian will not put in a bulk grant, named with the reason rather than silently left out. */
export function IneligibleMeters(props: { ids: readonly string[]; byId: ReadonlyMap<string, Meter> }) {
  const count = countOf(props.ids.length, 'meter');
  return (
    <details className="card">
      <summary>
        {count} {nounFor(props.ids.length, 'is', 'are')} not offered: no active service
      </summary>
      <p>
        The utility shares meters in bulk only while their service is active. A disconnected meter’s history
        stays in your own data; it can join a grant once service is restored.
      </p>
      <MeterNames ids={props.ids} byId={props.byId} />
    </details>
  );
}

import { countOf } from '../../../espi/index.ts';
import type { Meter } from '../model/meter.ts';

export function meterName(meter: Meter | undefined, id: string): string {
  return meter ? `${meter.title || meter.site} (meter ${meter.meterId})` : `Usage point ${id}`;
}

/** The custodian's reasons for leaving a meter out (docs/openapi.yaml `rejected[].reason`). */
const REASONS: Record<string, string> = {
  unknown: 'the utility does not know this meter',
  'not-yours': 'not one of your meters',
  'not-eligible': 'not eligible for bulk access, or not in this grant',
};

/**
 * The meters a result names: a short list, scrollable when long (and then reachable by keyboard, so it
 * can be scrolled without a mouse), every name as text.
 */
export function MeterNames(props: {
  ids: readonly string[];
  byId: ReadonlyMap<string, Meter>;
  reasons?: ReadonlyMap<string, string>;
}) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling list needs a keyboard stop (WCAG 2.1.1).
    <ul className="outcome-list" tabIndex={0} aria-label={countOf(props.ids.length, 'meter')}>
      {props.ids.map((id) => {
        const reason = props.reasons?.get(id);
        return (
          <li key={id}>
            {meterName(props.byId.get(id), id)}
            {reason && `: ${REASONS[reason] ?? reason}`}
          </li>
        );
      })}
    </ul>
  );
}

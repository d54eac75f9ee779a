import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import {
  dayNumber,
  defaultRange,
  MAX_RANGE_DAYS,
  RESOLUTION_LABELS,
  shiftRange,
  type DayRange,
  type Resolution,
  type SeriesKey,
  type UsageViewState,
} from '../model/range.ts';
import { seriesLabel } from '../model/series-style.ts';
import type { UnitOption } from '../model/unit-options.ts';

export interface ViewControlsProps {
  state: UsageViewState;
  onChange: (next: UsageViewState) => void;
  /** The series this usage point can show. */
  available: SeriesKey[];
  netMetered: boolean;
  /** The resolutions this meter's readings can show (resolutions.ts). */
  offered: Resolution[];
  /** The day default ranges end on: the last with data. */
  lastDay: string;
  units: UnitOption[];
  unit: string;
  onUnitChange: (unit: string) => void;
}

/** Resolution, range (typed dates, or a step back and forth), series and unit: the view a person bookmarks. */
export function ViewControls(props: ViewControlsProps) {
  const { state, onChange } = props;
  return (
    <div className="usage-controls">
      <fieldset>
        <legend>Resolution</legend>
        <div className="segmented">
          {props.offered.map((resolution) => (
            <label key={resolution}>
              <input
                type="radio"
                name="resolution"
                value={resolution}
                checked={state.resolution === resolution}
                onChange={() =>
                  onChange({ ...state, resolution, range: defaultRange(resolution, props.lastDay) })
                }
              />
              {RESOLUTION_LABELS[resolution]}
            </label>
          ))}
        </div>
      </fieldset>
      <RangeForm
        key={`${state.range.from}/${state.range.to}`}
        range={state.range}
        onApply={(range) => onChange({ ...state, range })}
      />
      <div className="actions">
        <Button
          variant="secondary"
          small
          onClick={() => onChange({ ...state, range: shiftRange(state.range, -1) })}
        >
          Earlier
        </Button>
        <Button
          variant="secondary"
          small
          onClick={() => onChange({ ...state, range: shiftRange(state.range, 1) })}
        >
          Later
        </Button>
      </div>
      <fieldset>
        <legend>Show</legend>
        <div className="segmented">
          {props.available.map((key) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={state.series.includes(key)}
                onChange={(event) =>
                  onChange({
                    ...state,
                    series: event.target.checked
                      ? props.available.filter((k) => k === key || state.series.includes(k))
                      : state.series.filter((k) => k !== key),
                  })
                }
              />
              {seriesLabel(key, props.netMetered)}
            </label>
          ))}
        </div>
      </fieldset>
      {props.units.length > 1 && (
        <div className="field">
          <label htmlFor="usage-unit">Unit</label>
          <select
            id="usage-unit"
            value={props.unit}
            onChange={(event) => props.onUnitChange(event.target.value)}
          >
            {props.units.map((option) => (
              <option key={option.unit} value={option.unit}>
                {option.unit}
                {option.estimate ? ' (estimated conversion)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

function RangeForm(props: { range: DayRange; onApply: (range: DayRange) => void }) {
  const [from, setFrom] = useState(props.range.from);
  const [to, setTo] = useState(props.range.to);
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (a === undefined || b === undefined) return setError('Enter both dates.');
    if (a > b) return setError('The first day must come before the last.');
    if (b - a + 1 > MAX_RANGE_DAYS) return setError(`Choose at most ${MAX_RANGE_DAYS} days.`);
    setError(undefined);
    props.onApply({ from, to });
  };
  return (
    <form className="actions" onSubmit={submit} aria-label="Date range" noValidate>
      <div className="field">
        <label htmlFor="usage-from">From</label>
        <input id="usage-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="usage-to">To</label>
        <input id="usage-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <Button type="submit" small>
        Show these days
      </Button>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

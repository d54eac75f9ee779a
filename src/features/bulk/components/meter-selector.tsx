/**
 * Choosing meters among thousands: search, service filter, "select all N matching", and a list that
 * renders only the rows in view (@tanstack/react-virtual), so filtering and selecting stay fast with
 * 5,000 meters. One component for the wizard, for adding meters to a grant and for removing them.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentType,
} from 'react';
import { filterMeters, indexMeters, NO_FILTER, type MeterFilter } from '../model/meter-filter.ts';
import { DISPLAY_LOCALE, SERVICE_KINDS } from '../../../espi/index.ts';
import type { Meter } from '../model/meter.ts';
import { coverage, deselectAll, selectAll, toggle, type Selection } from '../model/selection.ts';
import { MeterRow } from './meter-row.tsx';
import './bulk.css';

const ROW_ESTIMATE_PX = 64;
const number = new Intl.NumberFormat(DISPLAY_LOCALE);

export interface MeterListProps {
  label: string;
  meters: readonly Meter[];
  selected: Selection;
  onToggle: (id: string) => void;
}

export function MeterSelector(props: {
  meters: readonly Meter[];
  selected: Selection;
  onChange: (next: Selection) => void;
  /** The list's accessible name, e.g. "Meters to share". */
  label: string;
  /** "selected" by default; "to remove" reads better when removing. */
  selectedNoun?: string;
  /** How the matching meters are listed; the benchmark swaps in a plain list to measure the difference. */
  list?: ComponentType<MeterListProps>;
}) {
  const { meters, selected, onChange, label } = props;
  const id = useId();
  const [filter, setFilter] = useState<MeterFilter>(NO_FILTER);
  // Typing stays responsive: the list follows the deferred value, the input the immediate one.
  const deferredFilter = useDeferredValue(filter);
  const index = useMemo(() => indexMeters(meters), [meters]);
  const matches = useMemo(() => filterMeters(index, deferredFilter), [index, deferredFilter]);
  const matchIds = useMemo(() => matches.map((m) => m.id), [matches]);
  const kinds = useMemo(
    () => SERVICE_KINDS.filter((s) => meters.some((m) => m.serviceKind === s.kind)),
    [meters],
  );
  const covered = coverage(selected, matchIds);

  const selectedRef = useRef(selected);
  useEffect(() => {
    selectedRef.current = selected;
  }, [selected]);
  // A stable toggle keeps memoized rows from re-rendering when another row changes.
  const onToggle = useCallback(
    (meterId: string) => onChange(toggle(selectedRef.current, meterId)),
    [onChange],
  );

  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = covered === 'some';
  }, [covered]);

  const filtered = matches.length !== meters.length;
  const selectedNoun = props.selectedNoun ?? 'selected';
  const List = props.list ?? VirtualMeterList;
  return (
    <div className="meter-selector">
      <div className="meter-selector__filters">
        <div className="field">
          <label htmlFor={`${id}-q`}>Search by address, site or meter number</label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            value={filter.query}
            onChange={(e) => setFilter((f) => ({ ...f, query: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Service</label>
          <select
            id={`${id}-kind`}
            value={filter.serviceKind ?? ''}
            onChange={(e) =>
              setFilter((f) => ({ ...f, serviceKind: e.target.value === '' ? null : Number(e.target.value) }))
            }
          >
            <option value="">All services</option>
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="meter-selector__bar">
        <p className="meter-selector__count" role="status" aria-live="polite" aria-atomic="true">
          {number.format(selected.size)} {selected.size === 1 ? 'meter' : 'meters'} {selectedNoun}
          <span className="muted">
            {' '}
            ·{' '}
            {filtered
              ? `${number.format(matches.length)} of ${number.format(meters.length)} shown`
              : `${number.format(meters.length)} in all`}
          </span>
        </p>
        <label className="meter-selector__all">
          <input
            ref={allBox}
            type="checkbox"
            disabled={matches.length === 0}
            checked={covered === 'all'}
            onChange={() =>
              onChange(covered === 'all' ? deselectAll(selected, matchIds) : selectAll(selected, matchIds))
            }
          />
          {filtered
            ? `Select all ${number.format(matches.length)} matching`
            : `Select all ${number.format(meters.length)}`}
        </label>
        {selected.size > 0 && (
          <button type="button" className="link-button" onClick={() => onChange(new Set())}>
            Clear selection
          </button>
        )}
      </div>
      {matches.length === 0 ? (
        <p className="muted">No meter matches this search.</p>
      ) : (
        <List label={label} meters={matches} selected={selected} onToggle={onToggle} />
      )}
    </div>
  );
}

/** The rows in view (plus a few), positioned inside a box as tall as the whole list. */
export function VirtualMeterList(props: MeterListProps) {
  const { meters, selected, onToggle } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design
  const virtualizer = useVirtualizer({
    count: meters.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    getItemKey: (i) => meters[i]?.id ?? i,
  });
  return (
    <div className="meter-list meter-list--virtual" ref={scroller}>
      <ul aria-label={props.label} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((item) => {
          const meter = meters[item.index];
          if (!meter) return null;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={meters.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <MeterRow meter={meter} checked={selected.has(meter.id)} onToggle={onToggle} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

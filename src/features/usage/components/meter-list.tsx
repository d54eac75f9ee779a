import { useDeferredValue, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { countOf, DISPLAY_LOCALE, nounFor, serviceLabel } from '../../../espi/index.ts';
import type { UsagePointListing } from '../api/usage-points.ts';
import { filterUsagePoints } from '../model/meter-search.ts';

const ROW_HEIGHT = 64;
/** The URL parameter holding the search, so Back from a meter returns to the same matches. */
const SEARCH_PARAM = 'meters';

/**
 * Every usage point of a large account, searchable and virtualized: only the rows in view are in the DOM,
 * so 1,280 meters scroll as smoothly as ten.
 */
export function MeterList(props: { usagePoints: UsagePointListing[] }) {
  const [params, setParams] = useSearchParams();
  const search = params.get(SEARCH_PARAM) ?? '';
  const setSearch = (value: string) =>
    // Typing replaces the history entry instead of adding one per key.
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(SEARCH_PARAM, value);
        else next.delete(SEARCH_PARAM);
        return next;
      },
      { replace: true },
    );
  const deferred = useDeferredValue(search);
  const matches = useMemo(
    () => filterUsagePoints(props.usagePoints, deferred),
    [props.usagePoints, deferred],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design.
  const virtualizer = useVirtualizer({
    count: matches.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <section aria-labelledby="meter-list-heading">
      <h2 id="meter-list-heading">All meters</h2>
      <div className="field">
        <label htmlFor="meter-search">Search meters</label>
        <input
          id="meter-search"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          aria-describedby="meter-search-hint meter-count"
          autoComplete="off"
        />
        <span id="meter-search-hint" className="field__hint">
          By name, meter number, site, address or service (electricity, gas, water).
        </span>
      </div>
      <p id="meter-count" role="status" aria-live="polite">
        {matches.length === props.usagePoints.length
          ? countOf(matches.length, 'meter')
          : `${matches.length.toLocaleString(DISPLAY_LOCALE)} of ${countOf(props.usagePoints.length, 'meter')} ${nounFor(matches.length, 'matches', 'match')}`}
      </p>
      <div ref={scrollRef} className="meter-list" role="region" aria-label="Meters">
        <ul style={{ height: virtualizer.getTotalSize() }} aria-label="Meters found">
          {virtualizer.getVirtualItems().map((item) => {
            const up = matches[item.index];
            if (!up) return null;
            return (
              <li
                key={up.id}
                className="meter-list__row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                <Link to={`/usage/${encodeURIComponent(up.id)}`}>{up.title ?? up.id}</Link>
                <span className="muted">
                  {serviceLabel(up.serviceKind)}
                  {up.meterId && ` · meter ${up.meterId}`}
                  {up.address && ` · ${up.address}`}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

import { Link } from 'react-router';
import { useMemo } from 'react';
import type { EspiDocument } from '../../../espi/model.ts';
import { formatMoney, formatQuantity } from '../../../espi/units.ts';
import { describeError } from '../../../lib/api-error.ts';
import type { UsagePointListing } from '../api/usage-points.ts';
import { useUsageFeed } from '../api/use-usage.ts';
import { clockFor, usagePointIn } from '../clock.ts';
import { formatDay, formatDays } from '../format-time.ts';
import { dateOfDay, dayNumber, todayIn, type DayRange } from '../range.ts';
import { serviceLabel } from '../service-kind.ts';
import { summarizeUsagePoint, type PeriodFigures, type UsagePointSummary } from '../summary.ts';
import { DISPLAY_LOCALE } from '../../../espi/display-locale.ts';

/** This month and the last: from the first day of last month to today. */
function overviewRange(today: string): DayRange {
  const days = dayNumber(today) ?? 0;
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
  return { from: first, to: dateOfDay(days) };
}

/** Service, meter number, site and address: what tells one meter from another. */
export function UsagePointFacts(props: { listing: UsagePointListing }) {
  const { listing } = props;
  return (
    <p className="muted">
      {serviceLabel(listing.serviceKind)}
      {listing.meterId && ` · meter ${listing.meterId}`}
      {listing.site && ` · ${listing.site}`}
      {listing.address && ` · ${listing.address}`}
    </p>
  );
}

export function UsagePointCard(props: { listing: UsagePointListing }) {
  const { listing } = props;
  const range = overviewRange(todayIn(listing.timeZone));
  const { query, progress } = useUsageFeed(listing, range);
  return (
    <article className="card usage-card" aria-labelledby={`up-${listing.id}`}>
      <h2 id={`up-${listing.id}`}>
        <Link to={`/usage/${encodeURIComponent(listing.id)}`}>{listing.title ?? listing.id}</Link>
      </h2>
      <UsagePointFacts listing={listing} />
      {query.isPending && (
        <p className="muted" role="status">
          Loading recent use{progress !== undefined && ` (${Math.round(progress * 100)}%)`}…
        </p>
      )}
      {query.isError && (
        <p className="alert alert--error">
          Recent use could not be loaded. {describeError(query.error)}{' '}
          <button type="button" className="link-button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </p>
      )}
      {query.data && (
        <CardFigures doc={query.data} listing={listing} fetchedAt={query.dataUpdatedAt / 1000} />
      )}
    </article>
  );
}

function CardFigures(props: { doc: EspiDocument; listing: UsagePointListing; fetchedAt: number }) {
  const { doc, listing, fetchedAt } = props;
  const view = useMemo(() => {
    const usagePoint = usagePointIn(doc, { href: listing.hrefs.usagePoint, id: listing.id });
    const clock = clockFor(doc, usagePoint, listing.timeZone);
    const summary = usagePoint ? summarizeUsagePoint(usagePoint, clock, fetchedAt) : undefined;
    return { clock, summary };
  }, [doc, listing, fetchedAt]);
  const { clock, summary } = view;
  if (!summary?.current && !summary?.previous) {
    return <p className="muted">No readings in the last two months yet.</p>;
  }
  return (
    <>
      <SummaryTable summary={summary} clock={clock} title={listing.title ?? listing.id} />
      {summary.dataThrough !== undefined && (
        <p className="muted">Data through {formatDay(clock, summary.dataThrough - 1)}</p>
      )}
      {summary.projection && (
        <p>
          Cost so far this {summary.current?.period.kind === 'billing' ? 'billing period' : 'month'}:{' '}
          <strong>{formatMoney(summary.projection.soFar, summary.currency)}</strong>, on track for about{' '}
          <strong>{formatMoney(summary.projection.projected, summary.currency)}</strong> by its end.
        </p>
      )}
      <DataNotes figures={[summary.current, summary.previous]} />
      {doc.partial && (
        <p className="alert alert--warning">
          Some of this data could not be read: figures may be incomplete.
        </p>
      )}
    </>
  );
}

function DataNotes(props: { figures: (PeriodFigures | undefined)[] }) {
  const missing = props.figures.reduce((n, f) => n + (f?.missingIntervals ?? 0), 0);
  const estimated = props.figures.reduce((n, f) => n + (f?.estimatedReadings ?? 0), 0);
  if (missing === 0 && estimated === 0) return null;
  return (
    <ul className="usage-notes">
      {missing > 0 && (
        <li>{missing.toLocaleString(DISPLAY_LOCALE)} intervals missing (shown as gaps, not zeros)</li>
      )}
      {estimated > 0 && <li>{estimated.toLocaleString(DISPLAY_LOCALE)} estimated readings</li>}
    </ul>
  );
}

function SummaryTable(props: {
  summary: UsagePointSummary;
  clock: ReturnType<typeof clockFor>;
  title: string;
}) {
  const { summary, clock } = props;
  const columns = [summary.current, summary.previous];
  const label = (f: PeriodFigures | undefined, which: string) =>
    f ? `${which} (${formatDays(clock, f.period.start, f.period.end)})` : which;
  const cell = (f: PeriodFigures | undefined, text: (f: PeriodFigures) => string | undefined) =>
    (f && text(f)) ?? '–';
  const rows: [string, (f: PeriodFigures) => string | undefined][] = [
    ['Use', (f) => formatQuantity(f.energy, summary.unit)],
    ['Net of exports', (f) => (f.net === undefined ? undefined : formatQuantity(f.net, summary.unit))],
    [
      'Peak demand',
      (f) => (f.peakDemand ? formatQuantity(f.peakDemand.value, f.peakDemand.unit) : undefined),
    ],
    ['Average per day', (f) => formatQuantity(f.averagePerDay, summary.unit)],
    ['Cost', (f) => (f.cost === undefined ? undefined : formatMoney(f.cost, summary.currency))],
  ];
  const shown = rows.filter(([, text]) => columns.some((f) => f && text(f) !== undefined));
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Recent use of {props.title}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="number">
              {label(summary.current, 'This period')}
            </th>
            <th scope="col" className="number">
              {label(summary.previous, 'Previous')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map(([name, text]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {columns.map((f, i) => (
                <td key={i} className="number">
                  {cell(f, text)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { Link } from 'react-router';
import { useMemo } from 'react';
import {
  countOf,
  DISPLAY_LOCALE,
  type EspiDocument,
  formatMoney,
  formatQuantity,
  type Period,
  serviceLabel,
} from '../../../espi/index.ts';
import { describeError } from '../../../lib/api-error.ts';
import type { UsagePointListing } from '../api/usage-points.ts';
import { useUsageFeed } from '../hooks/use-usage.ts';
import { clockFor, usagePointIn } from '../model/clock.ts';
import { formatDay, formatDays } from '../model/format-time.ts';
import { dateOfDay, dayNumber, todayIn, type DayRange } from '../model/range.ts';
import {
  summarizeUsagePoint,
  type PeriodFigures,
  type Projection,
  type UsagePointSummary,
} from '../model/summary.ts';

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
      <PeriodLead current={summary.current} clock={clock} />
      <SummaryTable summary={summary} title={listing.title ?? listing.id} />
      <ComparisonText summary={summary} clock={clock} />
      {summary.dataThrough !== undefined && (
        <p className="muted">Data through {formatDay(clock, summary.dataThrough - 1)}</p>
      )}
      {summary.projection && summary.current && (
        <ProjectionText
          projection={summary.projection}
          current={summary.current}
          summary={summary}
          clock={clock}
        />
      )}
      <DataNotes summary={summary} clock={clock} />
      {doc.partial && (
        <p className="alert alert--warning">
          Some of this data could not be read: figures may be incomplete.
        </p>
      )}
    </>
  );
}

type Clock = ReturnType<typeof clockFor>;

interface PeriodWords {
  current: string;
  previous: string;
  previousShort: string;
  noun: string;
}

const PERIOD_WORDS: Readonly<Record<Period['kind'], PeriodWords>> = {
  billing: {
    current: 'This billing period',
    previous: 'Previous billing period',
    previousShort: 'Previous',
    noun: 'billing period',
  },
  month: { current: 'This month', previous: 'Last month', previousShort: 'Last month', noun: 'month' },
};

const changeFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'percent',
  signDisplay: 'exceptZero',
  maximumFractionDigits: 0,
});

/** `+4%`; no figure where the period before had nothing to compare with (no use, or a credit). */
function formatChange(change: number): string {
  return Number.isFinite(change) ? changeFormat.format(change) : 'not comparable';
}

/** `26 of 30 days so far`, `30 days`: how much of the period the figures hold. */
function daysHeld(f: PeriodFigures): string {
  const { days, periodDays, partial } = f.coverage;
  if (!partial) return countOf(periodDays, 'day');
  const underWay = f.span.end < f.period.end && f.span.start === f.period.start;
  return `${days} of ${countOf(periodDays, 'day')}${underWay ? ' so far' : ' with data'}`;
}

function ProjectionText(props: {
  projection: Projection;
  current: PeriodFigures;
  summary: UsagePointSummary;
  clock: Clock;
}) {
  const { projection, current, summary, clock } = props;
  const money = (amount: number) => formatMoney(amount, summary.currency);
  return (
    <p>
      Cost so far this {PERIOD_WORDS[current.period.kind].noun}
      {projection.fromSummary && ' (your utility’s bill to date)'}: <strong>{money(projection.soFar)}</strong>{' '}
      in {countOf(projection.days, 'day')}. At that rate a day for all {countOf(projection.periodDays, 'day')}
      , to {formatDay(clock, current.period.end - 1)}: about <strong>{money(projection.projected)}</strong>.
    </p>
  );
}

/** Estimated and missing readings, each with the days it counts. */
function DataNotes(props: { summary: UsagePointSummary; clock: Clock }) {
  const { summary, clock } = props;
  const notes = [summary.current, summary.previous].flatMap((f, i) => {
    if (!f) return [];
    const words = PERIOD_WORDS[f.period.kind];
    const which = `${i === 0 ? 'this' : 'the previous'} ${words.noun} (${formatDays(clock, f.span.start, f.span.end)})`;
    return [
      ...(f.estimatedReadings > 0
        ? [`${countOf(f.estimatedReadings, 'estimated reading')} in ${which}`]
        : []),
      ...(f.missingIntervals > 0
        ? [`${countOf(f.missingIntervals, 'interval')} missing in ${which}, shown as gaps, not zeros`]
        : []),
    ];
  });
  if (notes.length === 0) return null;
  return (
    <ul className="usage-notes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}

/** Which days the first column holds. */
function PeriodLead(props: { current: PeriodFigures | undefined; clock: Clock }) {
  const { current, clock } = props;
  if (!current) return null;
  return (
    <p className="muted">
      {PERIOD_WORDS[current.period.kind].current}:{' '}
      {formatDays(clock, current.period.start, current.period.end)}, {daysHeld(current)}.
    </p>
  );
}

function SummaryTable(props: { summary: UsagePointSummary; title: string }) {
  const { summary } = props;
  const { current, comparison } = summary;
  const against = comparison?.previous ?? summary.previous;
  const words = PERIOD_WORDS[(current ?? against)?.period.kind ?? 'month'];
  const sameDays = comparison?.basis === 'sameDays';
  const underWay = current !== undefined && current.span.end < current.period.end;
  const columns = [current, against];
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
              {words.current}
              {underWay && ' so far'}
            </th>
            <th scope="col" className="number">
              {sameDays
                ? `${words.previousShort}, same ${countOf(against?.coverage.days ?? 0, 'day')}`
                : words.previous}
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

/**
 * What the columns compare and by how much, like for like, and the whole previous period (the last bill's
 * days) where the table holds only its first days.
 */
function ComparisonText(props: { summary: UsagePointSummary; clock: Clock }) {
  const { summary, clock } = props;
  const { comparison, previous } = summary;
  if (!comparison || !previous) return null;
  const words = PERIOD_WORDS[previous.period.kind];
  const against = comparison.previous;
  const days = formatDays(clock, against.span.start, against.span.end);
  const changes = [
    `use ${formatChange(comparison.use)}`,
    ...(comparison.cost === undefined ? [] : [`cost ${formatChange(comparison.cost)}`]),
  ].join(', ');
  return comparison.basis === 'sameDays' ? (
    <p className="muted">
      Against the same {countOf(against.coverage.days, 'day')} of the {words.previous.toLowerCase()} ({days}):{' '}
      {changes}. The whole {words.previous.toLowerCase()} (
      {formatDays(clock, previous.span.start, previous.span.end)}):{' '}
      {formatQuantity(previous.energy, summary.unit)}
      {previous.cost !== undefined && `, ${formatMoney(previous.cost, summary.currency)}`}.
    </p>
  ) : (
    <p className="muted">
      Per day, against the {words.previous.toLowerCase()} ({days}, {countOf(against.coverage.days, 'day')}):{' '}
      {changes}.
    </p>
  );
}

import { Link } from 'react-router';
import { formatChange, formatLocalDay } from '../model/format.ts';
import type { Outlier, OutlierReason } from '../model/outliers.ts';

function reasonText(reason: OutlierReason, timeZone: string | undefined): string {
  switch (reason.kind) {
    case 'stopped':
      return `No readings since ${formatLocalDay(reason.since, timeZone)}`;
    case 'use':
      return `Use per reading ${formatChange(reason.change)} on the same month a year before`;
    case 'estimated':
      return `${formatChange(reason.share).replace('+', '')} of readings estimated`;
  }
}

/** The meters that stand out this month, each with why, linking to the meter's page. */
export function OutlierList(props: { outliers: Outlier[]; timeZone: string | undefined }) {
  return (
    <section aria-labelledby="outliers-heading" className="portfolio-outliers">
      <h2 id="outliers-heading">Meters that stand out</h2>
      {props.outliers.length === 0 ? (
        <p>No meter stands out this month: readings arrive, use is near a year before, few are estimates.</p>
      ) : (
        <ul>
          {props.outliers.map(({ row, reasons }) => (
            <li key={row.id}>
              <Link to={`/usage/${encodeURIComponent(row.id)}`}>{row.title}</Link>
              <ul className="portfolio-outliers__reasons">
                {reasons.map((reason) => (
                  <li key={reason.kind}>{reasonText(reason, props.timeZone)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

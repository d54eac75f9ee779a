import { Link } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { TableRegion } from '../../../components/ui/table-region.tsx';
import { countOf } from '../../../espi/index.ts';
import { formatMoney, formatQuantity } from '../../../espi/index.ts';
import { formatChange } from '../model/format.ts';
import type { RankedRow, SortKey } from '../model/portfolio.ts';
import { MAX_COMPARED, ROWS_STEP, type PortfolioView } from '../model/portfolio-params.ts';

export const SORT_LABELS: Readonly<Record<SortKey, string>> = {
  name: 'Name',
  meters: 'Meters',
  use: 'Use',
  peak: 'Peak demand',
  cost: 'Cost',
  useChange: 'Use against a year before',
  costChange: 'Cost against a year before',
};

const COLUMNS: { key: SortKey; number: boolean }[] = [
  { key: 'name', number: false },
  { key: 'meters', number: true },
  { key: 'use', number: true },
  { key: 'peak', number: true },
  { key: 'cost', number: true },
  { key: 'useChange', number: true },
  { key: 'costChange', number: true },
];

function quantity(value: number | null, unit: string | null): string {
  return value === null || unit === null ? '–' : formatQuantity(value, unit, undefined, 0);
}

/**
 * A ranking of sites, services or meters, sorted by the column the URL names (a header is a button that
 * sorts by it, again to turn the order round). Meters can be picked for the comparison.
 */
export function RankingTable(props: {
  rows: RankedRow[];
  view: PortfolioView;
  caption: string;
  onChange: (change: Partial<PortfolioView>, options?: { replace?: boolean }) => void;
}) {
  const { rows, view, onChange } = props;
  const shown = rows.slice(0, view.rows);
  const picking = view.by === 'meter';
  const picked = new Set(view.compare);
  const sortBy = (key: SortKey) =>
    onChange({
      sort: key,
      direction:
        view.sort === key ? (view.direction === 'desc' ? 'asc' : 'desc') : key === 'name' ? 'asc' : 'desc',
    });
  const toggle = (id: string, on: boolean) =>
    onChange(
      { compare: on ? [...view.compare, id].slice(0, MAX_COMPARED) : view.compare.filter((x) => x !== id) },
      { replace: true },
    );
  return (
    <>
      <TableRegion label={props.caption} className="portfolio-table">
        <table>
          <caption className="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              {picking && (
                <th scope="col">
                  <span className="visually-hidden">Compare</span>
                </th>
              )}
              {COLUMNS.filter((c) => !(picking && c.key === 'meters')).map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.number ? 'number' : undefined}
                  aria-sort={
                    view.sort === column.key
                      ? view.direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : undefined
                  }
                >
                  <button type="button" className="portfolio-sort" onClick={() => sortBy(column.key)}>
                    {SORT_LABELS[column.key]}
                    <span aria-hidden="true">
                      {view.sort === column.key ? (view.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key}>
                {picking && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Compare ${row.name}`}
                      checked={picked.has(row.meterId ?? '')}
                      disabled={!picked.has(row.meterId ?? '') && picked.size >= MAX_COMPARED}
                      onChange={(event) => toggle(row.meterId ?? '', event.target.checked)}
                    />
                  </td>
                )}
                <th scope="row">
                  {row.meterId ? (
                    <Link to={`/usage/${encodeURIComponent(row.meterId)}`}>{row.name}</Link>
                  ) : (
                    row.name
                  )}
                  <span className="portfolio-table__detail muted">{row.detail}</span>
                </th>
                {!picking && <td className="number">{row.meters.toLocaleString()}</td>}
                <td className="number">{quantity(row.use, row.unit)}</td>
                <td className="number">{quantity(row.peak, row.rateUnit)}</td>
                <td className="number">{formatMoney(row.cost, row.currency)}</td>
                <td className="number">{formatChange(row.useChange)}</td>
                <td className="number">{formatChange(row.costChange)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="portfolio-table__count">
        {shown.length < rows.length ? `${shown.length} of ${countOf(rows.length, 'line')} shown. ` : ''}
        {shown.length < rows.length && (
          <Button
            variant="secondary"
            small
            onClick={() => onChange({ rows: view.rows + ROWS_STEP }, { replace: true })}
          >
            Show {Math.min(ROWS_STEP, rows.length - shown.length)} more
          </Button>
        )}
      </p>
    </>
  );
}

import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import type { Grouping, ServiceFilter } from '../model/portfolio.ts';
import { ROWS_STEP, type PortfolioView } from '../model/portfolio-params.ts';

const GROUPING_LABELS: Readonly<Record<Grouping, string>> = {
  site: 'Sites',
  service: 'Services',
  meter: 'Meters',
};
const SERVICE_LABELS: Readonly<Record<ServiceFilter, string>> = {
  all: 'All services',
  electricity: 'Electricity',
  gas: 'Gas',
  water: 'Water',
};

/** Month, what to rank (sites, services, meters), which service and a search: the view a person bookmarks. */
export function PortfolioControls(props: {
  view: PortfolioView;
  month: string;
  months: { first: string; last: string };
  onChange: (change: Partial<PortfolioView>, options?: { replace?: boolean }) => void;
}) {
  const { view, onChange } = props;
  // The month is applied on submit: a month field fires on every digit typed.
  const [month, setMonth] = useState(props.month);
  return (
    <div className="portfolio-controls">
      <form
        className="portfolio-controls__month"
        onSubmit={(event) => {
          event.preventDefault();
          if (month >= props.months.first && month <= props.months.last) onChange({ month, rows: ROWS_STEP });
        }}
      >
        <div className="field">
          <label htmlFor="portfolio-month">Month</label>
          <input
            id="portfolio-month"
            type="month"
            min={props.months.first}
            max={props.months.last}
            value={month}
            required
            onChange={(event) => setMonth(event.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary">
          Show month
        </Button>
      </form>
      <fieldset>
        <legend>Rank</legend>
        <div className="portfolio-segmented">
          {(Object.keys(GROUPING_LABELS) as Grouping[]).map((by) => (
            <label key={by}>
              <input
                type="radio"
                name="portfolio-by"
                value={by}
                checked={view.by === by}
                onChange={() => onChange({ by, rows: ROWS_STEP })}
              />
              {GROUPING_LABELS[by]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="portfolio-service">Service</label>
        <select
          id="portfolio-service"
          value={view.service}
          onChange={(event) => onChange({ service: event.target.value as ServiceFilter, rows: ROWS_STEP })}
        >
          {(Object.keys(SERVICE_LABELS) as ServiceFilter[]).map((service) => (
            <option key={service} value={service}>
              {SERVICE_LABELS[service]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="portfolio-search">Search sites and meters</label>
        <input
          id="portfolio-search"
          type="search"
          value={view.search}
          autoComplete="off"
          // Typing replaces the history entry instead of adding one per key.
          onChange={(event) => onChange({ search: event.target.value, rows: ROWS_STEP }, { replace: true })}
        />
      </div>
    </div>
  );
}

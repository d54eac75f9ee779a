import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { DISPLAY_LOCALE } from '../../../espi/index.ts';
import { describeError } from '../../../lib/api-error.ts';
import { saveText } from '../../../lib/save-file.ts';
import { useAccessLog, useWholeAccessLog, type AccessLog as Log } from '../api/access-log-queries.ts';
import { useUsagePointIndex } from '../api/authorization-queries.ts';
import type { Authorization } from '../api/authorization-schema.ts';
import { formatDateTime, isoDate } from '../model/authorization-dates.ts';
import { accessLogCsv } from '../model/access-log-csv.ts';
import {
  LOG_PAGE_SIZE,
  hasFilters,
  readLogFilters,
  writeLogFilters,
  type AccessLogFilters,
} from '../model/access-log-filters.ts';
import { Pagination } from './pagination.tsx';
import './access-log.css';

const NO_FILTERS: AccessLogFilters = { from: '', to: '', meter: '', page: 1 };

/**
 * What the app has read, as the custodian recorded it: the last access, then every read (newest first)
 * filtered by dates and meter with the filters in the URL, and the filtered log as CSV: it is the
 * customer's to keep.
 */
export function AccessLog({ authorization: a }: { authorization: Authorization }) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readLogFilters(params), [params]);
  const log = useAccessLog(a.id, filters);
  const index = useUsagePointIndex();
  const meterName = (id: string) => index.get(id)?.title ?? `Meter ${id}`;
  const hrefWith = (next: AccessLogFilters) => `?${writeLogFilters(params, next).toString()}`;
  const change = (next: Partial<AccessLogFilters>) =>
    setParams(writeLogFilters(params, { ...filters, ...next, page: 1 }), { replace: true });

  let body;
  if (log.isError) {
    body = (
      <ErrorState
        title="The access log could not be loaded"
        error={log.error}
        onRetry={() => void log.refetch()}
      />
    );
  } else if (!log.data) {
    body = <LoadingState label="Loading the access log" />;
  } else if (log.data.total === 0) {
    body = hasFilters(filters) ? (
      <EmptyState title="No read matches these filters" headingLevel={3}>
        <p>
          <Link to={hrefWith(NO_FILTERS)} replace>
            Show every read
          </Link>
        </p>
      </EmptyState>
    ) : (
      <EmptyState title={`${a.thirdParty.name} has not read your data yet`} headingLevel={3}>
        <p>Each time it reads, the read appears here: when, what, for which meters and how much.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ReadsTable
          log={log.data}
          appName={a.thirdParty.name}
          meterName={meterName}
          busy={log.isPlaceholderData}
        />
        <Pagination
          page={filters.page}
          pageCount={Math.ceil(log.data.total / LOG_PAGE_SIZE)}
          hrefFor={(page) => hrefWith({ ...filters, page })}
          label="Pages of the access log"
        />
      </>
    );
  }

  return (
    <>
      <p>
        {log.data ? <LastAccessLine log={log.data} /> : null} The utility records each read{' '}
        {a.thirdParty.name} makes with your permission
        {log.data ? `, and keeps the latest ${log.data.capacity}` : ''}.
      </p>
      <LogFilters authorization={a} filters={filters} meterName={meterName} onChange={change} />
      {body}
      {log.data && log.data.total > 0 && (
        <DownloadLog authorization={a} filters={filters} capacity={log.data.capacity} meterName={meterName} />
      )}
    </>
  );
}

function LastAccessLine({ log }: { log: Log }) {
  if (log.lastAccessedAt === null) return <strong>Not accessed yet.</strong>;
  return (
    <strong>
      Last accessed <time dateTime={isoDate(log.lastAccessedAt)}>{formatDateTime(log.lastAccessedAt)}</time>.
    </strong>
  );
}

function LogFilters(props: {
  authorization: Authorization;
  filters: AccessLogFilters;
  meterName: (id: string) => string;
  onChange: (next: Partial<AccessLogFilters>) => void;
}) {
  const ids = useId();
  const { filters } = props;
  return (
    <search className="auth-toolbar access-log__filters" aria-label="Filter the access log">
      <div className="field field--narrow">
        <label htmlFor={`${ids}-from`}>From</label>
        <input
          id={`${ids}-from`}
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => props.onChange({ from: event.target.value })}
        />
      </div>
      <div className="field field--narrow">
        <label htmlFor={`${ids}-to`}>To</label>
        <input
          id={`${ids}-to`}
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => props.onChange({ to: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-meter`}>Meter</label>
        <select
          id={`${ids}-meter`}
          value={filters.meter}
          onChange={(event) => props.onChange({ meter: event.target.value })}
        >
          <option value="">All meters</option>
          {props.authorization.usagePointIds.map((id) => (
            <option key={id} value={id}>
              {props.meterName(id)}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}

const sizeFormats = {
  byte: new Intl.NumberFormat(DISPLAY_LOCALE, { style: 'unit', unit: 'byte', unitDisplay: 'short' }),
  kilobyte: new Intl.NumberFormat(DISPLAY_LOCALE, {
    style: 'unit',
    unit: 'kilobyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }),
  megabyte: new Intl.NumberFormat(DISPLAY_LOCALE, {
    style: 'unit',
    unit: 'megabyte',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }),
};

function formatSize(bytes: number): string {
  if (bytes < 1000) return sizeFormats.byte.format(bytes);
  if (bytes < 1_000_000) return sizeFormats.kilobyte.format(bytes / 1000);
  return sizeFormats.megabyte.format(bytes / 1_000_000);
}

const countFormat = new Intl.NumberFormat(DISPLAY_LOCALE);

function ReadsTable(props: { log: Log; appName: string; meterName: (id: string) => string; busy: boolean }) {
  const caption = `Reads by ${props.appName}, newest first`;
  return (
    // A scrolling region must be reachable by keyboard (WCAG 2.1.1): the labelled region takes focus so the
    // arrow keys scroll it, as the usage table does.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrap access-log-table" role="region" aria-label={caption} tabIndex={0}>
      <table aria-busy={props.busy}>
        <caption>
          {caption} ({countFormat.format(props.log.total)})
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What it read</th>
            <th scope="col">Meters</th>
            <th scope="col">Readings</th>
            <th scope="col">Size</th>
          </tr>
        </thead>
        <tbody>
          {props.log.entries.map((read) => (
            <tr key={read.id}>
              <th scope="row">
                <time dateTime={isoDate(read.at)}>{formatDateTime(read.at)}</time>
              </th>
              <td className="break-anywhere">
                <code>{read.resource}</code>
              </td>
              <td>
                {read.usagePointIds.length ? read.usagePointIds.map(props.meterName).join(', ') : 'None'}
              </td>
              <td>
                {countFormat.format(read.readings)}
                <span className="muted">
                  {' '}
                  in {countFormat.format(read.entries)} {read.entries === 1 ? 'entry' : 'entries'}
                </span>
              </td>
              <td>{formatSize(read.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function fileName(appName: string): string {
  const stem = appName
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `access-log_${stem || 'app'}_${new Date().toISOString().slice(0, 10)}.csv`;
}

function DownloadLog(props: {
  authorization: Authorization;
  filters: AccessLogFilters;
  capacity: number;
  meterName: (id: string) => string;
}) {
  const readWholeLog = useWholeAccessLog(props.authorization.id);
  const [status, setStatus] = useState<{ busy?: boolean; message?: string; error?: string }>({});
  const download = async () => {
    setStatus({ busy: true, message: 'Preparing the CSV file…' });
    try {
      const reads = await readWholeLog(props.filters, props.capacity);
      saveText(
        accessLogCsv(reads, props.meterName),
        fileName(props.authorization.thirdParty.name),
        'text/csv',
      );
      setStatus({ message: 'The CSV file is downloading.' });
    } catch (error) {
      setStatus({ error: `The log could not be downloaded. ${describeError(error)}` });
    }
  };
  return (
    <div className="access-log__download">
      <Button variant="secondary" disabled={status.busy} onClick={() => void download()}>
        Download log (CSV)
      </Button>
      <p role="status" aria-live="polite">
        {status.message}
      </p>
      {status.error && (
        <p className="alert alert--error" role="alert">
          {status.error}
        </p>
      )}
    </div>
  );
}

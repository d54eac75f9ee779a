import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { countOf, serviceLabel } from '../../../espi/index.ts';
import { useConfig } from '../../../lib/api-context.tsx';
import type { UsagePointListing } from '../api/usage-points.ts';
import type { ExportMeter } from '../api/export-meters.ts';
import type { ExportFormat } from '../model/export-format.ts';
import { chosenMeters, lastWholeMonth, meterCaveat, servicesOf, sitesOf } from '../model/export-selection.ts';
import { useMetersExport } from '../hooks/use-meters-export.ts';
import { dayNumber, rangeDays, todayIn, type DayRange } from '../model/range.ts';
import { ExportProgressView } from './export-progress.tsx';

/** The longest range one export takes: a year of 15-minute readings for every meter is already 45 GB of XML. */
const MAX_DAYS = 366;

function exportMeter(listing: UsagePointListing): ExportMeter {
  return {
    id: listing.id,
    name: listing.title ?? listing.meterId ?? listing.id,
    batchHref: listing.hrefs.batch,
    ...(listing.timeZone ? { timeZone: listing.timeZone } : {}),
    ...(listing.intervalLength ? { intervalLength: listing.intervalLength } : {}),
  };
}

function rangeProblem(range: DayRange): string | undefined {
  if (dayNumber(range.from) === undefined || dayNumber(range.to) === undefined) return 'Enter both dates.';
  if (rangeDays(range) < 1) return 'The first day must come before the last.';
  if (rangeDays(range) > MAX_DAYS) return `Choose at most ${MAX_DAYS} days.`;
  return undefined;
}

/**
 * Download My Data for many meters and a range (issue 16): the customer chooses meters by site and
 * service (disconnected ones named, with the reason), the days, the format, and whether to leave out
 * personal details; the file is written as it goes (hooks/use-meters-export.ts).
 */
export function ExportMetersForm(props: { usagePoints: UsagePointListing[] }) {
  const config = useConfig();
  const sites = useMemo(() => sitesOf(props.usagePoints), [props.usagePoints]);
  const services = useMemo(() => servicesOf(props.usagePoints), [props.usagePoints]);
  const [site, setSite] = useState('');
  const [chosenServices, setChosenServices] = useState<number[]>(services);
  const [includeDisconnected, setIncludeDisconnected] = useState(true);
  const [range, setRange] = useState<DayRange>(() => lastWholeMonth(todayIn(props.usagePoints[0]?.timeZone)));
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [anonymize, setAnonymize] = useState(false);
  const exporter = useMetersExport();
  const { taken, disconnected } = useMemo(
    () =>
      chosenMeters(props.usagePoints, {
        ...(site ? { site } : {}),
        services: chosenServices,
        includeDisconnected,
      }),
    [props.usagePoints, site, chosenServices, includeDisconnected],
  );
  const problem = rangeProblem(range) ?? (taken.length === 0 ? 'Choose at least one meter.' : undefined);
  const busy = exporter.state.phase === 'running' || exporter.state.phase === 'interrupted';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem || busy) return;
    const stem = anonymize ? 'usage-anonymized' : 'green-button';
    const fileName = `${stem}_${taken.length}-meters_${range.from}_${range.to}.${format}`;
    void exporter.start(
      taken.map(exportMeter),
      {
        format,
        range,
        anonymize,
        // The file's self link: ESPI's collection of usage points at the custodian (a relative base in the demo).
        feedHref: `${new URL(config.espiBaseUrl, location.href).href.replace(/\/+$/, '')}/UsagePoint`,
        updated: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      fileName,
    );
  };
  const toggleService = (kind: number, on: boolean) =>
    setChosenServices((current) => (on ? [...current, kind] : current.filter((k) => k !== kind)));

  return (
    <form className="card export-form" onSubmit={submit} aria-labelledby="export-heading" noValidate>
      <h2 id="export-heading">Choose what to export</h2>
      <div className="field">
        <label htmlFor="export-site">Site</label>
        <select id="export-site" value={site} disabled={busy} onChange={(e) => setSite(e.target.value)}>
          <option value="">All {countOf(sites.length, 'site')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <fieldset disabled={busy}>
        <legend>Services</legend>
        {services.map((kind) => (
          <label key={kind} className="download-option">
            <input
              type="checkbox"
              checked={chosenServices.includes(kind)}
              onChange={(e) => toggleService(kind, e.target.checked)}
            />
            {serviceLabel(kind)}
          </label>
        ))}
      </fieldset>
      {disconnected.length > 0 && (
        <div className="alert alert--warning">
          <label className="download-option">
            <input
              type="checkbox"
              checked={includeDisconnected}
              disabled={busy}
              onChange={(e) => setIncludeDisconnected(e.target.checked)}
            />
            Include the {countOf(disconnected.length, 'disconnected meter')}
          </label>
          <details>
            <summary>Which meters are disconnected, and why it matters</summary>
            <ul className="export-caveats">
              {disconnected.map((m) => (
                <li key={m.id}>
                  <strong>{m.title ?? m.meterId ?? m.id}</strong>: {meterCaveat(m)}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
      <fieldset disabled={busy} className="export-range">
        <legend>Days (in the account&apos;s time zone)</legend>
        <label>
          From
          <input
            type="date"
            value={range.from}
            onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={range.to}
            onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
          />
        </label>
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Format</legend>
        <label className="download-option">
          <input
            type="radio"
            name="export-format"
            checked={format === 'csv'}
            onChange={() => setFormat('csv')}
          />
          CSV for spreadsheets (one row per reading)
        </label>
        <label className="download-option">
          <input
            type="radio"
            name="export-format"
            checked={format === 'xml'}
            onChange={() => setFormat('xml')}
          />
          Green Button XML (one Atom feed, for other Green Button tools)
        </label>
      </fieldset>
      <label className="download-option">
        <input
          type="checkbox"
          checked={anonymize}
          disabled={busy}
          aria-describedby="export-anonymized-hint"
          onChange={(e) => setAnonymize(e.target.checked)}
        />
        Leave out my personal details
      </label>
      <p id="export-anonymized-hint" className="field__hint">
        No names, addresses, account or meter numbers: ids become plain numbers.
      </p>
      <p id="export-summary">
        {countOf(taken.length, 'meter')}, {countOf(rangeDays(range) > 0 ? rangeDays(range) : 0, 'day')}
        {disconnected.length > 0 &&
          (includeDisconnected
            ? ` (with ${countOf(disconnected.length, 'disconnected meter')})`
            : ` (${countOf(disconnected.length, 'disconnected meter')} left out, as you chose)`)}
        .
      </p>
      <p className="field__hint">{SINK_HINTS[exporter.sinkKind]}</p>
      {problem && (
        <p className="alert alert--error" id="export-problem">
          {problem}
        </p>
      )}
      <div className="actions">
        <Button type="submit" disabled={busy || problem !== undefined} aria-describedby="export-summary">
          Export {countOf(taken.length, 'meter')}
        </Button>
      </div>
      <ExportProgressView
        state={exporter.state}
        onStop={exporter.stop}
        onResume={exporter.resume}
        onFinishWithout={exporter.finishWithout}
      />
    </form>
  );
}

const SINK_HINTS = {
  'picked-file':
    'You choose where the file goes; it is written there as the export goes, and only a finished export becomes the file.',
  'private-file':
    'The file is written to this site’s storage on your disk as the export goes, and downloaded when it is complete.',
  memory:
    'This browser cannot write a file as it goes: the export is kept in memory until it is complete. For many meters over many days, choose fewer at a time.',
} as const;

import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import type { EspiDocument, LocalTime, UsagePoint } from '../../../espi/index.ts';
import { documentForExport } from '../model/export-document.ts';
import { saveText } from '../../../lib/save-file.ts';
import { exportInWorker } from '../workers/export-client.ts';
import { rangeBounds, type DayRange } from '../model/range.ts';

function fileStem(name: string, range: DayRange): string {
  const safe =
    name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'usage';
  return `${safe}_${range.from}_${range.to}`;
}

/**
 * Download My Data for the usage point and days on screen: ESPI XML (what other Green Button tools read,
 * valid against the schema) or CSV (for a spreadsheet). Written in a worker.
 */
export function DownloadMyData(props: {
  doc: EspiDocument;
  usagePoint: UsagePoint;
  clock: LocalTime;
  range: DayRange;
  name: string;
  /** Resource base for links the data lacks. */
  baseUrl: string;
}) {
  const [status, setStatus] = useState<{ busy?: 'xml' | 'csv'; message?: string; error?: string }>({});
  const [anonymize, setAnonymize] = useState(false);
  const download = async (format: 'xml' | 'csv') => {
    setStatus({ busy: format, message: `Preparing the ${format.toUpperCase()} file…` });
    try {
      const doc = documentForExport(props.doc, props.usagePoint, rangeBounds(props.range, props.clock));
      const text = await exportInWorker({ format, doc, baseUrl: props.baseUrl, anonymize });
      // The meter's name may be an address: an anonymised file's name says only what it is.
      const stem = fileStem(anonymize ? 'usage-anonymized' : props.name, props.range);
      if (format === 'xml') saveText(text, `${stem}.xml`, 'application/atom+xml');
      else saveText(text, `${stem}.csv`, 'text/csv');
      setStatus({ message: `The ${format.toUpperCase()} file is downloading.` });
    } catch (error) {
      setStatus({ error: (error as Error).message });
    }
  };
  return (
    <section aria-labelledby="download-heading" className="card">
      <h2 id="download-heading">Download my data</h2>
      <p>The days shown above, for this meter only, with every reading and its cost.</p>
      <label className="download-option">
        <input
          type="checkbox"
          checked={anonymize}
          aria-describedby="download-anonymized-hint"
          onChange={(event) => setAnonymize(event.target.checked)}
        />
        Leave out my personal details
      </label>
      <p id="download-anonymized-hint" className="field__hint">
        No names, addresses, account or meter numbers: ids become plain numbers. For sharing with a contractor
        or a researcher.
      </p>
      <div className="actions">
        <Button disabled={status.busy !== undefined} onClick={() => void download('xml')}>
          Green Button XML
        </Button>
        <Button variant="secondary" disabled={status.busy !== undefined} onClick={() => void download('csv')}>
          CSV for spreadsheets
        </Button>
      </div>
      <p role="status" aria-live="polite">
        {status.message}
      </p>
      {status.error && (
        <p className="alert alert--error" role="alert">
          {status.error}
        </p>
      )}
    </section>
  );
}

import { useMemo, useRef, useState, type DragEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { type EspiDocument, serviceLabel } from '../../../espi/index.ts';
import { parseEspiInWorker } from '../../../lib/espi-worker-client.ts';
import { chooseClock } from '../model/clock.ts';
import { DownloadMyData } from '../components/download-my-data.tsx';
import { ReadWarnings } from '../components/read-warnings.tsx';
import { UsageView } from '../components/usage-view.tsx';
import { formatDay } from '../model/format-time.ts';
import { fittingView, type UsageViewState } from '../model/range.ts';
import { dataThrough } from '../model/readings.ts';
import { hasBillingPeriods, offeredResolutions, readingSeconds } from '../model/resolutions.ts';
import { readErrorText, type ReadErrorText } from '../model/read-error-text.ts';
import '../components/usage.css';

type Opened =
  | { status: 'idle' }
  | { status: 'reading'; fileName: string; progress: number }
  | { status: 'failed'; error: ReadErrorText }
  | { status: 'open'; fileName: string; doc: EspiDocument };

/** Open a Green Button file: read in the browser's worker, never uploaded, no sign-in needed. */
export function Component() {
  const [opened, setOpened] = useState<Opened>({ status: 'idle' });
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const open = async (file: File) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setOpened({ status: 'reading', fileName: file.name, progress: 0 });
    // Fetch the chart's code while the worker reads, so drawing does not wait for it afterwards.
    void import('../components/usage-chart.tsx');
    try {
      const doc = await parseEspiInWorker(file, {
        signal: controller.signal,
        onProgress: (progress) => setOpened({ status: 'reading', fileName: file.name, progress }),
      });
      if (!controller.signal.aborted) setOpened({ status: 'open', fileName: file.name, doc });
    } catch (error) {
      if (controller.signal.aborted) return;
      setOpened({ status: 'failed', error: readErrorText(error, file.name) });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void open(file);
  };

  return (
    <>
      <PageTitle>Open a Green Button file</PageTitle>
      <h1>Open a Green Button file</h1>
      <p>
        See the energy data in a Green Button file (the XML your utility’s “Download My Data” gives you). The
        file is read here in your browser and is not sent anywhere.
      </p>
      {/* Dropping is a pointer shortcut; the file input inside is the keyboard and screen-reader path. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className="field">
          <label htmlFor="green-button-file">Choose a Green Button file</label>
          <input
            id="green-button-file"
            type="file"
            accept=".xml,application/xml,text/xml,application/atom+xml"
            aria-describedby="green-button-file-hint"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void open(file);
              // The same file chosen again (after fixing it) must fire change again.
              event.target.value = '';
            }}
          />
          <span id="green-button-file-hint" className="field__hint">
            Or drop the file here.
          </span>
        </div>
      </div>
      {opened.status === 'reading' && (
        <div className="actions">
          <LoadingState label={`Reading ${opened.fileName}`} progress={opened.progress} />
          <Button
            variant="secondary"
            small
            onClick={() => {
              abort.current?.abort();
              setOpened({ status: 'idle' });
            }}
          >
            Stop reading
          </Button>
        </div>
      )}
      {opened.status === 'failed' && (
        <div className="alert alert--error" role="alert">
          <h2>{opened.error.title}</h2>
          <p>{opened.error.detail}</p>
          <p>{opened.error.advice}</p>
        </div>
      )}
      {opened.status === 'open' && (
        <OpenedFile key={opened.fileName} fileName={opened.fileName} doc={opened.doc} />
      )}
    </>
  );
}

function OpenedFile(props: { fileName: string; doc: EspiDocument }) {
  const { doc } = props;
  const [index, setIndex] = useState(0);
  const { withReadings, usagePoint, clock, zoneCorrection, span, offered } = useMemo(() => {
    const candidates = doc.usagePoints.filter((up) => up.meterReadings.some((mr) => mr.readings.count > 0));
    const chosen = candidates[index] ?? candidates[0];
    const through = chosen ? dataThrough(chosen) : undefined;
    let first = Infinity;
    for (const mr of chosen?.meterReadings ?? []) first = Math.min(first, mr.readings.start[0] ?? Infinity);
    const { clock, correction } = chooseClock(doc, chosen);
    return {
      withReadings: candidates,
      usagePoint: chosen,
      clock,
      zoneCorrection: correction,
      span: through === undefined || !Number.isFinite(first) ? undefined : { first, through },
      offered: offeredResolutions(
        chosen && readingSeconds(chosen),
        chosen !== undefined && hasBillingPeriods(chosen, 'file'),
      ),
    };
  }, [doc, index]);
  const lastDay = span && clock.toIsoLocal(span.through - 1).slice(0, 10);
  const firstDay = span && clock.toIsoLocal(span.first).slice(0, 10);
  const [state, setState] = useState<UsageViewState>(() => {
    const to = lastDay ?? '1970-01-01';
    return { ...fittingView(firstDay ?? to, to, offered), series: ['delivered', 'received', 'net'] };
  });

  return (
    <section aria-labelledby="opened-file-heading">
      <h2 id="opened-file-heading">{props.fileName}</h2>
      <ReadWarnings doc={doc} />
      {!usagePoint || !span || !lastDay ? (
        <p className="alert">
          This file holds no interval readings
          {doc.authorizations.length > 0 && ` (it holds ${doc.authorizations.length} authorizations)`}
          {doc.applicationInformation.length > 0 && ' (it holds a third party’s registration)'}. There is
          nothing to chart.
        </p>
      ) : (
        <>
          <p className="muted">
            {withReadings.length === 1 ? '1 usage point' : `${withReadings.length} usage points`}, readings
            from {formatDay(clock, span.first)} to {formatDay(clock, span.through - 1)}.
          </p>
          {withReadings.length > 1 && (
            <div className="field">
              <label htmlFor="opened-usage-point">Usage point</label>
              <select
                id="opened-usage-point"
                value={index}
                onChange={(event) => setIndex(Number(event.target.value))}
              >
                {withReadings.map((up, i) => (
                  <option key={i} value={i}>
                    {up.meta.title ?? `Usage point ${i + 1}`} ({serviceLabel(up.serviceKind)})
                  </option>
                ))}
              </select>
            </div>
          )}
          <UsageView
            key={index}
            usagePoint={usagePoint}
            clock={clock}
            {...(zoneCorrection ? { zoneCorrection } : {})}
            title={usagePoint.meta.title ?? props.fileName}
            state={state}
            onStateChange={setState}
            offered={offered}
            lastDay={lastDay}
          />
          <DownloadMyData
            doc={doc}
            usagePoint={usagePoint}
            clock={clock}
            range={state.range}
            name={usagePoint.meta.title ?? props.fileName.replace(/\.xml$/i, '')}
            baseUrl={`${location.origin}/espi/1_1/resource`}
          />
        </>
      )}
    </section>
  );
}

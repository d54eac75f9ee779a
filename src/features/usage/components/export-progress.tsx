import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { DISPLAY_LOCALE, countOf } from '../../../espi/index.ts';
import type { MeterSkipped, ExportMeter } from '../api/export-meters.ts';
import type { ExportProgress, ExportState } from '../hooks/use-meters-export.ts';

const number = (n: number) => n.toLocaleString(DISPLAY_LOCALE);
const megabytes = (bytes: number) =>
  `${(bytes / 1e6).toLocaleString(DISPLAY_LOCALE, { maximumFractionDigits: bytes < 1e7 ? 1 : 0 })} MB`;

function progressText(p: ExportProgress): string {
  return `${number(p.metersDone)} of ${countOf(p.metersTotal, 'meter')}, ${number(p.readings)} readings written (${megabytes(p.bytes)}).`;
}

/** A screen reader hears the progress every tenth of the meters, not at each of 1,280 updates. */
function useAnnouncedProgress(state: ExportState): string {
  const [announced, setAnnounced] = useState({ tenth: -1, text: '' });
  if (state.phase !== 'running') return '';
  const { progress } = state;
  const tenth = Math.floor((progress.metersDone / Math.max(1, progress.metersTotal)) * 10);
  // Adjusting state while rendering (React's pattern for state derived from props): a new tenth only.
  if (tenth !== announced.tenth) setAnnounced({ tenth, text: `Exporting: ${progressText(progress)}` });
  return announced.text;
}

function MeterProblems(props: { title: string; skipped: MeterSkipped[]; missing?: ExportMeter[] }) {
  const missing = props.missing ?? [];
  if (props.skipped.length + missing.length === 0) return null;
  return (
    <details open={props.skipped.length + missing.length <= 10}>
      <summary>{props.title}</summary>
      <ul className="export-caveats">
        {props.skipped.map(({ meter, reason }) => (
          <li key={meter.id}>
            <strong>{meter.name}</strong>: {reason}
          </li>
        ))}
        {missing.map((meter) => (
          <li key={meter.id}>
            <strong>{meter.name}</strong>: not exported (the export was finished without it).
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The running export, its interruption, and its end: what became of the file, and which meters are not in it. */
export function ExportProgressView(props: {
  state: ExportState;
  onStop(): void;
  onResume(): void;
  onFinishWithout(): void;
}) {
  const { state } = props;
  const announced = useAnnouncedProgress(state);
  return (
    <div className="export-progress">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
      {state.phase === 'idle' && state.message && <p className="alert alert--warning">{state.message}</p>}
      {state.phase === 'running' && (
        <>
          <label htmlFor="export-progress-bar">Writing {state.sinkName}</label>
          <progress
            id="export-progress-bar"
            max={state.progress.metersTotal}
            value={state.progress.metersDone}
          />
          <p>{progressText(state.progress)}</p>
          <div className="actions">
            <Button type="button" variant="danger" onClick={props.onStop}>
              Stop
            </Button>
          </div>
        </>
      )}
      {state.phase === 'interrupted' && (
        <div className="alert alert--error" role="alert">
          <p>
            The export paused after {progressText(state.progress)} {state.reason} The meters written so far
            are kept; {countOf(state.remaining.length, 'meter')} {state.remaining.length === 1 ? 'is' : 'are'}{' '}
            still to do.
          </p>
          <div className="actions">
            <Button type="button" onClick={props.onResume}>
              Resume
            </Button>
            <Button type="button" variant="secondary" onClick={props.onFinishWithout}>
              Finish the file without them
            </Button>
            <Button type="button" variant="danger" onClick={props.onStop}>
              Discard the export
            </Button>
          </div>
          <MeterProblems title="Meters the utility refused" skipped={state.skipped} />
        </div>
      )}
      {state.phase === 'done' && (
        <div
          className={`alert ${state.skipped.length + state.missing.length > 0 ? 'alert--warning' : 'alert--success'}`}
          role="status"
        >
          <p>
            Export complete: {progressText(state.progress)} {state.saved}
            {state.skipped.length + state.missing.length > 0 &&
              ` ${countOf(state.skipped.length + state.missing.length, 'meter')} ${state.skipped.length + state.missing.length === 1 ? 'is' : 'are'} not in the file.`}
          </p>
          <MeterProblems title="Meters not in the file" skipped={state.skipped} missing={state.missing} />
        </div>
      )}
      {state.phase === 'stopped' && (
        <p className="alert alert--warning" role="status">
          {state.message}
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="alert alert--error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}

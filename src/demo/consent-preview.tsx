import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../components/ui/button.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { historyInWords, type HistoryWindow } from '../custodian/oauth/history-window.ts';
import type { PreviewSeries } from '../custodian/oauth/consent-preview.ts';
import type { ConsentUsagePoint } from '../custodian/oauth/sign-in.ts';
import { previewMeter } from './custodian-interaction.ts';
import { bucketLabel, previewSummary } from './consent-preview-text.ts';

/**
 * "What <app> will see", on the consent step before the customer allows: the meters ticked (each with
 * the readings the scope shows of it), the days of history the scope reaches, and one meter's data in
 * that window as a small chart with its summary in words. Follows the ticks: untick a meter and it
 * leaves the preview, as it would leave the app's feed.
 */
export function ConsentPreview(props: {
  appName: string;
  interaction: string;
  meters: ConsentUsagePoint[];
  history: HistoryWindow;
}) {
  const { meters, history } = props;
  const ids = useId();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const shown = meters.find((m) => m.id === picked) ?? meters[0];

  return (
    <section aria-labelledby={`${ids}-heading`} className="consent-preview">
      <h2 id={`${ids}-heading`}>What {props.appName} will see</h2>
      <p>{historyInWords(history)}.</p>
      {meters.length === 0 ? (
        <p>No meter is chosen: {props.appName} would see nothing.</p>
      ) : (
        <>
          <ul>
            {meters.map((m) => (
              <li key={m.id}>
                <strong>{m.title}</strong> (meter {m.meterId}): {m.readings.join(', ')}
              </li>
            ))}
          </ul>
          {meters.length > 1 && (
            <div className="field">
              <label htmlFor={`${ids}-meter`}>Meter to preview</label>
              <select
                id={`${ids}-meter`}
                value={shown?.id}
                onChange={(event) => setPicked(event.target.value)}
              >
                {meters.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          {shown && (
            <MeterPreview interaction={props.interaction} meter={shown} timeZone={history.timeZone} />
          )}
        </>
      )}
    </section>
  );
}

function MeterPreview(props: { interaction: string; meter: ConsentUsagePoint; timeZone: string }) {
  const { meter, timeZone } = props;
  const preview = useQuery({
    queryKey: ['demo', 'consent-preview', props.interaction, meter.id],
    queryFn: ({ signal }) => previewMeter(props.interaction, meter.id, signal),
    staleTime: Infinity,
    retry: false,
  });
  if (preview.isPending) return <LoadingState label={`Loading ${meter.title}`} />;
  if (preview.isError) {
    return (
      <div className="custodian__error" role="alert">
        <p>
          The preview of {meter.title} could not be loaded: {preview.error.message}
        </p>
        <Button variant="secondary" small onClick={() => void preview.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  return <PreviewChart series={preview.data} meterTitle={meter.title} timeZone={timeZone} />;
}

/** Bars in a fixed drawing box stretched to the width: decorative, the summary below says it all. */
function PreviewChart(props: { series: PreviewSeries; meterTitle: string; timeZone: string }) {
  const { series, timeZone } = props;
  const ids = useId();
  const max = Math.max(...series.points.map((p) => p.value), 0);
  const first = series.points[0];
  const last = series.points.at(-1);
  return (
    <figure
      className="consent-preview__figure"
      aria-labelledby={`${ids}-caption`}
      aria-describedby={`${ids}-summary`}
    >
      <figcaption id={`${ids}-caption`}>
        {props.meterTitle}, {series.bucket === 'month' ? 'by month' : 'by day'} ({series.unit})
      </figcaption>
      <svg
        className="consent-preview__chart"
        viewBox={`0 0 ${series.points.length * 10} 100`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {series.points.map((p, i) => {
          const height = max > 0 ? (p.value / max) * 100 : 0;
          return <rect key={p.start} x={i * 10 + 1} y={100 - height} width={8} height={height} />;
        })}
      </svg>
      {first && last && (
        <p className="consent-preview__axis" aria-hidden="true">
          <span>{bucketLabel(series, first.start, timeZone)}</span>
          <span>{bucketLabel(series, last.start, timeZone)}</span>
        </p>
      )}
      <p id={`${ids}-summary`}>{previewSummary(series, timeZone)}</p>
    </figure>
  );
}

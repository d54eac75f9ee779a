/**
 * One usage point's chart, table and controls: used by the signed-in usage page and by "Open a Green
 * Button file", so both show the same thing the same way. recharts comes with the lazily loaded chart
 * module, so pages that never draw a chart never download it.
 */
import { lazy, Suspense, useDeferredValue, useId, useMemo, useState } from 'react';
import type { LocalTime, UsagePoint } from '../../../espi/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import type { NumericKey } from '../model/chart-points.ts';
import { formatInterval, zoneOnDays } from '../model/format-time.ts';
import {
  rangeBounds,
  yearEarlier,
  type Resolution,
  type SeriesKey,
  type UsageViewState,
} from '../model/range.ts';
import { buildChartData, inUnit, UNKNOWN_UNIT, withComparison, type ChartData } from '../model/series.ts';
import { SERIES_STYLES, seriesLabel } from '../model/series-style.ts';
import { chartSummary } from '../model/series-text.ts';
import { PartialHatch } from './partial-hatch.tsx';
import { unitOptions } from '../model/unit-options.ts';
import { RegisterReads } from './register-reads.tsx';
import { ViewControls } from './view-controls.tsx';
import { UsageTable } from './usage-table.tsx';
import { usePalette } from '../hooks/use-palette.ts';

const UsageChart = lazy(() => import('./usage-chart.tsx'));

export interface UsageViewProps {
  usagePoint: UsagePoint;
  clock: LocalTime;
  title: string;
  state: UsageViewState;
  onStateChange: (next: UsageViewState) => void;
  /** Why the data's own time zone was overruled (clock.ts `chooseClock`), said beside the zone. */
  zoneCorrection?: string;
  /** The resolutions the meter's readings can show (resolutions.ts). */
  offered: Resolution[];
  /** The last day with data: default ranges end there. */
  lastDay: string;
  /** The same usage point a year earlier, when the comparison is shown and loaded. */
  earlier?: UsagePoint;
  earlierStatus?: 'loading' | 'error' | 'ready';
}

export function UsageView(props: UsageViewProps) {
  const { usagePoint, clock, state } = props;
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const base = useMemo(
    () =>
      buildChartData(usagePoint, {
        resolution: state.resolution,
        clock,
        bounds: rangeBounds(state.range, clock),
      }),
    [usagePoint, clock, state.resolution, state.range],
  );
  const compared = useMemo(() => {
    if (!props.earlier || !state.series.includes('compare')) return base;
    const earlier = buildChartData(props.earlier, {
      resolution: base.resolution,
      clock,
      bounds: rangeBounds(yearEarlier(state.range), clock),
    });
    return withComparison(base, earlier);
  }, [base, props.earlier, clock, state.range, state.series]);

  const units = unitOptions(base.unit, usagePoint.serviceKind);
  const [unitChoice, setUnitChoice] = useState<string>();
  const unit = units.find((u) => u.unit === unitChoice) ??
    units[0] ?? { unit: base.unit, factor: 1, estimate: false };
  const data = useMemo(() => inUnit(compared, unit.unit, unit.factor), [compared, unit.unit, unit.factor]);

  const netMetered = base.flows.includes('received');
  const available: SeriesKey[] = [...base.flows, ...(base.hasCost ? (['cost'] as const) : []), 'compare'];
  const seriesKey = available.filter((key) => state.series.includes(key)).join(',');
  // Memoized on their contents, so the chart (memo) sees unchanged props as unchanged.
  const lines = useMemo(() => (seriesKey ? (seriesKey.split(',') as NumericKey[]) : []), [seriesKey]);
  const hasReadings = base.rows.some((row) => row.delivered !== null || row.net !== null);
  const bounds = useMemo(() => rangeBounds(state.range, clock), [state.range, clock]);
  // The controls answer a click at once; the chart is drawn from these a moment later, in a render React
  // may interrupt (a year of hours is a lot of SVG), showing the previous one dimmed meanwhile.
  const chartProps = useMemo(
    () => ({ data, lines, unit: unit.unit, range: bounds }),
    [data, lines, unit.unit, bounds],
  );
  const drawn = useDeferredValue(chartProps);
  const captionOf = (shown: {
    data: ChartData;
    lines: NumericKey[];
    range: { start: number; end: number };
  }) =>
    `${props.title}: ${shown.lines.map((k) => seriesLabel(k, netMetered).toLowerCase()).join(', ')} by ${
      shown.data.resolution === 'billing' ? 'billing period' : shown.data.resolution
    }, ${formatInterval(clock, shown.range.start, shown.range.end)}`;
  const caption = captionOf(chartProps);

  return (
    <section aria-labelledby="usage-view-heading" className="usage-view">
      <h2 id="usage-view-heading" className="visually-hidden">
        Chart and table
      </h2>
      <p className="muted">
        Times in {zoneOnDays(clock, bounds.start, bounds.end)}
        {clock.isFallback && ' (the data names no time zone: the utility’s is assumed)'}.
        {props.zoneCorrection && ` ${props.zoneCorrection}`}
        {base.unit === UNKNOWN_UNIT &&
          ' The data names no unit for these readings (no ReadingType): they are shown as the raw numbers in it.'}
        {unit.estimate &&
          ' Converted with the US average heat content of natural gas (1,038 BTU per cubic foot): an estimate.'}
      </p>
      {data.resolution !== state.resolution && (
        <p className="alert">This data names no billing periods, so calendar months are shown.</p>
      )}
      {state.series.includes('compare') && props.earlierStatus === 'loading' && (
        <p className="muted" role="status">
          Loading the year before…
        </p>
      )}
      {state.series.includes('compare') && props.earlierStatus === 'error' && (
        <p className="alert alert--warning">
          The year before could not be loaded; the comparison is left out.
        </p>
      )}
      {!hasReadings ? (
        <EmptyState title="No readings for these days">
          <p>
            There are no readings from {formatInterval(clock, bounds.start, bounds.end)}. Utilities publish a
            day or two late; try earlier days.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="actions">
            <Button
              variant="secondary"
              small
              // The label says what pressing does, and changes with it (not a toggle state to infer).
              onClick={() => setShowTable((shown) => !shown)}
            >
              {showTable ? 'Show as chart' : 'Show as table'}
            </Button>
          </div>
          <Legend
            bars={data.resolution !== 'interval' && data.combine === 'sum'}
            lines={lines}
            netMetered={netMetered}
            unit={unit.unit}
            estimates={data.rows.some((row) => row.estimated > 0)}
            partial={
              data.rows.some((row) => row.partial) &&
              (data.resolution === 'billing' ? 'billing period' : data.resolution)
            }
          />
          {showTable ? (
            <UsageTable
              data={data}
              clock={clock}
              zone={zoneOnDays(clock, bounds.start, bounds.end)}
              lines={lines}
              unit={unit.unit}
              caption={caption}
            />
          ) : (
            // One figure, named by its caption and described by its summary, both of what it draws: while the
            // chart catches up with the controls, of the one still shown.
            <figure
              className="usage-figure"
              aria-labelledby={`${id}-caption`}
              aria-describedby={`${id}-summary`}
              aria-busy={drawn !== chartProps}
            >
              <Suspense fallback={<LoadingState label="Drawing the chart" />}>
                <UsageChart {...drawn} clock={clock} />
              </Suspense>
              <figcaption className="muted">
                <span id={`${id}-caption`}>{captionOf(drawn)}</span>.{' '}
                <span id={`${id}-summary`}>
                  {chartSummary(drawn.data, {
                    clock,
                    lines: drawn.lines,
                    unit: drawn.unit,
                    currency: drawn.data.currency,
                    netMetered,
                  })}
                </span>{' '}
                Gaps in a line are intervals without readings; triangles mark estimated readings. Tab to the
                chart and use the arrow keys to read its values; drag the handles under it to zoom.
              </figcaption>
            </figure>
          )}
        </>
      )}
      {/* Under the chart: on a phone the chart is on the first screen, the controls a scroll away. */}
      <ViewControls
        state={state}
        onChange={props.onStateChange}
        available={available}
        netMetered={netMetered}
        offered={props.offered}
        lastDay={props.lastDay}
        units={units}
        unit={unit.unit}
        onUnitChange={setUnitChoice}
      />
      <RegisterReads usagePoint={usagePoint} clock={clock} range={bounds} />
    </section>
  );
}

function Legend(props: {
  bars: boolean;
  lines: NumericKey[];
  netMetered: boolean;
  unit: string;
  estimates: boolean;
  /** The kind of period some of which the data covers only in part, if any. */
  partial: string | false;
}) {
  const palette = usePalette(['--series-1', '--series-2', '--series-3', '--series-4', '--series-6']);
  const hatch = useId();
  return (
    <ul className="usage-legend" aria-label="Legend">
      {props.lines.map((key) => {
        const style = SERIES_STYLES[key];
        return (
          <li key={key}>
            <svg width="32" height="10" aria-hidden="true">
              {props.bars ? (
                <rect x="8" y="0" width="16" height="10" fill={palette[style.colorVar]} />
              ) : (
                <line
                  x1="0"
                  y1="5"
                  x2="32"
                  y2="5"
                  stroke={palette[style.colorVar]}
                  strokeWidth={style.width + 0.5}
                  strokeDasharray={style.dash}
                />
              )}
            </svg>
            {seriesLabel(key, props.netMetered)}
            {key === 'cost' ? '' : ` (${props.unit})`}
          </li>
        );
      })}
      {props.estimates && (
        <li>
          <svg width="12" height="10" aria-hidden="true">
            <path d="M6,0 l5,9 h-10 z" fill="currentColor" />
          </svg>
          Estimated reading
        </li>
      )}
      {props.bars && props.partial && (
        <li>
          <svg width="32" height="10" aria-hidden="true">
            <defs>
              <PartialHatch id={hatch} color={palette['--series-1'] ?? ''} />
            </defs>
            <rect x="8" y="0" width="16" height="10" fill={`url(#${hatch})`} stroke={palette['--series-1']} />
          </svg>
          Partial {props.partial}: data for only some of its days
        </li>
      )}
    </ul>
  );
}

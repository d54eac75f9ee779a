/**
 * The usage chart (recharts, loaded lazily with this module). Totals per hour, day, month or period are
 * bars, each inside its bucket (steps where bars would not fit), a period the data covers only in part
 * striped; interval readings (and peaks) are lines; lines and steps have a distinct colour and dash per
 * series, gaps drawn as breaks. Estimated readings are marked, a tooltip gives the exact value, unit and
 * interval, and a brush under the chart zooms. The x axis spans exactly the days shown, ticked on the local
 * clock with labels that never collide (time-ticks.ts); the value axis is as wide as its labels
 * (value-axis.ts). Both the chart and the brush's overview draw at most about two points per pixel
 * (chart-points.ts).
 *
 * The drawing is one keyboard stop: the arrow keys step through the values, each highlighted on the
 * chart and read out in words under it (a polite live region), so the values are there without a mouse.
 */
import { memo, useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import {
  Bar,
  Brush,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  Rectangle,
  ReferenceLine,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { formatMoney, formatQuantity, type LocalTime } from '../../../espi/index.ts';
import { chartForm, chartPoints, stepCursor, type NumericKey } from '../model/chart-points.ts';
import { formatDay, formatInterval } from '../model/format-time.ts';
import type { ChartData, ChartRow } from '../model/series.ts';
import { SERIES_STYLES, seriesLabel } from '../model/series-style.ts';
import { capitalized, rowNotes, rowSentence, valueText, type RowWording } from '../model/series-text.ts';
import { PartialHatch } from './partial-hatch.tsx';
import { axisTicks, type TickUnit } from '../model/time-ticks.ts';
import { valueAxisWidth } from '../model/value-axis.ts';
import { useElementWidth } from '../hooks/use-element-width.ts';
import { useTrailingValue } from '../hooks/use-trailing-value.ts';
import { usePalette } from '../hooks/use-palette.ts';

export interface UsageChartProps {
  data: ChartData;
  clock: LocalTime;
  /** The series to draw, in drawing order; those the data lacks are skipped. */
  lines: NumericKey[];
  unit: string;
  /** The days asked for: the axis spans them, so days not yet published show as empty, not as a shorter range. */
  range?: { start: number; end: number };
}

/** `x` is where a row is drawn: a bar in the middle of its bucket, a line point at its start. */
type PlotRow = ChartRow & { x: number; mark: number | null };

const MARGIN = 8;
const PALETTE = ['--series-1', '--series-2', '--series-3', '--series-4', '--series-6', '--text', '--border'];

const BUCKET_TICK: Partial<Record<ChartData['resolution'], TickUnit>> = {
  hour: 'hour',
  day: 'day',
  month: 'month',
};

function extent(rows: readonly ChartRow[], keys: readonly NumericKey[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const row of rows)
    for (const key of keys) {
      const v = row[key];
      if (v === null) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  return { min, max };
}

/**
 * `rows` frozen, as recharts is handed them: each chart keeps its data in an immer store, which walks every
 * row of an array to freeze it (a year of points at each switch) unless the array is frozen already.
 */
function asChartData<T>(rows: T[]): readonly T[] {
  return Object.freeze(rows);
}

/** The buckets a zoom refers to: a zoom survives a change of unit or series, not of range or resolution. */
function spanOf(data: ChartData): string {
  const rows = data.rows;
  return `${data.resolution}|${rows[0]?.start ?? 0}|${rows.at(-1)?.end ?? 0}|${rows.length}`;
}

/**
 * Memoized: the usage view hands it deferred, memoized props, so a click on the controls re-renders only
 * the controls and the chart follows in a render React can interrupt.
 */
export default memo(function UsageChart(props: UsageChartProps) {
  const { data, clock, lines, unit } = props;
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const palette = usePalette(PALETTE);
  const id = useId();
  const withCost = lines.includes('cost');
  const valueWidth = useMemo(() => {
    const { min, max } = extent(
      data.rows,
      lines.filter((k) => k !== 'cost'),
    );
    return valueAxisWidth(min, max, (v) => formatQuantity(v, ''));
  }, [data.rows, lines]);
  const costWidth = useMemo(() => {
    const { min, max } = extent(data.rows, ['cost']);
    return withCost ? valueAxisWidth(min, max, (v) => formatMoney(v, data.currency)) : 0;
  }, [data.rows, data.currency, withCost]);
  const plotWidth = Math.max(50, width - valueWidth - costWidth - 2 * MARGIN);
  const form = chartForm(data, lines.length, plotWidth);
  const bars = form === 'bars';
  const span = spanOf(data);
  // The zoomed window in time, with the buckets it was chosen on: other buckets show whole.
  const [zoom, setZoom] = useState<{ span: string; start: number; end: number }>();
  if (zoom && zoom.span !== span) setZoom(undefined);
  const deferredZoom = useDeferredValue(zoom);
  const window = deferredZoom?.span === span ? deferredZoom : undefined;

  // The brush's thumbnail is a navigator, not a reading surface: half a point per pixel keeps its peaks. It is
  // a second chart, drawn a commit after the main one (each settles in a task of its own, none over budget).
  const overviewNow = useMemo(
    () => ({ span, rows: asChartData(chartPoints(data.rows, lines, plotWidth / 4)) }),
    [span, data.rows, lines, plotWidth],
  );
  const overview = useTrailingValue(overviewNow);
  const shownRows = useMemo(
    () => (window ? data.rows.filter((r) => r.start >= window.start && r.start < window.end) : data.rows),
    [data.rows, window],
  );
  const points: readonly PlotRow[] = useMemo(() => {
    const primary = lines.find((k) => k !== 'cost' && k !== 'compare') ?? 'delivered';
    return asChartData(
      chartPoints(shownRows, lines, plotWidth).map((row) => ({
        ...row,
        x: bars ? (row.start + row.end) / 2 : row.start,
        mark: row.estimated > 0 ? row[primary] : null,
      })),
    );
  }, [shownRows, lines, plotWidth, bars]);
  // Only the points with an estimate get a mark: recharts would otherwise render an element for every point.
  const marked = useMemo(() => asChartData(points.filter((p) => p.mark !== null)), [points]);

  const domainStart = window?.start ?? props.range?.start ?? points[0]?.start ?? 0;
  const domainEnd = window?.end ?? props.range?.end ?? points[points.length - 1]?.end ?? 1;
  const ticks = useMemo(
    () =>
      axisTicks(clock, domainStart, domainEnd, plotWidth, bars ? BUCKET_TICK[data.resolution] : undefined, {
        left: valueWidth,
        right: costWidth + MARGIN,
      }),
    [clock, domainStart, domainEnd, plotWidth, bars, data.resolution, valueWidth, costWidth],
  );
  const netMetered = data.flows.includes('received');
  const wording: RowWording = useMemo(
    () => ({ clock, lines, unit, currency: data.currency, netMetered }),
    [clock, lines, unit, data.currency, netMetered],
  );

  // The keyboard reader steps through every bucket shown (not only the points drawn), gaps skipped.
  const readable = useMemo(() => shownRows.filter((r) => r.end > r.start), [shownRows]);
  const view = `${span}|${window?.start ?? ''}|${window?.end ?? ''}`;
  const [cursor, setCursor] = useState<{ view: string; index: number }>();
  const [reading, setReading] = useState(false);
  const index = cursor?.view === view ? cursor.index : 0;
  const current = readable[index];
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = stepCursor(event.key, index, readable.length);
    if (next === undefined) return;
    event.preventDefault();
    setCursor({ view, index: next });
  };

  // Everything but the highlight, memoized: a step of the keyboard reader redraws only the highlight.
  const layers = useMemo(() => {
    const tickLabels = new Map(ticks.map((t) => [t.at, t.label]));
    return (
      <>
        <defs>
          {lines.map((key) => (
            <PartialHatch
              key={key}
              id={`${id}-partial-${key}`}
              color={palette[SERIES_STYLES[key].colorVar] ?? ''}
            />
          ))}
        </defs>
        <CartesianGrid stroke={palette['--border']} strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={[domainStart, domainEnd]}
          allowDataOverflow
          ticks={ticks.map((t) => t.at)}
          interval={0}
          tickFormatter={(t: number) => tickLabels.get(t) ?? ''}
          stroke={palette['--text']}
        />
        <YAxis
          yAxisId="value"
          width={valueWidth}
          stroke={palette['--text']}
          tickFormatter={(v: number) => formatQuantity(v, '')}
        />
        {withCost && (
          <YAxis
            yAxisId="cost"
            orientation="right"
            width={costWidth}
            stroke={palette['--text']}
            tickFormatter={(v: number) => formatMoney(v, data.currency)}
          />
        )}
        <Tooltip
          cursor={{ fill: palette['--border'], fillOpacity: 0.4, stroke: palette['--border'] }}
          wrapperStyle={{ maxWidth: 'min(22rem, calc(100vw - 2rem))' }}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as PlotRow | undefined;
            if (!active || !row) return null;
            return <ChartTooltip row={row} wording={wording} />;
          }}
        />
        {lines.map((key) => {
          const style = SERIES_STYLES[key];
          const color = palette[style.colorVar];
          const common = {
            yAxisId: key === 'cost' ? 'cost' : 'value',
            dataKey: key,
            name: seriesLabel(key, netMetered),
            isAnimationActive: false,
          };
          return bars ? (
            <Bar
              key={key}
              {...common}
              fill={color}
              // A partial period: striped, outlined in the series colour.
              shape={(bar: BarShapeProps) =>
                (bar.payload as PlotRow).partial ? (
                  <Rectangle {...bar} fill={`url(#${id}-partial-${key})`} stroke={color} strokeWidth={1} />
                ) : (
                  <Rectangle {...bar} />
                )
              }
            />
          ) : (
            <Line
              key={key}
              {...common}
              type={form === 'steps' ? 'stepAfter' : 'linear'}
              stroke={color}
              strokeWidth={style.width}
              strokeDasharray={style.dash}
              dot={false}
              connectNulls={false}
            />
          );
        })}
        {marked.length > 0 && (
          <Scatter
            yAxisId="value"
            data={marked}
            dataKey="mark"
            name="Estimated reading"
            shape="triangle"
            fill={palette['--text']}
            legendType="triangle"
            tooltipType="none"
            isAnimationActive={false}
          />
        )}
      </>
    );
  }, [
    id,
    palette,
    lines,
    ticks,
    domainStart,
    domainEnd,
    valueWidth,
    costWidth,
    withCost,
    data.currency,
    wording,
    netMetered,
    bars,
    form,
    marked,
  ]);

  const bucket =
    data.resolution === 'billing'
      ? 'billing period'
      : data.resolution === 'interval'
        ? 'reading'
        : data.resolution;
  return (
    <div ref={ref} className="usage-chart-frame">
      {width > 0 && (
        <>
          {/* The units head their axes, clear of the ticks; the legend says them to screen readers. */}
          <div className="usage-chart-units" aria-hidden="true">
            <span style={{ marginLeft: MARGIN }}>{unit}</span>
            {withCost && <span>Cost</span>}
          </div>
          {/* One named keyboard stop: a slider over the values (the keys a slider takes, and screen readers
              say its value text at each step), highlighted on the drawing while focused; the drawing itself
              is hidden from screen readers, whose view of it is the caption, the summary and these values. */}
          <div
            className="usage-chart-reader"
            role="slider"
            aria-label={`Values by ${bucket}`}
            aria-describedby={`${id}-keys`}
            aria-valuemin={1}
            aria-valuemax={Math.max(1, readable.length)}
            aria-valuenow={index + 1}
            aria-valuetext={current ? rowSentence(current, wording) : 'No readings'}
            tabIndex={0}
            onKeyDown={onKeyDown}
            onFocus={() => setReading(true)}
            onBlur={() => setReading(false)}
          >
            <div aria-hidden="true">
              <ComposedChart
                width={width}
                height={320}
                data={points}
                margin={{ top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN }}
                className="usage-chart"
                barCategoryGap="12%"
                barGap={1}
                // recharts' own keyboard layer would add a second, unnamed tab stop that reads only axis ticks.
                accessibilityLayer={false}
              >
                {layers}
                {reading && current && (
                  <ReferenceLine
                    yAxisId="value"
                    x={form === 'lines' ? current.start : (current.start + current.end) / 2}
                    stroke={palette['--text']}
                    strokeWidth={2}
                    className="usage-chart-cursor"
                  />
                )}
              </ComposedChart>
            </div>
          </div>
          <p id={`${id}-keys`} className="visually-hidden">
            Left and Right arrow keys: the previous and next {bucket}; Home and End: the first and last; Page
            Up and Page Down: a tenth of the way; Escape: stop.
          </p>
          <p className="usage-chart-readout" aria-live="polite">
            {current ? rowSentence(current, wording) : ''}
          </p>
          {overview && overview.rows.length > 2 && (
            // A new set of buckets is a new navigator: the brush keeps its handles' positions in its own state.
            <ComposedChart
              key={overview.span}
              width={width}
              height={64}
              data={overview.rows}
              margin={{ top: 0, right: MARGIN + costWidth, bottom: 4, left: MARGIN + valueWidth }}
              accessibilityLayer={false}
            >
              <XAxis dataKey="start" type="number" domain={['dataMin', 'dataMax']} hide />
              <Brush
                dataKey="start"
                height={56}
                stroke={palette['--series-1']}
                fill="transparent"
                ariaLabel="Zoom: drag either handle, or use the arrow keys on a handle"
                tickFormatter={(t: number) => formatDay(clock, t)}
                onChange={(range) => {
                  const { startIndex, endIndex } = range as { startIndex?: number; endIndex?: number };
                  if (startIndex === undefined || endIndex === undefined) return;
                  const first = overview.rows[startIndex];
                  const last = overview.rows[endIndex];
                  const whole = startIndex === 0 && endIndex === overview.rows.length - 1;
                  setZoom(
                    whole || !first || !last
                      ? undefined
                      : { span: overview.span, start: first.start, end: last.end },
                  );
                }}
              >
                <LineChart data={overview.rows} accessibilityLayer={false}>
                  <Line
                    dataKey={lines.find((k) => k !== 'cost') ?? 'delivered'}
                    stroke={palette['--series-1']}
                    dot={false}
                    isAnimationActive={false}
                  />
                </LineChart>
              </Brush>
            </ComposedChart>
          )}
        </>
      )}
    </div>
  );
});

function ChartTooltip(props: { row: PlotRow; wording: RowWording }) {
  const { row, wording } = props;
  if (row.end <= row.start) return <div className="usage-tooltip">No readings here</div>;
  return (
    <div className="usage-tooltip">
      <p>
        <strong>{formatInterval(wording.clock, row.start, row.end)}</strong>
      </p>
      {wording.lines.map((key) => (
        <p key={key}>
          {seriesLabel(key, wording.netMetered)}: {valueText(row, key, wording)}
        </p>
      ))}
      {rowNotes(row).map((note) => (
        <p key={note}>{capitalized(note)}</p>
      ))}
    </div>
  );
}

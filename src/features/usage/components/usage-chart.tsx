/**
 * The usage chart (recharts, loaded lazily with this module). Totals per hour, day, month or period are
 * bars, each inside its bucket (steps where bars would not fit); interval readings (and peaks) are lines;
 * lines and steps have a distinct colour and dash per series, gaps drawn as breaks. Estimated readings are marked, a tooltip gives the exact value, unit and interval, and a
 * brush under the chart zooms. The x axis spans exactly the days shown, ticked on the local clock with
 * labels that never collide (time-ticks.ts); the value axis is as wide as its labels (value-axis.ts). Both
 * the chart and the brush's overview draw at most about two points per pixel (chart-points.ts).
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { Bar, Brush, CartesianGrid, ComposedChart, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LocalTime } from '../../../espi/local-time.ts';
import { formatMoney, formatQuantity } from '../../../espi/units.ts';
import { chartForm, chartPoints, type NumericKey } from '../chart-points.ts';
import { formatDay, formatInterval } from '../format-time.ts';
import type { ChartData, ChartRow } from '../series.ts';
import { SERIES_STYLES, seriesLabel } from '../series-style.ts';
import { axisTicks, type TickUnit } from '../time-ticks.ts';
import { valueAxisWidth } from '../value-axis.ts';
import { useElementWidth } from './use-element-width.ts';
import { usePalette } from './use-palette.ts';

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

export default function UsageChart(props: UsageChartProps) {
  const { data, clock, lines, unit } = props;
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const palette = usePalette(PALETTE);
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
  const [brush, setBrush] = useState<{ startIndex: number; endIndex: number }>();
  const deferredBrush = useDeferredValue(brush);

  // The brush's thumbnail is a navigator, not a reading surface: half a point per pixel keeps its peaks.
  const overview = useMemo(() => chartPoints(data.rows, lines, plotWidth / 4), [data.rows, lines, plotWidth]);
  const window = useMemo(() => {
    if (!deferredBrush) return undefined;
    const first = overview[deferredBrush.startIndex];
    const last = overview[deferredBrush.endIndex];
    return first && last ? { start: first.start, end: last.end } : undefined;
  }, [deferredBrush, overview]);
  const points: PlotRow[] = useMemo(() => {
    const rows = window
      ? data.rows.filter((r) => r.start >= window.start && r.start < window.end)
      : data.rows;
    const primary = lines.find((k) => k !== 'cost' && k !== 'compare') ?? 'delivered';
    return chartPoints(rows, lines, plotWidth).map((row) => ({
      ...row,
      x: bars ? (row.start + row.end) / 2 : row.start,
      mark: row.estimated > 0 ? row[primary] : null,
    }));
  }, [data.rows, lines, plotWidth, window, bars]);

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
  const tickLabels = useMemo(() => new Map(ticks.map((t) => [t.at, t.label])), [ticks]);
  const netMetered = data.flows.includes('received');

  return (
    <div ref={ref} className="usage-chart-frame">
      {width > 0 && (
        <>
          {/* The units head their axes, clear of the ticks; the legend says them to screen readers. */}
          <div className="usage-chart-units" aria-hidden="true">
            <span style={{ marginLeft: MARGIN }}>{unit}</span>
            {withCost && <span>Cost</span>}
          </div>
          <ComposedChart
            width={width}
            height={320}
            data={points}
            margin={{ top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN }}
            className="usage-chart"
            barCategoryGap="12%"
            barGap={1}
            // The figure around the chart is the one named, keyboard-readable region (usage-view.tsx);
            // recharts' own layer would add an unnamed tab stop that reads only axis ticks.
            accessibilityLayer={false}
          >
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
                return <ChartTooltip row={row} lines={lines} clock={clock} unit={unit} data={data} />;
              }}
            />
            {lines.map((key) => {
              const style = SERIES_STYLES[key];
              const common = {
                yAxisId: key === 'cost' ? 'cost' : 'value',
                dataKey: key,
                name: seriesLabel(key, netMetered),
                isAnimationActive: false,
              };
              return bars ? (
                <Bar key={key} {...common} fill={palette[style.colorVar]} />
              ) : (
                <Line
                  key={key}
                  {...common}
                  type={form === 'steps' ? 'stepAfter' : 'linear'}
                  stroke={palette[style.colorVar]}
                  strokeWidth={style.width}
                  strokeDasharray={style.dash}
                  dot={false}
                  connectNulls={false}
                />
              );
            })}
            <Line
              yAxisId="value"
              dataKey="mark"
              name="Estimated reading"
              stroke="none"
              isAnimationActive={false}
              legendType="triangle"
              activeDot={false}
              dot={(dot: { cx?: number; cy?: number; value?: unknown; index?: number }) =>
                typeof dot.value === 'number' && dot.cx !== undefined && dot.cy !== undefined ? (
                  <path
                    key={dot.index}
                    d={`M${dot.cx},${dot.cy - 6} l5,9 h-10 z`}
                    fill={palette['--text']}
                    aria-hidden="true"
                  />
                ) : (
                  <g key={dot.index} />
                )
              }
            />
          </ComposedChart>
          {data.rows.length > 2 && (
            <ComposedChart
              width={width}
              height={64}
              data={overview}
              margin={{ top: 0, right: MARGIN + costWidth, bottom: 4, left: MARGIN + valueWidth }}
              accessibilityLayer={false}
            >
              <XAxis dataKey="start" hide />
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
                  const whole = startIndex === 0 && endIndex === overview.length - 1;
                  setBrush(whole ? undefined : { startIndex, endIndex });
                }}
              >
                <LineChart data={overview} accessibilityLayer={false}>
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
}

function ChartTooltip(props: {
  row: PlotRow;
  lines: NumericKey[];
  clock: LocalTime;
  unit: string;
  data: ChartData;
}) {
  const { row, lines, clock, unit, data } = props;
  if (row.end <= row.start) return <div className="usage-tooltip">No readings here</div>;
  const netMetered = data.flows.includes('received');
  return (
    <div className="usage-tooltip">
      <p>
        <strong>{formatInterval(clock, row.start, row.end)}</strong>
      </p>
      {lines.map((key) => {
        const value = row[key];
        const text =
          value === null
            ? 'no reading'
            : key === 'cost'
              ? formatMoney(value, data.currency)
              : formatQuantity(value, unit, undefined, 3);
        return (
          <p key={key}>
            {seriesLabel(key, netMetered)}: {text}
          </p>
        );
      })}
      {row.estimated > 0 && (
        <p>
          Includes {row.estimated} estimated {row.estimated === 1 ? 'reading' : 'readings'}
        </p>
      )}
    </div>
  );
}

/**
 * The usage chart (recharts, loaded lazily with this module): lines of distinct colour and dash per
 * series, gaps drawn as breaks, estimated readings marked, a tooltip with the exact value, unit and
 * interval, and a brush under the chart to zoom. Both the chart and the brush's overview draw at most about
 * two points per pixel (chart-points.ts), re-picked from the full rows for the zoomed window.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { Brush, CartesianGrid, ComposedChart, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LocalTime } from '../../../espi/local-time.ts';
import { formatMoney, formatQuantity } from '../../../espi/units.ts';
import { chartPoints, type NumericKey } from '../chart-points.ts';
import { formatDateTime, formatDay, formatInterval, formatMonth } from '../format-time.ts';
import type { ChartData, ChartRow } from '../series.ts';
import { SERIES_STYLES, seriesLabel } from '../series-style.ts';
import { timeTicks, type TickUnit } from '../time-ticks.ts';
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

type PlotRow = ChartRow & { mark: number | null };

const Y_AXIS_WIDTH = 64;
const PALETTE = ['--series-1', '--series-2', '--series-3', '--series-4', '--series-6', '--text', '--border'];

function tickText(clock: LocalTime, unit: TickUnit, t: number): string {
  if (unit === 'month') return formatMonth(clock, t);
  if (unit === 'day') return formatDay(clock, t);
  const p = clock.toLocal(t);
  return p.hour === 0 ? formatDay(clock, t) : formatDateTime(clock, t).replace(/^.*, /, '');
}

export default function UsageChart(props: UsageChartProps) {
  const { data, clock, lines, unit } = props;
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const palette = usePalette(PALETTE);
  const plotWidth = Math.max(50, width - Y_AXIS_WIDTH * 2);
  const withCost = lines.includes('cost');
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
      mark: row.estimated > 0 ? row[primary] : null,
    }));
  }, [data.rows, lines, plotWidth, window]);

  const domainStart = window?.start ?? props.range?.start ?? points[0]?.start ?? 0;
  const domainEnd = window?.end ?? props.range?.end ?? points[points.length - 1]?.end ?? 1;
  const { ticks, unit: tickUnit } = useMemo(
    () => timeTicks(clock, domainStart, domainEnd, Math.floor(plotWidth / 90)),
    [clock, domainStart, domainEnd, plotWidth],
  );
  const netMetered = data.flows.includes('received');

  return (
    <div ref={ref} className="usage-chart-frame">
      {width > 0 && (
        <>
          <ComposedChart
            width={width}
            height={320}
            data={points}
            margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
            className="usage-chart"
          >
            <CartesianGrid stroke={palette['--border']} strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="start"
              type="number"
              scale="time"
              domain={[domainStart, domainEnd]}
              ticks={ticks}
              tickFormatter={(t: number) => tickText(clock, tickUnit, t)}
              stroke={palette['--text']}
            />
            <YAxis
              yAxisId="value"
              width={Y_AXIS_WIDTH}
              stroke={palette['--text']}
              tickFormatter={(v: number) => formatQuantity(v, '')}
              label={{ value: unit, angle: -90, position: 'insideLeft', fill: palette['--text'] }}
            />
            {withCost && (
              <YAxis
                yAxisId="cost"
                orientation="right"
                width={Y_AXIS_WIDTH}
                stroke={palette['--text']}
                tickFormatter={(v: number) => formatMoney(v, data.currency)}
              />
            )}
            <Tooltip
              content={({ active, payload }) => {
                const row = payload?.[0]?.payload as PlotRow | undefined;
                if (!active || !row) return null;
                return <ChartTooltip row={row} lines={lines} clock={clock} unit={unit} data={data} />;
              }}
            />
            {lines.map((key) => {
              const style = SERIES_STYLES[key];
              return (
                <Line
                  key={key}
                  yAxisId={key === 'cost' ? 'cost' : 'value'}
                  dataKey={key}
                  name={seriesLabel(key, netMetered)}
                  type={data.resolution === 'interval' ? 'linear' : 'monotone'}
                  stroke={palette[style.colorVar]}
                  strokeWidth={style.width}
                  strokeDasharray={style.dash}
                  dot={false}
                  connectNulls={false}
                  isAnimationActive={false}
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
              margin={{ top: 0, right: 8 + (withCost ? Y_AXIS_WIDTH : 0), bottom: 4, left: 8 + Y_AXIS_WIDTH }}
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
                <LineChart data={overview}>
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
      {row.estimated > 0 && <p>Includes {row.estimated} estimated reading(s)</p>}
    </div>
  );
}

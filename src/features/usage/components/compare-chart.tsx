/**
 * Meters compared on one chart (recharts, loaded lazily with this module): a line per meter, each with its
 * own colour and dash, a value axis per unit (kWh and therms do not share a scale), breaks where a meter
 * has no readings. The drawing is not a keyboard stop: the figure's summary and the table beside it carry
 * every value in words and numbers.
 */
import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LocalTime } from '../../../espi/index.ts';
import { formatQuantity } from '../../../espi/index.ts';
import type { CompareRow, ComparedMeter } from '../model/compare.ts';
import { formatInterval, formatMonthDay } from '../model/format-time.ts';
import { valueAxisWidth } from '../model/value-axis.ts';
import { useElementWidth } from '../hooks/use-element-width.ts';
import { usePalette } from '../hooks/use-palette.ts';
import { COLOURS, lineStyle } from './compare-style.ts';

export default memo(function CompareChart(props: {
  meters: ComparedMeter[];
  rows: CompareRow[];
  clock: LocalTime;
}) {
  const { meters, rows, clock } = props;
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const palette = usePalette(COLOURS);
  const units = [...new Set(meters.map((m) => m.unit))];
  const data = useMemo(
    () =>
      Object.freeze(
        rows.map((row) => ({
          x: row.start,
          end: row.end,
          ...Object.fromEntries(row.values.map((v, i) => [`m${i}`, v])),
        })),
      ),
    [rows],
  );
  const axisWidth = (unit: string) => {
    let max = 0;
    for (const row of rows)
      row.values.forEach((v, i) => {
        if (v !== null && meters[i]?.unit === unit && v > max) max = v;
      });
    return valueAxisWidth(0, max, (v) => formatQuantity(v, ''));
  };
  const endOf = new Map(rows.map((r) => [r.start, r.end]));
  return (
    <div ref={ref} className="usage-chart compare-chart" aria-hidden="true">
      {width > 0 && (
        <LineChart
          width={width}
          height={320}
          data={data}
          margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis
            dataKey="x"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => formatMonthDay(clock, v)}
            minTickGap={24}
          />
          {units.map((unit, i) => (
            <YAxis
              key={unit}
              yAxisId={unit}
              orientation={i === 0 ? 'left' : 'right'}
              width={axisWidth(unit)}
              tickFormatter={(v: number) => formatQuantity(v, '')}
              label={{ value: unit, angle: -90, position: 'insideLeft', fontSize: 12 }}
            />
          ))}
          <Tooltip
            labelFormatter={(x) => formatInterval(clock, Number(x), endOf.get(Number(x)) ?? Number(x))}
            formatter={(value, _name, item) => {
              const meter = meters[Number(String(item.dataKey).slice(1))];
              return [formatQuantity(Number(value), meter?.unit ?? ''), meter?.name ?? ''];
            }}
          />
          {meters.map((meter, i) => {
            const style = lineStyle(i);
            return (
              <Line
                key={meter.id}
                yAxisId={meter.unit}
                dataKey={`m${i}`}
                name={meter.name}
                stroke={palette[style.colour]}
                strokeDasharray={style.dash}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            );
          })}
        </LineChart>
      )}
    </div>
  );
});

/**
 * The page the usage bench cases drive in Chromium. It exposes `window.usageBench`: drawing a year of
 * 15-minute data (the portal's chart against recharts given every point) and opening a large file (the
 * worker parse against a parse on the main thread), each reporting what the case measures.
 */
import { createRoot, type Root } from 'react-dom/client';
import { CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import UsageChart from '../../src/features/usage/components/usage-chart.tsx';
import { buildChartData } from '../../src/features/usage/model/series.ts';
import {
  createLocalTime,
  NO_QUALITY,
  precomputeAggregates,
  readEspi,
  type UsagePoint,
  usZoneRules,
} from '../../src/espi/index.ts';
import { parseEspiInWorker } from '../../src/lib/espi-worker-client.ts';
import { UsageView } from '../../src/features/usage/components/usage-view.tsx';
import { clockFor } from '../../src/features/usage/model/clock.ts';
import { dataThrough } from '../../src/features/usage/model/readings.ts';
import type { UsageViewState } from '../../src/features/usage/model/range.ts';
import { SWITCHES_MARK } from './marks.ts';
import {
  hasBillingPeriods,
  offeredResolutions,
  readingSeconds,
} from '../../src/features/usage/model/resolutions.ts';

const clock = createLocalTime(undefined, usZoneRules('Pacific'));
const START = clock.fromLocal(2025, 1, 1);
const COUNT = 365 * 96;

/** One meter, a year of 15-minute readings: a daily curve, seasons, noise and a few spikes. */
function yearOfReadings(): UsagePoint {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const value = new Float64Array(COUNT);
  for (let i = 0; i < COUNT; i++) {
    const hour = (i % 96) / 4;
    const season = 1 + 0.4 * Math.cos((2 * Math.PI * i) / COUNT);
    value[i] = Math.round(150 * season * (1.2 + Math.sin(((hour - 7) / 24) * 2 * Math.PI)) + 40 * random());
    if (random() < 0.001) value[i] = 1500;
  }
  return {
    meta: { relatedHrefs: [] },
    serviceKind: 0,
    usageSummaries: [],
    meterReadings: [
      {
        meta: { relatedHrefs: [] },
        readingType: {
          meta: { relatedHrefs: [] },
          flowDirection: 1,
          uom: 72,
          powerOfTenMultiplier: 0,
          intervalLength: 900,
        },
        blocks: [],
        readings: {
          count: COUNT,
          start: Float64Array.from({ length: COUNT }, (_, i) => START + i * 900),
          duration: new Uint32Array(COUNT).fill(900),
          value,
          quality: new Uint8Array(COUNT).fill(NO_QUALITY),
        },
      },
    ],
  };
}

const usagePoint = yearOfReadings();
const bounds = { start: START, end: START + COUNT * 900 };
const container = document.getElementById('root') as HTMLElement;
let root: Root | undefined;

/**
 * Resolves once the chart has bars or a line drawn (of `resolution`, when given: the usage view draws the
 * chart a moment after its controls, captioned with what it shows) and the browser has painted a frame.
 */
async function drawn(resolution?: string): Promise<void> {
  for (;;) {
    const figure = container.querySelector('.usage-figure');
    const caption = document.getElementById(figure?.getAttribute('aria-labelledby') ?? '')?.textContent;
    const current =
      !resolution ||
      (figure?.getAttribute('aria-busy') === 'false' && caption?.includes(` by ${resolution},`));
    const path = container.querySelector('.recharts-line path.recharts-curve');
    if (current && (path?.getAttribute('d') || container.querySelector('.recharts-bar-rectangle path')))
      break;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Long tasks (PerformanceObserver `longtask`) while `work` runs: the longest, in ms. */
async function longestTaskDuring(work: () => Promise<void>): Promise<number> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  await work();
  // Long tasks are reported after they end: let the observer catch the last one.
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  return longest;
}

/** The year of readings as the parse worker hands it over: aggregated by hour, day and month. */
const precomputedPoint: UsagePoint = {
  ...usagePoint,
  meterReadings: usagePoint.meterReadings.map((m) => ({ ...m })),
};
precomputeAggregates(
  {
    usagePoints: [precomputedPoint],
    orphanMeterReadings: [],
    localTimeParameters: [],
    authorizations: [],
    applicationInformation: [],
    warnings: [],
    partial: false,
  },
  usZoneRules('Pacific'),
);

/**
 * The year on screen by month, then switched to days and to hours as a person clicks through: the longest
 * main-thread task over the switches, with the worker's aggregates (`precomputed`) or without (`readings`:
 * every switch aggregates the year's readings on the page's thread, as before).
 */
async function switchResolutions(mode: 'precomputed' | 'readings'): Promise<{ longestTaskMs: number }> {
  root?.unmount();
  container.replaceChildren();
  root = createRoot(container);
  const point = mode === 'precomputed' ? precomputedPoint : usagePoint;
  const range = { from: '2025-01-01', to: '2025-12-31' };
  const view = (resolution: UsageViewState['resolution']) => (
    <UsageView
      usagePoint={point}
      clock={clock}
      title="Bench"
      state={{ resolution, range, series: ['delivered'] }}
      onStateChange={() => undefined}
      offered={offeredResolutions(readingSeconds(point), hasBillingPeriods(point, 'file'))}
      lastDay={range.to}
    />
  );
  root.render(view('month'));
  await drawn();
  // Where the switches start, for a trace (usage-bench-browser.ts `longestTaskCpuMs`).
  performance.mark(SWITCHES_MARK);
  const longestTaskMs = await longestTaskDuring(async () => {
    for (const resolution of ['day', 'hour', 'month'] as const) {
      root?.render(view(resolution));
      await drawn(resolution);
    }
  });
  return { longestTaskMs };
}

function AllPoints(props: { data: ReturnType<typeof buildChartData> }) {
  return (
    <ComposedChart width={1000} height={320} data={props.data.rows}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="start" type="number" scale="time" domain={['dataMin', 'dataMax']} />
      <YAxis />
      <Tooltip />
      <Line dataKey="delivered" dot={false} isAnimationActive={false} connectNulls={false} />
    </ComposedChart>
  );
}

async function drawChart(mode: 'portal' | 'all-points'): Promise<{ ms: number; points: number }> {
  root?.unmount();
  container.replaceChildren();
  root = createRoot(container);
  const t0 = performance.now();
  const data = buildChartData(usagePoint, { resolution: 'interval', clock, bounds });
  root.render(
    mode === 'portal' ? (
      <UsageChart data={data} clock={clock} lines={['delivered']} unit="kWh" />
    ) : (
      <AllPoints data={data} />
    ),
  );
  await drawn();
  const ms = performance.now() - t0;
  const d = container.querySelector('.recharts-line path.recharts-curve')?.getAttribute('d') ?? '';
  return { ms, points: (d.match(/[ML]/g) ?? []).length };
}

/**
 * Opens the file at `url` as the open-file page does (parse, then the first usage point's year by day
 * drawn) and reports the longest main-thread task meanwhile (PerformanceObserver `longtask`).
 */
async function openFile(
  mode: 'worker' | 'main-thread',
  url: string,
): Promise<{ longestTaskMs: number; readings: number; ms: number }> {
  const blob = await (await fetch(url)).blob();
  const file = new File([blob], 'large.xml', { type: 'application/xml' });
  root?.unmount();
  container.replaceChildren();
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  const doc =
    mode === 'worker' ? await parseEspiInWorker(file) : readEspi(new Uint8Array(await file.arrayBuffer()));
  const usagePoint = doc.usagePoints[0];
  if (!usagePoint) throw new Error('the bench file has no usage point');
  const docClock = clockFor(doc, usagePoint);
  const last = docClock.toIsoLocal((dataThrough(usagePoint) ?? 1) - 1).slice(0, 10);
  const first = docClock.toIsoLocal(usagePoint.meterReadings[0]?.readings.start[0] ?? 0).slice(0, 10);
  const state: UsageViewState = {
    resolution: 'day',
    range: { from: first, to: last },
    series: ['delivered'],
  };
  root = createRoot(container);
  root.render(
    <UsageView
      usagePoint={usagePoint}
      clock={docClock}
      title="Bench"
      state={state}
      onStateChange={() => undefined}
      offered={offeredResolutions(readingSeconds(usagePoint), hasBillingPeriods(usagePoint, 'file'))}
      lastDay={last}
    />,
  );
  await drawn();
  const ms = performance.now() - t0;
  // Long tasks are reported after they end: let the observer catch the last one.
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  const readings = doc.usagePoints.reduce(
    (n, up) => n + up.meterReadings.reduce((m, mr) => m + mr.readings.count, 0),
    0,
  );
  return { longestTaskMs: longest, readings, ms };
}

declare global {
  interface Window {
    usageBench: {
      drawChart: typeof drawChart;
      openFile: typeof openFile;
      switchResolutions: typeof switchResolutions;
    };
  }
}

window.usageBench = { drawChart, openFile, switchResolutions };

/**
 * A many-meter export as the page lives it: pick the file, run (export-meters.ts) with the export worker
 * formatting, Stop, and after an interruption resume into the same open file, finish without the meters
 * left, or discard. Every end says what became of the file.
 */
import { useCallback, useRef, useState } from 'react';
import { useApiClient } from '../../../lib/api-context.tsx';
import type { ExportSettings } from '../model/export-format.ts';
import { startFormatWorker, type WorkerPartWriter } from '../workers/export-format-client.ts';
import { exportMeters, type ExportMeter, type MeterSkipped } from '../api/export-meters.ts';
import { bestSinkKind, openSink, type ExportSink } from '../api/export-sinks.ts';

export interface ExportProgress {
  metersTotal: number;
  metersDone: number;
  readings: number;
  bytes: number;
}

export type ExportState =
  | { phase: 'idle'; message?: string }
  | { phase: 'running'; progress: ExportProgress; sinkName: string }
  | {
      phase: 'interrupted';
      progress: ExportProgress;
      reason: string;
      remaining: ExportMeter[];
      skipped: MeterSkipped[];
      sinkName: string;
    }
  | {
      phase: 'done';
      progress: ExportProgress;
      skipped: MeterSkipped[];
      missing: ExportMeter[];
      saved: string;
    }
  | { phase: 'stopped'; message: string }
  | { phase: 'failed'; message: string };

const FILE_TYPES = {
  csv: { mime: 'text/csv', extension: '.csv', description: 'CSV for spreadsheets' },
  xml: { mime: 'application/atom+xml', extension: '.xml', description: 'Green Button XML' },
} as const;

interface Open {
  sink: ExportSink;
  writer: WorkerPartWriter;
  stop: AbortController;
  progress: ExportProgress;
  skipped: MeterSkipped[];
  settings: ExportSettings;
}

function savedText(sink: ExportSink): string {
  return sink.kind === 'picked-file'
    ? `Saved as ${sink.name}.`
    : `${sink.name} is downloading from the copy the browser wrote as it went.`;
}

export function useMetersExport() {
  const api = useApiClient();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const open = useRef<Open | undefined>(undefined);

  const end = useCallback(async (next: (current: Open) => Promise<ExportState>) => {
    const current = open.current;
    if (!current) return;
    open.current = undefined;
    // The worker writes the file's closing text (tail), so it is stopped only once the end is written.
    try {
      setState(await next(current));
    } finally {
      current.writer.close();
    }
  }, []);

  const finish = useCallback(
    (missing: ExportMeter[]) =>
      end(async (current) => {
        try {
          await current.sink.write(await current.writer.tail());
          await current.sink.close();
          return {
            phase: 'done',
            progress: current.progress,
            skipped: current.skipped,
            missing,
            saved: savedText(current.sink),
          };
        } catch (error) {
          return { phase: 'failed', message: `The file could not be completed: ${(error as Error).message}` };
        }
      }),
    [end],
  );

  const run = useCallback(
    async (meters: ExportMeter[]) => {
      const current = open.current;
      if (!current) return;
      setState({ phase: 'running', progress: { ...current.progress }, sinkName: current.sink.name });
      try {
        const outcome = await exportMeters({
          api,
          meters,
          range: current.settings.range,
          writer: current.writer,
          sink: current.sink,
          signal: current.stop.signal,
          onWritten: (written) => {
            const p = current.progress;
            current.progress = {
              ...p,
              metersDone: p.metersDone + 1,
              readings: p.readings + written.readings,
              bytes: p.bytes + written.bytes,
            };
            setState({ phase: 'running', progress: current.progress, sinkName: current.sink.name });
          },
        });
        current.skipped.push(...outcome.skipped);
        current.progress = {
          ...current.progress,
          metersDone: current.progress.metersDone + outcome.skipped.length,
        };
        if (outcome.kind === 'complete') await finish([]);
        else
          setState({
            phase: 'interrupted',
            progress: current.progress,
            reason: outcome.reason,
            remaining: outcome.remaining,
            skipped: current.skipped,
            sinkName: current.sink.name,
          });
      } catch (error) {
        const stopped = current.stop.signal.aborted;
        await end(async ({ sink }) => {
          const fate = await sink.abort();
          return stopped
            ? { phase: 'stopped', message: `Export stopped. ${fate}` }
            : { phase: 'failed', message: `The export failed: ${(error as Error).message}. ${fate}` };
        });
      }
    },
    [api, end, finish],
  );

  const start = useCallback(
    async (meters: ExportMeter[], settings: ExportSettings, fileName: string) => {
      let sink: ExportSink;
      try {
        sink = await openSink(bestSinkKind(), fileName, FILE_TYPES[settings.format]);
      } catch (error) {
        const cancelled = (error as Error).name === 'AbortError';
        setState({
          phase: 'idle',
          message: cancelled
            ? 'No file was chosen: nothing was exported.'
            : `The file could not be opened: ${(error as Error).message}`,
        });
        return;
      }
      try {
        const writer = await startFormatWorker(settings);
        await sink.write(writer.head);
        open.current = {
          sink,
          writer,
          stop: new AbortController(),
          progress: { metersTotal: meters.length, metersDone: 0, readings: 0, bytes: writer.head.byteLength },
          skipped: [],
          settings,
        };
      } catch (error) {
        setState({
          phase: 'failed',
          message: `The export could not start: ${(error as Error).message}. ${await sink.abort()}`,
        });
        return;
      }
      await run(meters);
    },
    [run],
  );

  const stop = useCallback(() => {
    const current = open.current;
    if (!current) return;
    if (state.phase === 'interrupted')
      void end(async ({ sink }) => ({
        phase: 'stopped',
        message: `Export discarded. ${await sink.abort()}`,
      }));
    else current.stop.abort();
  }, [end, state.phase]);

  const resume = useCallback(() => {
    if (state.phase !== 'interrupted' || !open.current) return;
    open.current.stop = new AbortController();
    void run(state.remaining);
  }, [run, state]);

  const finishWithout = useCallback(() => {
    if (state.phase === 'interrupted') void finish(state.remaining);
  }, [finish, state]);

  return { state, start, stop, resume, finishWithout, sinkKind: bestSinkKind() };
}

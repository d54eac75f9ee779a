/** Messages between the page and `export-format-worker.ts`; each answer carries its request's id. */
import type { ExportSettings, MeterFeed, MeterPart } from '../model/export-format.ts';

export type FormatRequest =
  | { type: 'start'; id: number; settings: ExportSettings }
  | { type: 'meter'; id: number; feed: MeterFeed }
  | { type: 'end'; id: number };

export type FormatResponse =
  | { type: 'bytes'; id: number; bytes: Uint8Array }
  | ({ type: 'part'; id: number; bytes: Uint8Array } & Omit<MeterPart, 'chunks'>)
  | { type: 'error'; id: number; message: string };

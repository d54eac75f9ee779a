/**
 * Where a many-meter export is written as it goes, best first:
 *
 * 1. a file the customer picks (File System Access: `showSaveFilePicker`, Chromium browsers). Writes go
 *    to the browser's temporary copy of the file and become the file only on `close`, so a stopped
 *    export (`abort`) never leaves a half file looking complete; the empty file the picker made is then
 *    removed where the browser can (`FileSystemHandle.remove`), and the page says which happened;
 * 2. a file in the site's private storage (Origin Private File System, `createWritable`: Firefox 111+,
 *    Safari 26+, Chromium), handed to the browser as a download once complete: the export is on disk as
 *    it grows, not in memory, and a stopped one is deleted before anything is downloaded;
 * 3. memory, then a download: the only way left on older Safari. Memory grows with the file, and the page
 *    says so before the export starts.
 *
 * Why not a service-worker stream (StreamSaver-style) as the fallback: the demo's mock custodian is the
 * page's service worker at the same scope, a second one would need its own scope and a keep-alive, and
 * Firefox and Safari end idle service workers mid-download; a private file does the same job with no
 * worker and no third-party page, and within the strict CSP (docs/security.md).
 */
import { saveBlob } from '../../../lib/save-file.ts';
import type { ByteSink } from './export-meters.ts';

export type SinkKind = 'picked-file' | 'private-file' | 'memory';

export interface ExportSink extends ByteSink {
  kind: SinkKind;
  /** The file's name as the customer will find it. */
  name: string;
  /** Completes the file (and, but for a picked file, starts its download). */
  close(): Promise<void>;
  /** Drops what was written; resolves to what the page tells the customer became of the file. */
  abort(): Promise<string>;
}

/** The File System Access picker, where the browser has it (not in lib.dom for every browser). */
interface SaveFilePicker {
  showSaveFilePicker?(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<FileSystemFileHandle>;
}

/** A handle that can delete itself (Chromium 110+). */
type RemovableHandle = FileSystemFileHandle & { remove?(): Promise<void> };

/** Private files of earlier exports start with this; they are cleared when a new export starts. */
const PRIVATE_PREFIX = 'export-';

export function bestSinkKind(): SinkKind {
  if (typeof (globalThis as SaveFilePicker).showSaveFilePicker === 'function') return 'picked-file';
  const writable =
    typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype;
  return writable && typeof navigator.storage?.getDirectory === 'function' ? 'private-file' : 'memory';
}

/** Opens the sink of `kind`; for a picked file, rejects with an AbortError when the customer cancels. */
export async function openSink(
  kind: SinkKind,
  name: string,
  type: { mime: string; extension: string; description: string },
): Promise<ExportSink> {
  if (kind === 'picked-file') {
    const { showSaveFilePicker } = globalThis as SaveFilePicker;
    if (!showSaveFilePicker) throw new Error('This browser cannot save a file where you choose.');
    const handle: RemovableHandle = await showSaveFilePicker({
      suggestedName: name,
      types: [{ description: type.description, accept: { [type.mime]: [type.extension] } }],
    });
    const writable = await handle.createWritable();
    return {
      kind,
      name: handle.name,
      write: (bytes) => writable.write(bytes as Uint8Array<ArrayBuffer>),
      close: () => writable.close(),
      async abort() {
        await writable.abort();
        try {
          await handle.remove?.();
          if (handle.remove) return `Nothing was saved: ${handle.name} was removed.`;
        } catch {
          // Not allowed here: say what is left.
        }
        return `Nothing was saved: ${handle.name} was left empty (0 bytes). You can delete it.`;
      },
    };
  }
  if (kind === 'private-file') {
    const directory = await navigator.storage.getDirectory();
    for await (const key of (directory as unknown as { keys(): AsyncIterable<string> }).keys())
      if (key.startsWith(PRIVATE_PREFIX)) await directory.removeEntry(key).catch(() => undefined);
    const privateName = `${PRIVATE_PREFIX}${crypto.randomUUID()}`;
    const handle = await directory.getFileHandle(privateName, { create: true });
    const writable = await handle.createWritable();
    return {
      kind,
      name,
      write: (bytes) => writable.write(bytes as Uint8Array<ArrayBuffer>),
      async close() {
        await writable.close();
        // A File from private storage is read from disk as the download goes.
        saveBlob(await handle.getFile(), name);
      },
      async abort() {
        await writable.abort().catch(() => undefined);
        await directory.removeEntry(privateName).catch(() => undefined);
        return 'Nothing was downloaded: the part written so far was deleted.';
      },
    };
  }
  let parts: Uint8Array[] = [];
  return {
    kind,
    name,
    write: async (bytes) => {
      parts.push(bytes);
    },
    async close() {
      saveBlob(new Blob(parts as Uint8Array<ArrayBuffer>[], { type: type.mime }), name);
      parts = [];
    },
    async abort() {
      parts = [];
      return 'Nothing was downloaded.';
    },
  };
}

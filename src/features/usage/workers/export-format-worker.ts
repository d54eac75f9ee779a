/**
 * Module Web Worker entry of a many-meter export: parses each meter's feed and writes its part of the
 * file (model/export-format.ts) off the page's thread, and hands the bytes back transferred, not copied.
 * One worker lives for one export: the writers' numbering and pseudonyms carry from meter to meter.
 */
import { createByteFormatter, type ByteFormatter } from '../model/export-format.ts';
import type { FormatRequest, FormatResponse } from './export-format-protocol.ts';

let formatter: ByteFormatter | undefined;

function answer(message: FormatResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.onmessage = (event: MessageEvent<FormatRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'start') {
      formatter = createByteFormatter(request.settings);
      answer({ type: 'bytes', id: request.id, bytes: formatter.head });
    } else if (!formatter) {
      throw new Error('The export has not started.');
    } else if (request.type === 'meter') {
      const { bytes, ...figures } = formatter.meter(request.feed);
      answer({ type: 'part', id: request.id, bytes, ...figures }, [bytes.buffer]);
    } else {
      answer({ type: 'bytes', id: request.id, bytes: formatter.tail });
    }
  } catch (error) {
    answer({ type: 'error', id: request.id, message: (error as Error).message });
  }
};

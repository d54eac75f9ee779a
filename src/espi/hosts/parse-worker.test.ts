import { expect, test } from 'vitest';
import { handleParse, transferables } from './parse-worker.ts';
import type { ParseResponse } from './worker-protocol.ts';

const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:espi="http://naesb.org/espi"><entry><link rel="self" href="/MeterReading/1/IntervalBlock/1"/><content><espi:IntervalBlock>${Array.from(
  { length: 500 },
  (_, i) =>
    `<espi:IntervalReading><espi:timePeriod><espi:duration>900</espi:duration><espi:start>${1_700_000_000 + i * 900}</espi:start></espi:timePeriod><espi:value>${i}</espi:value></espi:IntervalReading>`,
).join('')}</espi:IntervalBlock></content></entry></feed>`;

async function run(source: Blob | ArrayBuffer | string) {
  const messages: { message: ParseResponse; transfer: Transferable[] }[] = [];
  await handleParse({ type: 'parse', source }, (message, transfer = []) =>
    messages.push({ message, transfer }),
  );
  return messages;
}

test.each([
  ['a string', () => xml],
  ['an ArrayBuffer', () => new TextEncoder().encode(xml).buffer],
  ['a Blob', () => new Blob([xml])],
])('parses %s, posting progress and then the document with its buffers to transfer', async (_, source) => {
  const messages = await run(source());
  const last = messages.at(-1);
  expect(last?.message.type).toBe('done');
  if (last?.message.type !== 'done') return;
  const readings = last.message.document.orphanMeterReadings[0]?.readings;
  expect(readings?.count).toBe(500);
  expect(last.transfer).toContain(readings?.start.buffer);
  expect(last.transfer).toEqual(transferables(last.message.document));
  const progress = messages.filter((m) => m.message.type === 'progress');
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.length).toBeLessThanOrEqual(101);
});

test('unreadable input is posted as an error with its code and where', async () => {
  const messages = await run('<feed xmlns="http://www.w3.org/2005/Atom"><entry>');
  expect(messages.at(-1)?.message).toMatchObject({ type: 'error', code: 'truncated', where: { line: 1 } });
});

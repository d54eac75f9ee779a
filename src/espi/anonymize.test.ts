import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS_BASE_URL, anonymizeDocument, createPseudonyms } from './anonymize.ts';
import type { AtomMeta, EspiDocument } from './model.ts';
import { readEspi } from './read/read-espi.ts';
import { writeCsv } from './write-csv.ts';
import { writeDownloadMyData } from './write-xml.ts';
import { REAL_FIXTURES_DIR, assertValidEspi } from '../testing/test-data.ts';

/** A customer's personal details, put where real utility files carry them: titles and href ids. */
const PERSONAL = {
  name: 'Maya Okafor',
  street: '1427 Alder Lane',
  postalCode: '95818',
  account: '3301-7710-22',
  meter: 'E-4471902',
};

/**
 * The OpenESPI sample (RetailCustomer 9B6C7066, UsagePoint 5446AF3F, a meter titled "Front Electric
 * Meter") as a utility would publish it for Maya: her account and meter numbers as the ids, her name and
 * address as the usage point's title.
 */
function personalDocument(): EspiDocument {
  const xml = readFileSync(join(REAL_FIXTURES_DIR, 'openespi-test_usage_data.xml'), 'utf8')
    .replaceAll('9B6C7066', PERSONAL.account)
    .replaceAll('5446AF3F', PERSONAL.meter)
    .replaceAll(
      'Front Electric Meter',
      `${PERSONAL.name}, ${PERSONAL.street}, Sacramento, CA ${PERSONAL.postalCode}`,
    );
  return readEspi(xml, { baseUrl: 'https://utility.example/espi/1_1/resource' });
}

function metas(doc: EspiDocument): AtomMeta[] {
  return [
    ...doc.localTimeParameters.map((l) => l.meta),
    ...doc.usagePoints.flatMap((up) => [
      up.meta,
      ...up.usageSummaries.map((s) => s.meta),
      ...up.meterReadings.flatMap((mr) => [
        mr.meta,
        ...(mr.readingType ? [mr.readingType.meta] : []),
        ...mr.blocks.map((b) => b.meta),
      ]),
    ]),
  ];
}

describe('anonymizeDocument', () => {
  const input = personalDocument();
  const anonymous = anonymizeDocument(input);
  const xml = writeDownloadMyData(anonymous, { baseUrl: ANONYMOUS_BASE_URL });
  const csv = writeCsv(anonymous);

  it('leaves no personal detail, title, Atom id or host of the input in the XML or the CSV', () => {
    expect(metas(input).find((m) => m.title?.includes(PERSONAL.name))).toBeDefined();
    const inputTexts = metas(input).flatMap((m) => [m.id, m.title].filter((t) => t));
    const forbidden = [...Object.values(PERSONAL), 'utility.example', ...new Set(inputTexts)];
    for (const text of forbidden) {
      expect(xml, text).not.toContain(text);
      expect(csv, text).not.toContain(text);
    }
    expect(anonymous.authorizations).toEqual([]);
    expect(anonymous.warnings).toEqual([]);
  });

  it('writes XML that validates against the ESPI schemas', () => {
    assertValidEspi(xml);
  });

  it('keeps every reading, and links that still tie each resource to its own', () => {
    const again = readEspi(xml);
    expect(again.partial).toBe(false);
    expect(again.orphanMeterReadings).toEqual([]);
    expect(again.usagePoints).toHaveLength(input.usagePoints.length);
    again.usagePoints.forEach((up, i) => {
      const original = input.usagePoints[i];
      expect(up.meterReadings).toHaveLength(original?.meterReadings.length ?? -1);
      up.meterReadings.forEach((mr, j) => {
        const before = original?.meterReadings[j];
        expect(mr.readingType?.uom).toBe(before?.readingType?.uom);
        expect([...mr.readings.value]).toEqual([...(before?.readings.value ?? [])]);
        expect([...mr.readings.start]).toEqual([...(before?.readings.start ?? [])]);
        expect(mr.meta.selfHref?.startsWith(`${up.meta.selfHref}/MeterReading/`)).toBe(true);
      });
      expect(up.localTime?.meta.selfHref).toMatch(/\/LocalTimeParameters\/1$/);
    });
    expect(csv.split('\r\n')[1]).toMatch(/^Usage point 1 \(electricity\),/);
  });

  it('replaces ids consistently: the account and the meter become one pseudonym each', () => {
    const hrefs = metas(anonymous).flatMap((m) => [m.selfHref ?? '', ...m.relatedHrefs]);
    expect(hrefs.every((h) => h.startsWith(`${ANONYMOUS_BASE_URL}/`))).toBe(true);
    const usagePoints = new Set(hrefs.map((h) => /\/RetailCustomer\/\w+\/UsagePoint\/\w+/.exec(h)?.[0]));
    usagePoints.delete(undefined);
    expect([...usagePoints]).toEqual(['/RetailCustomer/1/UsagePoint/1']);
    const ids = metas(anonymous).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('createPseudonyms', () => {
  it('gives the same original the same pseudonym within one export, and starts again in the next', () => {
    const first = createPseudonyms();
    expect([first('UsagePoint', 'E-4471902'), first('UsagePoint', 'G-2208815')]).toEqual([1, 2]);
    expect(first('UsagePoint', 'E-4471902')).toBe(1);
    expect(first('RetailCustomer', 'E-4471902')).toBe(1);
    expect(createPseudonyms()('UsagePoint', 'G-2208815')).toBe(1);
  });
});

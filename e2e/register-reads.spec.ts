/**
 * Register reads and the reader's notes in the portal (issue 14): a file with daily register reads shows
 * them as a table of points beside the chart, and a DST hour stamped twice is explained in plain words.
 */
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import {
  block,
  feed,
  hours,
  meterReading,
  readingType,
  usagePoint,
  type Reading,
} from '../src/testing/espi-feed.ts';

const DAY = 86_400;
const MIDNIGHT = 1_700_006_400; // 2023-11-15T00:00:00Z
const kwh =
  '<espi:flowDirection>1</espi:flowDirection><espi:powerOfTenMultiplier>3</espi:powerOfTenMultiplier><espi:uom>72</espi:uom>';

function fileWithRegisterReads(): string {
  const intervals = hours(72, MIDNIGHT);
  const repeatedHour: Reading = { start: MIDNIGHT + 3600, value: 101 };
  const registers = [0, 1, 2].map((d): Reading => ({
    start: MIDNIGHT + d * DAY,
    duration: 0,
    value: 48_000 + d * 2_400,
  }));
  return feed(
    usagePoint,
    meterReading(),
    readingType(1, kwh),
    block([...intervals, repeatedHour, ...registers]),
  );
}

test('register reads are listed beside the chart and new notes are explained', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/open-file');
  await page.getByLabel('Choose a Green Button file').setInputFiles({
    name: 'register-reads.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(fileWithRegisterReads()),
  });
  const table = page.getByRole('table', { name: /Meter reading 1: register reads in kWh/ });
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(table.getByRole('row')).toHaveCount(1 + 3);
  await expect(table.getByRole('row').nth(1)).toContainText('48,000');
  await expect(page.getByText('Readings with the same start time')).toBeVisible();
  await expect(page.getByText(/the night the clocks go back/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({
    path: testInfo.outputPath(`register-reads-${testInfo.project.name}.png`),
    fullPage: true,
  });
});

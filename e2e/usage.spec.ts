/**
 * My energy data (issue 6): the overview, each demo usage point's chart (resolutions, ranges, zoom,
 * tooltip, table), Download My Data (the XML validated against the ESPI schema), opening a real Green
 * Button file without signing in, and a broken one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, test, followNavLink } from './fixtures.ts';
import { openSignedIn } from './sign-in.ts';
import { QUIRK_FILES_DIR, REAL_FIXTURES_DIR, schemaErrors } from '../src/testing/test-data.ts';
import { findCustomerByUsername, findUsagePoint } from '../src/custodian/directory.ts';
import { ESTIMATED, blockSpans, generateBlock, zoneOf } from '../src/custodian/readings.ts';
import { formatMoney, formatQuantity } from '../src/espi/index.ts';
import type { Locator, Page } from '@playwright/test';

const DEMO_POINTS = {
  household: ['Home electricity (rooftop solar)', 'Home gas'],
  business: ['Bakery: ovens and lighting', 'Bakery: refrigeration', 'Bakery: gas'],
} as const;

/** Bars for totals, a line for interval readings. */
async function chartDrawn(page: Page) {
  // The readings of the range asked for have arrived (the previous range's are kept, and drawn, while they
  // load) and the chart has caught up with them (it is drawn deferred, aria-busy meanwhile).
  await expect(page.getByText('Loading your readings')).toHaveCount(0, { timeout: 60_000 });
  const figure = page.locator('.usage-figure');
  await expect(figure).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  await expect(
    figure.locator('.recharts-bar-rectangle, .recharts-line path.recharts-curve').first(),
  ).toBeVisible({ timeout: 60_000 });
}

type Box = { x: number; y: number; width: number; height: number };

/** The chart's x-axis labels and their boxes, left to right. */
async function xAxisLabels(page: Page): Promise<{ text: string; box: Box }[]> {
  const ticks = page.locator('.usage-figure .recharts-cartesian-axis-tick-value[orientation="bottom"]');
  const labels: { text: string; box: Box }[] = [];
  for (const tick of await ticks.all()) {
    const box = await tick.boundingBox();
    if (box) labels.push({ text: await tick.textContent().then((t) => t ?? ''), box });
  }
  return labels.sort((a, b) => a.box.x - b.box.x);
}

/** Every text of the chart inside the chart's own box: no label cut at the edge. */
async function expectLabelsInside(page: Page) {
  const surface = await page.locator('.usage-figure .recharts-surface').first().boundingBox();
  if (!surface) throw new Error('no chart surface');
  for (const text of await page.locator('.usage-figure .recharts-surface').first().locator('text').all()) {
    const box = await text.boundingBox();
    if (!box || box.width === 0) continue;
    const label = (await text.textContent()) ?? '';
    expect(box.x, label).toBeGreaterThanOrEqual(surface.x - 0.5);
    expect(box.x + box.width, label).toBeLessThanOrEqual(surface.x + surface.width + 0.5);
  }
}

/** The first Sunday of November of `year`: the US fall-back day. */
function fallBackDay(year: number): string {
  const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  return `${year}-11-${String(1 + ((7 - first) % 7)).padStart(2, '0')}`;
}

test.describe('my energy data', () => {
  // Whole journeys on a shared 2-core machine: each reads several feeds through the mock custodian.
  test.describe.configure({ timeout: 180_000 });

  for (const account of ['household', 'business'] as const) {
    test(`${account}: every usage point is listed with recent figures and opens to a chart`, async ({
      page,
    }) => {
      await openSignedIn(page, '/usage', account);
      await expect(page.getByRole('heading', { level: 1, name: 'My energy' })).toBeVisible();
      for (const title of DEMO_POINTS[account]) {
        await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
      }
      await expect(page.getByText(/^Data through /).first()).toBeVisible({ timeout: 30_000 });
      await expectNoAxeViolations(page);

      for (const title of DEMO_POINTS[account]) {
        await followNavLink(page, 'My energy');
        await page.getByRole('link', { name: title, exact: true }).click();
        await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
        await chartDrawn(page);
        await expect(page.getByText(/^Times in US (Pacific|Eastern) Time/)).toBeVisible();
      }
      await expectNoAxeViolations(page);
    });
  }

  test('household solar: delivered, received and net; resolutions, ranges, tooltip and zoom', async ({
    page,
  }) => {
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: DEMO_POINTS.household[0], exact: true }).click();
    await chartDrawn(page);
    // Net metering: delivered, received and net are separate series.
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect(legend).toContainText('From the grid');
    await expect(legend).toContainText('Sent to the grid');
    await expect(legend).toContainText('Net use');

    await page.getByRole('radio', { name: 'Interval' }).click();
    await expect(page).toHaveURL(/res=interval/);
    await chartDrawn(page);

    // A week in October, typed, then a step back.
    await page.getByLabel('From', { exact: true }).fill('2026-10-05');
    await page.getByLabel('To', { exact: true }).fill('2026-10-11');
    await page.getByRole('button', { name: 'Show these days' }).click();
    await expect(page).toHaveURL(/from=2026-10-05&to=2026-10-11/);
    await chartDrawn(page);
    await page.getByRole('button', { name: 'Earlier' }).click();
    await expect(page).toHaveURL(/from=2026-09-28&to=2026-10-04/);
    await chartDrawn(page);

    // Tooltip: the exact value, unit and interval of the point under the pointer.
    const surface = page.locator('.usage-figure .recharts-surface').first();
    await surface.scrollIntoViewIfNeeded();
    const box = await surface.boundingBox();
    if (!box) throw new Error('no chart surface');
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    const tooltip = page.locator('.usage-tooltip');
    await expect(tooltip).toContainText('kWh');
    await expect(tooltip).toContainText(/UTC-0[78]:00/);

    // Zoom: drag the brush's left handle to the right; the days on the axis change.
    const axisText = async () => (await surface.locator('text').allTextContents()).join('|');
    const before = await axisText();
    expect(before).toMatch(/\d/);
    const handle = page.locator('.recharts-brush-traveller').first();
    await handle.scrollIntoViewIfNeeded();
    const handleBox = await handle.boundingBox();
    if (!handleBox) throw new Error('no brush handle');
    await page.mouse.move(handleBox.x + handleBox.width / 2, handleBox.y + handleBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(handleBox.x + box.width / 2, handleBox.y + handleBox.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(axisText).not.toBe(before);
  });

  test('household solar: the same view as a table, and the year before', async ({ page }) => {
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: DEMO_POINTS.household[0], exact: true }).click();
    await chartDrawn(page);
    await page.getByRole('button', { name: 'Show as table' }).click();
    await expect(page.getByRole('button', { name: 'Show as chart' })).toBeVisible();
    const table = page
      .getByRole('table')
      .filter({ has: page.locator('caption') })
      .last();
    await expect(table.locator('caption')).toContainText('Home electricity');
    await expect(table.getByRole('columnheader', { name: /Net use/ })).toBeVisible();
    await expect(table.getByRole('rowheader').first()).toBeVisible();

    // A year earlier, as its own series.
    await page.getByRole('checkbox', { name: 'A year earlier' }).click();
    await expect(page).toHaveURL(/series=[^&]*compare/);
    await expect(table.getByRole('columnheader', { name: /A year earlier/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the chart is one figure, named and summarised, whose values the keyboard reads out', async ({
    page,
  }) => {
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: DEMO_POINTS.household[0], exact: true }).click();
    await chartDrawn(page);
    const figure = page.getByRole('figure', { name: /^Home electricity \(rooftop solar\): .+ by day, / });
    await expect(figure).toHaveAccessibleDescription(
      /^From the grid [\d,.]+ kWh in all; the highest day \w{3} \d+, \d{4}, [\d,.]+ kWh\.$/,
    );
    // recharts' keyboard layer is off: no unnamed application tab stop reading axis ticks.
    await expect(page.locator('[role="application"]')).toHaveCount(0);

    // The next tab stop after the table toggle is the chart: a slider over its days.
    await page.getByRole('button', { name: 'Show as table' }).focus();
    await page.keyboard.press('Tab');
    const reader = figure.getByRole('slider', { name: 'Values by day' });
    await expect(reader).toBeFocused();
    const read = async (key: string) => {
      await page.keyboard.press(key);
      const text = (await reader.getAttribute('aria-valuetext')) ?? '';
      // What the screen reader is told is what a sighted keyboard user sees, and the day is marked.
      await expect(page.locator('.usage-chart-readout')).toHaveText(text);
      await expect(figure.locator('.usage-chart-cursor')).toHaveCount(1);
      return text;
    };
    const last = await read('End');
    const days = Number(await reader.getAttribute('aria-valuemax'));
    await expect(reader).toHaveAttribute('aria-valuenow', String(days));
    const first = await read('Home');
    await expect(reader).toHaveAttribute('aria-valuenow', '1');
    const second = await read('ArrowRight');
    await expect(reader).toHaveAttribute('aria-valuenow', '2');
    await expectNoAxeViolations(page);

    // Each value read is the table's row for that day, figure for figure.
    await page.getByRole('button', { name: 'Show as table' }).click();
    const rows = page.locator('.usage-table tbody tr');
    await expect(rows).toHaveCount(days);
    for (const [index, text] of [
      [0, first],
      [1, second],
      [days - 1, last],
    ] as const) {
      const row = rows.nth(index);
      expect(text.startsWith(`${await row.getByRole('rowheader').textContent()}: From the grid `)).toBe(true);
      const cells = await row.locator('td.number').allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(text).toContain(cell);
    }
  });

  test('months the data covers only in part are striped, explained and counted in days', async ({ page }) => {
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: DEMO_POINTS.household[0], exact: true }).click();
    await chartDrawn(page);
    // From January 10: January is 22 of its 31 days; February and March are whole.
    const year = new Date().getUTCFullYear() - 1;
    await page.goto(`${page.url().replace(/\?.*$/, '')}?res=month&from=${year}-01-10&to=${year}-03-31`);
    await chartDrawn(page);
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText(
      'Partial month: data for only some of its days',
    );
    // Three months of three series: January's three bars striped, the others plain.
    const bars = page.locator('.usage-figure .recharts-bar-rectangle path');
    await expect(bars).toHaveCount(9);
    await expect(bars.and(page.locator('[fill^="url(#"]'))).toHaveCount(3);

    // The keyboard reader and the table say so.
    const reader = page.getByRole('slider', { name: 'Values by month' });
    await reader.focus();
    await page.keyboard.press('Home');
    await expect(reader).toHaveAttribute(
      'aria-valuetext',
      /^Jan 1, \d{4} – Jan 31, \d{4}: From the grid [\d,.]+ kWh, .+; partial: 22 of 31 days$/,
    );
    await page.getByRole('button', { name: 'Show as table' }).click();
    const notes = page.locator('.usage-table tbody tr td:last-child');
    await expect(notes).toHaveCount(3);
    await expect(notes.first()).toHaveText(/[Pp]artial: 22 of 31 days$/);
    await expect(notes.nth(1)).not.toContainText('artial');
    await expect(notes.nth(2)).not.toContainText('artial');
  });

  test('daily gas: only the resolutions its readings have; the range ends on its last day with data', async ({
    page,
  }) => {
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: 'Home gas', exact: true }).click();
    await chartDrawn(page);
    const resolution = page.getByRole('group', { name: 'Resolution' });
    await expect(resolution.getByRole('radio')).toHaveCount(3);
    for (const name of ['Day', 'Month', 'Billing period'])
      await expect(resolution.getByRole('radio', { name })).toBeVisible();
    await expect(page.getByText(/Utilities publish a day or two late/)).toBeHidden();
    // A bookmarked finer resolution shows the nearest the meter has.
    await page.goto(page.url().replace(/\?.*$/, '') + '?res=hour');
    await chartDrawn(page);
    await expect(resolution.getByRole('radio', { name: 'Day' })).toBeChecked();

    // The last day of the default range has a reading: no empty days at the end of the chart.
    await page.getByRole('button', { name: /table/ }).click();
    const lastRow = page.locator('.usage-table tbody tr').last();
    await expect(lastRow.locator('td').first()).not.toHaveText('no data');
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    const [year, month, day] = to.split('-').map(Number);
    const lastDay = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day)).toLocaleDateString('en-US', {
      timeZone: 'UTC',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    });
    await expect(lastRow.getByRole('rowheader')).toHaveText(lastDay);
  });

  test('daily gas on a week-long range: every day shown has its reading', async ({ page }) => {
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: 'Home gas', exact: true }).click();
    await chartDrawn(page);
    // A week that ends before the data does; the gas arrives a month to a block, so a week holds no block.
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${page.url().replace(/\?.*$/, '')}?res=day&from=${daysAgo(10)}&to=${daysAgo(4)}`);
    await chartDrawn(page);
    await page.getByRole('button', { name: /table/ }).click();
    const rows = page.locator('.usage-table tbody tr');
    await expect(rows).toHaveCount(7);
    for (const row of await rows.all()) await expect(row.locator('td').first()).not.toHaveText('no data');
  });

  test('daily totals are bars under labels that fit; the zone is named with the offset of the days shown', async ({
    page,
    isMobile,
  }) => {
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: DEMO_POINTS.household[0], exact: true }).click();
    await chartDrawn(page);
    await expect(page.locator('.usage-figure .recharts-bar-rectangle').first()).toBeVisible();
    // A desktop shows the navigation itself, no Menu button; a phone folds it under one.
    await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible({ visible: isMobile });
    await expect(
      page.locator('.usage-figure .recharts-line path.recharts-curve[stroke-dasharray]'),
    ).toHaveCount(0);

    // Labels never overlap, none is the day after the range, and the unit title is off the ticks.
    const to = await page.getByLabel('To', { exact: true }).inputValue();
    const dayAfter = new Date(`${to}T12:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    const dayAfterLabel = dayAfter.toLocaleDateString('en-US', {
      timeZone: 'UTC',
      month: 'short',
      day: 'numeric',
    });
    const labels = await xAxisLabels(page);
    expect(labels.length).toBeGreaterThan(2);
    expect(labels.map((l) => l.text)).not.toContain(dayAfterLabel);
    for (const [i, label] of labels.entries()) {
      const next = labels[i + 1];
      if (next)
        expect(next.box.x, `${label.text} and ${next.text}`).toBeGreaterThan(label.box.x + label.box.width);
    }
    await expectLabelsInside(page);
    await expect(page.locator('.usage-figure .recharts-label')).toHaveCount(0);

    // January: standard time, and said so; no "DST" beside an offset not in force.
    const year = new Date().getUTCFullYear() - 1;
    await page.goto(`${page.url().replace(/\?.*$/, '')}?res=day&from=${year}-01-05&to=${year}-01-25`);
    await chartDrawn(page);
    await expect(page.getByText(/^Times in /)).toHaveText('Times in US Pacific Time (UTC-08:00).');

    // The fall-back night's first 1:00 AM hour ends at the second 1:00 AM: both offsets named.
    const night = fallBackDay(year);
    await page.goto(`${page.url().replace(/\?.*$/, '')}?res=hour&from=${night}&to=${night}`);
    await chartDrawn(page);
    await page.getByRole('button', { name: /table/ }).click();
    await expect(
      page.getByRole('rowheader', { name: /1:00\sAM \(UTC-07:00\) – 1:00\sAM \(UTC-08:00\)/ }),
    ).toBeVisible();
  });

  test('gas shows therms and converts on request', async ({ page }) => {
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: 'Home gas', exact: true }).click();
    await chartDrawn(page);
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('therm');
    await page.getByLabel('Unit').selectOption('kWh');
    await expect(page.getByRole('list', { name: 'Legend' })).toContainText('kWh');
  });

  test('Download My Data: CSV and schema-valid ESPI XML of the range on screen', async ({ page }) => {
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: DEMO_POINTS.household[0], exact: true }).click();
    await chartDrawn(page);

    const [xml] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Green Button XML' }).click(),
    ]);
    expect(xml.suggestedFilename()).toMatch(/\.xml$/);
    const xmlPath = await xml.path();
    expect(schemaErrors(readFileSync(xmlPath, 'utf8'))).toBe('');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV for spreadsheets' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const stream = await csv.createReadStream();
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    const lines = text.trim().split(/\r\n/);
    expect(lines[0]).toContain('start_local');
    expect(lines.length).toBeGreaterThan(100);
  });

  test('Download My Data without personal details: neither file names the customer, a place or a meter', async ({
    page,
  }) => {
    const customer = findCustomerByUsername('household');
    if (!customer) throw new Error('the household demo account has changed');
    const personal = [
      customer.id,
      customer.displayName,
      customer.email,
      ...customer.usagePoints.flatMap((up) => [up.id, up.title, up.meterId, up.address]),
    ];
    await openSignedIn(page, '/usage', 'household');
    await page.getByRole('link', { name: DEMO_POINTS.household[0], exact: true }).click();
    await chartDrawn(page);
    const save = async (button: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      let text = '';
      for await (const chunk of await download.createReadStream()) text += String(chunk);
      return { name: download.suggestedFilename(), text };
    };
    // The usual file does carry the meter's name and id: what the option has to take out.
    const usual = await save('Green Button XML');
    expect(usual.text).toContain(DEMO_POINTS.household[0]);
    expect(usual.text).toContain(customer.usagePoints[0]?.id);

    await page.getByRole('checkbox', { name: 'Leave out my personal details' }).check();
    await expectNoAxeViolations(page);
    const xml = await save('Green Button XML');
    const csv = await save('CSV for spreadsheets');
    expect(xml.name).toMatch(/^usage-anonymized_.*\.xml$/);
    expect(csv.name).toMatch(/^usage-anonymized_.*\.csv$/);
    expect(schemaErrors(xml.text)).toBe('');
    for (const detail of personal) {
      expect(xml.text, detail).not.toContain(detail);
      expect(csv.text, detail).not.toContain(detail);
    }
    expect(xml.text).toContain('https://anonymized.invalid/espi/1_1/resource/');
    expect(csv.text.split('\r\n')[1]).toMatch(/^Usage point 1 \(electricity\),/);
  });
});

/**
 * What the mock custodian publishes for a usage point's reading over [from, to) at `now`, added up straight
 * from its generator (whole blocks, a day or a month long, then the readings starting in the range): the
 * figures the overview must show, reached without the portal's code.
 */
function published(usagePointId: string, key: string, from: number, to: number, now: number) {
  const up = findUsagePoint(usagePointId);
  const spec = up?.readings.find((r) => r.key === key);
  if (!up || !spec) throw new Error(`no reading ${key} on ${usagePointId}`);
  const { clock } = zoneOf(up.zone);
  const months = {
    start: clock.startOfLocalMonth(from),
    end: clock.addLocalMonths(clock.startOfLocalMonth(to - 1), 1),
  };
  let raw = 0;
  let cost = 0;
  let estimated = 0;
  let count = 0;
  for (const span of blockSpans(up, months.start, months.end, now)) {
    const { readings } = generateBlock(up, spec, span, spec.timeOfUseCost);
    for (let i = 0; i < readings.count; i++) {
      const start = readings.start[i] ?? NaN;
      if (start < from || start >= to) continue;
      raw += readings.value[i] ?? 0;
      cost += (readings.cost?.[i] ?? 0) / 100_000;
      if (readings.quality[i] === ESTIMATED) estimated++;
      count++;
    }
  }
  return { raw, cost, estimated, missing: Math.round((to - from) / up.intervalLength) - count };
}

const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  signDisplay: 'exceptZero',
  maximumFractionDigits: 0,
});

/** The two figures of a row of a card's table: this period, and the previous one's same days. */
async function expectRow(card: Locator, name: string, figures: [string, string]) {
  const row = card
    .getByRole('row')
    .filter({ has: card.page().getByRole('rowheader', { name, exact: true }) });
  await expect(row.getByRole('cell')).toHaveText(figures);
}

test.describe('the overview’s periods and numbers (issue 12)', () => {
  test.describe.configure({ timeout: 180_000 });
  // Saturday 28 November 2026, noon in Sacramento: the custodian has published through the 26th (a day's
  // readings appear 30 hours after it ends), so November holds 26 of its 30 days.
  const NOW = Date.parse('2026-11-28T20:00:00Z') / 1000;
  const pacific = zoneOf('America/Los_Angeles').clock;
  const local = (month: number, day: number) => pacific.fromLocal(2026, month, day);

  test('household: the current billing period to Nov 30, like for like with October, projected over 30 days', async ({
    page,
  }) => {
    await page.clock.setFixedTime(NOW * 1000);
    await openSignedIn(page, '/usage', 'household');
    const electricity = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: 'Home electricity (rooftop solar)' }) });
    await expect(electricity.getByText('Data through Nov 26, 2026')).toBeVisible({ timeout: 60_000 });

    const id = 'up-1001-e';
    const november = published(id, 'delivered', local(11, 1), local(11, 27), NOW);
    const novemberExports = published(id, 'received', local(11, 1), local(11, 27), NOW);
    const sameDays = published(id, 'delivered', local(10, 1), local(10, 27), NOW);
    const october = published(id, 'delivered', local(10, 1), local(11, 1), NOW);
    const octoberExports = published(id, 'received', local(10, 1), local(11, 1), NOW);
    const kWh = (wh: number) => formatQuantity(wh / 1000, 'kWh', 'en-US');
    const usd = (amount: number) => formatMoney(amount, 840, 'en-US');

    await expect(electricity).toContainText(
      'This billing period: Nov 1, 2026 – Nov 30, 2026, 26 of 30 days so far.',
    );
    await expect(electricity.getByRole('columnheader')).toHaveText([
      'Figure',
      'This billing period so far',
      'Previous, same 26 days',
    ]);
    await expectRow(electricity, 'Use', [kWh(november.raw), kWh(sameDays.raw)]);
    await expectRow(electricity, 'Average per day', [kWh(november.raw / 26), kWh(sameDays.raw / 26)]);
    await expectRow(electricity, 'Cost', [usd(november.cost), usd(sameDays.cost)]);
    await expect(electricity).toContainText(
      `Against the same 26 days of the previous billing period (Oct 1, 2026 – Oct 26, 2026): use ${percent.format(november.raw / sameDays.raw - 1)}, cost ${percent.format(november.cost / sameDays.cost - 1)}. ` +
        `The whole previous billing period (Oct 1, 2026 – Oct 31, 2026): ${kWh(october.raw)}, ${usd(october.cost)}.`,
    );
    await expect(electricity).toContainText(
      `Cost so far this billing period: ${usd(november.cost)} in 26 days. At that rate a day for all 30 days, to Nov 30, 2026: about ${usd((november.cost / 26) * 30)}.`,
    );
    const estimated = november.estimated + novemberExports.estimated;
    const estimatedBefore = october.estimated + octoberExports.estimated;
    const notes = electricity.getByRole('listitem');
    await expect(notes).toHaveText([
      `${estimated} estimated readings in this billing period (Nov 1, 2026 – Nov 26, 2026)`,
      `${november.missing} intervals missing in this billing period (Nov 1, 2026 – Nov 26, 2026), shown as gaps, not zeros`,
      `${estimatedBefore} estimated readings in the previous billing period (Oct 1, 2026 – Oct 31, 2026)`,
    ]);

    // Gas: therms in the plural, one estimated reading in the singular.
    const gas = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Home gas' }) });
    const gasNovember = published('up-1001-g', 'gas', local(11, 1), local(11, 27), NOW);
    const gasSameDays = published('up-1001-g', 'gas', local(10, 1), local(10, 27), NOW);
    const therms = (milli: number) => formatQuantity(milli / 1000, 'therm', 'en-US');
    await expectRow(gas, 'Use', [therms(gasNovember.raw), therms(gasSameDays.raw)]);
    await expect(gas.getByRole('row').filter({ hasText: /\btherm\b/ })).toHaveCount(0);
    await expect(gas.getByRole('listitem').first()).toHaveText(
      `${gasNovember.estimated} estimated reading${gasNovember.estimated === 1 ? '' : 's'} in this billing period (Nov 1, 2026 – Nov 26, 2026)`,
    );
    await expectNoAxeViolations(page);
  });

  test('household: the Billing period view holds the current, partial period', async ({ page }) => {
    await page.clock.setFixedTime(NOW * 1000);
    await openSignedIn(page, '/usage/up-1001-e?res=billing&from=2026-06-01&to=2026-11-28', 'household');
    await page.getByRole('button', { name: 'Show as table' }).click({ timeout: 60_000 });
    const table = page
      .getByRole('table')
      .filter({ has: page.locator('caption') })
      .last();
    await expect(table.getByRole('rowheader').last()).toContainText('Nov 1');
  });
});

test.describe('open a Green Button file', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a real file opens without signing in', async ({ page }) => {
    await page.goto('/open-file');
    await page
      .getByLabel('Choose a Green Button file')
      .setInputFiles(
        `${REAL_FIXTURES_DIR}/vladistan-Coastal_Multi_Family_12hr_Jan_1_2011_to_Jan_1_2012_RetailCustomer_3.xml`,
      );
    await chartDrawn(page);
    await expect(page.getByText(/readings from Jan 1, 2011 to Dec 31, 2011/)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a one-day file without a ReadingType: its hours as bars, the whole axis, an unknown unit', async ({
    page,
  }) => {
    await page.goto('/open-file');
    await page
      .getByLabel('Choose a Green Button file')
      .setInputFiles(join(QUIRK_FILES_DIR, 'one-day-no-reading-type.xml'));
    await chartDrawn(page);
    await expect(page.getByRole('radio', { name: 'Hour' })).toBeChecked();
    await expect(page.locator('.usage-figure .recharts-bar-rectangle')).toHaveCount(24);
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect(legend).toContainText('Use (unknown unit)');
    await expect(legend).not.toContainText('(none)');
    await expect(
      page
        .locator('.usage-figure .recharts-cartesian-axis-tick-value[orientation="left"]')
        .getByText('2,800,000'),
    ).toBeVisible();
    await expectLabelsInside(page);
    await expectNoAxeViolations(page);
  });

  test('a file with a wrong-signed tzOffset is charted in the zone its evidence names, and says so', async ({
    page,
  }) => {
    await page.goto('/open-file');
    await page
      .getByLabel('Choose a Green Button file')
      .setInputFiles(join(QUIRK_FILES_DIR, 'wrong-sign-tzoffset-daily-gas.xml'));
    await chartDrawn(page);
    await expect(page.getByText(/^Times in /)).toContainText('Times in US Eastern Time (UTC-05:00).');
    await expect(page.getByText(/^Times in /)).toContainText('The file gives its time zone as UTC+05:00');
    await expect(page.getByText('readings from Jan 5, 2026 to Jan 18, 2026')).toBeVisible();
    await expect(page.locator('.usage-figure .recharts-bar-rectangle')).toHaveCount(14);
  });

  test('a broken file is explained and the page stays usable', async ({ page }) => {
    await page.goto('/open-file');
    const input = page.getByLabel('Choose a Green Button file');
    await input.setInputFiles({
      name: 'cut-off.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><content>'),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await expect(alert).toContainText('“cut-off.xml” could not be opened');
    await expect(alert).toContainText(/download/i);
    await expectNoAxeViolations(page);

    await input.setInputFiles(join(REAL_FIXTURES_DIR, 'openespi-test_usage_data.xml'));
    await chartDrawn(page);
    await expect(alert).toBeHidden();
  });

  test('a file with a DOCTYPE is refused, and said why', async ({ page }) => {
    await page.goto('/open-file');
    await page.getByLabel('Choose a Green Button file').setInputFiles({
      name: 'entities.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaa">]><feed>&a;</feed>'),
    });
    await expect(page.getByRole('alert')).toContainText(/DOCTYPE/);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  test.describe.configure({ timeout: 180_000 });

  test('the navigation is a menu and the chart starts on the first screen', async ({ page }) => {
    await openSignedIn(page, '/usage', 'household');
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My energy' }),
    ).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My energy' }).click();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    await page.getByRole('link', { name: DEMO_POINTS.household[0], exact: true }).click();
    await chartDrawn(page);
    const chart = await page.locator('.usage-figure .recharts-surface').first().boundingBox();
    expect(chart && chart.y).toBeLessThan(740);
    await expectNoAxeViolations(page);
  });
});

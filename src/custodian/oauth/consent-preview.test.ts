import { describe, expect, it } from 'vitest';
import { millisOf, readEspi } from '../../espi/index.ts';
import { NODE_BASE_URL as B } from '../node.ts';
import { findCustomer, type Customer } from '../directory.ts';
import {
  codeFlow,
  feedPages,
  pkcePair,
  postForm,
  postJson,
  signInStep,
} from '../../testing/custodian-client.ts';
import { TEST_START, THIRD_PARTY, startClockedCustodian } from '../../testing/node-custodian.ts';
import { previewSeries, scopeReach } from './consent-preview.ts';
import { historyInWords } from './history-window.ts';

startClockedCustodian();

const household = findCustomer('rc-1001') as Customer;
const at = TEST_START / 1000;
const GAS_ONLY =
  'FB=1_3_4_10_13_14_19_32_37_39;IntervalDuration=86400;BlockDuration=daily;HistoryLength=34128000';

describe('what a scope reaches of a customer’s data', () => {
  it('offers only the meters of the scope’s commodities', () => {
    expect(scopeReach(household, THIRD_PARTY.scope, at).usagePoints.map((up) => up.id)).toEqual([
      'up-1001-e',
    ]);
    expect(scopeReach(household, GAS_ONLY, at).usagePoints.map((up) => up.id)).toEqual(['up-1001-g']);
  });

  it('reaches back HistoryLength to the first whole local day, up to the last published day', () => {
    // 2025-06-15 12:00 UTC less 395 days is 2024-05-16 05:00 in Sacramento: that day is cut, the 17th is
    // the first whole one. Data is published 30 hours late: the 13th has not ended 30 hours before.
    const { history } = scopeReach(household, THIRD_PARTY.scope, at);
    expect(new Date(millisOf(history.start)).toISOString()).toBe('2024-05-17T07:00:00.000Z');
    expect(new Date(millisOf(history.end)).toISOString()).toBe('2025-06-13T07:00:00.000Z');
    expect(historyInWords(history)).toBe('Readings from May 17, 2024 to June 12, 2025');
  });

  it('reaches the oldest published day when the scope names no history', () => {
    // The mock publishes 730 days (readings.ts HISTORY_DAYS); 2024 was a leap year.
    const { history } = scopeReach(household, 'FB=1_3_4_5_13_14', at);
    expect(historyInWords(history)).toBe('Readings from June 14, 2023 to June 12, 2025');
  });
});

describe('the preview of one meter', () => {
  it('totals, month by month, exactly the readings the app’s feed then holds', async () => {
    const reach = scopeReach(household, THIRD_PARTY.scope, at);
    const electricity = reach.usagePoints[0];
    if (!electricity) throw new Error('no electricity meter');
    const series = previewSeries(electricity, THIRD_PARTY.scope, reach, at);
    expect(series).toMatchObject({ reading: 'Electricity used', unit: 'kWh', bucket: 'month' });
    // May 2024 (from the 17th) to June 2025 (to the 12th): 14 months.
    expect(series.points).toHaveLength(14);

    const token = await codeFlow(B, THIRD_PARTY, THIRD_PARTY.secret);
    const pages = await feedPages(`${token.resourceURI}/UsagePoint/up-1001-e`, token.access_token);
    let wattHours = 0;
    for (const page of pages) {
      for (const up of readEspi(page).usagePoints)
        for (const reading of up.meterReadings)
          wattHours += reading.readings.value.reduce((a, b) => a + b, 0);
    }
    const previewed = series.points.reduce((sum, p) => sum + p.value, 0);
    expect(wattHours).toBeGreaterThan(0);
    // Each month is rounded to hundredths of a kWh.
    expect(Math.abs(previewed - wattHours / 1000)).toBeLessThan(0.1);
  });
});

describe('POST /oauth/interaction/preview', () => {
  async function consentStep() {
    const response = await signInStep(B, THIRD_PARTY, (await pkcePair()).challenge);
    return (await response.json()) as {
      interaction: string;
      history: { start: number; end: number; timeZone: string };
      customer: { usagePoints: { id: string; readings: string[] }[] };
    };
  }

  it('the consent step names the meters, their readings and the dates the app will see', async () => {
    const consent = await consentStep();
    expect(consent.customer.usagePoints).toEqual([
      expect.objectContaining({ id: 'up-1001-e', readings: ['Electricity used'] }),
    ]);
    expect(historyInWords(consent.history)).toBe('Readings from May 17, 2024 to June 12, 2025');
    expect(consent.history.timeZone).toBe('America/Los_Angeles');
  });

  it('answers a meter the scope reaches, refuses one it does not and a forged interaction', async () => {
    const { interaction } = await consentStep();
    const preview = await postJson(`${B}/oauth/interaction/preview`, {
      interaction,
      usagePointId: 'up-1001-e',
    });
    expect(preview.status).toBe(200);
    const series = (await preview.json()) as { points: { start: number; value: number }[] };
    expect(series.points).toHaveLength(14);

    const gas = await postJson(`${B}/oauth/interaction/preview`, { interaction, usagePointId: 'up-1001-g' });
    expect(gas.status).toBe(400);
    const forged = await postJson(`${B}/oauth/interaction/preview`, {
      interaction: `${interaction}x`,
      usagePointId: 'up-1001-e',
    });
    expect(forged.status).toBe(401);
    // Previewing spends nothing: the same interaction still decides.
    const decision = await postJson(`${B}/oauth/interaction/decision`, {
      interaction,
      approve: true,
      usagePointIds: ['up-1001-e'],
    });
    expect(decision.status).toBe(200);
  });
});

describe('the HTML consent page (server mode)', () => {
  it('states the same meters, readings and dates in text', async () => {
    const page = await postForm(`${B}/oauth/authorize`, {
      client_id: 'suntrack',
      redirect_uri: 'http://127.0.0.1/callback',
      response_type: 'code',
      scope: `FB=1_3_4_5_8_10_12_13_14_15_16_19_32_37_39;IntervalDuration=900;BlockDuration=daily;HistoryLength=${2 * 365 * 86_400}`,
      state: 's',
      code_challenge: (await pkcePair()).challenge,
      code_challenge_method: 'S256',
      username: 'household',
      password: 'demo',
    });
    const html = await page.text();
    expect(html).toContain('<h2>What SunTrack Solar Monitor will see</h2>');
    expect(html).toContain(
      '<li>Home electricity (rooftop solar) (meter E-4471902): Electricity used, Energy exported to the grid (solar)</li>',
    );
    expect(html).toContain('<li>Home gas (meter G-2208815): Gas used</li>');
    // HistoryLength is 730 days back from 2025-06-15 12:00 UTC: 2023-06-16 05:00 in Sacramento, so the 17th.
    expect(html).toContain('Readings from June 17, 2023 to June 12, 2025 (America/Los_Angeles days).');
  });
});

import { describe, expect, it } from 'vitest';
import { NODE_BASE_URL as B } from './node.ts';
import { bearer, codeFlow } from '../testing/custodian-client.ts';
import { PORTAL, startClockedCustodian } from '../testing/node-custodian.ts';

startClockedCustodian();

const URL = `${B}/api/customer/v1/insight-settings`;
const portalToken = async (username: string) =>
  (await codeFlow(B, { ...PORTAL, scope: 'openid customer_api', username })).access_token;
const put = (token: string, body: unknown) =>
  fetch(URL, {
    method: 'PUT',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const alerts = { budgetPassed: true, aboveLastYear: true, dataLate: false };

describe('insight settings (budgets and alerts)', () => {
  it('starts with no budget and the default alerts, then keeps what the customer saves, per customer', async () => {
    const household = await portalToken('household');
    const before = await (await fetch(URL, { headers: bearer(household) })).json();
    expect(before).toEqual({
      budgets: [],
      alerts: { budgetPassed: true, aboveLastYear: false, dataLate: true },
    });

    const body = {
      budgets: [
        { service: 'electricity', monthly: 95.5 },
        { service: 'gas', monthly: 40 },
      ],
      alerts,
    };
    const saved = await put(household, body);
    expect(saved.status).toBe(200);
    const after = (await (await fetch(URL, { headers: bearer(household) })).json()) as { updatedAt: string };
    expect(after).toMatchObject(body);
    expect(after.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const business = await portalToken('business');
    expect(await (await fetch(URL, { headers: bearer(business) })).json()).toMatchObject({ budgets: [] });
  });

  it('refuses a budget for a service the account does not have, a repeated one, and malformed amounts', async () => {
    const business = await portalToken('business');
    const refused = async (body: unknown) => {
      const response = await put(business, body);
      expect(response.status).toBe(400);
      return ((await response.json()) as { error_description: string }).error_description;
    };
    expect(await refused({ budgets: [{ service: 'water', monthly: 10 }], alerts })).toContain(
      'no water service',
    );
    expect(
      await refused({
        budgets: [
          { service: 'electricity', monthly: 1 },
          { service: 'electricity', monthly: 2 },
        ],
        alerts,
      }),
    ).toContain('one budget per service');
    expect(await refused({ budgets: [{ service: 'electricity', monthly: -5 }], alerts })).toContain(
      'budgets.0.monthly',
    );
    expect(await refused({ budgets: [{ service: 'electricity', monthly: 10.001 }], alerts })).toContain(
      'two decimals',
    );
    expect(await refused({ budgets: [], alerts: { budgetPassed: 'yes' } })).toContain('alerts');
    expect(await (await fetch(URL, { headers: bearer(business) })).json()).toMatchObject({ budgets: [] });
  });

  it('needs the portal token', async () => {
    expect((await fetch(URL)).status).toBe(401);
  });
});

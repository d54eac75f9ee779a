/**
 * The customer's budgets and chosen alerts (issue 17), kept at the custodian so they follow the customer
 * to every device and a custodian could send the alerts itself. ESPI defines nothing of the kind: this is
 * customer-API JSON (`GET` / `PUT B/api/customer/v1/insight-settings`, docs/openapi.yaml). A budget is a
 * monthly amount per service the customer has; a PUT replaces the whole settings (no partial merge, so two
 * tabs cannot leave a mix of both).
 */
import { z } from 'zod';
import { isoSeconds, SERVICE_KINDS, serviceKindName } from '../espi/index.ts';
import type { Customer } from './directory.ts';
import { json } from './http-util.ts';
import type { CustodianContext } from './context.ts';

export const ALERT_KINDS = ['budgetPassed', 'aboveLastYear', 'dataLate'] as const;

export interface InsightSettings {
  /** Monthly budget per service (ServiceKind name: electricity, gas, water...), in the account's currency. */
  budgets: { service: string; monthly: number }[];
  alerts: Record<(typeof ALERT_KINDS)[number], boolean>;
  /** Epoch seconds of the last change; absent until the customer saves. */
  updatedAt?: number;
}

const DEFAULT_SETTINGS: InsightSettings = {
  budgets: [],
  alerts: { budgetPassed: true, aboveLastYear: false, dataLate: true },
};

const serviceNames = SERVICE_KINDS.map((k) => k.name) as [string, ...string[]];

const settingsSchema = z
  .object({
    budgets: z
      .array(
        z
          .object({
            service: z.enum(serviceNames),
            // Cents at most, and a bound no household or business budget reaches.
            monthly: z
              .number()
              .positive()
              .max(10_000_000)
              .refine((n) => Math.round(n * 100) === n * 100, 'at most two decimals'),
          })
          .strict(),
      )
      .max(SERVICE_KINDS.length),
    alerts: z
      .object({ budgetPassed: z.boolean(), aboveLastYear: z.boolean(), dataLate: z.boolean() })
      .strict(),
  })
  .strict();

function settingsJson(settings: InsightSettings) {
  const { updatedAt, ...rest } = settings;
  return { ...rest, ...(updatedAt === undefined ? {} : { updatedAt: isoSeconds(updatedAt) }) };
}

export function getInsightSettings(ctx: CustodianContext, customer: Customer): Response {
  return json(settingsJson(ctx.store.state.insightSettings[customer.id] ?? DEFAULT_SETTINGS));
}

export async function putInsightSettings(
  ctx: CustodianContext,
  request: Request,
  customer: Customer,
  at: number,
): Promise<Response> {
  const parsed = settingsSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json(
      {
        error: 'invalid_request',
        error_description: `The settings were not saved: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unreadable body'}.`,
      },
      400,
    );
  }
  const services = new Set(customer.usagePoints.map((up) => serviceKindName(up.serviceKind)));
  const budgets = parsed.data.budgets;
  const foreign = budgets.find((b) => !services.has(b.service));
  if (foreign)
    return json(
      {
        error: 'invalid_request',
        error_description: `The settings were not saved: this account has no ${foreign.service} service.`,
      },
      400,
    );
  if (new Set(budgets.map((b) => b.service)).size !== budgets.length)
    return json(
      { error: 'invalid_request', error_description: 'The settings were not saved: one budget per service.' },
      400,
    );
  const settings: InsightSettings = { budgets, alerts: parsed.data.alerts, updatedAt: at };
  ctx.store.update((state) => {
    state.insightSettings[customer.id] = settings;
  });
  return json(settingsJson(settings));
}

/**
 * How an aggregator learns that a bulk's membership changed (issue 20): the ESPI notification, a
 * `BatchList` of resource URIs POSTed to the third party's registered notify URI (ApplicationInformation
 * thirdPartyNotifyUri; docs/espi.md 4.5). Each change (a grant created, widened or narrowed, revoked,
 * or ended by its term) names the bulk to pull again and the grant's Authorization, whose scope holds
 * that customer's terms. Every notification is kept in a bounded log the aggregator can read with its
 * client token (`GET B/sandbox/v1/bulk-notifications`), because in the sandbox the registered URIs
 * (`https://<client>.example/espi/notify`) reach nobody; a host that names a real listener
 * (`NOTIFY_URI`) gets each one POSTed too, and the log says how the POST went. The same log and POST
 * tell any third party that a customer narrowed or renewed its authorization (authorization-changes.ts).
 */
import { escapeXml, isoSeconds } from '../espi/index.ts';
import { authenticate, nowSeconds, type CustodianContext } from './context.ts';
import { bearerError, json } from './http-util.ts';
import type { BulkGrant, BulkNotification } from './state.ts';

/** Notifications kept in the log, newest last: enough for an aggregator polling now and then. */
export const NOTIFICATION_LOG_SIZE = 500;
const DELIVERY_TIMEOUT_MS = 5000;

/** An ESPI BatchList (espi.xsd BatchListType): the resource URIs the receiver should GET. */
export function writeBatchList(resources: string[]): string {
  const items = resources.map((uri) => `<resources>${escapeXml(uri)}</resources>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<BatchList xmlns="http://naesb.org/espi">${items}</BatchList>\n`;
}

/** Tells the grant's aggregator that this grant's part of its bulk changed. */
export function notifyMembership(
  ctx: CustodianContext,
  grant: BulkGrant,
  change: BulkNotification['change'],
  at: number,
): void {
  notify(ctx, {
    at,
    clientId: grant.clientId,
    bulkId: grant.bulkId,
    grantId: grant.id,
    change,
    resources: [`${ctx.espiBase}/Batch/Bulk/${grant.bulkId}`, `${ctx.espiBase}/Authorization/${grant.id}`],
  });
}

/** Logs a BatchList of `resources` for the client's notify URI, and POSTs it when the host delivers. */
export function notify(
  ctx: CustodianContext,
  event: Pick<BulkNotification, 'at' | 'clientId' | 'bulkId' | 'grantId' | 'change'> & {
    resources: string[];
  },
): void {
  const client = ctx.clients.get(event.clientId);
  if (!client?.notifyUri) return;
  const { resources, ...fields } = event;
  const notification: BulkNotification = {
    id: '',
    ...fields,
    notifyUri: client.notifyUri,
    body: writeBatchList(resources),
    delivery: ctx.deliverNotifications ? 'pending' : 'logged',
  };
  ctx.store.update((s) => {
    notification.id = ctx.store.nextId('bn');
    s.bulkNotifications = [...s.bulkNotifications, notification].slice(-NOTIFICATION_LOG_SIZE);
  });
  if (ctx.deliverNotifications) void deliver(ctx, notification);
}

async function deliver(ctx: CustodianContext, notification: BulkNotification): Promise<void> {
  let outcome: string;
  try {
    const response = await fetch(notification.notifyUri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml' },
      body: notification.body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    outcome = response.ok ? 'delivered' : `failed: HTTP ${response.status}`;
  } catch (error) {
    outcome = `failed: ${(error as Error).message}`;
  }
  ctx.store.update((s) => {
    const logged = s.bulkNotifications.find((n) => n.id === notification.id);
    if (logged) logged.delivery = outcome;
  });
}

/**
 * A term ends by the clock, not by a request, so the custodian notices it when it next looks: before
 * serving a bulk or the log (a production custodian would also sweep on a schedule).
 */
export function settleExpiries(ctx: CustodianContext, at: number): void {
  const ended = Object.values(ctx.store.state.bulkGrants).filter(
    (g) => !g.revoked && !g.expiryNotified && g.termEnd !== null && g.termEnd <= at,
  );
  if (ended.length === 0) return;
  ctx.store.update((s) => {
    for (const g of ended) {
      const stored = s.bulkGrants[g.id];
      if (stored) stored.expiryNotified = true;
    }
  });
  for (const g of ended) notifyMembership(ctx, g, 'expired', g.termEnd ?? at);
}

/**
 * `GET B/sandbox/v1/notifications` (first published as `bulk-notifications`, which stays): the caller's
 * own notifications, newest first.
 */
export async function bulkNotificationLog(ctx: CustodianContext, request: Request): Promise<Response> {
  const auth = await authenticate(ctx, request);
  if (!auth.ok) return auth.response;
  const { authorization, client } = auth.caller;
  if (authorization.kind !== 'client') {
    return bearerError(
      403,
      'insufficient_scope',
      'The notification log is for a third party’s client_credentials token.',
    );
  }
  settleExpiries(ctx, nowSeconds(ctx));
  const own = ctx.store.state.bulkNotifications.filter((n) => n.clientId === client.clientId).reverse();
  return json({
    notifications: own.map((n) => ({
      id: n.id,
      at: isoSeconds(n.at),
      bulkId: n.bulkId ?? null,
      change: n.change,
      authorizationURI: `${ctx.espiBase}/Authorization/${n.grantId}`,
      notifyUri: n.notifyUri,
      delivery: n.delivery,
      batchList: n.body,
    })),
  });
}

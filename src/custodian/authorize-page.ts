/**
 * `B/oauth/authorize` in server mode: the custodian's own sign-in and consent page, plain HTML forms
 * that post back to the same URL and run the same logic as the JSON interaction endpoints the
 * browser demo's page calls. Every text from a client or the directory is HTML-escaped.
 */
import { type EpochSeconds, millisOf, serviceLabel } from '../espi/index.ts';
import { nowSeconds, type CustodianContext } from './context.ts';
import { checkAuthorizeRequest } from './oauth/authorize.ts';
import { decide } from './oauth/decision.ts';
import { historyInWords } from './oauth/history-window.ts';
import { YEAR } from './oauth/scopes.ts';
import { signIn } from './oauth/sign-in.ts';

const AUTHORIZE_FIELDS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
] as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string, status = 200, headers: Record<string, string> = {}): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}: Mock Data Custodian</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}input[type=text],input[type=password]{font:inherit;padding:.4rem;width:100%;max-width:20rem}
button{font:inherit;padding:.5rem 1rem;margin:1rem .5rem 0 0}.error{color:#a00000;font-weight:600}
.meters{max-height:20rem;overflow:auto;border:1px solid #999;padding:.5rem}.meters label{font-weight:400;margin:.2rem 0}
header{border-bottom:2px solid #1d6b35;margin-bottom:1rem}</style></head>
<body><header><p><strong>Mock Data Custodian</strong> (sandbox): the utility's sign-in page</p></header>
<main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
      'X-Frame-Options': 'DENY',
      ...headers,
    },
  });
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

function hiddenFields(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v ?? '')}">`)
    .join('');
}

function signInForm(
  action: string,
  request: Record<string, string | undefined>,
  clientName: string,
  error?: string,
) {
  return page(
    'Sign in',
    `<p>${escapeHtml(clientName)} asks you to sign in to your utility account.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">${hiddenFields(request)}
<label for="username">Username</label><input type="text" id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form>
<p>Demo accounts: household, business, commercial; password demo.</p>`,
    error ? 401 : 200,
  );
}

function pickAuthorizeParams(source: URLSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(AUTHORIZE_FIELDS.map((k) => [k, source.get(k) ?? undefined]));
}

export async function authorizePage(ctx: CustodianContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const action = `${ctx.baseUrl}/oauth/authorize`;
  if (request.method === 'GET') {
    const params = pickAuthorizeParams(url.searchParams);
    const check = checkAuthorizeRequest(ctx, params);
    if (!check.ok) {
      if (check.redirectUrl) return redirect(check.redirectUrl);
      return page(
        'This request cannot be completed',
        `<p class="error">${escapeHtml(check.description)}</p>`,
        400,
      );
    }
    return signInForm(action, params, check.client.name);
  }
  if (request.method !== 'POST') return page('Not supported', '<p>Use GET or POST.</p>', 405);
  const form = new URLSearchParams(await request.text());
  const interaction = form.get('interaction');
  if (interaction) {
    const accessEnds = lastSecondOf(form.get('access_ends'), nowSeconds(ctx));
    if (Number.isNaN(accessEnds))
      return page(
        'This request cannot be completed',
        '<p class="error">Choose the day access ends.</p>',
        400,
      );
    const result = await decide(ctx, {
      interaction,
      approve: form.get('decision') === 'approve',
      usagePointIds: form.getAll('usage_point'),
      accessEnds,
    });
    if ('redirectUrl' in result.body) return redirect(result.body.redirectUrl);
    return page(
      'This request cannot be completed',
      `<p class="error">${escapeHtml(result.body.error_description)}</p>`,
      result.status,
    );
  }
  const params = pickAuthorizeParams(form);
  const result = await signIn(ctx, {
    request: params,
    username: form.get('username') ?? '',
    password: form.get('password') ?? '',
  });
  const body = result.body;
  if ('error' in body) {
    if (result.status === 401) {
      const check = checkAuthorizeRequest(ctx, params);
      return signInForm(
        action,
        params,
        check.ok ? check.client.name : 'An application',
        body.error_description,
      );
    }
    return page(
      'This request cannot be completed',
      `<p class="error">${escapeHtml(body.error_description)}</p>`,
      result.status,
      result.headers,
    );
  }
  if (!body.consentRequired) return redirect(body.redirectUrl);
  const described = body.scope.description;
  const scopeLines = [
    ...(described?.data ?? []),
    ...(described?.intervalLength ? [`Readings every ${described.intervalLength}`] : []),
    ...(described?.history ? [`${described.history} of history`] : []),
    described?.accessText ?? '',
  ]
    .filter(Boolean)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('');
  const meters = body.customer.usagePoints
    .map(
      (up) =>
        `<label><input type="checkbox" name="usage_point" value="${escapeHtml(up.id)}" checked> ${escapeHtml(
          `${up.title}: ${serviceLabel(up.serviceKind)}, meter ${up.meterId}, ${up.address}`,
        )}</label>`,
    )
    .join('');
  // "What the app will see" (consent-preview.ts): the meters it can read, each one's readings, the dates.
  const seen = body.customer.usagePoints
    .map((up) => `<li>${escapeHtml(`${up.title} (meter ${up.meterId}): ${up.readings.join(', ')}`)}</li>`)
    .join('');
  const client = body.client;
  return page(
    'Share your energy data?',
    `<p>Signed in as ${escapeHtml(body.customer.displayName)}.</p>
<p><strong>${escapeHtml(client.name)}</strong> asks to read your energy data.</p>
<p>${escapeHtml(client.description)}</p>
${client.clientUri ? `<p>Website: ${escapeHtml(client.clientUri)}</p>` : ''}
<h2>What it may read</h2><ul>${scopeLines}</ul><p>ESPI scope: <code>${escapeHtml(body.scope.espi ?? '')}</code></p>
<h2>What ${escapeHtml(client.name)} will see</h2>
${seen ? `<ul>${seen}</ul>` : '<p>None of your meters has the data this application asks for.</p>'}
<p>${escapeHtml(historyInWords(body.history))} (${escapeHtml(body.history.timeZone)} days).</p>
<form method="post" action="${escapeHtml(action)}">${hiddenFields({ interaction: body.interaction })}
<fieldset><legend>Usage points to share</legend><div class="meters">${meters}</div></fieldset>
<p><label for="access_ends">Access ends on (UTC)</label> <input type="date" id="access_ends" name="access_ends" value="${utcDay(body.accessEnds)}" min="${utcDay(body.accessEnds - YEAR + DAY)}" max="${utcDay(body.accessEnds)}" required> unless you stop it sooner; choose an earlier day to share for less time.</p>
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></form>`,
  );
}

const DAY = 86_400;

/** YYYY-MM-DD of an instant, in UTC: the page's dates are UTC days (it has no customer zone to show). */
function utcDay(epochSeconds: EpochSeconds): string {
  return new Date(millisOf(epochSeconds)).toISOString().slice(0, 10);
}

/**
 * The end of access the customer chose: the last second of that UTC day, or the usual year from now when
 * the last day offered was kept (its end lies past the year). NaN for a value that is not a day.
 */
function lastSecondOf(day: string | null, now: number): number {
  if (day === null) return now + YEAR;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return Number.NaN;
  const start = Date.parse(`${day}T00:00:00Z`) / 1000;
  return Math.min(start + DAY - 1, now + YEAR);
}

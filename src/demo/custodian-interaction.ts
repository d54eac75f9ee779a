/**
 * The custodian's JSON interaction endpoints (src/custodian/oauth/: validate, sign-in, decision), as
 * the browser demo's sign-in page calls them. The page lives at `B/oauth/authorize`, so the endpoints
 * are found relative to it: the page needs nothing of the portal's configuration, as a real custodian's
 * page would not. Answers are narrowed to what the page shows; any other answer is a readable failure.
 */
import type { PreviewSeries } from '../custodian/oauth/consent-preview.ts';
import type { HistoryWindow } from '../custodian/oauth/history-window.ts';
import type { ConsentUsagePoint } from '../custodian/oauth/sign-in.ts';

/** The authorize request's parameters (RFC 6749 section 4.1.1, RFC 7636), as strings. */
export type AuthorizeParams = Record<string, string>;

export interface ClientInfo {
  clientId: string;
  name: string;
  description: string;
  logoUri: string | null;
  clientUri: string | null;
  firstParty: boolean;
}

export interface ConsentRequest {
  interaction: string;
  customerName: string;
  usagePoints: ConsentUsagePoint[];
  client: ClientInfo;
  /** The ESPI scope (`FB=...`) the application asks for. */
  espiScope: string;
  /** When access ends unless the customer chooses an earlier day (epoch seconds). */
  accessEnds: number;
  /** The days of readings the app may read. */
  history: HistoryWindow;
}

/** Why a step failed. `redirectUrl` is set only when the custodian trusts the client's redirect_uri. */
export type InteractionFailure =
  | { kind: 'invalid-request'; message: string; redirectUrl: string | null }
  | { kind: 'wrong-credentials'; message: string }
  | { kind: 'expired'; message: string }
  | { kind: 'unavailable'; message: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: InteractionFailure };

const UNAVAILABLE: InteractionFailure = {
  kind: 'unavailable',
  message: 'The sign-in service did not answer. Wait a moment and try again.',
};

type Endpoint = 'validate' | 'sign-in' | 'decision' | 'preview';

function endpoint(name: Endpoint): string {
  return new URL(`interaction/${name}`, window.location.href).href;
}

interface ErrorBody {
  error?: unknown;
  error_description?: unknown;
  redirectUrl?: unknown;
}

async function post(
  name: Endpoint,
  body: unknown,
  signal?: AbortSignal,
): Promise<{ status: number; body: Record<string, unknown> } | null> {
  try {
    const response = await fetch(endpoint(name), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    const json: unknown = await response.json();
    if (!json || typeof json !== 'object') return null;
    return { status: response.status, body: json as Record<string, unknown> };
  } catch (error) {
    if (signal?.aborted) throw error;
    return null;
  }
}

function failureOf(status: number, body: ErrorBody): InteractionFailure {
  const message = typeof body.error_description === 'string' ? body.error_description : UNAVAILABLE.message;
  if (status >= 500 || typeof body.error !== 'string') return UNAVAILABLE;
  // A lockout (429) is told on the sign-in form, where the person tried.
  if (body.error === 'invalid_credentials' || status === 429) return { kind: 'wrong-credentials', message };
  if (status === 401) return { kind: 'expired', message };
  return {
    kind: 'invalid-request',
    message,
    redirectUrl: typeof body.redirectUrl === 'string' ? body.redirectUrl : null,
  };
}

function clientOf(value: unknown): ClientInfo {
  const c = (value ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    clientId: text(c.clientId),
    name: text(c.name),
    description: text(c.description),
    logoUri: typeof c.logoUri === 'string' ? c.logoUri : null,
    clientUri: typeof c.clientUri === 'string' ? c.clientUri : null,
    firstParty: c.firstParty === true,
  };
}

/** Is this authorize request one the custodian accepts? Its parameters as the custodian read them. */
export async function validateRequest(
  params: AuthorizeParams,
  signal: AbortSignal,
): Promise<Outcome<{ request: AuthorizeParams; client: ClientInfo }>> {
  const answer = await post('validate', params, signal);
  if (!answer) return { ok: false, failure: UNAVAILABLE };
  if (answer.status !== 200) return { ok: false, failure: failureOf(answer.status, answer.body) };
  return {
    ok: true,
    value: { request: answer.body.request as AuthorizeParams, client: clientOf(answer.body.client) },
  };
}

export type SignInAnswer =
  { next: 'redirect'; redirectUrl: string } | { next: 'consent'; consent: ConsentRequest };

export async function signIn(
  request: AuthorizeParams,
  username: string,
  password: string,
): Promise<Outcome<SignInAnswer>> {
  const answer = await post('sign-in', { request, username, password });
  if (!answer) return { ok: false, failure: UNAVAILABLE };
  const { status, body } = answer;
  if (status !== 200) return { ok: false, failure: failureOf(status, body) };
  if (body.consentRequired !== true) {
    return typeof body.redirectUrl === 'string'
      ? { ok: true, value: { next: 'redirect', redirectUrl: body.redirectUrl } }
      : { ok: false, failure: UNAVAILABLE };
  }
  const customer = (body.customer ?? {}) as { displayName?: unknown; usagePoints?: unknown };
  const scope = (body.scope ?? {}) as { espi?: unknown };
  return {
    ok: true,
    value: {
      next: 'consent',
      consent: {
        interaction: String(body.interaction),
        customerName: typeof customer.displayName === 'string' ? customer.displayName : '',
        usagePoints: Array.isArray(customer.usagePoints) ? (customer.usagePoints as ConsentUsagePoint[]) : [],
        client: clientOf(body.client),
        espiScope: typeof scope.espi === 'string' ? scope.espi : '',
        accessEnds: typeof body.accessEnds === 'number' ? body.accessEnds : 0,
        history: body.history as HistoryWindow,
      },
    },
  };
}

export async function decide(
  interaction: string,
  approve: boolean,
  usagePointIds: string[],
  accessEnds?: number,
): Promise<Outcome<{ redirectUrl: string }>> {
  const answer = await post('decision', { interaction, approve, usagePointIds, accessEnds });
  if (!answer) return { ok: false, failure: UNAVAILABLE };
  const { status, body } = answer;
  if (status !== 200 || typeof body.redirectUrl !== 'string') {
    return { ok: false, failure: failureOf(status, body) };
  }
  return { ok: true, value: { redirectUrl: body.redirectUrl } };
}

/**
 * One meter's data as the scope cuts it (consent-preview.ts), for "What the app will see". Rejects with
 * a message to show, so the caller's query has an error state.
 */
export async function previewMeter(
  interaction: string,
  usagePointId: string,
  signal: AbortSignal,
): Promise<PreviewSeries> {
  const answer = await post('preview', { interaction, usagePointId }, signal);
  if (answer?.status === 200 && Array.isArray(answer.body.points))
    return answer.body as unknown as PreviewSeries;
  throw new Error(answer ? failureOf(answer.status, answer.body).message : UNAVAILABLE.message);
}

/** Only http(s) addresses from a client registration become links or images (never `javascript:`). */
export function webAddress(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

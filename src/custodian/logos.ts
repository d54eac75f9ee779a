/**
 * The registered apps' logos, served by the mock itself: a real custodian would link to each app's
 * own host, but the sandbox has no network, and a demo page must not log failed image loads.
 */
import { escapeXml } from '../espi/index.ts';
import type { CustodianContext } from './context.ts';
import { notFound } from './http-util.ts';

/** Okabe-Ito colours, one per app by a stable hash of its id. */
const COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9'];

function colourOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length] ?? '#0072b2';
}

/** `GET B/logos/{clientId}.svg`: the app's initial on its colour. */
export function logoEndpoint(ctx: CustodianContext, path: string): Response {
  const clientId = /^\/logos\/([\w-]+)\.svg$/.exec(path)?.[1];
  const client = clientId ? ctx.clients.get(clientId) : undefined;
  if (!client?.logoPath) return notFound(path);
  const initial = escapeXml(client.name.trim().charAt(0).toUpperCase());
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="12" fill="${colourOf(client.clientId)}"/>` +
    `<text x="32" y="43" font-family="sans-serif" font-size="32" font-weight="700" fill="#fff" text-anchor="middle">${initial}</text></svg>`;
  return new Response(svg, {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400' },
  });
}

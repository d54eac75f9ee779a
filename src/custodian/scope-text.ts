/** Plain words for an ESPI scope on the custodian's consent page (reference 4.3 decoding). */
import { scopeLimits } from './scope-limits.ts';

const SERVICE_NAMES = ['Electricity', 'Gas', 'Water'];

export function describeScope(scope: string): string[] {
  const limits = scopeLimits(scope);
  const lines = [...limits.serviceKinds].map(
    (kind) => `${SERVICE_NAMES[kind] ?? 'Other'} usage, interval by interval`,
  );
  if (limits.received) lines.push('Energy your solar panels send to the grid');
  if (limits.intervalCosts) lines.push('The cost of each interval');
  if (limits.summaries) lines.push(limits.summaryCosts ? 'Bill summaries with costs' : 'Bill summaries');
  if (Number.isFinite(limits.historySeconds)) {
    lines.push(`History: up to ${Math.round(limits.historySeconds / (30.4 * 86_400))} months back`);
  }
  lines.push(
    limits.functionBlocks.has(39) || limits.functionBlocks.has(3)
      ? 'Ongoing access until you revoke it or it ends'
      : 'One-time access',
  );
  return lines;
}

/**
 * The scope a customer grants an aggregator, built from what the aggregator asks for (its registered
 * ESPI scope, docs/espi.md 4.3) and what the person keeps: which services, how fine the intervals, how
 * much history. The grant can only narrow the request, never widen it. The custodian adds `BR=`
 * (docs/espi.md 4.5) when it creates the grant, so the portal never writes one.
 */
import { type EspiScope, formatScope, parseScope } from '../../../espi/index.ts';

const DAY = 86_400;

/** Service blocks the person can leave out, with the ServiceKind each one opens (docs/espi.md 4.3). */
export const SERVICE_BLOCKS: readonly { fb: number; serviceKind: number }[] = [
  { fb: 5, serviceKind: 0 },
  { fb: 10, serviceKind: 1 },
  { fb: 11, serviceKind: 2 },
];

/** History a person can choose, in seconds as the scope grammar says (HistoryLength). */
export const HISTORY_OPTIONS: readonly { seconds: number; label: string }[] = [
  { seconds: 92 * DAY, label: '3 months' },
  { seconds: 183 * DAY, label: '6 months' },
  { seconds: 395 * DAY, label: '13 months' },
  { seconds: 730 * DAY, label: '2 years' },
  { seconds: 1095 * DAY, label: '3 years' },
];

export interface ScopeChoice {
  /** ServiceKinds shared (0 electricity, 1 gas, 2 water). */
  serviceKinds: number[];
  /** Seconds between readings. */
  intervalSeconds: number;
  historySeconds: number;
}

/** What the aggregator's registered scope lets the person choose from. */
export interface ScopeOffer {
  serviceKinds: number[];
  intervalSeconds: number[];
  /** The longest history the aggregator asks for; Infinity when its scope does not say. */
  maxHistorySeconds: number;
  historyOptions: { seconds: number; label: string }[];
}

export function scopeOffer(requested: string): ScopeOffer {
  const scope = parseScope(requested);
  const serviceKinds = SERVICE_BLOCKS.filter((s) => scope.functionBlocks.includes(s.fb)).map(
    (s) => s.serviceKind,
  );
  const intervalSeconds = scope.intervalDurations.filter((d): d is number => typeof d === 'number');
  const maxHistorySeconds = scope.historyLength?.seconds ?? Infinity;
  const historyOptions = HISTORY_OPTIONS.filter((o) => o.seconds <= maxHistorySeconds);
  return {
    serviceKinds,
    intervalSeconds: intervalSeconds.length > 0 ? intervalSeconds : [3600],
    maxHistorySeconds,
    // A request shorter than every preset still gets one choice: exactly what it asked for.
    historyOptions:
      historyOptions.length > 0 || !Number.isFinite(maxHistorySeconds)
        ? historyOptions
        : [{ seconds: maxHistorySeconds, label: 'As requested' }],
  };
}

/** The widest choice the offer allows: what the aggregator asked for. */
export function defaultChoice(offer: ScopeOffer): ScopeChoice {
  return {
    serviceKinds: [...offer.serviceKinds],
    intervalSeconds: Math.min(...offer.intervalSeconds),
    historySeconds: offer.historyOptions.at(-1)?.seconds ?? offer.maxHistorySeconds,
  };
}

/** Problems that stop the choice from becoming a scope, in words; empty when it is fine. */
export function choiceProblems(offer: ScopeOffer, choice: ScopeChoice): string[] {
  const problems: string[] = [];
  if (choice.serviceKinds.length === 0) problems.push('Choose at least one kind of data to share.');
  if (choice.serviceKinds.some((k) => !offer.serviceKinds.includes(k)))
    problems.push('A chosen service is not one this aggregator asks for.');
  if (!offer.intervalSeconds.includes(choice.intervalSeconds))
    problems.push('Choose one of the interval lengths this aggregator asks for.');
  if (choice.historySeconds > offer.maxHistorySeconds)
    problems.push('The history chosen is longer than this aggregator asks for.');
  return problems;
}

/** The granted scope: the request with unchosen services removed and interval and history as chosen. */
export function grantedScope(requested: string, choice: ScopeChoice): string {
  const scope = parseScope(requested);
  const dropped = new Set(
    SERVICE_BLOCKS.filter((s) => !choice.serviceKinds.includes(s.serviceKind)).map((s) => s.fb),
  );
  const granted: EspiScope = {
    ...scope,
    functionBlocks: scope.functionBlocks.filter((fb) => !dropped.has(fb)),
    intervalDurations: [choice.intervalSeconds],
    historyLength: { raw: String(choice.historySeconds), seconds: choice.historySeconds, asMonths: false },
  };
  delete granted.bulkId;
  return formatScope(granted);
}

/**
 * The ceiling a customer sets for their own-data API client on the API access page, derived from the
 * most their account may read (the customer API's `maximumScope`): keep or drop each kind of data,
 * shorten the history. Everything else of the ceiling (access, protocol blocks, interval and block
 * durations) is kept as it is, so the result is always within the account's own access.
 */
import {
  durationInWords,
  type EspiScope,
  formatScope,
  FUNCTION_BLOCKS,
  parseScope,
} from '../../../espi/index.ts';

/** Blocks that name a commodity (docs/espi.md 4.3): without one, a scope says nothing about which meters' data. */
const COMMODITY_BLOCKS = [5, 10, 11, 29];
/** Interval metering in general: implied by the commodity blocks, so never offered on its own. */
const INTERVAL_METERING = 4;
const DAY = 86_400;

export interface DataChoice {
  fb: number;
  label: string;
  commodity: boolean;
}

export interface HistoryChoice {
  seconds: number;
  label: string;
}

/** The kinds of data of the ceiling a person can keep or drop: usage and summary function blocks. */
export function dataChoices(ceiling: string): DataChoice[] {
  return parseScope(ceiling).functionBlocks.flatMap((fb) => {
    const block = FUNCTION_BLOCKS[fb];
    if (!block || fb === INTERVAL_METERING) return [];
    if (block.category !== 'usage' && block.category !== 'summary') return [];
    return [{ fb, label: block.plain, commodity: COMMODITY_BLOCKS.includes(fb) }];
  });
}

/** A month, three, thirteen (a year and a billing period), and all the ceiling allows. */
export function historyChoices(ceiling: string): HistoryChoice[] {
  const max = parseScope(ceiling).historyLength?.seconds;
  const shorter = [30, 90, 395]
    .map((days) => days * DAY)
    .filter((seconds) => max === undefined || seconds < max)
    .map((seconds) => ({ seconds, label: durationInWords(seconds) }));
  return max === undefined ? shorter : [...shorter, { seconds: max, label: `${durationInWords(max)} (all)` }];
}

export type NarrowResult = { ok: true; scope: string } | { ok: false; problem: string };

export function narrowScope(ceiling: string, chosenBlocks: number[], historySeconds: number): NarrowResult {
  const parsed = parseScope(ceiling);
  const offered = new Set(dataChoices(ceiling).map((c) => c.fb));
  const chosen = new Set(chosenBlocks.filter((fb) => offered.has(fb)));
  const commodities = [...offered].filter((fb) => COMMODITY_BLOCKS.includes(fb));
  if (commodities.length > 0 && !commodities.some((fb) => chosen.has(fb))) {
    return {
      ok: false,
      problem: `Choose at least one of: ${commodities.map((fb) => FUNCTION_BLOCKS[fb]?.plain.toLowerCase()).join('; ')}.`,
    };
  }
  const max = parsed.historyLength?.seconds;
  if (!(historySeconds > 0) || (max !== undefined && historySeconds > max)) {
    return { ok: false, problem: 'Choose a history length your account allows.' };
  }
  const narrowed: EspiScope = {
    ...parsed,
    functionBlocks: parsed.functionBlocks.filter((fb) => !offered.has(fb) || chosen.has(fb)),
    // In seconds, as the grammar says: well above the small values some custodians read as months.
    historyLength: { raw: String(historySeconds), seconds: historySeconds, asMonths: false },
  };
  return { ok: true, scope: formatScope(narrowed) };
}

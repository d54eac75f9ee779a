import { describeScope, durationInWords, FUNCTION_BLOCKS, parseScope } from '../../../espi/index.ts';

/**
 * The scope decoded term by term (docs/espi.md 4.3): every function block with its name and meaning,
 * then the value terms. What the customer needs first is in `ScopeInWords`; this is the full detail.
 */
export function ScopeTerms(props: { scope: string }) {
  const scope = parseScope(props.scope);
  const rows: { term: string; meaning: string }[] = [];
  for (const fb of scope.functionBlocks) {
    const block = FUNCTION_BLOCKS[fb];
    rows.push({
      term: `Function block ${fb}`,
      meaning: block
        ? `${block.plain} (${block.name})`
        : 'Not defined by any published Green Button document',
    });
  }
  for (const value of scope.intervalDurations) {
    rows.push({
      term: `IntervalDuration=${value}`,
      meaning: `Readings every ${typeof value === 'number' ? durationInWords(value) : value}`,
    });
  }
  for (const value of scope.blockDurations) {
    rows.push({ term: `BlockDuration=${value}`, meaning: `Readings delivered in ${value} blocks` });
  }
  if (scope.historyLength) {
    const { raw, seconds, asMonths } = scope.historyLength;
    rows.push({
      term: `HistoryLength=${raw}`,
      meaning:
        seconds === undefined
          ? 'History length that could not be read'
          : asMonths
            ? `${raw} months of history (a small number read as months, as the reference implementation uses it)`
            : `${durationInWords(seconds)} of history`,
    });
  }
  if (scope.subscriptionFrequency !== undefined) {
    rows.push({
      term: `SubscriptionFrequency=${scope.subscriptionFrequency}`,
      meaning: `New data ${describeScope(scope).updates ?? ''}`.trim(),
    });
  }
  if (scope.accountCollection !== undefined) {
    rows.push({
      term: `AccountCollection=${scope.accountCollection}`,
      meaning: `${scope.accountCollection} meters or accounts in the subscription`,
    });
  }
  if (scope.bulkId !== undefined) {
    rows.push({ term: `BR=${scope.bulkId}`, meaning: `Part of bulk request ${scope.bulkId}` });
  }
  for (const term of scope.unknownTerms) {
    rows.push({
      term: term.value ? `${term.key}=${term.value}` : term.key,
      meaning: 'A term this portal does not know',
    });
  }
  return (
    <div className="table-wrap">
      <table className="scope-table">
        <caption className="visually-hidden">The scope, term by term</caption>
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.term}-${i}`}>
              <td>
                <code>{row.term}</code>
              </td>
              <td>{row.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

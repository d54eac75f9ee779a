import { describeScope } from '../espi/index.ts';

/**
 * What the app may read, in the customer's words: data, interval length, history, one-time or ongoing.
 * `accessEnded` replaces the scope's "Ongoing" once the authorization is over: the scope still says what
 * was shared, but the access it describes has ended.
 */
export function ScopeInWords(props: { scope: string; accessEnded?: string }) {
  const d = describeScope(props.scope);
  return (
    <dl className="details">
      <dt>Data</dt>
      <dd>
        {d.data.length > 0 ? (
          <ul>
            {d.data.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : (
          'No energy data is named'
        )}
      </dd>
      {d.intervalLength && (
        <>
          <dt>Interval length</dt>
          <dd>{d.intervalLength}</dd>
        </>
      )}
      {d.blockLength && (
        <>
          <dt>Delivered per</dt>
          <dd>{d.blockLength}</dd>
        </>
      )}
      {d.history && (
        <>
          <dt>History</dt>
          <dd>{d.history} back</dd>
        </>
      )}
      <dt>Access</dt>
      <dd>{props.accessEnded ?? d.accessText}</dd>
      {d.updates && (
        <>
          <dt>Updates</dt>
          <dd>{d.updates}</dd>
        </>
      )}
      {d.accounts && (
        <>
          <dt>Meters</dt>
          <dd>{d.accounts}</dd>
        </>
      )}
      {d.bulk && (
        <>
          <dt>Bulk</dt>
          <dd>{d.bulk}</dd>
        </>
      )}
      {d.personalData && (
        <>
          <dt>Personal data</dt>
          <dd>Includes information about you or your account, not only energy data</dd>
        </>
      )}
    </dl>
  );
}

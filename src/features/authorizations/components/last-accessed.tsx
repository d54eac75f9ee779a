import { formatDateTime, isoDate } from '../model/authorization-dates.ts';

/** When the app last read the customer's data (its access log), as a term of a details list. */
export function LastAccessed(props: { at: number | null | undefined }) {
  return (
    <>
      <dt>Last accessed</dt>
      <dd>
        {props.at == null ? (
          'Not accessed yet'
        ) : (
          <time dateTime={isoDate(props.at)}>{formatDateTime(props.at)}</time>
        )}
      </dd>
    </>
  );
}

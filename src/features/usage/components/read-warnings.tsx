import { DISPLAY_LOCALE, type EspiDocument } from '../../../espi/index.ts';
import { warningMeaning } from '../model/read-error-text.ts';

/** What the reader could not use, said plainly: the data shown is incomplete, and where the problems were. */
export function ReadWarnings(props: { doc: EspiDocument }) {
  const { doc } = props;
  if (doc.warnings.length === 0) return null;
  const meanings = [...new Set(doc.warnings.map((w) => w.code))].flatMap((code) => {
    const meaning = warningMeaning(code);
    return meaning ? [{ code, ...meaning }] : [];
  });
  return (
    <div className={doc.partial ? 'alert alert--warning' : 'alert'}>
      <p>
        {doc.partial
          ? 'Some of this data could not be read, so what is shown is incomplete.'
          : 'The data was read, with notes on how.'}
      </p>
      {meanings.length > 0 && (
        <dl className="read-warnings__meanings">
          {meanings.map((m) => (
            <div key={m.code}>
              <dt>{m.title}</dt>
              <dd>{m.meaning}</dd>
            </div>
          ))}
        </dl>
      )}
      <details>
        <summary>
          {doc.warnings.length === 1
            ? '1 note'
            : `${doc.warnings.length.toLocaleString(DISPLAY_LOCALE)} notes`}{' '}
          from reading the data
        </summary>
        <ul>
          {doc.warnings.slice(0, 50).map((warning, i) => (
            <li key={i}>
              {warning.message}
              {warning.where?.line !== undefined && ` (line ${warning.where.line})`}
              {warning.where?.context && `, ${warning.where.context}`}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

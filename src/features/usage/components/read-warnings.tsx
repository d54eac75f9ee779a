import type { EspiDocument } from '../../../espi/model.ts';
import { DISPLAY_LOCALE } from '../../../espi/display-locale.ts';

/** What the reader could not use, said plainly: the data shown is incomplete, and where the problems were. */
export function ReadWarnings(props: { doc: EspiDocument }) {
  const { doc } = props;
  if (doc.warnings.length === 0) return null;
  return (
    <div className={doc.partial ? 'alert alert--warning' : 'alert'}>
      <p>
        {doc.partial
          ? 'Some of this data could not be read, so what is shown is incomplete.'
          : 'The data was read, with notes on how.'}
      </p>
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

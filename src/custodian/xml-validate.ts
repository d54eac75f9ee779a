/** Test support: served XML must validate against the ESPI schemas (testdata/espi-schemas/README.md). */
import { schemaErrors } from '../testing/test-data.ts';

/** Throws with xmllint's message when `xml` does not validate against `feed.xsd` (or `schema`). */
export function assertValidEspi(xml: string, schema = 'feed.xsd'): void {
  const errors = schemaErrors(xml, schema);
  if (errors) throw new Error(`Served XML does not validate against ${schema}:\n${errors.slice(0, 2000)}`);
}

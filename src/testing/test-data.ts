/**
 * Test support: the data the tests need, carried in the repository (`testdata/`, with the source, commit and
 * licence of each file in its README), and schema validation with xmllint. Nothing outside the clone is read,
 * so a fresh clone with nothing beside it passes its tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TESTDATA_DIR = fileURLToPath(new URL('../../testdata', import.meta.url));
export const REAL_FIXTURES_DIR = join(TESTDATA_DIR, 'real-files');
/** Small files written for the tests, each with one quirk of real utility files (README there). */
export const QUIRK_FILES_DIR = join(TESTDATA_DIR, 'quirk-files');
export const SPEC_DIR = join(TESTDATA_DIR, 'espi-schemas');

/**
 * The entry points of testdata/espi-schemas: `feed.xsd` validates any document; `espi.xsd` alone accepts
 * usage data only and `customer.xsd` alone customer (PII) data only, so a test can show the two are not mixed.
 */
export type SchemaFile = 'feed.xsd' | 'espi.xsd' | 'customer.xsd';

/** xmllint's complaint when `xml` does not validate against `schema` (in testdata/espi-schemas), or ''. */
export function schemaErrors(xml: string, schema: SchemaFile = 'feed.xsd'): string {
  const dir = mkdtempSync(join(tmpdir(), 'espi-xml-'));
  const file = join(dir, 'document.xml');
  try {
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', join(SPEC_DIR, schema), file], {
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Throws with xmllint's message when `xml` does not validate against `feed.xsd` (or `schema`). */
export function assertValidEspi(xml: string, schema: SchemaFile = 'feed.xsd'): void {
  const errors = schemaErrors(xml, schema);
  if (errors) throw new Error(`XML does not validate against ${schema}:\n${errors.slice(0, 2000)}`);
}

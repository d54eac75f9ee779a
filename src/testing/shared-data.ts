/**
 * Test support: the shared data beside the repository (../shared, as on every machine and in CI):
 * the real Green Button files and the ESPI schemas, and schema validation with xmllint.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const REAL_FIXTURES_DIR = join(SHARED_DIR, 'fixtures', 'real');
export const SPEC_DIR = join(SHARED_DIR, 'spec');

/** xmllint's complaint when `xml` does not validate against `schema` (in ../shared/spec), or ''. */
export function schemaErrors(xml: string, schema = 'feed.xsd'): string {
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

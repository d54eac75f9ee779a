/** Test support: validate served XML with xmllint against the ESPI schemas (../shared/spec/README.md). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SPEC = '/work/shared/spec';

/** Throws with xmllint's message when `xml` does not validate against `feed.xsd` (or `schema`). */
export function assertValidEspi(xml: string, schema = 'feed.xsd'): void {
  const dir = mkdtempSync(join(tmpdir(), 'custodian-xml-'));
  const file = join(dir, 'served.xml');
  try {
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--schema', join(SPEC, schema), file], { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`Served XML does not validate against ${schema}:\n${stderr.slice(0, 2000)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The tests need two programs from Debian: Chromium (Playwright cannot download its own browser on
 * these machines) and xmllint (schema validation of the XML the portal and the mock write).
 * Installs them when missing and running as root; otherwise says exactly what to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = [
  { path: '/usr/bin/chromium', pkg: 'chromium' },
  { path: '/usr/bin/xmllint', pkg: 'libxml2-utils' },
];

const missing = tools.filter((tool) => !existsSync(tool.path)).map((tool) => tool.pkg);
if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`Missing ${missing.join(', ')}. Install with:\n  sudo sh -c '${command}'`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} (${command})`);
  execFileSync('sh', ['-c', command], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * The tests need programs from Debian: the three engines the portal is tested in (Playwright cannot
 * download its own browsers on these machines), namely Chromium, Firefox ESR, and WebKitGTK's
 * WebDriver with its MiniBrowser and the virtual X display it runs in; and xmllint (schema validation
 * of the XML the portal and the mock write).
 * Installs them when missing and running as root; otherwise says exactly what to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools = [
  { path: '/usr/bin/chromium', pkg: 'chromium' },
  { path: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  { path: '/usr/bin/WebKitWebDriver', pkg: 'webkit2gtk-driver' },
  // WebKitGTK has no headless mode: its browser runs in a virtual X display.
  { path: '/usr/bin/xvfb-run', pkg: 'xvfb' },
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

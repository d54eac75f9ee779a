/**
 * Debian's Chromium, as the tests and the browser benches launch it: Playwright cannot download its
 * own browser on these machines, and without the background-networking flags Chromium's connections
 * are refused by the closed network.
 */
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

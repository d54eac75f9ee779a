/** User-timing marks the bench page sets, by which the bench finds its moments in a Chromium trace. */
export const SWITCHES_MARK = 'usage-bench:switches';

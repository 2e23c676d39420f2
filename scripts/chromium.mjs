// The Chromium that every browser test and benchmark launches: Debian's, which `npm test` and
// `npm run bench` install, or the one CHROME_PATH names.
export const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/**
 * Flags for a machine like CI's: no sandbox (CI runs as root), no GPU, /tmp rather than a small
 * /dev/shm, and none of a browser's own background traffic, which a test's timing would meet.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

// Launch options for the system Chromium (Debian's package), shared by the end-to-end suite, the benchmarks and
// the scripts. The background-networking flags keep Chromium from calling Google's services on start-up: the
// tests assert that no request leaves the app's origin.
export const chromiumExecutable = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumLaunchOptions = {
  executablePath: chromiumExecutable,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};

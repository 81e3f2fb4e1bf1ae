import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: the browser the end-to-end tests run in (no Playwright download). */
export const chromiumPath = '/usr/bin/chromium';

/** Launches headless Chromium with a fresh profile; throws how to install it if it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}; the end-to-end tests need it. ` +
        'Install it with "apt-get install chromium" (Debian/Ubuntu), then run the tests again.',
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

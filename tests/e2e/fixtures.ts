import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Every end-to-end test runs with two guards: no request may leave the app's origin (design principle 1), and
 * {@link expectAccessible} runs axe (WCAG 2.1 A and AA) on the pages a test visits.
 */
/** Chromium reports each Content-Security-Policy violation, Trusted Types included, on the console. */
const cspViolationPattern = /Content Security Policy|Trusted Type|TrustedScript|TrustedHTML/i;

/**
 * The two guards every end-to-end test runs, on any browser context (Playwright's own or one reached over the
 * DevTools protocol, as the crash test does): each console message that reports a CSP violation, and each request
 * to another origin than the app's, is recorded; {@link expectContextClean} fails the test if there is any.
 */
export function watchContext(context: BrowserContext, origin: string): { foreign: string[]; violations: string[] } {
  const watched = { foreign: [] as string[], violations: [] as string[] };
  context.on('console', (message) => {
    const text = message.text();
    if (cspViolationPattern.test(text)) watched.violations.push(text);
  });
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) watched.foreign.push(url);
  });
  return watched;
}

export function expectContextClean(watched: { foreign: string[]; violations: string[] }): void {
  expect(watched.violations, 'Content-Security-Policy violations').toEqual([]);
  expect(watched.foreign, 'requests that left the app’s origin').toEqual([]);
}

export const test = base.extend<{ guards: { foreign: string[]; violations: string[] } }>({
  // The preview server sends the production Content-Security-Policy (vite.config.ts); any violation, and any
  // request outside the origin, fails the test.
  guards: [
    async ({ context, baseURL }, use) => {
      const watched = watchContext(context, new URL(baseURL ?? 'http://127.0.0.1:4173').origin);
      await use(watched);
      expectContextClean(watched);
    },
    { auto: true },
  ],
});

export { expect };

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Resolves once the service worker controls the page and has finished activating (it can lag behind `ready`). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) => {
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
        });
      });
    }
  });
}

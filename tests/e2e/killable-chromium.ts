import { spawn } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumExecutable, chromiumLaunchOptions } from './chromium.js';

/**
 * A Chromium that a test can kill like a crash: started by the test itself (Playwright's launch keeps the browser
 * as its own child and closes it cleanly), in its own process group so that SIGKILL reaches the browser, renderer,
 * GPU and storage processes at once, with a profile folder that the next start reuses. Playwright drives it over
 * the DevTools protocol (connectOverCDP) through the profile's own, persistent, browser context.
 */
export interface KillableChromium {
  browser: Browser;
  /** The profile's default context: what it stores is on disk, in the profile folder. */
  context: BrowserContext;
  /** SIGKILL to the whole process group; resolves once the browser process has gone. */
  kill: () => Promise<void>;
}

const running = new Set<() => Promise<void>>();

/** Kills every browser still running: for afterEach, which runs even when a test has timed out. */
export async function killAllChromiums(): Promise<void> {
  await Promise.all([...running].map((kill) => kill()));
}

const devToolsUrlPattern = /DevTools listening on (ws:\/\/\S+)/;

export async function startKillableChromium(profileDir: string): Promise<KillableChromium> {
  const child = spawn(
    chromiumExecutable,
    [
      ...(chromiumLaunchOptions.args ?? []),
      `--user-data-dir=${profileDir}`,
      // The French browser that the other tests get from Playwright's locale option.
      '--lang=fr-FR',
      '--accept-lang=fr-FR',
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${chromiumExecutable} did not start`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
    running.delete(kill);
  };
  running.add(kill);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no DevTools address from Chromium:\n${output}`)), 30_000);
    // stderr is read to its end even once the address is known: a full pipe would block Chromium.
    child.stderr.on('data', (chunk: Buffer) => {
      if (output.length < 20_000) output += chunk.toString();
      const match = devToolsUrlPattern.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}) before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await kill();
    throw error;
  });
  const browser = await chromium.connectOverCDP(url);
  const context = browser.contexts()[0];
  if (!context) {
    await kill();
    throw new Error('Chromium has no default browser context');
  }
  return { browser, context, kill };
}

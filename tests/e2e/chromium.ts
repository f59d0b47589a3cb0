import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core. Nothing is ever downloaded: playwright-core
 * has no browser of its own, and the executable is named explicitly.
 */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const VIEWPORT = { width: 1400, height: 900 };

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile in a temporary folder, removed on close. */
export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} not found: install Debian's chromium (apt-get install -y chromium), or set E2E_CHROMIUM_PATH`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    timeout: 60_000,
  });
  await keepRequestsLocal(context);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Requests to anything but this machine are aborted: Neo4j Browser would otherwise load web
 * fonts and send usage data, and the test must pass without Internet. Routes registered later
 * (such as the GraphiQL assets) take precedence over this one.
 */
async function keepRequestsLocal(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) && /^https?:$/.test(url.protocol),
    (route) => route.abort('blockedbyclient'),
  );
}

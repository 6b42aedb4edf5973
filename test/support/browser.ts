import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type LaunchOptions, type Page } from 'playwright-core';
import { chromiumPath } from './test-database.ts';

/**
 * Browser tests drive Debian's Chromium (apt package `chromium`, /usr/bin/chromium or CHROMIUM_PATH)
 * through playwright-core; never `playwright install`. Without Chromium a describeBrowser suite is
 * skipped, unless GONGKAI_REQUIRE_BROWSER=1 (CI), which makes it fail instead.
 */

/**
 * Flags for running as root on a machine with no network but loopback: without the background
 * networking ones Chromium keeps dialling Google's hosts and gets refused.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Defaults for every context: the app's users read Chinese in China. */
export const DEFAULT_CONTEXT_OPTIONS: BrowserContextOptions = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1280, height: 800 },
};

/** Whether Chromium is installed; throws when it is not but GONGKAI_REQUIRE_BROWSER=1. */
export function isBrowserAvailable(): boolean {
  return chromiumPath() !== undefined;
}

/**
 * Launches headless Chromium. Each launch gets its own fresh, empty profile (user-data-dir) that
 * Playwright creates in the temp folder and deletes on close(). Close it yourself, or use
 * useBrowser()/describeBrowser() which do.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  return chromium.launch({
    headless: true,
    timeout: 60_000,
    ...options,
    executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

export interface BrowserSession {
  /** The browser of this test file; available inside tests and hooks, not at collection time. */
  readonly browser: Browser;
  /** A fresh context (cookies, storage) of this test file. */
  readonly context: BrowserContext;
  /** A new page in the file's context; pages are closed with the context after the file. */
  newPage(): Promise<Page>;
  /** Replaces the file's context with a new, empty one (logs everyone out, for instance). */
  resetContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Registers beforeAll/afterAll hooks in the current suite (or file): one browser and one fresh
 * context for the whole file, closed afterwards. Call it at the top of a describeBrowser callback,
 * or use the session describeBrowser passes in.
 */
export function useBrowser(contextOptions: BrowserContextOptions = {}, launchOptions: LaunchOptions = {}): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const options = { ...DEFAULT_CONTEXT_OPTIONS, ...contextOptions };

  beforeAll(async () => {
    browser = await launchBrowser(launchOptions);
    context = await browser.newContext(options);
  });
  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    context = undefined;
    browser = undefined;
  });

  const session: BrowserSession = {
    get browser() {
      if (!browser) throw new Error('the browser exists only inside tests and hooks of a useBrowser() suite');
      return browser;
    },
    get context() {
      if (!context) throw new Error('the browser context exists only inside tests and hooks of a useBrowser() suite');
      return context;
    },
    newPage: () => session.context.newPage(),
    async resetContext(next?: BrowserContextOptions) {
      const old = session.context;
      context = await session.browser.newContext({ ...options, ...next });
      await old.close().catch(() => {});
      return context;
    },
  };
  return session;
}

export interface DescribeBrowserOptions {
  context?: BrowserContextOptions;
  launch?: LaunchOptions;
}

/**
 * `describe` for browser tests: runs `fn` with a BrowserSession (one Chromium and one fresh context
 * for the suite). Without Chromium the suite is `describe.skip`ped, with the reason in its name;
 * with GONGKAI_REQUIRE_BROWSER=1 a missing Chromium fails the file instead.
 *
 *   describeBrowser('sign-in page', (session) => {
 *     it('shows the form', async () => {
 *       const page = await session.newPage();
 *       ...
 *     });
 *   });
 */
export function describeBrowser(name: string, fn: (session: BrowserSession) => void, options: DescribeBrowserOptions = {}): void {
  if (!isBrowserAvailable()) {
    describe.skip(`${name} [skipped: Chromium not found; apt-get install chromium or set CHROMIUM_PATH]`, () => {
      fn(unavailableSession);
    });
    return;
  }
  describe(name, () => {
    fn(useBrowser(options.context, options.launch));
  });
}

const unavailable = (): never => {
  throw new Error('Chromium is not installed');
};
const unavailableSession: BrowserSession = {
  get browser() {
    return unavailable();
  },
  get context() {
    return unavailable();
  },
  newPage: async () => unavailable(),
  resetContext: async () => unavailable(),
};

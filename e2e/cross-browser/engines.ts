/**
 * The two engines besides Chromium, each from Debian and driven through the WebDriver protocol its
 * driver speaks (Playwright's own Firefox and WebKit builds cannot be downloaded here):
 * - Firefox ESR over WebDriver BiDi, which Firefox serves itself (no geckodriver), with puppeteer-core;
 * - WebKitGTK's MiniBrowser over classic WebDriver (WebKitWebDriver) with selenium-webdriver, in a
 *   virtual X display: WebKitGTK has no headless mode.
 * Both adapters offer the few operations the journey needs; elements are found in the page.
 */
import { spawn } from 'node:child_process';
import { globSync } from 'node:fs';
import puppeteer, { type ElementHandle } from 'puppeteer-core';
import { Builder, Capabilities, type WebElement } from 'selenium-webdriver';

/** A function run in the page; its arguments and result cross as JSON. */
export type PageFunction<A extends unknown[], R> = (...args: A) => R;

export interface EngineSession {
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  evaluate<A extends unknown[], R>(fn: PageFunction<A, R>, ...args: A): Promise<R>;
  /** The element `find` returns in the page, or null. */
  element<A extends unknown[]>(
    find: PageFunction<A, Element | null>,
    ...args: A
  ): Promise<PageElement | null>;
  close(): Promise<void>;
}

export interface PageElement {
  click(): Promise<void>;
  type(text: string): Promise<void>;
  /** Sets a file input's file, as choosing it in the file dialog does. */
  upload(path: string): Promise<void>;
}

export interface Engine {
  name: string;
  start(): Promise<EngineSession>;
}

export const firefox: Engine = {
  name: 'Firefox ESR',
  async start() {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      protocol: 'webDriverBiDi',
      headless: true,
    });
    const page = await browser.newPage();
    return {
      goto: async (url) => void (await page.goto(url)),
      url: async () => page.url(),
      evaluate: (fn, ...args) => page.evaluate(fn as never, ...args) as never,
      async element(find, ...args) {
        const handle = (await page.evaluateHandle(find as never, ...args)) as ElementHandle<Element>;
        const element = handle.asElement() as ElementHandle<HTMLInputElement> | null;
        if (!element) return null;
        return {
          click: () => element.click(),
          type: (text) => element.type(text),
          upload: (path) => element.uploadFile(path),
        };
      },
      close: () => browser.close(),
    };
  },
};

/** WebKitWebDriver on `port`, in its own virtual display; `env` reaches the browser. */
export function webkit(port: number, env: Record<string, string> = {}): Engine {
  return {
    name: 'WebKit',
    async start() {
      const server = spawn(
        'xvfb-run',
        ['--auto-servernum', 'WebKitWebDriver', `--port=${port}`, '--host=local'],
        {
          detached: true,
          stdio: 'ignore',
          env: { ...process.env, ...env },
        },
      );
      const stopServer = () => {
        if (server.pid) process.kill(-server.pid);
      };
      try {
        const driver = await connect(`http://127.0.0.1:${port}`);
        const session: EngineSession = {
          goto: (url) => driver.get(url),
          url: () => driver.getCurrentUrl(),
          evaluate: (fn, ...args) => driver.executeScript(fn, ...args),
          async element(find, ...args) {
            const element = await driver.executeScript<WebElement | null>(find, ...args);
            if (!element) return null;
            return {
              click: () => element.click(),
              type: (text) => element.sendKeys(text),
              upload: (path) => element.sendKeys(path),
            };
          },
          async close() {
            await driver.quit().finally(stopServer);
          },
        };
        return session;
      } catch (error) {
        stopServer();
        throw error;
      }
    },
  };
}

// webkit2gtk-driver's browser, under the machine's multiarch directory.
const MINIBROWSER = globSync('/usr/lib/*/webkit2gtk-4.1/MiniBrowser')[0] ?? 'MiniBrowser';

/** A session on WebKitWebDriver once it listens (it takes a moment to start). */
async function connect(serverUrl: string) {
  const capabilities = new Capabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': {
      binary: MINIBROWSER,
      args: ['--automation'],
    },
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await fetch(`${serverUrl}/status`);
      break;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`WebKitWebDriver did not start at ${serverUrl}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return new Builder().usingServer(serverUrl).withCapabilities(capabilities).build();
}

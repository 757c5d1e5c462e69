// The machine's Chromium driven by playwright-core: never a downloaded browser.
//
//   const app = await startApp();             // serves dist/, launches Chromium
//   const page = await app.newPage(t);        // 360×640 phone; records requests and errors
//   ...
//   app.assertSameOrigin(page); app.assertNoErrors(page);
//   await app.close();

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serveDir } from "./server.mjs";

export const DIST_DIR = process.env.FUZHU_DIST ?? fileURLToPath(new URL("../../dist", import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL("../screenshots", import.meta.url));
export const CHROMIUM = process.env.FUZHU_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];
export const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

const records = new WeakMap();

export async function startApp({ dist = DIST_DIR } = {}) {
  const server = await serveDir(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    origin: server.origin,
    browser,

    /** A new phone-sized page (own context) with every request and error recorded.
     *  Options: `path` (default "/"), `locale`, and any browser.newContext() option. */
    async newPage({ path = "/", locale = "zh-CN", ...contextOptions } = {}) {
      const context = await browser.newContext({ ...PHONE, locale, ...contextOptions });
      const page = await context.newPage();
      const record = { requests: [], errors: [] };
      records.set(page, record);
      context.on("request", (request) => record.requests.push(request.url()));
      page.on("pageerror", (error) => record.errors.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") record.errors.push(`console: ${message.text()}`);
      });
      page.on("requestfailed", (request) => {
        const reason = request.failure()?.errorText ?? "";
        // A request the page's own navigation cancelled (a reload while the app's files,
        // which it requests after its first paint, were still coming) is not an error.
        if (reason === "net::ERR_ABORTED") return;
        record.errors.push(`requestfailed: ${request.url()} ${reason}`);
      });
      page.on("response", (response) => {
        if (response.status() >= 400) record.errors.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await page.goto(server.origin + path);
      return page;
    },

    /** Every URL the page's context requested. */
    requests: (page) => records.get(page).requests,

    /** Every error recorded so far (see assertNoErrors). */
    errors: (page) => records.get(page).errors,

    /** Fails if any request left the app's own origin (data: and blob: URLs stay local). */
    assertSameOrigin(page) {
      const { requests } = records.get(page);
      assert.ok(requests.length > 0, "no request was recorded");
      const foreign = requests.filter((url) => {
        const { protocol, origin } = new URL(url);
        return protocol !== "data:" && protocol !== "blob:" && origin !== server.origin;
      });
      assert.deepEqual(foreign, [], `requests to another origin than ${server.origin}`);
    },

    /** Fails on uncaught exceptions, console errors, failed requests and HTTP errors. */
    assertNoErrors(page) {
      assert.deepEqual(records.get(page).errors, [], "errors while the page ran");
    },

    /** Saves the viewport (or the whole page) as e2e/screenshots/NAME.png; returns its path. */
    async screenshot(page, name, { fullPage = false } = {}) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage });
      return path;
    },

    async close() {
      await browser.close();
      await server.close();
    },
  };
}

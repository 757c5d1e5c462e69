// The release on real servers: the zip that `make release` made, unpacked, served by Debian's
// nginx and by Debian's Apache httpd with exactly the configuration in its deploy/ folder
// (docs/deploy.md), each on a free port of 127.0.0.1, started and stopped here. For each:
// the headers docs/deploy.md promises, then in Chromium a family's flow to the results, the
// share link, offline after one visit, the embed demo's resize, frame-ancestors, and a server
// that serves the wasm as application/octet-stream.
//
//   make test-servers      (cd e2e && node --test servers.smoke.mjs, after make release)

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, PHONE, SCREENSHOT_DIR } from "./lib/browser.mjs";
import { waitForApp, walkToResults } from "./lib/flow.mjs";
import { startServer, unpackRelease } from "./lib/servers.mjs";
import { fileURLToPath } from "node:url";

/** A register saved by LibreOffice (tests/register/made-with.txt). */
const REGISTER_FIXTURE = fileURLToPath(new URL("../tests/register/register.xlsx", import.meta.url));

let browser;
let release;
let policy;
before(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  release = await unpackRelease();
  // One header for every page: the family page's and the office page's policies joined.
  const { mergePolicies } = await import("../scripts/release.mjs");
  const meta = async (p) =>
    (await readFile(join(release.site, p), "utf8")).match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  policy = mergePolicies([await meta("index.html"), await meta("office.html")]);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await release?.remove();
});

/** A phone page that records errors, CSP violations and the console's warnings. */
async function phonePage(options = {}) {
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN", ...options });
  const page = await context.newPage();
  const record = { errors: [], warnings: [] };
  page.on("pageerror", (e) => record.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") record.errors.push(`console: ${m.text()}`);
    if (m.type() === "warning") record.warnings.push(m.text());
  });
  page.on("response", (r) => r.status() >= 400 && record.errors.push(`HTTP ${r.status()} ${r.url()}`));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return { context, page, record };
}

/** Waits until sw.js controls the page and its cache holds the release. */
async function offlineReady(page) {
  await page.waitForFunction(
    async () => {
      if (!navigator.serviceWorker.controller) return false;
      const names = await caches.keys();
      if (names.length !== 1) return false;
      return (await (await caches.open(names[0])).keys()).some((r) => r.url.endsWith("_bg.wasm"));
    },
    null,
    { timeout: 30_000, polling: 200 },
  );
}

const headers = async (url, init = {}) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000), ...init });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, get: (name) => response.headers.get(name), body };
};

for (const kind of ["nginx", "apache"]) {
  describe(`${kind} with deploy/${kind}.conf`, () => {
    let server;
    before(async () => {
      server = await startServer(kind, release);
    });
    after(async () => {
      await server?.close();
    });

    test("types, caching, compression and the Content-Security-Policy header", async () => {
      const files = (await readFile(join(release.site, "sw.js"), "utf8")).match(/fuzhu-web-[0-9a-f]{8,16}(_bg\.wasm|\.js)/g);
      const wasm = files.find((f) => f.endsWith(".wasm"));
      const js = files.find((f) => f.endsWith(".js"));
      // The office page's bundle and worker script, as office.html's loader names them: every
      // hashed name 16 hex digits (scripts/hash-names.mjs), so the rule below caches them all.
      const office = await readFile(join(release.site, "office.html"), "utf8");
      const officeFiles = [...new Set(office.match(/fuzhu-office-(?:worker-)?[0-9a-f]+(?:_bg\.wasm|\.js)/g))];
      assert.equal(officeFiles.length, 3, `office.html names its glue, wasm and worker: ${officeFiles}`);
      for (const f of [...files, ...officeFiles]) assert.match(f, /-[0-9a-f]{16}(_bg\.wasm|\.js)$/, `${f}: a 16-digit hash`);
      const gz = { headers: { "accept-encoding": "gzip" } };
      const expect = {
        "/": [/^text\/html/, "no-cache"],
        "/index.html": [/^text\/html/, "no-cache"],
        "/sw.js": [/^(text|application)\/javascript/, "no-cache"],
        "/policy.html": [/^text\/html/, "no-cache"],
        "/office.html": [/^text\/html/, "no-cache"],
        "/manifest.webmanifest": [/^application\/manifest\+json/, "no-cache"],
        "/icons/icon-192.png": [/^image\/png$/, "no-cache"],
        [`/${wasm}`]: [/^application\/wasm$/, "public, max-age=31536000, immutable"],
        [`/${js}`]: [/^(text|application)\/javascript/, "public, max-age=31536000, immutable"],
        ...Object.fromEntries(
          officeFiles.map((f) => [
            `/${f}`,
            [f.endsWith(".wasm") ? /^application\/wasm$/ : /^(text|application)\/javascript/, "public, max-age=31536000, immutable"],
          ]),
        ),
      };
      for (const [path, [type, cache]] of Object.entries(expect)) {
        const r = await headers(server.origin + path, gz);
        assert.equal(r.status, 200, path);
        assert.match(r.get("content-type"), type, `${path} content-type`);
        assert.equal(r.get("cache-control"), cache, `${path} cache-control`);
        assert.equal(r.get("x-content-type-options"), "nosniff", path);
        assert.equal(r.get("content-security-policy"), `${policy}; frame-ancestors 'self'`, `${path} CSP header`);
      }
      // Compressed when asked, and the same bytes once unpacked.
      for (const path of ["/index.html", `/${wasm}`, `/${js}`, "/manifest.webmanifest"]) {
        const r = await headers(server.origin + path, gz);
        assert.equal(r.get("content-encoding"), "gzip", `${path} gzipped`);
        assert.match(r.get("vary") ?? "", /accept-encoding/i, `${path} vary`);
        // (fetch unpacks it.)
        assert.ok(r.body.equals(await readFile(join(release.site, path.slice(1)))), `${path} unpacks to the file`);
      }
      // index.html revalidates: the validator it came with answers 304 Not Modified.
      const first = await headers(`${server.origin}/index.html`);
      const validators = {};
      if (first.get("etag")) validators["if-none-match"] = first.get("etag");
      if (first.get("last-modified")) validators["if-modified-since"] = first.get("last-modified");
      assert.ok(Object.keys(validators).length > 0, "index.html has a validator");
      assert.equal((await headers(`${server.origin}/index.html`, { headers: validators })).status, 304);
      // No listing of folders, and missing files are 404.
      assert.notEqual((await headers(`${server.origin}/icons/`)).status, 200);
      assert.equal((await headers(`${server.origin}/no-such-file.js`)).status, 404);
    });

    test("a family's flow to the results, the share link, and offline after one visit", async () => {
      const { context, page, record } = await phonePage();
      await page.goto(`${server.origin}/`);
      await waitForApp(page);
      await offlineReady(page);
      await walkToResults(page);
      assert.match(await page.locator("#screen-title").innerText(), /您家可以享受的帮扶/);
      const items = await page.locator(".group .items > li").count();
      assert.ok(items > 5, `${items} items`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `server-${kind}-results-360x640.png`) });

      // The share link: the same answers on another phone (a fresh browser context), which
      // opens on the summary, one tap from the same results.
      const link = page.url();
      assert.match(link, /#.+/);
      const other = await phonePage();
      await other.page.goto(link);
      await waitForApp(other.page);
      await other.page.locator(".screen.summary button.primary").click({ timeout: 30_000 });
      await other.page.locator(".screen.results").waitFor({ timeout: 30_000 });
      assert.equal(await other.page.locator(".group .items > li").count(), items);
      assert.deepEqual(other.record.errors, []);
      assert.deepEqual(await other.page.evaluate(() => window.__csp), []);
      await other.context.close();

      // Offline: the network off, the app opens again from the service worker's cache.
      await context.setOffline(true);
      await page.goto(`${server.origin}/`);
      await waitForApp(page);
      await walkToResults(page);
      assert.equal(await page.locator(".group .items > li").count(), items);
      await context.setOffline(false);

      assert.deepEqual(await page.evaluate(() => window.__csp), [], "CSP violations");
      assert.deepEqual(record.errors, []);
      await context.close();
    });

    test("the office page: a register opened, every household in the table, no CSP violation", async () => {
      const { context, page, record } = await phonePage({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
      await page.goto(`${server.origin}/office.html`);
      await page.locator("#register-file").waitFor({ state: "attached", timeout: 30_000 });
      await page.locator("#register-file").setInputFiles(REGISTER_FIXTURE);
      await page.locator("table.register tbody tr").first().waitFor({ timeout: 30_000 });
      assert.ok((await page.locator("table.register tbody tr").count()) > 5);
      assert.deepEqual(await page.evaluate(() => window.__csp), [], "CSP violations");
      assert.deepEqual(record.errors, []);
      await context.close();
    });

    test("the embed demo's frame follows the app's height", async () => {
      const { context, page, record } = await phonePage({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
      await page.goto(`${server.origin}/embed-demo.html`);
      const frame = page.frameLocator("iframe[data-fuzhu]");
      await frame.locator(".screen.welcome").waitFor({ timeout: 30_000 });
      const height = () => page.evaluate(() => document.querySelector("iframe[data-fuzhu]").clientHeight);
      await page.waitForFunction(() => document.querySelector("iframe[data-fuzhu]").clientHeight !== 640, null, { timeout: 15_000 });
      const welcome = await height();
      await frame.locator(".screen.welcome button.primary").click();
      await frame.locator(".screen.question").waitFor();
      await page.waitForFunction((h) => Math.abs(document.querySelector("iframe[data-fuzhu]").clientHeight - h) > 20, welcome, {
        timeout: 15_000,
      });
      assert.deepEqual(record.errors, []);
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      await context.close();
    });
  });

  describe(`${kind}: who may embed (frame-ancestors)`, () => {
    let office;
    let officeOrigin;
    before(async () => {
      // Another origin: an office's page that frames the app.
      office = createServer((req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><meta charset="utf-8"><title>office</title><iframe data-fuzhu src="${req.url.slice(1)}"></iframe>`);
      });
      await new Promise((ok) => office.listen(0, "127.0.0.1", ok));
      officeOrigin = `http://127.0.0.1:${office.address().port}`;
    });
    after(async () => {
      await new Promise((ok) => office.close(ok));
    });

    const framed = async (server) => {
      const { context, page } = await phonePage();
      await page.goto(`${officeOrigin}/${server.origin}/index.html`);
      // Either the app starts in the frame, or the browser puts its error page there.
      let started;
      const until = Date.now() + 20_000;
      while (started === undefined && Date.now() < until) {
        const frame = page.frames().find((f) => f !== page.mainFrame());
        if (frame && frame.url().startsWith("chrome-error:")) started = false;
        else if (frame && (await frame.locator(".screen.welcome button.primary").count().catch(() => 0))) started = true;
        else await page.waitForTimeout(200);
      }
      assert.notEqual(started, undefined, "the frame neither started the app nor was refused in 20 s");
      await context.close();
      return started;
    };

    test("only the sites the configuration names may show the app in a frame", async () => {
      const closed = await startServer(kind, release);
      const open = await startServer(kind, release, { frameAncestors: `'self' ${officeOrigin}` });
      try {
        const headerOf = async (s) => (await headers(`${s.origin}/index.html`)).get("content-security-policy");
        assert.match(await headerOf(open), new RegExp(`frame-ancestors 'self' ${officeOrigin}$`));
        assert.equal(await framed(closed), false, "a site not named must not frame the app");
        assert.equal(await framed(open), true, "the named site frames the app");
      } finally {
        await closed.close();
        await open.close();
      }
    });
  });

  test(`${kind} serving .wasm as application/octet-stream: the app still runs, a little slower`, async () => {
    const wrong = await startServer(kind, release, { wrong: "wasm-octet-stream" });
    try {
      const wasm = (await readFile(join(release.site, "sw.js"), "utf8")).match(/fuzhu-web-[0-9a-f]{8,16}_bg\.wasm/)[0];
      assert.match((await headers(`${wrong.origin}/${wasm}`)).get("content-type"), /^application\/octet-stream/);
      const { context, page, record } = await phonePage();
      await page.goto(`${wrong.origin}/`);
      await waitForApp(page);
      await walkToResults(page);
      // wasm-bindgen's loader: instantiateStreaming refuses the type, it says so and compiles
      // from the downloaded bytes instead.
      assert.ok(
        record.warnings.some((w) => /application\/wasm/.test(w)),
        `the loader's warning about the type: ${JSON.stringify(record.warnings)}`,
      );
      assert.deepEqual(record.errors, []);
      await context.close();
    } finally {
      await wrong.close();
    }
  });
}

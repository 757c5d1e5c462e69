// Offline: after one visit online, the service worker (sw.js) serves the whole app from its
// cache, so with the network off (and the server gone) the page reloads and the question flow
// runs to the results. A changed build replaces the old cache cleanly.
// Each test serves its own copy of dist/, so it can stop the server or change the "release".

import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { precache } from "../scripts/precache.mjs";
import { CHROMIUM, CHROMIUM_ARGS, DIST_DIR, PHONE } from "./lib/browser.mjs";
import { waitForApp, walkToResults } from "./lib/flow.mjs";
import { serveDir } from "./lib/server.mjs";

let browser;
const dirs = [];
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A copy of dist/ served on its own port. */
async function serveCopy() {
  const dir = await mkdtemp(join(tmpdir(), "fuzhu-dist-"));
  dirs.push(dir);
  await cp(DIST_DIR, dir, { recursive: true });
  return { dir, server: await serveDir(dir) };
}

/** Waits until sw.js controls the page; returns the cache names. */
async function controlled(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
    return caches.keys();
  });
}

/** Polls until the origin's caches are exactly `want`. */
async function waitForCaches(page, want, timeout = 30_000) {
  const until = Date.now() + timeout;
  let names;
  while (Date.now() < until) {
    names = await page.evaluate(() => caches.keys());
    if (JSON.stringify(names) === JSON.stringify(want)) return;
    await page.waitForTimeout(200);
  }
  assert.deepEqual(names, want, "the caches never became the new release's alone");
}

/** sw.js's VERSION, as the build wrote it. */
async function swVersion(dir) {
  const sw = await readFile(join(dir, "sw.js"), "utf8");
  return sw.match(/const VERSION = "([0-9a-f]{16})";/)[1];
}

test("after one visit, the app opens and runs to the results with no network", async () => {
  const { dir, server } = await serveCopy();
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));

  await page.goto(`${server.origin}/`);
  await waitForApp(page);
  const version = await swVersion(dir);
  assert.deepEqual(await controlled(page), [`fuzhu-${version}`]);
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
  }, `fuzhu-${version}`);
  for (const path of ["/index.html", "/policy.html", "/manifest.webmanifest"]) assert.ok(cached.includes(path), path);
  assert.ok(cached.some((p) => p.endsWith("_bg.wasm")), "the wasm is cached");
  assert.ok(!cached.includes("/sw.js"));

  // Off the network, and the server gone: nothing can come from anywhere but the cache.
  await context.setOffline(true);
  await server.close();
  const failed = [];
  page.on("requestfailed", (r) => failed.push(r.url()));
  await page.reload();
  await waitForApp(page);
  await walkToResults(page);
  assert.match(await page.locator("#screen-title").innerText(), /您家可以享受的帮扶/);
  assert.ok((await page.locator(".group .items > li").count()) > 5);

  // The text version too, and an address naming an office: its details from the copy of
  // offices.json the worker keeps.
  await page.goto(`${server.origin}/policy.html`);
  assert.equal(await page.locator("article.item").count(), 25);
  await page.goto(`${server.origin}/?office=demo`);
  await waitForApp(page);
  await walkToResults(page);
  assert.match(await page.locator(".screen.results > .office-contact").innerText(), /示例社区服务中心（演示）/);

  assert.deepEqual(failed, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a new build replaces the old cache and is what opens next", async () => {
  const { dir, server } = await serveCopy();
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await waitForApp(page);
  const v1 = await swVersion(dir);
  assert.deepEqual(await controlled(page), [`fuzhu-${v1}`]);

  // A new release: a changed index.html, and sw.js rewritten by the build's own script.
  const index = join(dir, "index.html");
  const html = await readFile(index, "utf8");
  await writeFile(index, html.replace("</head>", '<meta name="fuzhu-release" content="2" />\n</head>'));
  const { version: v2 } = await precache(dir);
  assert.notEqual(v2, v1);

  // Opening the app again finds the new worker; it installs, takes over, and drops v1.
  await page.reload();
  await waitForApp(page);
  await waitForCaches(page, [`fuzhu-${v2}`]);
  const entries = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, `fuzhu-${v2}`);
  assert.equal(entries, (await precache(dir)).files.length, "the new cache holds the whole release");
  // Served from the new cache even with the network off.
  await context.setOffline(true);
  await server.close();
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('meta[name="fuzhu-release"]').getAttribute("content"), "2");
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`fuzhu-${v2}`]);
  await context.close();
});

test("the precache list and version come from the files and nothing else", async () => {
  const { dir, server } = await serveCopy();
  await server.close();
  const first = await precache(dir);
  const again = await precache(dir);
  assert.deepEqual(again, first, "the same files give the same sw.js");
  assert.ok(first.files.includes("index.html"));
  assert.ok(first.files.includes("policy.html"));
  for (const excluded of ["sw.js", "embed-demo.html", "embed-resize.js"]) assert.ok(!first.files.includes(excluded));
  await writeFile(join(dir, "policy.css"), "/* changed */\n", { flag: "a" });
  assert.notEqual((await precache(dir)).version, first.version);
});

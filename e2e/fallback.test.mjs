// Old phones and in-app browsers: without JavaScript the first screen links to policy.html, the
// text version built from the rules data; without WebAssembly, or when the app's files fail to
// load, or the app has not started after 20 seconds, boot.js shows the same link inside #app.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const ITEMS = 25;

/** A phone page whose context runs `init` before any of the page's scripts. */
async function pageWith(init, options = {}) {
  const page = await app.newPage({ path: "/policy.css", ...options });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (init) await page.context().addInitScript(init);
  await page.goto(`${app.origin}/`);
  return { page, errors };
}

test("without JavaScript: the notice links to the text version with all 25 items", async () => {
  const page = await app.newPage({ javaScriptEnabled: false });
  const link = page.locator("#app noscript a, #app a[href='policy.html']").first();
  await link.waitFor();
  assert.match(await page.locator("#app").innerText(), /JavaScript/);
  assert.equal(await page.locator("#fallback").isVisible(), false);
  await link.click();
  await page.waitForURL(/\/policy\.html$/);

  const items = page.locator("article.item");
  assert.equal(await items.count(), ITEMS);
  for (let i = 0; i < ITEMS; i += 1) {
    const item = items.nth(i);
    assert.match(await item.locator("h2").innerText(), new RegExp(`^${i + 1}\\. `));
    assert.match(await item.locator(".clause").innerText(), /汴政办〔2023〕24号 第\d{1,2}条/);
    assert.ok((await item.locator("blockquote").innerText()).length > 10);
    assert.ok((await item.locator(".documents li").count()) >= 1);
  }
  const hotlines = await page.locator(".hotlines").first().innerText();
  for (const n of ["12345", "12320", "12348"]) assert.match(hotlines, new RegExp(n));
  const tel = await page.locator("a[href^='tel:']").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual([...new Set(tel)].sort(), ["tel:12320", "tel:12345", "tel:12348"]);

  // A phone's screen: no sideways scrolling, text large enough.
  const { scrollWidth, fontSize } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    fontSize: parseFloat(getComputedStyle(document.body).fontSize),
  }));
  assert.ok(scrollWidth <= 360, `policy.html is ${scrollWidth}px wide at 360`);
  assert.ok(fontSize >= 18);
  await app.screenshot(page, "policy-360x640");
  await app.screenshot(page, "policy-360-full", { fullPage: true });

  app.assertSameOrigin(page);
  const errors = app.errors(page).filter((e) => !/^requestfailed: \S+\.js csp$/.test(e));
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("without WebAssembly: the fallback notice links to the text version", async () => {
  const { page } = await pageWith(() => {
    delete window.WebAssembly;
  });
  const notice = page.locator("#app #fallback");
  await notice.waitFor({ state: "visible", timeout: 10_000 });
  assert.equal(await page.locator("html").getAttribute("data-fallback"), "no-webassembly");
  assert.equal(await page.locator("#app .loading").isVisible(), false);
  assert.match(await notice.innerText(), /文字版/);
  await app.screenshot(page, "fallback-no-wasm-360x640");
  await notice.locator("a[href='policy.html']").click();
  await page.waitForURL(/\/policy\.html$/);
  assert.equal(await page.locator("article.item").count(), ITEMS);
  await page.context().close();
});

test("when the app's wasm fails to load: the same fallback", async () => {
  // No service worker: once sw.js has installed and claimed the page (on a slow machine it can
  // before the loader asks for the wasm), it answers the wasm from its cache and page.route
  // never sees the request, so the app would load after all.
  const page = await app.newPage({ path: "/policy.css", serviceWorkers: "block" });
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(`${app.origin}/`);
  await page.locator("#app #fallback").waitFor({ state: "visible", timeout: 15_000 });
  assert.match(await page.locator("html").getAttribute("data-fallback"), /^(load-failed|error)$/);
  await page.context().close();
});

test("the app has not started 20 seconds after opening: the same fallback, and at 19.999 seconds not yet", async () => {
  // The wasm never arrives (a network that stalls rather than fails), and the page's clock
  // stands still until the test moves it.
  const page = await app.newPage({ path: "/policy.css", serviceWorkers: "block" });
  await page.route(/_bg\.wasm$/, () => {});
  const opened = new Date("2026-11-29T08:00:00Z");
  await page.clock.install({ time: opened });
  await page.clock.pauseAt(opened);
  await page.goto(`${app.origin}/`);
  const notice = page.locator("#app #fallback");
  assert.equal(await notice.isVisible(), false);

  await page.clock.runFor(19_999);
  assert.equal(await notice.isVisible(), false, "the fallback showed before 20 seconds");
  assert.equal(await page.locator("html").getAttribute("data-fallback"), null);

  await page.clock.runFor(1);
  await notice.waitFor({ state: "visible", timeout: 5_000 });
  assert.equal(await page.locator("html").getAttribute("data-fallback"), "timeout");
  assert.equal(await page.locator("#app .loading").isVisible(), false);
  assert.equal(await notice.locator("a[href='policy.html']").count(), 1);
  await page.context().close();
});

test("with WebAssembly the fallback never shows", async () => {
  const page = await app.newPage();
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  assert.equal(await page.locator("#fallback").count(), 0);
  assert.equal(await page.locator("html").getAttribute("data-fallback"), null);
  app.assertNoErrors(page);
  await page.context().close();
});

// End-to-end flows of the built app (dist/, made by `make build`), in the machine's Chromium at
// phone size. Run with `make test-e2e`, or `node --test` in e2e/ after a build.
// Add a flow: a new `test(...)` that opens `app.newPage()`, drives it, and ends with
// `app.assertSameOrigin(page)` and `app.assertNoErrors(page)`.

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

/** Opens the app and waits until the wasm app has replaced index.html's static screen. */
async function openApp(options) {
  const page = await app.newPage(options);
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#app h1").waitFor();
  return page;
}

test("welcome screen, then 开始 leads to the first question", async () => {
  const page = await openApp();
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  assert.equal((await page.locator(".brand").innerText()).trim(), "扶助通");
  await app.screenshot(page, "welcome-360x640");

  const start = page.locator(".welcome button.primary");
  const box = await start.boundingBox();
  assert.ok(box && box.height >= 44, `the start button is ${box?.height}px high (< 44)`);

  const welcomeTitle = await page.locator("h1").innerText();
  await start.click();
  await page.waitForFunction(
    (text) => document.querySelector("#app h1")?.innerText !== text,
    welcomeTitle,
  );
  assert.equal(await page.locator(".welcome").count(), 0);
  await app.screenshot(page, "first-question-360x640");

  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("the language switch turns the page to English and back", async () => {
  const page = await openApp();
  const zhTitle = await page.locator("h1").innerText();
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.notEqual(await page.locator("h1").innerText(), zhTitle);
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  assert.equal(await page.locator("h1").innerText(), zhTitle);

  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

// The English sentences are not in the first load (src/english.rs): the web build carries a
// private-use tag for each, and fetches en-<hash>.txt when English is first chosen.
const TAG = /[\uE000-\uF8FF]/;

test("English is fetched once when chosen, and no tag ever shows in its place", async () => {
  const page = await app.newPage();
  const fetched = [];
  page.on("request", (r) => {
    if (/\/en-[0-9a-f]{16}\.txt$/.test(r.url())) fetched.push(r.url());
  });
  await page.reload();
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  assert.deepEqual(fetched, [], "the English texts are fetched before anyone asks for them");
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(fetched.length, 1);
  const { walkToResults } = await import("./lib/flow.mjs");
  await walkToResults(page);
  await page.locator(".screen.results #screen-title").waitFor();
  await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
  const text = await page.locator("body").innerText();
  assert.doesNotMatch(text, TAG, "a tag shows instead of its English sentence");
  assert.match(text, /Special support payment/);
  // Back to Chinese and to English again: no second fetch.
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(fetched.length, 1);
  assert.doesNotMatch(await page.locator("body").innerText(), TAG);

  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("English that cannot be fetched leaves the page in Chinese and says why", async () => {
  // No service worker: it would answer from its cache, where the route below cannot reach.
  const page = await openApp({ serviceWorkers: "block" });
  await page.route(/\/en-[0-9a-f]{16}\.txt$/, (route) => route.abort());
  const zhTitle = await page.locator("h1").innerText();
  await page.locator(".lang-switch").click();
  await page.locator(".notice[role=alert]").waitFor();
  assert.match(await page.locator(".notice[role=alert]").innerText(), /联网/);
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  assert.equal(await page.locator("h1").innerText(), zhTitle);
  assert.doesNotMatch(await page.locator("body").innerText(), TAG);
  // With the connection back, choosing English again works.
  await page.unroute(/\/en-[0-9a-f]{16}\.txt$/);
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.locator(".notice[role=alert]").count(), 0);

  app.assertSameOrigin(page);
  await page.context().close();
});

// The results' Chinese is not in the first load either (src/later.rs): tags, and
// later-<hash>.txt fetched as soon as the app is up, long before anyone reaches the results.
const LATER = /\/later-[0-9a-f]{16}\.txt$/;

test("the results' Chinese is fetched once when the app starts, and no tag ever shows in its place", async () => {
  const page = await app.newPage({ serviceWorkers: "block" });
  // Counted from the reload's document on: on a busy machine the first visit's app can still
  // be fetching the file when the listener is added.
  let counting = false;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) counting = true;
  });
  const fetched = [];
  page.on("request", (r) => {
    if (counting && LATER.test(r.url())) fetched.push(r.url());
  });
  await page.reload();
  assert.doesNotMatch(await page.content(), /later-/, "the page itself names the file: first load");
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  for (let i = 0; i < 200 && fetched.length === 0; i += 1) await page.waitForTimeout(50);
  assert.equal(fetched.length, 1, "fetched once the app has started");
  const { walkToResults } = await import("./lib/flow.mjs");
  await walkToResults(page);
  await page.locator(".screen.results #screen-title").waitFor();
  await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
  const text = await page.locator("body").innerText();
  assert.doesNotMatch(text, TAG, "a tag shows instead of its Chinese");
  assert.match(text, /特别扶助金/);
  assert.match(text, /对独生子女死亡、女方年满49周岁的夫妻的特别扶助金/);
  assert.equal(fetched.length, 1);

  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("results whose Chinese cannot be fetched say so, and show once it can", async () => {
  // No service worker: it would answer from its cache, where the route below cannot reach.
  const page = await app.newPage({ serviceWorkers: "block" });
  await page.route(LATER, (route) => route.abort());
  await page.reload();
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  const { walkToResults } = await import("./lib/flow.mjs");
  await walkToResults(page);
  const notice = page.locator(".screen.preparing .notice[role=alert]");
  await notice.waitFor();
  assert.match(await notice.innerText(), /联网/);
  assert.equal(await page.locator(".screen.results").count(), 0);
  assert.doesNotMatch(await page.locator("body").innerText(), TAG);
  // With the connection back, 重试 shows the results.
  await page.unroute(LATER);
  await page.locator(".screen.preparing button.retry").click();
  await page.locator(".screen.results #screen-title").waitFor();
  assert.equal(await page.locator(".notice[role=alert]").count(), 0);
  assert.doesNotMatch(await page.locator("body").innerText(), TAG);
  assert.match(await page.locator("body").innerText(), /特别扶助金/);

  app.assertSameOrigin(page);
  await page.context().close();
});

test("without JavaScript the static first screen says what to do", async () => {
  const page = await app.newPage({ javaScriptEnabled: false });
  await page.locator("#app .static-screen h1").waitFor();
  assert.equal((await page.locator(".brand").innerText()).trim(), "扶助通");
  assert.equal((await page.locator("h1").innerText()).trim(), "看看您家可以享受哪些帮扶");
  const text = await page.locator("#app").innerText();
  assert.match(text, /JavaScript/);
  assert.doesNotMatch(text, /正在加载/, "the loading line must be hidden without JavaScript");
  await app.screenshot(page, "noscript-360x640");

  app.assertSameOrigin(page);
  // With scripts off, Chromium refuses the <link rel="modulepreload"> of the app's JS.
  const errors = app.errors(page).filter((e) => !/^requestfailed: \S+\.js csp$/.test(e));
  assert.deepEqual(errors, []);
  await page.context().close();
});

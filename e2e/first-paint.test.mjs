// The first screen a phone paints is index.html's static copy of the welcome screen, before
// the wasm arrives; it must stay the page's largest contentful paint, so that the app's arrival
// (which replaces it with the same words, laid out the same) adds no later, larger paint. The
// Lighthouse gate (e2e/lighthouse.mjs) measures the time; this checks which element it is.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { waitForApp } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

for (const viewport of [
  { width: 360, height: 640 },
  { width: 412, height: 823 }, // Lighthouse's phone
]) {
  test(`the largest contentful paint is the static first screen (${viewport.width}×${viewport.height})`, async () => {
    // A first visit: no service worker answering from its cache.
    const page = await app.newPage({ viewport, serviceWorkers: "block" });
    await page.addInitScript(() => {
      window.__lcp = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__lcp.push({
            time: e.startTime,
            size: e.size,
            tag: e.element?.tagName ?? null,
            text: (e.element?.textContent ?? "").slice(0, 20),
            inStatic: Boolean(e.element?.closest(".static-screen")),
          });
        }
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await page.reload(); // so that the observer sees the whole load
    await waitForApp(page);
    // Let the app's first paints happen and their entries arrive.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
    const entries = await page.evaluate(() => window.__lcp);
    assert.ok(entries.length > 0, "no largest-contentful-paint entry");
    const last = entries.at(-1);
    assert.ok(last.inStatic, `the LCP is not the static screen: ${JSON.stringify(entries)}`);
    assert.equal(await page.locator(".welcome h1").count(), 1);
    app.assertNoErrors(page);
    await page.context().close();
  });
}

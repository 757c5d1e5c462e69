// Street offices embed the app: embed-demo.html shows it in an iframe that follows the app's
// height messages, which carry only {type, height}; the office's details come from the
// address, are shown on the results and the printed sheet, and hostile values are refused.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { waitForApp, walkToResults } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };

/** The iframe's CSS height and the messages the parent page received so far. */
async function frameState(page) {
  return page.evaluate(() => ({
    height: document.querySelector("iframe[data-fuzhu]").clientHeight,
    messages: window.__fuzhuMessages.slice(),
  }));
}

test("the embed demo's iframe follows the app's height, told only {type, height}", async () => {
  const page = await app.newPage({ path: "/embed-demo.html", ...DESKTOP });
  // (newPage already loaded it; record from a fresh load so no message is missed.)
  await page.addInitScript(() => {
    if (window.top !== window) return;
    window.__fuzhuMessages = [];
    window.addEventListener("message", (event) => {
      window.__fuzhuMessages.push({ data: event.data, origin: event.origin });
    });
  });
  await page.reload();
  const frame = page.frameLocator("iframe[data-fuzhu]");
  await frame.locator(".screen.welcome").waitFor({ timeout: 30_000 });

  // The frame takes the app's height (the demo clamps at 320px).
  await page.waitForFunction(() => window.__fuzhuMessages.length > 0);
  await page.waitForFunction(() => {
    const last = window.__fuzhuMessages.at(-1).data.height;
    return Math.abs(document.querySelector("iframe[data-fuzhu]").clientHeight - Math.max(320, last)) < 1;
  });
  const welcome = await frameState(page);
  assert.ok(welcome.height > 640, `welcome frame is ${welcome.height}px (the 640px default never changed)`);
  await app.screenshot(page, "embed-demo-1280x900", { fullPage: true });
  // Loading the frame takes neither the office page's focus nor its scroll position.
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  assert.equal(await page.evaluate(() => window.scrollY), 0);

  // A shorter screen: the frame shrinks.
  await frame.locator(".screen.welcome button.primary").click();
  await frame.locator(".screen.question").waitFor();
  await page.waitForFunction((before) => {
    const h = document.querySelector("iframe[data-fuzhu]").clientHeight;
    return Math.abs(h - before) > 20 && Math.abs(h - Math.max(320, window.__fuzhuMessages.at(-1).data.height)) < 1;
  }, welcome.height);
  const question = await frameState(page);
  assert.notEqual(Math.round(question.height), Math.round(welcome.height));

  // The results: much taller, and the office from the demo's address is named.
  const inner = page.frames().find((f) => f !== page.mainFrame());
  await walkToResults(inner);
  await page.waitForFunction(() => document.querySelector("iframe[data-fuzhu]").clientHeight > 2000);
  const contact = frame.locator(".screen.results .office-contact").first();
  const text = await contact.innerText();
  assert.match(text, /^您可以先联系：/);
  assert.match(text, /示例社区服务中心（演示）/);
  assert.match(text, /000-0000-0000/);
  assert.match(text, /周一至周五 8:30-12:00 14:30-17:30/);
  assert.equal(await contact.locator("a.office-phone").getAttribute("href"), "tel:00000000000");
  assert.equal(
    await inner.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--office-accent").trim()),
    "#8a2b2b",
  );
  await app.screenshot(page, "embed-demo-results-1280x900");

  // Every message is exactly {type: "fuzhu:height", height: <whole number>}, from the app.
  const { messages } = await frameState(page);
  assert.ok(messages.length >= 3, `${messages.length} messages`);
  for (const { data, origin } of messages) {
    assert.deepEqual(Object.keys(data).sort(), ["height", "type"]);
    assert.equal(data.type, "fuzhu:height");
    assert.ok(Number.isInteger(data.height) && data.height > 0, `height ${data.height}`);
    assert.equal(origin, new URL(page.url()).origin);
  }

  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("without an iframe the app sends no messages", async () => {
  const page = await app.newPage();
  await page.addInitScript(() => {
    window.__own = [];
    window.addEventListener("message", (event) => window.__own.push(event.data));
  });
  await page.reload();
  await waitForApp(page);
  await page.locator(".screen.welcome button.primary").click();
  await page.locator(".screen.question").waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains("embedded")), false);
  assert.deepEqual(await page.evaluate(() => window.__own), []);
  app.assertNoErrors(page);
  await page.context().close();
});

test("the office's details from the address show on the results and the printed sheet", async () => {
  const query = new URLSearchParams({
    office: "示例街道办事处",
    address: "示例大街2号",
    phone: "+86 (000) 0000-0000",
    hours: "工作日 9:00-17:00",
    accent: "#0a5",
  });
  const page = await app.newPage({ path: `/?${query}` });
  await waitForApp(page);
  await walkToResults(page);
  const screenLine = page.locator(".screen.results > .office-contact");
  assert.equal(
    (await screenLine.innerText()).trim().replace(/\s+/g, " "),
    "您可以先联系：示例街道办事处 示例大街2号 +86 (000) 0000-0000 工作日 9:00-17:00",
  );
  assert.equal(await screenLine.locator("a").getAttribute("href"), "tel:+8600000000000");
  // #0a5 is too light for white text on buttons: refused, the app's own blue stays.
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--office-accent").trim()),
    "",
  );
  await page.emulateMedia({ media: "print" });
  const cover = page.locator(".print-cover .office-contact");
  assert.match(await cover.innerText(), /示例街道办事处/);
  assert.equal(await page.locator(".agency-sheet .office-contact").count(), await page.locator(".agency-sheet").count());
  assert.equal(await page.locator(".print-no-office").count(), 0);
  app.assertNoErrors(page);
  await page.context().close();
});

test("hostile office parameters are refused, never run or shown", async () => {
  const query = new URLSearchParams({
    office: "<script>window.__pwned = 1</script>",
    address: "路".repeat(81),
    phone: "12345<img src=x onerror=window.__pwned=2>",
    hours: "\u202e营业时间",
    accent: "red;background:url(https://example.com/x)",
  });
  const page = await app.newPage({ path: `/?${query}` });
  await waitForApp(page);
  await walkToResults(page);
  assert.equal(await page.locator(".office-contact").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("#app script, #app img").count(), 0);
  const text = await page.locator("#app").innerText();
  for (const bad of ["<script", "onerror", "路路路路路路路路", "营业时间"]) assert.ok(!text.includes(bad), bad);
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--office-accent").trim()),
    "",
  );
  // Without an office the family still gets the policy's agencies and the public hotlines.
  assert.match(await page.locator(".screen.results .hotlines").innerText(), /12345[\s\S]*12320[\s\S]*12348/);

  // A bad value only loses itself: a good name still shows, markup in another field is text.
  const mixed = new URLSearchParams({ office: "示例社区", phone: "12<b>34</b>5", accent: "#123" });
  await page.goto(`${app.origin}/?${mixed}`);
  await waitForApp(page);
  await walkToResults(page);
  assert.equal(
    (await page.locator(".screen.results > .office-contact").innerText()).trim(),
    "您可以先联系：示例社区",
  );
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--office-accent").trim()),
    "#112233",
  );
  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

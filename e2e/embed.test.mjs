// Street offices embed the app: embed-demo.html shows it in an iframe that follows the app's
// height messages, which carry only {type, height}; the office's details come from the
// publishing site's offices.json by the id in the address, are shown on the results and the
// printed sheet, and neither free text in an address nor a doubtful value in the file is.

import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DIST_DIR, startApp } from "./lib/browser.mjs";
import { waitForApp, walkToResults } from "./lib/flow.mjs";

/** The release as built, with test offices added to its offices.json (the shipped "demo" kept). */
const TEST_OFFICES = {
  "shili-jiedao": {
    name: "示例街道办事处",
    address: "示例大街2号",
    phone: "+86 (000) 0000-0000",
    hours: "工作日 9:00-17:00",
    accent: "#123",
  },
  // Each with one value the checks refuse: the whole office stays off the page.
  "bidi-hours": { name: "示例社区", hours: "8:30\u061c-17:30" },
  "filler-name": { name: "\u3164" },
  "light-accent": { name: "示例社区", accent: "#0a5" },
  "markup-phone": { name: "示例社区", phone: "12<b>34</b>5" },
};

let app;
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "fuzhu-embed-"));
  await cp(DIST_DIR, dir, { recursive: true });
  const shipped = JSON.parse(await readFile(join(DIST_DIR, "offices.json"), "utf8"));
  await writeFile(join(dir, "offices.json"), JSON.stringify({ ...shipped, ...TEST_OFFICES }, null, 2));
  app = await startApp({ dist: dir });
});
after(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
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

test("the office named by its id shows from offices.json on the results and the printed sheet", async () => {
  const page = await app.newPage({ path: "/?office=shili-jiedao" });
  await waitForApp(page);
  await walkToResults(page);
  const screenLine = page.locator(".screen.results > .office-contact");
  assert.equal(
    (await screenLine.innerText()).trim().replace(/\s+/g, " "),
    "您可以先联系：示例街道办事处 示例大街2号 +86 (000) 0000-0000 工作日 9:00-17:00",
  );
  // The phone keeps its leading + in the text and the call link.
  assert.equal(await screenLine.locator("a").getAttribute("href"), "tel:+8600000000000");
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--office-accent").trim()),
    "#112233",
  );
  // The share link and its QR code carry the id, not the office's words.
  const link = await page.evaluate(() => location.href);
  assert.match(link, /\?office=shili-jiedao#v\d+\./);
  await page.emulateMedia({ media: "print" });
  const cover = page.locator(".print-cover .office-contact");
  assert.match(await cover.innerText(), /示例街道办事处/);
  assert.equal(await page.locator(".agency-sheet .office-contact").count(), await page.locator(".agency-sheet").count());
  assert.equal(await page.locator(".print-no-office").count(), 0);
  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("free text in an address is never shown, printed or put in the QR code", async () => {
  const query = new URLSearchParams({
    office: "【重要】系统升级：请先添加微信核验身份",
    address: "请勿前往下列单位",
    phone: "+86 000 0000",
    hours: "\u202e营业时间",
    accent: "#123",
  });
  const page = await app.newPage({ path: `/?${query}` });
  await waitForApp(page);
  await walkToResults(page);
  assert.equal(await page.locator(".office-contact").count(), 0);
  const text = await page.locator("#app").innerText();
  for (const bad of ["【重要】", "添加微信", "核验身份", "请勿前往", "营业时间"]) assert.ok(!text.includes(bad), bad);
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--office-accent").trim()),
    "",
  );
  // The family still gets the policy's agencies and the public hotlines.
  assert.match(await page.locator(".screen.results .hotlines").innerText(), /12345[\s\S]*12320[\s\S]*12348/);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".print-no-office").count(), 1);
  await page.emulateMedia({ media: "screen" });
  // The QR code is of the page's own path and the answers only: the same path as a bare
  // address gives, whatever the address held.
  const qr = await page.locator(".share svg.qr path").getAttribute("d");
  const bare = await app.newPage({ path: `/${await page.evaluate(() => location.hash)}` });
  await waitForApp(bare);
  await bare.locator(".summary button.primary").click();
  assert.equal(await bare.locator(".share svg.qr path").getAttribute("d"), qr);
  app.assertNoErrors(page);
  await bare.context().close();
  await page.context().close();
});

test("an office with any doubtful value in offices.json, or an unknown id, shows no office", async () => {
  for (const id of ["bidi-hours", "filler-name", "light-accent", "markup-phone", "nowhere"]) {
    const page = await app.newPage({ path: `/?office=${id}` });
    await waitForApp(page);
    await walkToResults(page);
    assert.equal(await page.locator(".office-contact").count(), 0, id);
    assert.match(await page.locator(".screen.results .hotlines").innerText(), /12345/, id);
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--office-accent").trim()),
      "",
      id,
    );
    app.assertNoErrors(page);
    await page.context().close();
  }
});

// A shared device and saved answers kept safe (issue 11, points 3 and 4; issue 10, point 7):
// 下一位 ends a family's session; twenty minutes without a touch ask "还在填写吗？" and a minute
// later wipe it (on the page's paused clock); a link never overwrites the answers saved on
// the device; a frame where storage is blocked says it cannot save; a link of a newer share
// format waits for the newer release and opens there, its fragment never erased.

import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DIST_DIR, startApp } from "./lib/browser.mjs";
import { axeClean } from "./lib/axe.mjs";
import { serveDir } from "./lib/server.mjs";
import { waitForApp, walkToResults } from "./lib/flow.mjs";

const IDLE_MS = 20 * 60 * 1000;
const WIPE_MS = 60 * 1000;

let app;
const dirs = [];
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Opens `url` as a new page load (not a same-document fragment change, which the app
 *  answers by reloading on its own). */
async function open(page, url) {
  await page.goto("about:blank");
  await page.goto(url);
  await waitForApp(page);
}

/** What the page keeps: localStorage's keys and values, the fragment. */
const kept = (page) =>
  page.evaluate(() => ({ stored: { ...localStorage }, hash: location.hash }));

/** The answers of a family who answered only the first question: another family's link. */
async function otherFamilysLink() {
  const page = await app.newPage();
  await waitForApp(page);
  await page.locator(".screen.welcome button.primary").click();
  await page.locator(".screen.question label.card").nth(1).click();
  await page.locator(".screen.question button[type=submit]").click();
  await page.waitForFunction(() => location.hash.length > 3);
  const hash = await page.evaluate(() => location.hash);
  await page.context().close();
  return hash;
}

for (const { lang, large } of [
  { lang: "zh-CN", large: false },
  { lang: "en", large: true },
]) {
  test(`下一位 ends the family's session and returns to the welcome screen for a volunteer (${lang}${large ? ", 大字" : ""})`, async () => {
    const page = await app.newPage({ locale: lang });
    await page.addInitScript(() => {
      window.__cancels = 0;
      if (window.speechSynthesis) {
        const cancel = window.speechSynthesis.cancel.bind(window.speechSynthesis);
        window.speechSynthesis.cancel = () => {
          window.__cancels += 1;
          cancel();
        };
      }
    });
    await page.reload();
    await waitForApp(page);
    if (lang === "en") await page.locator(".lang-switch").click();
    if (large) await page.locator(".large-toggle").click();
    // No 下一位 before a volunteer has begun.
    assert.equal(await page.locator(".next-family").count(), 0);
    await page.locator(".who label.card").nth(1).click();
    await walkToResults(page);
    await page.locator(".keep input[type=checkbox]").check();
    const during = await kept(page);
    assert.ok(during.stored["fuzhu.answers"], "saved with consent");
    assert.match(during.hash, /^#v\d+\./);
    const historyLength = await page.evaluate(() => history.length);
    const next = page.locator(".topbar .next-family");
    assert.equal((await next.innerText()).trim(), lang === "en" ? "Next person" : "下一位");
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot(page, `session-next-${lang}${large ? "-large" : ""}-360x640`);
    await axeClean(page, "the results with 下一位");
    // 下一位 shares the name's row (issue 20.8: in English 大字 it wrapped alone onto a row of
    // its own), on one line.
    const brand = await page.locator(".topbar .brand").boundingBox();
    const button = await next.boundingBox();
    assert.ok(button.y < brand.y + brand.height && brand.y < button.y + button.height, "下一位 beside the name");
    assert.ok(button.height < 60, `下一位 on one line (${button.height}px high)`);
    // The topbar fits the phone's width.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), "no sideways scroll");

    // 下一位 asks first (issue 20.6): 不 keeps everything as it was.
    await next.click();
    const ask = page.locator(".confirm-next");
    await ask.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.closest(".confirm-next") !== null), true, "focus on the question");
    await app.screenshot(page, `session-next-ask-${lang}${large ? "-large" : ""}-360x640`);
    await axeClean(page, "下一位's question");
    await ask.locator("button.secondary").click();
    assert.equal(await ask.count(), 0);
    assert.equal(await page.locator(".screen.results").count(), 1, "still this person's results");
    assert.ok((await kept(page)).stored["fuzhu.answers"], "nothing cleared");

    const cancelsBefore = await page.evaluate(() => window.__cancels);
    await next.click();
    await page.locator(".confirm-next button.primary").click();
    await page.locator(".screen.welcome").waitFor();
    assert.deepEqual(await kept(page), { stored: {}, hash: "" });
    assert.equal(await page.evaluate(() => history.length), historyLength, "no history entry added");
    assert.ok(await page.evaluate(() => !location.href.includes("#")), "the address holds no answers");
    assert.ok((await page.evaluate(() => window.__cancels)) > cancelsBefore, "reading aloud stopped");
    // The volunteer's voice, language and text size stay; the family's answers do not.
    assert.equal(await page.locator(".who input:checked").count(), 1);
    assert.ok(await page.locator(".who label.card").nth(1).locator("input").isChecked());
    assert.equal(await page.locator(".next-family").count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-large-text")), large);
    await page.locator(".screen.welcome button.primary").click();
    assert.equal(await page.locator(".screen.question input:checked").count(), 0);
    app.assertNoErrors(page);
    await page.context().close();
  });
}

test("20 minutes without a touch ask 还在填写吗？, 继续 keeps the answers, a minute later they are wiped", async () => {
  const page = await app.newPage();
  await page.clock.install();
  await page.reload();
  await waitForApp(page);
  await page.locator(".screen.welcome button.primary").click();
  await page.locator(".screen.question label.card").first().click();
  await page.locator(".screen.question button[type=submit]").click();
  await page.waitForFunction(() => location.hash.length > 3);
  const hash = await page.evaluate(() => location.hash);
  // The clock stops; the last touch is at a known time.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.locator("#screen-title").click();
  const dialog = page.locator(".still-there[role=alertdialog]");

  // (The fake clock's times are fractional: 100 ms either side of the threshold.)
  await page.clock.runFor(IDLE_MS - 100);
  assert.equal(await dialog.count(), 0, "not yet, just before 20 minutes");
  await page.clock.runFor(200);
  await dialog.waitFor();
  assert.equal((await dialog.locator("h2").innerText()).trim(), "还在填写吗？");
  assert.equal(await page.evaluate(() => document.activeElement?.className), "primary still-there-continue");
  await app.screenshot(page, "session-still-there-360x640");
  // (axe waits on timers of its own: the clock runs while it audits, well short of a minute.)
  await page.clock.resume();
  await axeClean(page, "还在填写吗？");

  // 继续: the answers stay, and the 20 minutes start again.
  await dialog.locator("button").click();
  await dialog.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => location.hash), hash);
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.locator("#screen-title").click();
  await page.clock.runFor(IDLE_MS - 100);
  assert.equal(await dialog.count(), 0);
  await page.clock.runFor(200);
  await dialog.waitFor();

  // A minute later, no touch: wiped as 下一位 wipes, back to the welcome screen.
  await page.clock.runFor(WIPE_MS - 200);
  assert.equal(await page.locator(".screen.question").count(), 1, "just before the minute");
  await page.clock.runFor(200);
  await page.locator(".screen.welcome").waitFor();
  assert.equal(await dialog.count(), 0);
  assert.deepEqual(await kept(page), { stored: {}, hash: "" });
  app.assertNoErrors(page);
  await page.context().close();
});

test("in English with large text the question reads the same way; with consent to save there is no timer", async () => {
  const page = await app.newPage({ locale: "en" });
  await page.clock.install();
  await page.reload();
  await waitForApp(page);
  await page.locator(".lang-switch").click();
  await page.locator(".large-toggle").click();
  await page.locator(".screen.welcome button.primary").click();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.locator("#screen-title").click();
  await page.clock.runFor(IDLE_MS + 100);
  const dialog = page.locator(".still-there[role=alertdialog]");
  await dialog.waitFor();
  assert.equal((await dialog.locator("h2").innerText()).trim(), "Still filling in?");
  assert.equal((await dialog.locator("button").innerText()).trim(), "Continue");
  await app.screenshot(page, "session-still-there-en-large-360x640");
  await page.clock.resume();
  await axeClean(page, "Still filling in? (large text)");
  await dialog.locator("button").click();

  // With consent, nothing is wiped however long the phone lies there.
  await walkToResults(page);
  await page.locator(".keep input[type=checkbox]").check();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.clock.runFor(IDLE_MS + WIPE_MS + 5000);
  assert.equal(await dialog.count(), 0);
  assert.equal(await page.locator(".screen.results").count(), 1);
  app.assertNoErrors(page);
  await page.context().close();
});

test("a link never overwrites the saved answers: keep them, open them, or replace them", async () => {
  const other = await otherFamilysLink();
  const page = await app.newPage();
  await waitForApp(page);
  await walkToResults(page);
  await page.locator(".keep input[type=checkbox]").check();
  const mine = (await kept(page)).stored["fuzhu.answers"];
  assert.ok(mine);

  // Another family's link: their answers, the saved ones untouched.
  await open(page, `${app.origin}/${other}`);
  const banner = page.locator(".saved-aside");
  await banner.waitFor();
  assert.match(await banner.innerText(), /这台设备上还保存着之前的回答/);
  assert.equal(await page.evaluate(() => location.hash), other);
  assert.equal((await kept(page)).stored["fuzhu.answers"], mine);
  await app.screenshot(page, "session-saved-aside-360x640");
  await axeClean(page, "the saved answers' choice");
  // Answering on writes nothing either.
  await walkToResults(page);
  assert.equal((await kept(page)).stored["fuzhu.answers"], mine);
  assert.equal(await page.locator(".keep input[type=checkbox]").isChecked(), false);
  assert.match(await page.locator(".keep .hint").innerText(), /替换/);
  // Keep them: the choice goes away; still nothing written.
  await page.locator(".saved-aside .keep-saved").click();
  await banner.waitFor({ state: "detached" });
  assert.equal((await kept(page)).stored["fuzhu.answers"], mine);

  // Without a link, the saved answers open as before.
  await open(page, `${app.origin}/`);
  assert.equal(await page.evaluate(() => location.hash), `#${mine}`);

  // A damaged link: its message, and the saved answers offered, untouched.
  await open(page, `${app.origin}/#v3.AAAAAAAA`);
  await page.locator(".link-notice").waitFor();
  assert.equal((await kept(page)).stored["fuzhu.answers"], mine);
  await page.locator(".saved-aside .open-saved").click();
  await page.locator(".screen.summary").waitFor();
  assert.equal(await page.evaluate(() => location.hash), `#${mine}`);
  assert.ok(await page.locator(".keep input[type=checkbox]").isChecked());

  // Replace them with the other family's.
  await open(page, `${app.origin}/${other}`);
  await page.locator(".saved-aside .replace-saved").click();
  await banner.waitFor({ state: "detached" });
  assert.equal((await kept(page)).stored["fuzhu.answers"], other.slice(1));
  app.assertNoErrors(page);
  await page.context().close();
});

test("in English the choice reads the same, with large text", async () => {
  const other = await otherFamilysLink();
  const page = await app.newPage({ locale: "en" });
  await waitForApp(page);
  await walkToResults(page);
  await page.locator(".keep input[type=checkbox]").check();
  await page.locator(".large-toggle").click();
  await open(page, `${app.origin}/${other}`);
  await page.locator(".lang-switch").click();
  // English is fetched when chosen (src/english.rs): the banner turns English once it is here.
  const banner = page.locator(".saved-aside");
  // English arrives with its fetch (src/english.rs): wait for it rather than read at once.
  await banner.getByText(/Earlier answers are still saved on this device/).waitFor();
  assert.match(await banner.innerText(), /Earlier answers are still saved on this device/);
  await app.screenshot(page, "session-saved-aside-en-large-360x640");
  await axeClean(page, "the saved answers' choice in English");
  app.assertNoErrors(page);
  await page.context().close();
});

test("inside a frame where storage is blocked, 保存 says it cannot save and offers the full page", async () => {
  const page = await app.newPage({ path: "/embed-demo.html", viewport: { width: 360, height: 640 } });
  await page.addInitScript(() => {
    if (window.top === window) return;
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The access is denied for this document.", "SecurityError");
      },
    });
  });
  await page.reload();
  const inner = () => page.frames().find((f) => f !== page.mainFrame());
  await page.frameLocator("iframe[data-fuzhu]").locator(".screen.welcome").waitFor({ timeout: 30_000 });
  await walkToResults(inner());
  const keep = page.frameLocator("iframe[data-fuzhu]").locator(".keep");
  assert.equal(await keep.locator("input[type=checkbox]").count(), 0, "no box to tick");
  assert.match(await keep.innerText(), /在这里无法保存回答/);
  const full = keep.locator("a.open-full-page");
  const href = await full.getAttribute("href");
  assert.equal(await full.getAttribute("target"), "_blank");
  const hash = await inner().evaluate(() => location.hash);
  assert.equal(href, `${app.origin}/index.html?office=demo${hash}`);
  await keep.scrollIntoViewIfNeeded();
  await app.screenshot(page, "session-cannot-save-frame-360x640");
  app.assertNoErrors(page);
  await page.context().close();
});

test("a link of a newer share format waits for the newer release and opens there, its fragment kept", async () => {
  const dir = await mkdtemp(join(tmpdir(), "fuzhu-release-"));
  dirs.push(dir);
  await cp(DIST_DIR, dir, { recursive: true });
  const server = await serveDir(dir);
  const browser = app.browser;
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: "zh-CN" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    // The installed release: opened once, its worker in control, answers saved.
    await page.goto(`${server.origin}/`);
    await waitForApp(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
      }
    });
    await walkToResults(page);
    await page.locator(".keep input[type=checkbox]").check();
    const saved = await page.evaluate(() => localStorage.getItem("fuzhu.answers"));

    // A link from a newer release, while the server still has this one: it waits.
    const ours = Number(/^v(\d+)\./.exec(saved)[1]);
    const newer = `#v${ours + 1}.QUJDRA`;
    await open(page, `${server.origin}/${newer}`);
    const notice = page.locator(".awaiting .link-notice");
    await notice.waitFor();
    assert.match(await notice.innerText(), /来自新版本的扶助通/);
    assert.equal(await page.evaluate(() => location.hash), newer, "the fragment is kept");
    assert.equal(await page.evaluate(() => localStorage.getItem("fuzhu.answers")), saved, "the saved answers too");
    await app.screenshot(page, "session-awaiting-release-360x640");
    await axeClean(page, "waiting for the newer release");

    // The newer release is published: a new sw.js and index.html. Its stand-in page shows
    // the address it was opened with.
    const sw = await readFile(join(dir, "sw.js"), "utf8");
    await writeFile(
      join(dir, "index.html"),
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>newer release</title></head><body><p id="opened"></p><script>document.getElementById("opened").textContent = location.hash;</script></body></html>',
    );
    await writeFile(
      join(dir, "sw.js"),
      sw.replace(/\/\* PRECACHE-BEGIN[^*]*\*\/[\s\S]*?\/\* PRECACHE-END \*\//, 'const VERSION = "newer";\nconst PRECACHE = ["index.html"];'),
    );
    // The page asks again when the network returns (and every minute).
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.waitForFunction(() => document.title === "newer release", null, { timeout: 30_000 });
    assert.equal(await page.locator("#opened").innerText(), newer, "the newer release opened the same link");
    assert.equal(await page.evaluate(() => localStorage.getItem("fuzhu.answers")), saved);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

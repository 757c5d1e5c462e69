// Every phone engine: the release on nginx (deploy/nginx.conf, as docs/deploy.md gives it)
// in Firefox ESR (Gecko, through geckodriver) and in WebKitGTK's MiniBrowser (WebKit, the
// iPhone's engine, through WebKitWebDriver under xvfb-run), at 360×640 CSS pixels: a family's
// flow to the results, the share link, the embed demo's resize, offline after one visit.
// Screenshots of each screen go to e2e/screenshots/ENGINE-*.png. Chromium runs the same smoke
// in servers.smoke.mjs.
//
//   make test-engines      (cd e2e && node --test engines.smoke.mjs, after make release)

import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { SCREENSHOT_DIR } from "./lib/browser.mjs";
import { startServer, unpackRelease } from "./lib/servers.mjs";
import { startEngine } from "./lib/webdriver.mjs";

const WAIT = 30_000;
/** A register saved by LibreOffice (tests/register/made-with.txt). */
const REGISTER_FIXTURE = fileURLToPath(new URL("../tests/register/register.xlsx", import.meta.url));

let release;
before(async () => {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  release = await unpackRelease();
});
after(async () => {
  await release?.remove();
});

/** Polls `fn` in the page until it returns something truthy; returns that. */
async function until(browser, fn, arg, message, timeout = WAIT) {
  let value;
  await browser.waitUntil(
    async () => {
      value = await browser.execute(fn, arg);
      return value;
    },
    { timeout, interval: 200, timeoutMsg: message },
  );
  return value;
}

const appStarted = () => !document.querySelector("#app .static-screen") && !!document.querySelector("#app h1");

async function open(browser, url) {
  await browser.url("about:blank");
  await browser.url(url);
  await until(browser, appStarted, null, `the app did not start at ${url}`);
}

/** Clicks it, once it can be clicked. Scrolled into view first, in its frame and in the page
 *  around the frame: geckodriver's own scrolling misses an element of a tall iframe that is
 *  below the page's viewport (the click then lands elsewhere). */
async function click(browser, selector) {
  const el = await browser.$(selector);
  await el.waitForClickable({ timeout: WAIT });
  await browser.execute((e) => e.scrollIntoView({ block: "center" }), el);
  await el.click();
}

/** The flow to the results, as e2e/lib/flow.mjs's walkToResults answers it, by WebDriver
 *  clicks and selections: the first choice of every radio group, the mother's and father's
 *  birth dates, 12 hospital days. Returns the screens' titles. */
async function walkToResults(browser, screenshot) {
  const titles = [];
  if (await (await browser.$(".screen.welcome button.primary")).isExisting()) await click(browser, ".screen.welcome button.primary");
  for (let step = 0; step < 40; step++) {
    const kind = await until(
      browser,
      () => ["results", "summary", "question"].find((k) => document.querySelector(`.screen.${k}`)),
      null,
      "no screen",
    );
    if (kind === "results") return titles;
    if (kind === "summary") {
      await click(browser, ".screen.summary button.primary");
      continue;
    }
    const title = (await browser.execute(() => document.querySelector("#screen-title").innerText)).trim();
    titles.push(title);
    if (screenshot && step < 2) await screenshot(`question-${step + 1}`);
    const groups = await browser.$$(".screen.question .cards");
    for (const group of groups) {
      if (!(await (await group.$("input[type=radio]")).isExisting())) continue;
      if (await (await group.$("input:checked")).isExisting()) continue;
      // Centred first: the sticky bottom bar (下一步) covers the last lines of the viewport.
      const card = await group.$("label.card");
      await browser.execute((e) => e.scrollIntoView({ block: "center" }), card);
      await card.click();
    }
    const selects = await browser.$$(".screen.question .date-picker select");
    if (selects.length) {
      const [y, m, d] = /父亲|father/i.test(title) ? [1958, 8, 1] : [1960, 5, 20];
      await selects[0].selectByAttribute("value", String(y));
      await selects[1].selectByAttribute("value", String(m));
      // The day list is filled once year and month are chosen.
      await until(browser, () => document.querySelectorAll(".screen.question .date-picker select")[2]?.options.length > 2, null, "no days");
      await (await browser.$$(".screen.question .date-picker select"))[2].selectByAttribute("value", String(d));
    }
    for (const input of await browser.$$(".screen.question .number-box input")) await input.setValue("12");
    await click(browser, ".screen.question button[type=submit]");
    await until(
      browser,
      (before) => {
        const h1 = document.querySelector("#screen-title");
        return !h1 || h1.innerText.trim() !== before || !!document.querySelector(".screen.results, .screen.summary");
      },
      title,
      `the answer to “${title}” was not taken`,
    );
  }
  throw new Error("no results after 40 screens");
}

/** What breaks a phone layout on this screen: sideways scroll, controls off the right edge. */
const layoutProblems = () => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) problems.push(`scrolls sideways: ${doc.scrollWidth}px in ${window.innerWidth}px`);
  for (const el of document.querySelectorAll("#app button, #app select, #app label.card, #app a")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > window.innerWidth + 0.5) problems.push(`${el.tagName} “${el.innerText.trim().slice(0, 20)}” runs off the right edge`);
  }
  return problems;
};

for (const name of ["firefox", "webkit"]) {
  describe(`${name} at 360×640 against nginx`, () => {
    let engine;
    let browser;
    let server;
    before(async () => {
      server = await startServer("nginx", release);
      engine = await startEngine(name);
      browser = engine.browser;
    });
    after(async () => {
      await engine?.close();
      await server?.close();
    });
    const shot = (label) => browser.saveScreenshot(join(SCREENSHOT_DIR, `${name}-${label}-360x640.png`));

    test("the viewport is a phone's", async () => {
      const [w, h] = await browser.execute(() => [window.innerWidth, window.innerHeight]);
      assert.equal(w, 360);
      assert.equal(h, 640);
    });

    test("a family's flow to the results, and the share link", async () => {
      await open(browser, `${server.origin}/`);
      await shot("welcome");
      assert.deepEqual(await browser.execute(layoutProblems), [], "welcome layout");
      const titles = await walkToResults(browser, shot);
      assert.ok(titles.length >= 5, `${titles.length} questions`);
      const results = await browser.execute(() => ({
        title: document.querySelector("#screen-title").innerText,
        items: document.querySelectorAll(".group .items > li").length,
      }));
      assert.match(results.title, /您家可以享受的帮扶/);
      assert.ok(results.items > 5, `${results.items} items`);
      await shot("results");
      assert.deepEqual(await browser.execute(layoutProblems), [], "results layout");

      // The share link opens the same answers: the summary, then the same results.
      const link = await browser.getUrl();
      assert.match(link, /#.+/);
      await open(browser, link);
      await click(browser, ".screen.summary button.primary");
      await until(browser, () => document.querySelectorAll(".group .items > li").length, null, "no results from the link");
      assert.equal(await browser.execute(() => document.querySelectorAll(".group .items > li").length), results.items);
    });

    test("the embed demo's frame follows the app's height", async () => {
      await browser.url("about:blank");
      await browser.url(`${server.origin}/embed-demo.html`);
      const height = () => document.querySelector("iframe[data-fuzhu]").clientHeight;
      const welcome = await until(browser, () => {
        const h = document.querySelector("iframe[data-fuzhu]")?.clientHeight;
        return h && h !== 640 ? h : 0;
      }, null, "the frame never took the app's height");
      await shot("embed-demo");
      const frame = await browser.$("iframe[data-fuzhu]");
      await browser.switchFrame(frame);
      await click(browser, ".screen.welcome button.primary");
      await until(browser, () => !!document.querySelector(".screen.question"), null, "no question in the frame");
      // The question's own height, as the app measures it for the page around it (static/
      // boot.js). Not "different from the welcome screen's": with 谁在填写 on the welcome
      // screen the two can be within a few pixels in one engine's fonts.
      const question = await until(browser, () => {
        const app = document.getElementById("app");
        return app && Math.ceil(app.getBoundingClientRect().bottom + window.pageYOffset);
      }, null, "the app in the frame has no height");
      await browser.switchFrame(null);
      const wanted = Math.max(320, question);
      await until(
        browser,
        (h) => Math.abs(document.querySelector("iframe[data-fuzhu]").clientHeight - h) <= 1,
        wanted,
        `the frame did not take the question's height (${wanted} px; the welcome screen's was ${welcome} px)`,
      );
      assert.ok((await browser.execute(height)) > 320);
    });

    test("the office page opens a register and lists every household", async () => {
      await browser.url("about:blank");
      await browser.url(`${server.origin}/office.html`);
      await until(browser, () => !!document.querySelector("#register-file"), null, "office.html never started");
      // The file as the file input would hand it over (a WebDriver file upload differs in
      // each driver): the fixture's bytes in a File, set on the input, then its change event.
      const bytes = (await readFile(REGISTER_FIXTURE)).toString("base64");
      await browser.execute((b64) => {
        const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([raw], "register.xlsx"));
        const input = document.querySelector("#register-file");
        input.files = dt.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }, bytes);
      const rows = await until(
        browser,
        () => document.querySelectorAll("table.register tbody tr").length,
        null,
        "the register's table never appeared",
      );
      assert.ok(rows > 5, `${rows} households`);
      await browser.saveScreenshot(join(SCREENSHOT_DIR, `${name}-office.png`));
    });

    test("after one visit, the app opens and runs to the results with the server gone", async () => {
      await open(browser, `${server.origin}/`);
      const cached = await until(
        browser,
        async () => {
          if (!("serviceWorker" in navigator) || !navigator.serviceWorker.controller) return false;
          const names = await caches.keys();
          if (names.length !== 1) return false;
          const keys = await (await caches.open(names[0])).keys();
          return keys.some((r) => r.url.endsWith("_bg.wasm")) ? keys.length : false;
        },
        null,
        "sw.js never controlled the page with the release cached",
      );
      assert.ok(cached > 5, `${cached} files cached`);
      const origin = server.origin;
      await server.close();
      server = undefined;
      await open(browser, `${origin}/`);
      await walkToResults(browser);
      assert.ok((await browser.execute(() => document.querySelectorAll(".group .items > li").length)) > 5);
    });
  });
}

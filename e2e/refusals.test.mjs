// Issue 20.5: a refusal on a question is where the eye is, and no focused control hides under
// the sticky bar of 下一步. On every question screen of a walk, in normal text and 大字: 下一步
// with nothing chosen shows its message above the bar, focused and announced (role="alert");
// then every control reached with Tab is seen whole above the bar. Needs `make build` first.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { axeClean } from "./lib/axe.mjs";
import { waitForApp } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The sticky bar's top and the focused control's box (a radio's card, a select itself). */
const focusAndBar = (page) =>
  page.evaluate(() => {
    const bar = document.querySelector(".screen .actions");
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const shown = el.closest("label.card, label.tick, label") ?? el;
    const r = shown.getBoundingClientRect();
    return {
      inBar: Boolean(bar && bar.contains(el)),
      barTop: bar ? bar.getBoundingClientRect().top : innerHeight,
      top: r.top,
      bottom: r.bottom,
      what: `${el.tagName} ${(shown.innerText ?? "").slice(0, 20)}`,
    };
  });

/** Tabs through the screen's controls (up to `max`), checking each is seen above the bar. */
async function everyFocusAboveTheBar(page, where, max = 40) {
  await page.locator("#screen-title").focus();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focusAndBar(page);
    if (!f) continue;
    if (f.inBar) return;
    assert.ok(f.bottom <= f.barTop + 1, `${where}: ${f.what} ends at ${f.bottom}, under the bar at ${f.barTop}`);
    assert.ok(f.top >= 0, `${where}: ${f.what} starts above the screen at ${f.top}`);
  }
}

for (const large of [false, true]) {
  test(`a refusal is seen, focused and announced above the bar on every question screen${large ? " (大字)" : ""}`, async () => {
    const page = await app.newPage();
    await waitForApp(page);
    if (large) await page.locator(".large-toggle").click();
    // The welcome screen: its choice of who fills it in is never under the bar.
    await everyFocusAboveTheBar(page, "welcome");
    await page.locator(".screen.welcome button.primary").click();
    let refused = 0;
    for (let step = 0; step < 30; step++) {
      await page.locator(".screen.question, .screen.summary").first().waitFor();
      if (await page.locator(".screen.summary").count()) break;
      const title = (await page.locator("#screen-title").innerText()).trim();
      const screen = page.locator(".screen.question");
      await everyFocusAboveTheBar(page, title);
      const empty = (await screen.locator("input:checked").count()) === 0 && (await screen.locator(".number-box").count()) === 0;
      if (empty) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await screen.locator("button[type=submit]").click();
        const error = screen.locator(".error");
        if ((await error.innerText()).trim()) {
          refused += 1;
          assert.equal(await error.getAttribute("role"), "alert", title);
          assert.ok(await error.evaluate((e) => e === document.activeElement), `${title}: the message has the focus`);
          const where = await error.evaluate((e) => {
            const bar = document.querySelector(".screen .actions").getBoundingClientRect();
            const r = e.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, barTop: bar.top };
          });
          assert.ok(where.top >= 0 && where.bottom <= where.barTop + 1, `${title}: the message at ${where.top}–${where.bottom}, the bar at ${where.barTop}`);
          if (refused <= 2) {
            await app.screenshot(page, `refusal-${refused}${large ? "-large" : ""}-360x640`);
            await axeClean(page, `${title} with its message`);
          }
        }
      }
      // Then answer: the first choice of each radio group, a date, 0 days.
      for (const group of await screen.locator(".cards:has(input[type=radio])").all()) {
        if ((await group.locator("input:checked").count()) === 0) await group.locator("label.card").first().click();
      }
      const selects = screen.locator(".date-picker select");
      if (await selects.count()) {
        await selects.nth(0).selectOption(/父亲|father/i.test(title) ? "1958" : "1960");
        await selects.nth(1).selectOption("5");
        await selects.nth(2).selectOption("20");
      }
      await screen.locator("button[type=submit]").click();
      await page.waitForFunction(
        (before) => document.querySelector("#screen-title")?.innerText.trim() !== before || document.querySelector(".screen.summary"),
        title,
      );
    }
    assert.ok(refused >= 5, `only ${refused} screens refused an empty answer`);
    app.assertNoErrors(page);
    await page.context().close();
  });
}

// Issue 20.5: a refusal on a question is where the eye is, and no focused control hides under
// the sticky bar of 下一步. On every question screen of several walks (a child who died with
// both parents living, in normal text and 大字; a disabled daughter of 24; a late father;
// parents registered in two counties; English in both sizes): 下一步 with nothing chosen shows its
// message above the bar, focused and announced (role="alert"); every control reached with Tab
// is seen whole above the bar; axe finds nothing on the screen. Needs `make build` first.

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

/** A card of the question on screen, by its text. */
const pick = (text) => (screen) => screen.locator("label.card", { hasText: text }).first().click();

/**
 * The walks: each answers a screen whose title matches one of its `answers` by that function,
 * any other with the first choice of each radio group, a date (the child's in 2002, the
 * father's in 1958, else 1960, each 20 May) and 0 days.
 */
const WALKS = [
  { name: "a child who died, both parents living", lang: "zh", large: false, answers: [], sees: [/父亲的出生日期/] },
  { name: "a child who died, both parents living", lang: "zh", large: true, answers: [], sees: [/父亲的出生日期/] },
  {
    name: "a disabled daughter of 24",
    lang: "zh",
    large: true,
    sees: [/残疾人证上的等级/, /自己处理日常事务/],
    answers: [
      [/独生子女现在的情况/, pick("孩子有残疾")],
      [/残疾人证上的等级/, pick("二级")],
    ],
  },
  { name: "a late father", lang: "zh", large: false, answers: [[/都健在/, pick("母亲健在，父亲已去世")]], sees: [/您丈夫去世时/] },
  {
    name: "parents registered in two counties",
    lang: "zh",
    large: true,
    sees: [/各在哪个县/],
    answers: [
      [/^户籍在开封市哪个县/, pick("不在同一个县")],
      [/各在哪个县/, async (screen) => {
        const groups = await screen.locator(".cards:has(input[type=radio])").all();
        await groups[0].locator("label.card").nth(0).click();
        await groups[1].locator("label.card").nth(1).click();
      }],
    ],
  },
  { name: "a child who died, both parents living", lang: "en", large: false, answers: [], sees: [/father's date of birth/] },
  {
    name: "a disabled child, parents in two counties",
    lang: "en",
    large: true,
    sees: [/What grade/, /everyday matters/, /each one registered/],
    answers: [
      [/only child's situation/, pick("disability certificate")],
      [/What grade/, pick("Grade 2")],
      [/Which county or district of Kaifeng/, pick("different counties")],
      [/each one registered/, async (screen) => {
        const groups = await screen.locator(".cards:has(input[type=radio])").all();
        await groups[0].locator("label.card").nth(0).click();
        await groups[1].locator("label.card").nth(1).click();
      }],
    ],
  },
];

for (const { name, lang, large, answers, sees } of WALKS) {
  const how = `${name}${lang === "en" ? ", in English" : ""}${large ? ", 大字" : ""}`;
  test(`a refusal is seen, focused and announced above the bar on every question screen: ${how}`, async () => {
    const page = await app.newPage();
    await waitForApp(page);
    if (large) await page.locator(".large-toggle").click();
    if (lang === "en") {
      await page.locator(".lang-switch").click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      await page.locator(".welcome .who").getByText("For someone else").waitFor();
    }
    // The welcome screen: its choice of who fills it in is never under the bar.
    await everyFocusAboveTheBar(page, "welcome");
    await axeClean(page, `the welcome screen (${how})`);
    await page.locator(".screen.welcome button.primary").click();
    let refused = 0;
    const seen = [];
    for (let step = 0; step < 30; step++) {
      await page.locator(".screen.question, .screen.summary").first().waitFor();
      if (await page.locator(".screen.summary").count()) break;
      const title = (await page.locator("#screen-title").innerText()).trim();
      seen.push(title);
      const screen = page.locator(".screen.question");
      await everyFocusAboveTheBar(page, title);
      await axeClean(page, `${title} (${how})`);
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
          await axeClean(page, `${title} with its message (${how})`);
          if (refused <= 2) {
            await app.screenshot(page, `refusal-${name.replace(/[^a-z0-9]+/gi, "-")}-${lang}${large ? "-large" : ""}-${refused}-360x640`);
          }
        }
      }
      // Then answer: the walk's own answer for this screen, else the first choice of each
      // radio group, a date, 0 days.
      const own = answers.find(([re]) => re.test(title));
      if (own) await own[1](screen);
      for (const group of await screen.locator(".cards:has(input[type=radio])").all()) {
        if ((await group.locator("input:checked").count()) === 0) await group.locator("label.card").first().click();
      }
      const selects = screen.locator(".date-picker select");
      if (await selects.count()) {
        await selects.nth(0).selectOption(/孩子|子女|child/i.test(title) && !/父|母|father|mother/i.test(title) ? "2002" : /父亲|father/i.test(title) ? "1958" : "1960");
        await selects.nth(1).selectOption("5");
        await selects.nth(2).selectOption("20");
      }
      for (const input of await screen.locator(".number-box input").all()) await input.fill("0");
      await screen.locator("button[type=submit]").click();
      await page
        .waitForFunction(
          (before) => document.querySelector("#screen-title")?.innerText.trim() !== before || document.querySelector(".screen.summary"),
          title,
          { timeout: 10_000 },
        )
        .catch(async () => assert.fail(`${how}: stuck on “${title}”: ${(await screen.locator(".error").allInnerTexts()).join(" ")}`));
    }
    assert.ok(await page.locator(".screen.summary").count(), `${how}: the walk reached the summary after ${seen.join(" / ")}`);
    assert.ok(refused >= 5, `${how}: only ${refused} screens refused an empty answer`);
    for (const re of sees) assert.ok(seen.some((t) => re.test(t)), `${how}: no screen ${re} among ${seen.join(" / ")}`);
    app.assertNoErrors(page);
    await page.context().close();
  });
}

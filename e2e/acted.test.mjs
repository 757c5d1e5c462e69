// Issue 20: the family's results, acted on. Walked as the families: a mother of 46
// (先去 is where her 10,000元 is claimed, never a place of 0元; the grave plot waits in 身后事),
// the parents of a disabled daughter of 24 (her 残疾人证, never a death certificate; their
// special support rests on clause 1's sentence for all), a couple of 78 and 80 (no 收养 asked).
// Each results screen in Chinese, 大字 and English: 先去 and what to bring on the first
// screen, screenshots kept, axe clean. Needs `make build` first.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { axeClean } from "./lib/axe.mjs";
import { card, date, results, start, waitForApp } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const year = new Date().getFullYear();

/**
 * Answers each question by a distinctive part of its title; a question not named gets the
 * first choice of each of its groups (and 0 days), so a question added later does not stop
 * the walk. Returns the titles seen, and the choices of the circumstances screen.
 */
async function walk(page, answers) {
  const seen = [];
  let circumstances = [];
  for (let step = 0; step < 30; step++) {
    await page.locator(".screen.question, .screen.summary").first().waitFor();
    if (await page.locator(".screen.summary").count()) return { seen, circumstances };
    const title = (await page.locator("#screen-title").innerText()).trim();
    seen.push(title);
    const screen = page.locator(".screen.question");
    if (title.includes("下面这些情况")) circumstances = await screen.locator("label").allInnerTexts();
    const key = Object.keys(answers).find((k) => title.includes(k));
    if (key) {
      await answers[key](page);
    } else {
      for (const group of await screen.locator(".cards:has(input[type=radio])").all()) {
        if ((await group.locator("input:checked").count()) === 0) await group.locator("label.card").first().click();
      }
      for (const input of await screen.locator(".number-box input").all()) await input.fill("0");
    }
    await screen.locator("button[type=submit]").click();
    await page.waitForFunction(
      (before) => document.querySelector("#screen-title")?.innerText.trim() !== before || document.querySelector(".screen.summary"),
      title,
    );
  }
  assert.fail("the questions never ended");
}

/** The first card: 先去 and what to bring end on the first 640 pixels, the money after. */
async function firstScreen(page, how) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const bring = await page.locator(".first-card .bring").boundingBox();
  assert.ok(bring && bring.y + bring.height <= 640, `${how}: what to bring ends at ${bring && bring.y + bring.height}px`);
  const money = await page.locator(".first-card .totals").boundingBox();
  if (money) assert.ok(money.y > bring.y, `${how}: the money follows`);
}

/** The results in 大字 and in English, as in Chinese: first screen, screenshot, axe. */
async function inEveryWay(page, name) {
  await firstScreen(page, `${name}, normal text`);
  await app.screenshot(page, `acted-${name}`);
  await axeClean(page, `${name}'s results`);
  await page.locator(".large-toggle").click();
  await firstScreen(page, `${name}, 大字`);
  await app.screenshot(page, `acted-${name}-large`);
  await axeClean(page, `${name}'s results in 大字`);
  await page.locator(".large-toggle").click();
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.locator(".first-card").getByText("What to do first").waitFor();
  await firstScreen(page, `${name}, English`);
  await app.screenshot(page, `acted-${name}-en`);
  await axeClean(page, `${name}'s results in English`);
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
}

test("a mother of 46 goes first where her 10,000元 is claimed; the grave plot waits in 身后事", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  await start(page);
  await walk(page, {
    独生子女现在的情况: (p) => card(p, "孩子已经离世").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    都健在: (p) => card(p, "父母双方都健在").click(),
    母亲的出生日期: (p) => date(p, [year - 46, 5, 2]),
    父亲的出生日期: (p) => date(p, [year - 48, 3, 9]),
    谁是开封市户籍: (p) => card(p, "夫妻双方都是").click(),
    哪个县: (p) => card(p, "顺河回族区").click(),
    城镇还是农村: (p) => card(p, "城镇").click(),
  });
  await results(page);
  const first = page.locator(".first-card");
  assert.match(await first.locator(".contact").innerText(), /村（居）委会/);
  const bring = await first.locator(".bring").innerText();
  assert.doesNotMatch(bring, /住院/);
  assert.doesNotMatch(bring, /委托书/);
  assert.equal((bring.match(/子女死亡证明/g) ?? []).length, 1, bring);
  assert.doesNotMatch(bring, /或残疾人证/);
  // 身后事: the grave plot, who claims it and how, apart from what to apply for now.
  const later = page.locator("section.after-death");
  assert.match(await later.innerText(), /身后事[\s\S]*免费公墓墓穴[\s\S]*委托/);
  assert.equal(await page.locator("#item-free_grave_plot").count(), 0, "not among what to apply for now");
  // Nor on the print sheet's places to go now.
  const places = await page.locator(".print-sheet .print-places").textContent();
  assert.doesNotMatch(places, /墓穴/);
  assert.match(await page.locator(".print-sheet .print-after-death").textContent(), /免费公墓墓穴/);
  // The cover lists no papers: it sends the family to each place's own page and its papers.
  const cover = await page.locator(".print-sheet .print-title + p").textContent();
  assert.match(cover, /带上那一页和该页列出的材料/);
  assert.doesNotMatch(cover, /上面列出/);
  await inEveryWay(page, "mother-46");
  app.assertNoErrors(page);
  await page.context().close();
});

test("the parents of a disabled daughter of 24 bring her 残疾人证 and read their own basis", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  await start(page);
  await walk(page, {
    独生子女现在的情况: (p) => card(p, "孩子有残疾").click(),
    残疾人证上的等级: (p) => card(p, "二级").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    孩子的出生日期: (p) => date(p, [year - 24, 4, 10]),
    残疾类别: (p) => p.locator("label", { hasText: "智力残疾" }).first().click(),
    都健在: (p) => card(p, "父母双方都健在").click(),
    母亲的出生日期: (p) => date(p, [year - 52, 2, 14]),
    父亲的出生日期: (p) => date(p, [year - 54, 10, 30]),
    谁是开封市户籍: (p) => card(p, "夫妻双方都是").click(),
    哪个县: (p) => card(p, "龙亭区").click(),
  });
  await results(page);
  const everyPaper = [
    await page.locator(".first-card .bring").innerText(),
    ...(await page.locator(".results ul.documents").allTextContents()),
    ...(await page.locator(".print-sheet .print-documents").allTextContents()),
  ].join("\n");
  assert.doesNotMatch(everyPaper, /死亡证明/);
  assert.doesNotMatch(everyPaper, /或残疾人证/);
  assert.match(everyPaper, /子女残疾人证/);
  const basis = (await page.locator(".print-sheet .print-basis").allTextContents()).join("\n");
  assert.match(basis, /将符合条件的计划生育特殊家庭成员纳入计划生育特别扶助范围/);
  assert.doesNotMatch(basis, /1430/);
  await inEveryWay(page, "disabled-daughter");
  app.assertNoErrors(page);
  await page.context().close();
});

test("a couple of 78 and 80 are not asked about adoption; a volunteer sees 谁在填写 above 开始", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  // 谁在填写 whole above 开始 in Chinese and English, each in normal text and 大字.
  for (const [lang, large] of [["zh", false], ["zh", true], ["en", true], ["en", false]]) {
    if (lang === "en" && large) {
      await page.locator(".lang-switch").click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      await page.locator(".welcome .who label.card").getByText("For someone else").waitFor();
    } else if (lang === "zh" && large) {
      await page.locator(".large-toggle").click();
      await page.locator("html[data-large-text]").waitFor({ state: "attached" });
    } else if (lang === "en") {
      await page.locator(".large-toggle").click();
      await page.waitForFunction(() => !document.documentElement.hasAttribute("data-large-text"));
    }
    const how = `${lang === "en" ? "English" : "中文"}${large ? " 大字" : ""}`;
    const who = await page.locator(".welcome .who").boundingBox();
    const bar = await page.locator(".welcome .actions").boundingBox();
    assert.ok(who && bar && who.y + who.height <= bar.y + 1, `${how}: 谁在填写 ends at ${who && who.y + who.height}, 开始 at ${bar?.y}`);
    await app.screenshot(page, `acted-welcome-${lang}${large ? "-large" : ""}`);
    await axeClean(page, `the welcome screen in ${how}`);
  }
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  await page.locator(".who label.card").nth(1).click();
  await start(page);
  const { circumstances } = await walk(page, {
    独生子女现在的情况: (p) => card(p, "孩子已经离世").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    都健在: (p) => card(p, "父母双方都健在").click(),
    母亲的出生日期: (p) => date(p, [year - 78, 5, 1]),
    父亲的出生日期: (p) => date(p, [year - 80, 3, 1]),
    谁是开封市户籍: (p) => card(p, "夫妻双方都是").click(),
    哪个县: (p) => card(p, "鼓楼区").click(),
  });
  assert.ok(circumstances.length > 0, "the circumstances screen was seen");
  assert.ok(!circumstances.some((c) => c.includes("收养")), circumstances.join("|"));
  app.assertNoErrors(page);
  await page.context().close();
});

/** The top bar's visible parts (the name, 下一位, and each tool) as boxes. */
const topbarParts = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".topbar > .brand, .topbar > .next-family, .topbar .tools > *")]
      .map((e) => ({ what: e.className, box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0)
      .map(({ what, box }) => ({ what, top: box.top, bottom: box.bottom, right: box.right })),
  );

test("a volunteer's top bar holds 下一位, 大字 and the language on one row at 360px, and 下一位's question stands apart", async () => {
  // One row in Chinese (both sizes) and English; English 大字 cannot hold "Next person",
  // "Large text" and 中文 on 328px, so its tools share a second row, never one alone.
  for (const [lang, large, rows] of [["zh", false, 1], ["zh", true, 1], ["en", false, 1], ["en", true, 2]]) {
    const how = `${lang === "en" ? "English" : "中文"}${large ? " 大字" : ""}`;
    const page = await app.newPage();
    await waitForApp(page);
    if (large) await page.locator(".large-toggle").click();
    if (lang === "en") {
      await page.locator(".lang-switch").click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      await page.locator(".welcome .who").getByText("For someone else").waitFor();
    }
    await page.locator(".who label.card").nth(1).click();
    await start(page);
    await page.locator(".topbar .next-family").waitFor();
    const parts = await topbarParts(page);
    // Rows by the parts' vertical centres (a bordered button and a plain word differ a little).
    const centres = parts.map((p) => (p.top + p.bottom) / 2).sort((x, y) => x - y);
    const rowCount = centres.filter((c, i) => i === 0 || c - centres[i - 1] > 16).length;
    assert.equal(rowCount, rows, `${how}: the top bar's parts ${JSON.stringify(parts)}`);
    assert.ok(parts.every((p) => p.right <= 360 - 15), `${how}: a part runs off the phone: ${JSON.stringify(parts)}`);
    assert.ok(parts.some((p) => p.what.includes("next-family")) && parts.filter((p) => p.what.includes("link-button")).length === 3, how);
    if (rows === 2) {
      const [sizeToggle, langSwitch] = parts.filter((p) => !/brand|next-family/.test(p.what));
      assert.ok(Math.abs(sizeToggle.top - langSwitch.top) < 8, `${how}: 大字 and the language together`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), `${how}: no sideways scroll`);
    await app.screenshot(page, `acted-topbar-${lang}${large ? "-large" : ""}`);
    await axeClean(page, `the first question with 下一位 (${how})`);
    // 下一位 asks first; its question keeps a gap above the screen below it.
    await page.locator(".topbar .next-family").click();
    const ask = page.locator(".confirm-next");
    await ask.waitFor();
    const gap = await page.evaluate(() => {
      const ask = document.querySelector(".confirm-next");
      return ask.nextElementSibling.getBoundingClientRect().top - ask.getBoundingClientRect().bottom;
    });
    assert.ok(gap >= 16, `${how}: 下一位's question ${gap}px above the screen`);
    await app.screenshot(page, `acted-next-ask-${lang}${large ? "-large" : ""}`);
    app.assertNoErrors(page);
    await page.context().close();
  }
});

// After the questions, as a family uses the results (issue 12.5, issue 11 points 1 and 2):
// the results lead with a first card of what to do, the widow's fit in 8 phone screens; an
// item marked 已经在享受 moves to its own list, travels in the link, leaves the print sheet's
// to-do pages and goes with 清除全部; 加到日历 saves an iCalendar file without any request.
// Chinese and English, normal and large text, axe clean. Needs `make build` first.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { axeClean } from "./lib/axe.mjs";
import { answerAll, card, date, firstForEachParent, nothing, results, start, waitForApp } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const fill = (text) => (p) => p.locator(".number-box input").first().fill(text);

/** A widow of 66 in 尉氏县, her late husband registered there too, 12 days in hospital. */
async function widow(page) {
  await start(page);
  await answerAll(page, {
    独生子女现在的情况: (p) => card(p, "孩子已经离世").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    都健在: (p) => card(p, "母亲健在，父亲已去世").click(),
    母亲的出生日期: (p) => date(p, [1960, 4, 2]),
    您丈夫去世时: (p) => card(p, "在，我的户口也在开封").click(),
    哪个县: (p) => card(p, "尉氏县").click(),
    城镇还是农村: (p) => card(p, "农村").click(),
    养老保险: firstForEachParent,
    医疗保险: firstForEachParent,
    住院一共多少天: fill("12"),
    在哪里养老: (p) => card(p, "在家里").click(),
    身体方面: nothing,
    下面这些情况: nothing,
  });
  await results(page);
}

/** 先去 and what to bring end within the first 640 pixels, the money after them. */
async function onFirstScreen(page, how) {
  const box = async (sel) => page.locator(`.first-card ${sel}`).first().boundingBox();
  const bring = await box(".bring");
  assert.ok(bring && bring.y + bring.height <= 640, `${how}: what to bring ends at ${bring && bring.y + bring.height}px`);
  const money = await box(".totals");
  assert.ok(money && money.y > bring.y, `${how}: the money follows`);
}

/** How many 640-pixel screens the page is, top to bottom. */
const screens = (page) => page.evaluate(() => document.documentElement.scrollHeight / 640);

test("the widow's results lead with what to do and fit in 8 screens", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  await widow(page);
  const first = page.locator(".first-card");
  // The first card is the first thing after the title and its count.
  const top = await first.boundingBox();
  assert.ok(top && top.y < 640, `the first card starts at ${top?.y}px`);
  const text = await first.innerText();
  assert.match(text, /先做这几件事/);
  assert.match(text, /每月现金\s*1430元/);
  assert.match(text, /先去：.*村（居）委会/);
  assert.match(text, /要带的材料：.*身份证/);
  // Issue 20.2: where to go and what to bring before the money, on the first screen.
  assert.ok(text.indexOf("先去") < text.indexOf("每月现金"), text);
  await onFirstScreen(page, "normal text");
  // Papers each once, the child's own (issue 20.4).
  const bring = await first.locator(".bring").innerText();
  assert.equal((bring.match(/子女死亡证明/g) ?? []).length, 1, bring);
  assert.doesNotMatch(bring, /或残疾人证/);
  // The grave plot waits in 身后事 while a parent lives? She is a widow: it can be claimed now
  // for her late husband, so it is among what to apply for; it never decides 先去.
  assert.doesNotMatch(await first.locator(".contact").innerText(), /民政局/);
  // The most urgent card first: her monthly support.
  assert.equal(await page.locator(".group .items > li article").first().getAttribute("id"), "item-special_support");
  // Services folded into one group; the clause's words one tap away.
  assert.equal(await page.locator("details.services").getAttribute("open"), null);
  const support = page.locator("#item-special_support");
  assert.equal(await support.locator("blockquote").isVisible(), false);
  await support.locator("details.more summary").click();
  assert.match(await support.locator("blockquote").innerText(), /每人每月1430元/);
  await support.locator("details.more summary").click();
  const normal = await screens(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot(page, "results-widow-first-card");
  await app.screenshot(page, "results-widow-full", { fullPage: true });
  assert.ok(normal <= 8, `the widow's results are ${normal.toFixed(1)} screens at normal text`);
  await axeClean(page, "the widow's results");

  await page.locator(".large-toggle").click();
  const large = await screens(page);
  // In 大字 too, each card's status and 我家已经在享受 share one row (decision 96): what keeps the
  // widow's results clear of the 8 screens without folding anything.
  for (const card of await page.locator(".group .items article").all()) {
    const apart = await card.locator(".item-actions").evaluate((e) => {
      const [a, b] = [".status", "label.mark"].map((s) => e.querySelector(s).getBoundingClientRect());
      return Math.abs(a.top + a.bottom - b.top - b.bottom) / 2;
    });
    const status = await card.locator(".status").innerText();
    // A long status (将于…起可以享受, 可以享受，细节需要核实) may take the row for itself.
    if (status.length <= 4) assert.ok(apart < 8, `大字: ${await card.getAttribute("id")}'s status and mark ${apart}px apart`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot(page, "results-widow-first-card-large");
  await app.screenshot(page, "results-widow-full-large", { fullPage: true });
  console.log(`widow's results in large text: ${large.toFixed(1)} screens`);
  await onFirstScreen(page, "大字");
  assert.ok(large <= 8, `the widow's results are ${large.toFixed(1)} screens in large text`);
  await axeClean(page, "the widow's results in large text");

  await page.locator(".large-toggle").click();
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await first.getByText("What to do first").waitFor();
  assert.match(await first.innerText(), /Go first to: /);
  const english = await screens(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await app.screenshot(page, "results-widow-first-card-en");
  await app.screenshot(page, "results-widow-full-en", { fullPage: true });
  console.log(`widow's results in English: ${english.toFixed(1)} screens`);
  await onFirstScreen(page, "English");
  assert.ok(english <= 8, `the widow's results are ${english.toFixed(1)} screens in English`);
  await axeClean(page, "the widow's results in English");
  console.log(`widow's results: ${normal.toFixed(1)} screens, ${large.toFixed(1)} in large text, ${english.toFixed(1)} in English`);
  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("an item marked already received moves to its own list, travels in the link and is cleared by 清除全部", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  await widow(page);
  const before = await page.evaluate(() => location.hash);
  // Issue 20.6: the mark is plainly a control, a checkbox labelled 我家已经在享受.
  const mark = page.locator("#item-special_support label.mark");
  assert.equal((await mark.innerText()).trim(), "我家已经在享受");
  await mark.locator("input[type=checkbox]").click();
  const received = page.locator(".received-list");
  await received.waitFor();
  assert.match(await received.innerText(), /特别扶助金/);
  assert.equal(await page.locator("#item-special_support").count(), 0);
  assert.doesNotMatch(await page.locator(".first-card").innerText(), /特别扶助金：/);
  // The money is still the rules' own: the mark is not a fact.
  assert.match(await page.locator(".first-card .totals").innerText(), /1430元/);
  const link = await page.evaluate(() => location.hash);
  assert.match(link, /^#v6\./);
  assert.notEqual(link, before);
  // The print sheet: what is still to claim, and what she already gets apart from it.
  const sheet = page.locator(".print-sheet");
  assert.match(await sheet.locator(".print-received").textContent(), /特别扶助金/);
  const toClaim = await sheet.locator(".agency-sheet .print-items > li > strong").allTextContents();
  assert.ok(toClaim.length > 0);
  assert.ok(!toClaim.includes("特别扶助金"), toClaim.join("、"));
  await app.screenshot(page, "results-received");

  // The link opens with the mark on another phone.
  const other = await app.newPage({ path: `/${link}` });
  await waitForApp(other);
  await results(other);
  assert.match(await other.locator(".received-list").innerText(), /特别扶助金/);
  await other.context().close();

  // Taken off again: back among the cards.
  await received.getByRole("checkbox", { name: /我家已经在享受/ }).click();
  await page.locator("#item-special_support").waitFor();
  assert.equal(await page.locator(".received-list").count(), 0);

  // 清除全部 takes the mark with everything else.
  await page.locator("#item-legal_aid, #item-special_support").first().locator("label.mark input").click();
  await page.locator("details.clear > summary").click();
  await page.locator("button.clear-all").click();
  await page.locator(".screen.welcome").waitFor();
  assert.equal(await page.evaluate(() => location.hash), "");
  app.assertNoErrors(page);
  await page.context().close();
});

test("加到日历 saves the dates of a later item as an iCalendar file, without any request", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  await start(page);
  // A couple of 45 whose only child died: special support from the mother's 49th birthday.
  const mother = [new Date().getFullYear() - 45, 6, 15];
  await answerAll(page, {
    独生子女现在的情况: (p) => card(p, "孩子已经离世").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    都健在: (p) => card(p, "父母双方都健在").click(),
    母亲的出生日期: (p) => date(p, mother),
    父亲的出生日期: (p) => date(p, [mother[0] - 2, 1, 1]),
    谁是开封市户籍: (p) => card(p, "夫妻双方都是").click(),
    哪个县: (p) => card(p, "龙亭区").click(),
    城镇还是农村: (p) => card(p, "城镇").click(),
    养老保险: firstForEachParent,
    医疗保险: firstForEachParent,
    住院一共多少天: fill("0"),
    身体方面: nothing,
    下面这些情况: nothing,
  });
  await results(page);
  const support = page.locator("#item-special_support");
  assert.match(await support.innerText(), /将于.*起可以享受/);
  const requests = app.requests(page).length;
  const [download] = await Promise.all([page.waitForEvent("download"), support.locator("button.calendar").click()]);
  assert.equal(download.suggestedFilename(), "fuzhu-special_support.ics");
  const ics = await readFile(await download.path(), "utf8");
  const year = mother[0] + 49;
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, new RegExp(`DTSTART;VALUE=DATE:${year}0101\\r\\n`));
  assert.match(ics, new RegExp(`DTSTART;VALUE=DATE:${year}0615\\r\\n`));
  assert.match(ics, /SUMMARY:今年可以申请特别扶助金/);
  assert.match(ics, /END:VCALENDAR\r\n$/);
  // No request: a blob: address made in the page.
  const after = app.requests(page).slice(requests).filter((u) => !u.startsWith("blob:"));
  assert.deepEqual(after, []);
  // It says what it did (issue 20.6).
  assert.equal((await support.locator("[role=status]").innerText()).trim(), "已保存到下载，打开即可加入日历");
  // Items that hold now have no calendar button.
  assert.equal(await page.locator("#item-death_relief button.calendar").count(), 0);
  // In English: the events' words in English, the office's Chinese name kept.
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await support.getByRole("button", { name: /Add the date for Special support payment/ }).waitFor();
  const [english] = await Promise.all([page.waitForEvent("download"), support.locator("button.calendar").click()]);
  const en = await readFile(await english.path(), "utf8");
  assert.match(en, /SUMMARY:Special support payment: the application opens this year/);
  assert.match(en, /SUMMARY:From today: Special support payment/);
  assert.equal((await support.locator("label.mark").innerText()).trim(), "We already receive this");
  await axeClean(page, "results with a calendar button");
  app.assertNoErrors(page);
  await page.context().close();
});

// Screenshots of the screens changed for late parents, the adult child's civil capacity, the
// refusals on the question and the headline's sums, at 360×640 in normal and large text, to
// look at by eye: `make build && node e2e/screens.mjs` writes e2e/screenshots/screen-*.png.

import { startApp } from "./lib/browser.mjs";
import { waitForApp } from "./lib/flow.mjs";

const app = await startApp();

const card = (page, text) => page.locator("label.card", { hasText: text }).first();
const next = (page) => page.locator("button[type=submit]").click();
const title = async (page, text) => page.locator("#app h1", { hasText: text }).waitFor();
async function date(page, [y, m, d]) {
  const selects = page.locator(".date-picker select");
  await selects.nth(0).selectOption(String(y));
  await selects.nth(1).selectOption(String(m));
  await selects.nth(2).selectOption(String(d));
}

async function open(large, volunteer = false) {
  const page = await app.newPage();
  await waitForApp(page);
  if (large) await page.locator(".large-toggle").click();
  if (volunteer) await page.locator(".who input[value='1']").check();
  await page.locator(".welcome button.primary").click();
  return page;
}

for (const large of [false, true]) {
  const tag = large ? "large" : "normal";
  const shot = (page, name, fullPage = false) => app.screenshot(page, `screen-${name}-${tag}`, { fullPage });

  // Both parents late: the living question, their registration, the results.
  let page = await open(large);
  await card(page, "孩子已经离世").click();
  await next(page);
  await card(page, "没有").click();
  await next(page);
  await title(page, "都健在");
  await card(page, "父母都已去世").click();
  await shot(page, "parents");
  await next(page);
  await title(page, "生前");
  await shot(page, "hukou-late");
  await card(page, "只有父亲是开封户口").click();
  await next(page);
  await card(page, "尉氏县").click();
  await next(page);
  await page.locator(".screen.summary").waitFor();
  await shot(page, "late-summary");
  await page.locator(".screen.summary button.primary").click();
  await page.locator(".screen.results").waitFor();
  await shot(page, "late-results");
  await shot(page, "late-results-full", true);
  await page.context().close();

  // A couple: a birth that is impossible, hospital days typed wrong, the headline's sums.
  page = await open(large);
  await card(page, "孩子已经离世").click();
  await next(page);
  await card(page, "没有").click();
  await next(page);
  await card(page, "父母双方都健在").click();
  await next(page);
  await date(page, [new Date().getFullYear() - 10, 1, 1]);
  await next(page);
  await page.locator(".error:not(:empty)").waitFor();
  await shot(page, "mother-too-young");
  await date(page, [1972, 3, 15]);
  await next(page);
  await title(page, "父亲");
  await date(page, [1970, 6, 1]);
  await next(page);
  await card(page, "夫妻双方都是").click();
  await next(page);
  await card(page, "龙亭区").click();
  await next(page);
  await card(page, "城镇").click();
  await next(page);
  for (let i = 0; i < 2; i++) {
    const sets = page.locator("fieldset.sub");
    for (let j = 0; j < (await sets.count()); j++) await sets.nth(j).locator("label.card").first().click();
    await next(page);
  }
  await title(page, "住院");
  await page.locator("#days-0").fill("12-");
  await page.locator("#days-1").fill("0");
  await next(page);
  await page.locator(".error:not(:empty)").waitFor();
  await shot(page, "days-refused");
  await page.locator("#days-0").fill("12");
  await next(page);
  await title(page, "身体");
  await next(page);
  await title(page, "下面这些情况");
  await title(page, "下面这些情况");
  await shot(page, "circumstances");
  await next(page);
  await page.locator(".screen.summary button.primary").click();
  await page.locator(".screen.results").waitFor();
  await shot(page, "couple-results");
  await page.locator("#item-special_support").scrollIntoViewIfNeeded();
  await shot(page, "couple-item");
  await page.context().close();

  // A volunteer for a family with a disabled child of 28: the child's questions first (the
  // count of questions left falls), capacity, the hand-over with printing as its main action.
  page = await open(large, true);
  await card(page, "孩子有残疾").click();
  await next(page);
  await card(page, "一级").click();
  await next(page);
  await card(page, "没有").click();
  await next(page);
  await title(page, "出生日期");
  await date(page, [new Date().getFullYear() - 28, 3, 5]);
  await next(page);
  await title(page, "签字");
  await card(page, "不能").click();
  await shot(page, "capacity");
  await next(page);
  await title(page, "上学");
  await card(page, "没有在读").click();
  await next(page);
  await card(page, "父母双方都健在").click();
  await next(page);
  await date(page, [1968, 3, 15]);
  await next(page);
  await date(page, [1966, 6, 1]);
  await next(page);
  await card(page, "夫妻双方都是").click();
  await next(page);
  await card(page, "杞县").click();
  await next(page);
  await card(page, "农村").click();
  await next(page);
  // The per-parent screens (schemes, care), then health, until the circumstances.
  for (let i = 0; i < 8; i++) {
    const heading = await page.locator("#app h1").innerText();
    if (heading.includes("下面这些情况")) break;
    if (!(await page.locator(".screen.question input[type=checkbox]").count())) {
      const sets = page.locator("fieldset.sub");
      for (let j = 0; j < (await sets.count()); j++) await sets.nth(j).locator("label.card").first().click();
    }
    await next(page);
    await page.waitForFunction((before) => document.querySelector("#app h1")?.innerText !== before, heading);
  }
  await title(page, "下面这些情况");
  await next(page);
  await page.locator(".screen.summary").waitFor();
  await shot(page, "volunteer-summary");
  await page.locator(".screen.summary button.primary").click();
  await page.locator(".screen.results").waitFor();
  await shot(page, "disabled-results");
  await page.locator(".handover").scrollIntoViewIfNeeded();
  await shot(page, "handover");
  await page.locator("details.clear > summary").click();
  await page.locator(".clear-all").scrollIntoViewIfNeeded();
  await shot(page, "clear-asks");
  await page.context().close();

  // A widow: her late husband's registration in her words; the English results.
  page = await open(large);
  await card(page, "孩子已经离世").click();
  await next(page);
  await card(page, "没有").click();
  await next(page);
  await card(page, "母亲健在，父亲已去世").click();
  await next(page);
  await date(page, [1960, 5, 20]);
  await next(page);
  await title(page, "丈夫");
  await card(page, "在，我的户口也在开封").click();
  await shot(page, "hukou-widow");
  await page.locator(".lang-switch").click();
  await shot(page, "hukou-widow-en");
  await page.context().close();
}

await app.close();
console.log("screenshots in e2e/screenshots/screen-*.png");

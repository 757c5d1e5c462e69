// Whole flows, as a person would go through them on a phone: welcome → every question →
// summary → results, for four households, checking what the results page shows and that
// nothing is requested from anywhere while answering. Needs `make build` first (make test-e2e).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { answerAll, card, date, firstForEachParent, nothing, results, start } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Opens the app and waits for the first load to finish, service worker precache included,
 *  so that every later request would be one made while answering. */
async function openApp() {
  const page = await app.newPage();
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#app h1").waitFor();
  await page.evaluate(async () => {
    if (!("serviceWorker" in navigator)) return;
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== "activated") {
      await new Promise((resolve) => worker.addEventListener("statechange", () => worker.state === "activated" && resolve()));
    }
  });
  await page.waitForLoadState("networkidle");
  return page;
}

/** Requests that reached the network or the service worker (data: URLs are not requests). */
const fetched = (page) => app.requests(page).filter((url) => !url.startsWith("data:")).length;



test("a bereaved couple in their fifties sees 2860 yuan a month and 10000 once", async () => {
  const page = await openApp();
  const loaded = fetched(page);
  await start(page);
  const asked = await answerAll(page, {
    独生子女现在的情况: (p) => card(p, "孩子已经离世").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    都健在: (p) => card(p, "父母双方都健在").click(),
    母亲的出生日期: (p) => date(p, [1972, 3, 15]),
    父亲的出生日期: (p) => date(p, [1970, 6, 1]),
    谁是开封市户籍: (p) => card(p, "夫妻双方都是").click(),
    哪个县: (p) => card(p, "龙亭区").click(),
    城镇还是农村: (p) => card(p, "城镇").click(),
    养老保险: firstForEachParent,
    医疗保险: firstForEachParent,
    住院一共多少天: async (p) => {
      await p.locator(".number-box input").first().fill("12");
    },
    身体方面: nothing,
    下面这些情况: nothing,
  });
  assert.ok(!asked.includes("上学"), "a child who died is never asked about school");
  await app.screenshot(page, "flow-bereaved-summary");
  await results(page);

  const totals = await page.locator(".totals").innerText();
  assert.match(totals, /2860元/);
  assert.match(totals, /10000元/);
  assert.match(totals, /3600元/);
  const support = page.locator("#item-special_support");
  assert.match(await support.innerText(), /可以享受/);
  assert.match(await support.innerText(), /全家每月2860元/);
  assert.match(await page.locator("#item-death_relief").innerText(), /一次性10000元/);
  assert.match(await page.locator("#item-nursing_insurance").innerText(), /每年最多90天/);
  // The clause's exact words are one tap away.
  await support.locator("details.more summary").click();
  assert.match(await support.locator("blockquote").innerText(), /每人每月1430元/);
  // While both parents live the grave plot is 身后事, apart from what to apply for now.
  assert.equal(await page.locator("#item-free_grave_plot").count(), 0);
  assert.match(await page.locator(".after-death").innerText(), /龙亭区民政局/);
  assert.match(await page.locator(".meta").innerText(), /kaifeng-2023-24/);
  await app.screenshot(page, "flow-bereaved-results", { fullPage: true });

  assert.equal(fetched(page), loaded, "a request was made while answering");
  // English, from the same answers: its sentences are the one file fetched (src/english.rs).
  const before = app.requests(page).length;
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.match(await page.locator("h1").innerText(), /What your family can receive/);
  assert.match(await support.innerText(), /2860 yuan a month for the household/);
  const english = app.requests(page).slice(before).filter((url) => !url.startsWith("data:"));
  assert.ok(english.every((url) => /\/en-[0-9a-f]{16}\.txt$/.test(url)), english.join("\n"));

  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("a family whose only child has a grade 2 disability sees support at the national rate", async () => {
  const page = await openApp();
  const loaded = fetched(page);
  await start(page);
  const asked = await answerAll(page, {
    独生子女现在的情况: (p) => card(p, "孩子有残疾").click(),
    残疾人证上的等级: (p) => card(p, "二级").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    都健在: (p) => card(p, "父母双方都健在").click(),
    母亲的出生日期: (p) => date(p, [1975, 8, 20]),
    父亲的出生日期: (p) => date(p, [1973, 2, 2]),
    谁是开封市户籍: (p) => card(p, "夫妻双方都是").click(),
    哪个县: (p) => card(p, "杞县").click(),
    城镇还是农村: (p) => card(p, "农村").click(),
    养老保险: firstForEachParent,
    医疗保险: firstForEachParent,
    身体方面: nothing,
    下面这些情况: (p) => card(p, "住的是危房").click(),
    上学: (p) => card(p, "全日制大学").click(),
    孩子的出生日期: (p) => date(p, [2006, 5, 10]),
    自己处理日常事务: (p) => card(p, "能，自己能办").click(),
  });
  assert.ok(asked.includes("自己处理日常事务"), "a child of 20 is asked about civil capacity");
  assert.ok(!asked.includes("住院一共多少天"), "hospital days are asked only when the child died");
  await results(page);

  const support = await page.locator("#item-special_support").innerText();
  assert.match(support, /可以享受/);
  assert.match(support, /按国家和省规定的标准发放/);
  assert.equal(await page.locator("#item-death_relief").count(), 0, "no death relief for a living child");
  // Services and priorities are folded into one group (textContent reads it closed).
  assert.match(await page.locator("#item-student_aid_priority").textContent(), /需要核实/);
  assert.match(await page.locator("#item-rehabilitation_aid").innerText(), /需要核实/);
  assert.match(await page.locator("#item-rural_house_renovation").textContent(), /可以享受/);
  // The amount is the national rate, which this policy does not state: never "0 yuan".
  const totals = await page.locator(".totals").innerText();
  assert.match(totals, /按国家和省规定的标准发放/);
  assert.doesNotMatch(totals, /0元/);
  // Items that do not apply are folded away, each with why.
  const folded = page.locator("details.not-applying");
  assert.equal(await folded.getAttribute("open"), null);
  await folded.locator("summary").click();
  assert.match(await folded.innerText(), /一次性救助/);
  await app.screenshot(page, "flow-disabled-results", { fullPage: true });

  assert.equal(fetched(page), loaded, "a request was made while answering");
  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("a relative of two late parents is asked only what still matters and sees the grave plot", async () => {
  const page = await openApp();
  await start(page);
  const asked = await answerAll(page, {
    独生子女现在的情况: (p) => card(p, "孩子已经离世").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    都健在: (p) => card(p, "父母都已去世").click(),
    户口在开封市吗: (p) => card(p, "只有父亲是开封户口").click(),
    哪个县: (p) => card(p, "尉氏县").click(),
  });
  assert.deepEqual(asked, ["独生子女现在的情况", "再生育或收养", "都健在", "户口在开封市吗", "哪个县"]);
  await results(page);
  assert.match(await page.locator("h1").innerText(), /这个家庭可以申请的帮扶/);
  const grave = await page.locator("#item-free_grave_plot").innerText();
  assert.match(grave, /可以享受/);
  assert.match(grave, /先去：尉氏县民政局/);
  assert.equal(await page.locator("#item-special_support").count(), 0);
  assert.equal(await page.locator(".totals").count(), 0, "no sums at all, never 0元");
  await app.screenshot(page, "flow-late-parents-results", { fullPage: true });
  app.assertNoErrors(page);
  await page.context().close();
});

test("a family that is not a special family is told kindly, after one question", async () => {
  const page = await openApp();
  const loaded = fetched(page);
  await start(page);
  const asked = await answerAll(page, {
    独生子女现在的情况: (p) => card(p, "以上都不是").click(),
  });
  assert.deepEqual(asked, ["独生子女现在的情况"]);
  await results(page);
  assert.match(await page.locator("h1").innerText(), /不属于本政策的帮扶对象/);
  assert.match(await page.locator(".results").innerText(), /12345/);
  assert.equal(await page.locator(".item").count(), 0);
  await app.screenshot(page, "flow-not-special-results", { fullPage: true });

  assert.equal(fetched(page), loaded, "a request was made while answering");
  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("a widowed father of 76 who knows only the month of each birth gets his results", async () => {
  const page = await openApp();
  await start(page);
  const asked = await answerAll(page, {
    独生子女现在的情况: (p) => card(p, "孩子已经离世").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    都健在: (p) => card(p, "父亲健在，母亲已去世").click(),
    母亲的出生日期: (p) => date(p, [1953, 4, "记不清"]),
    父亲的出生日期: (p) => date(p, [1950, 9, "记不清"]),
    // A widower is asked about his late wife in his own words.
    您妻子去世时: (p) => card(p, "在，我的户口也在开封").click(),
    哪个县: (p) => card(p, "鼓楼区").click(),
    城镇还是农村: (p) => card(p, "城镇").click(),
    养老保险: firstForEachParent,
    医疗保险: firstForEachParent,
    住院一共多少天: nothing,
    在哪里养老: (p) => card(p, "在家里").click(),
    身体方面: nothing,
    下面这些情况: nothing,
  });
  assert.ok(asked.includes("在哪里养老"), "a father of 76 is asked where he lives");
  const summary = await page.locator(".answers").innerText();
  assert.match(summary, /1953年4月(?!\d)/);
  assert.match(summary, /1950年9月(?!\d)/);
  await results(page);
  assert.match(await page.locator("#item-special_support").innerText(), /全家每月1430元/);
  assert.match(await page.locator("#item-home_care_services").textContent(), /可以享受/);
  await app.screenshot(page, "flow-month-only-results", { fullPage: true });
  app.assertNoErrors(page);
  await page.context().close();
});

test("a couple of 78 and 80 who know only the year of each birth, registered in two counties, get results that say so", async () => {
  const page = await openApp();
  await start(page);
  // 记不清 in the month list; the day is then not asked for.
  const year = async (p, y) => {
    const selects = p.locator(".date-picker select");
    await selects.nth(0).selectOption(String(y));
    await selects.nth(1).selectOption({ label: "记不清" });
  };
  const asked = await answerAll(page, {
    独生子女现在的情况: (p) => card(p, "孩子已经离世").click(),
    再生育或收养: (p) => card(p, "没有").first().click(),
    都健在: (p) => card(p, "父母双方都健在").click(),
    母亲的出生日期: (p) => year(p, 1948),
    父亲的出生日期: (p) => year(p, 1946),
    谁是开封市户籍: (p) => card(p, "夫妻双方都是").click(),
    // Each one's county (before the county question's own words, which it contains).
    各在哪个县: async (p) => {
      const sets = p.locator("fieldset.sub");
      await sets.nth(0).locator("label.card", { hasText: "龙亭区" }).click();
      await sets.nth(1).locator("label.card", { hasText: "杞县" }).click();
    },
    哪个县: (p) => card(p, "夫妻两人的户籍不在同一个县（区）").click(),
    城镇还是农村: (p) => card(p, "城镇").click(),
    养老保险: firstForEachParent,
    医疗保险: firstForEachParent,
    住院一共多少天: nothing,
    在哪里养老: firstForEachParent,
    身体方面: nothing,
    下面这些情况: nothing,
  });
  assert.ok(asked.includes("各在哪个县"), "each one's county is asked");
  const summary = await page.locator(".answers").innerText();
  assert.match(summary, /1948年(?![\d年])/);
  assert.match(summary, /1946年(?![\d年])/);
  await results(page);
  const footer = await page.locator("footer.meta").innerText();
  assert.match(footer, /母亲的出生日期只填到1948年：这期间哪一天出生，结果都一样/);
  // The reason, inside the card's folded details.
  assert.match(await page.locator("#item-special_support").textContent(), /父亲的户籍在杞县/);
  await app.screenshot(page, "flow-year-only-two-counties-results", { fullPage: true });
  app.assertNoErrors(page);
  await page.context().close();
});

test("back and change keep the other answers", async () => {
  const page = await openApp();
  await start(page);
  await answerAll(page, {
    独生子女现在的情况: (p) => card(p, "孩子已经离世").click(),
    再生育或收养: (p) => card(p, "没有").click(),
    都健在: (p) => card(p, "母亲健在，父亲已去世").click(),
    母亲的出生日期: (p) => date(p, [1968, 1, 9]),
    您丈夫去世时: (p) => card(p, "在，我的户口也在开封").click(),
    哪个县: (p) => card(p, "兰考县").click(),
    城镇还是农村: (p) => card(p, "城镇").click(),
    养老保险: firstForEachParent,
    医疗保险: firstForEachParent,
    住院一共多少天: nothing,
    身体方面: nothing,
    下面这些情况: nothing,
  });
  // Change the area from the summary: the flow returns to the summary with the rest kept.
  const before = await page.locator(".answers").innerText();
  await page.getByRole("button", { name: /户籍在开封市哪个县/ }).click();
  await card(page, "尉氏县").click();
  await page.locator("button[type=submit]").click();
  await page.locator(".screen.summary").waitFor();
  const after = await page.locator(".answers").innerText();
  assert.equal(after, before.replace("兰考县", "尉氏县"));
  // Back from the summary goes to the last question, with its answer still chosen.
  await page.getByRole("button", { name: "上一步" }).click();
  await page.locator(".screen.question").waitFor();
  await page.getByRole("button", { name: "上一步" }).click();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.locator(".screen.summary").waitFor();
  assert.equal(await page.locator(".answers").innerText(), after);
  await results(page);
  // A widowed mother: one person's support, and the relief counts both spouses' registration.
  assert.match(await page.locator("#item-special_support").innerText(), /全家每月1430元/);
  assert.match(await page.locator("#item-death_relief").innerText(), /一次性10000元/);
  app.assertNoErrors(page);
  await page.context().close();
});

// The printed sheet for the family: hidden on screen, the only thing printed, organised per
// place to go (each with its items, the papers to bring once each, and the clauses with the
// policy's words), plus the check date, the rules version, the QR code and the hotlines.
// Saves e2e/screenshots/print.pdf and, when poppler's pdftoppm is installed, PNGs of its pages.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { SCREENSHOT_DIR, startApp } from "./lib/browser.mjs";
import { waitForApp, walkToResults } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

function have(command) {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

test("the print view has one page per place, with items, papers and clauses", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  await walkToResults(page);

  // On screen: the button, not the sheet.
  const button = page.locator(".print-button");
  assert.match(await button.innerText(), /打印 \/ 保存为PDF/);
  assert.equal(await page.locator(".print-sheet").isVisible(), false);
  const box = await button.boundingBox();
  assert.ok(box && box.height >= 44, `the print button is ${box?.height}px high`);

  // The button opens the browser's print dialog.
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await button.click();
  assert.equal(await page.evaluate(() => window.__printed), 1);

  const onScreenItems = await page.locator(".group .items > li").count();
  assert.ok(onScreenItems >= 8, `only ${onScreenItems} items apply to the fixture household`);

  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".print-sheet").isVisible(), true);
  for (const hidden of [".topbar", ".totals >> nth=0", ".print-button", ".group >> nth=0", ".actions >> nth=0"]) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} prints`);
  }

  const cover = page.locator(".print-cover");
  const coverText = await cover.innerText();
  assert.match(coverText, /查询日期：\d{4}年\d{1,2}月\d{1,2}日/);
  assert.match(coverText, /规则版本：kaifeng-2023-24\//);
  assert.match(coverText, /扶助通版本：\d+\.\d+\.\d+/);
  // The on-screen footer with the same versions is not printed.
  assert.equal(await page.locator(".app-footer").isVisible(), false);
  for (const n of ["12345", "12320", "12348"]) assert.match(coverText, new RegExp(n));
  // No office in the address: no office details, and a plain word on what to do instead.
  assert.equal(await page.locator(".print-sheet .office-contact").count(), 0);
  assert.match(coverText, /请按下面各页写明的地点去办理/);
  assert.doesNotMatch(coverText, /没有填写社区或街道的联系方式/);
  assert.equal(await page.locator(".print-qr svg.qr path").count(), 1, "the QR code is on the cover");

  const sheets = page.locator(".agency-sheet");
  const n = await sheets.count();
  assert.ok(n >= 3, `${n} places`);
  assert.equal(await page.locator(".print-places > li").count(), n);
  const names = [];
  let printedItems = 0;
  for (let i = 0; i < n; i += 1) {
    const sheet = sheets.nth(i);
    const title = (await sheet.locator("h2").innerText()).trim();
    assert.match(title, /^到.+办理$/);
    names.push(title);
    assert.equal((await sheet.locator(".print-place-n").innerText()).trim(), `第${i + 1}处，共${n}处`);
    const head = await sheet.locator(".print-head").innerText();
    assert.match(head, /查询日期/);
    assert.match(head, /规则版本/);
    assert.match(head, /扶助通版本/);

    const items = await sheet.locator(".print-items > li").count();
    assert.ok(items >= 1);
    printedItems += items;
    const docs = (await sheet.locator(".print-documents > li").allInnerTexts()).map((d) => d.trim());
    assert.ok(docs.length >= 1, `${title}: no papers`);
    assert.equal(new Set(docs).size, docs.length, `${title}: a paper listed twice: ${docs}`);
    const citations = await sheet.locator(".print-citation").allInnerTexts();
    assert.equal(citations.length, items, `${title}: one clause per item`);
    for (const c of citations) assert.match(c.trim(), /^汴政办〔2023〕24号 第\d{1,2}条$/);
    assert.equal(await sheet.locator(".print-basis blockquote").count(), items);
    for (const quote of await sheet.locator(".print-basis blockquote").allInnerTexts()) {
      assert.ok(quote.trim().length > 10, "a clause quote is empty");
    }
  }
  assert.equal(printedItems, onScreenItems, "every applying item is printed exactly once");
  assert.equal(new Set(names).size, n, "one page per place");
  // Local offices are named for the family's area (龙亭区, the first area offered).
  assert.ok(names.includes("到龙亭区民政局办理"), names.join(" / "));
  assert.ok(names.includes("到户籍所在地村（居）委会办理"), names.join(" / "));
  // The village committee handles several cash items; its papers are listed once each.
  const village = sheets.filter({ hasText: "到户籍所在地村（居）委会办理" });
  const idCards = await village.locator(".print-documents > li", { hasText: "夫妻双方居民身份证" }).count();
  assert.equal(idCards, 1);

  // The PDF the office would print: A4, a cover page and at least one page per place.
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const pdfPath = join(SCREENSHOT_DIR, "print.pdf");
  await page.pdf({ path: pdfPath, format: "A4", preferCSSPageSize: true });
  const pdf = await readFile(pdfPath, "latin1");
  const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  assert.ok(pages >= n + 1, `${pages} PDF pages for ${n} places`);
  if (have("pdftoppm")) {
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "3", pdfPath, join(SCREENSHOT_DIR, "print-page")]);
  }

  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("English print view uses English labels and keeps the policy's words", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await walkToResults(page);
  assert.match(await page.locator(".print-button").innerText(), /Print \/ save as PDF/);
  await page.emulateMedia({ media: "print" });
  const first = page.locator(".agency-sheet").first();
  assert.match(await first.locator("h2").innerText(), /^At /);
  assert.match(await first.locator(".print-citation").first().innerText(), /^汴政办〔2023〕24号, clause \d+$/);
  assert.equal(await first.locator("blockquote[lang=zh-CN]").count() > 0, true);
  app.assertNoErrors(page);
  await page.context().close();
});

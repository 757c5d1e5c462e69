// The office page's matching step (issue 17, point 4) in Chromium, on the built dist/: the
// published-shape register (tests/register/office/, saved by LibreOffice) with two headers
// renamed at test time so that the page does not understand them (家庭类别 → 户别, needed by
// the rules; 城乡 → 住地): the step shows every column with three samples, the clerk matches
// 户别 to 家庭类别, accepts the stated defaults, and the families are decided exactly as the
// unrenamed file's. The matching saved from the step, opened with the same file, skips the
// step; 记住这个表格的列 stores the matching (headers → fields only) only when ticked. The
// unrenamed file shows no step, only 查看列的对应关系. Axe on the step; a 1366×768 picture.

import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { axeClean } from "./lib/axe.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OFFICE = join(ROOT, "tests", "register", "office");
const DESKTOP = { viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false };

let app;
let scratch;
let original;
let renamed;
let gradeless;
before(async () => {
  app = await startApp();
  scratch = await mkdtemp(join(tmpdir(), "fuzhu-matching-"));
  // The published shape as LibreOffice saved it (GBK CSV), as UTF-8 with a BOM: once as it
  // is, once with the two headers renamed.
  const text = new TextDecoder("gbk").decode(await readFile(join(OFFICE, "published-gbk.csv")));
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => l.startsWith("序号,"));
  assert.ok(lines[header].includes(",家庭类别,") && lines[header].includes(",城乡,"), "the fixture's header");
  original = join(scratch, "published.csv");
  await writeFile(original, "\ufeff" + lines.join("\r\n"));
  lines[header] = lines[header].replace(",家庭类别,", ",户别,").replace(",城乡,", ",住地,");
  renamed = join(scratch, "renamed.csv");
  await writeFile(renamed, "\ufeff" + lines.join("\r\n"));
  // The unrenamed file without its 残疾类别及等级 column (L): the 伤残 families need it.
  const grade = text.split(/\r?\n/)[header].split(",").indexOf("残疾类别及等级");
  assert.equal(grade, 11, "the fixture's 残疾类别及等级 column");
  gradeless = join(scratch, "gradeless.csv");
  const cut = text.split(/\r?\n/).map((l) => l.split(",").filter((_, j) => j !== grade).join(","));
  await writeFile(gradeless, "\ufeff" + cut.join("\r\n"));
});
after(async () => {
  await app?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function openOffice() {
  const page = await app.newPage({ path: "/office.html", ...DESKTOP });
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#register-file").waitFor({ state: "attached" });
  return page;
}

const step = (page) => page.locator("section.matching");
const loaded = (page) => page.locator(".desk-file .loaded");
/** The step's row of the column headed `header` (every row's list holds every field's name,
 *  so the row is found by its header cell). */
const column = (page, header) =>
  step(page)
    .locator("tbody tr")
    .filter({ has: page.locator("td:nth-child(2)", { hasText: new RegExp(`^${header}$`) }) });
const body = (page) => page.locator("table.register tbody").innerText();

/** The families as the page decides the unrenamed file, where no step is shown. */
async function decidedPlain() {
  const page = await openOffice();
  await page.locator("#register-file").setInputFiles(original);
  await loaded(page).waitFor({ timeout: 60_000 });
  assert.equal(await step(page).count(), 0, "no step when every column is understood");
  const out = {
    loaded: await loaded(page).innerText(),
    body: await body(page),
    rows: await page.locator("table.register tbody tr").count(),
  };
  // 查看列的对应关系 shows the step on request, every column matched.
  await page.locator("button.show-matching").click();
  await step(page).waitFor();
  assert.equal(await step(page).locator("tr.unmatched").count(), 0);
  await page.close();
  return out;
}

test("a register with a header not understood: matched in the step, then every family decided", async () => {
  const plain = await decidedPlain();
  const page = await openOffice();
  await page.locator("#register-file").setInputFiles(renamed);
  await step(page).waitFor({ timeout: 60_000 });
  assert.equal(await loaded(page).count(), 0, "nothing decided before the step");
  // Every column found, with its header and three sample values, and what it was matched to.
  const family = column(page, "户别");
  assert.match(await family.innerText(), /失独/);
  assert.equal(await family.locator("select").inputValue(), "", "户别 not understood");
  const mother = column(page, "女方姓名");
  const samples = (await mother.locator("td.samples").innerText()).split("、");
  assert.equal(samples.length, 3, "three samples");
  assert.equal(samples[0], "张某英");
  assert.equal(await mother.locator("select").inputValue() !== "", true, "女方姓名 matched");
  assert.match(await step(page).innerText(), /子女情况（或家庭类别：失独、伤残）/, "what is missing is said");
  await axeClean(page, "the matching step");
  await page.locator("#matching-title").evaluate((e) => e.scrollIntoView());
  await app.screenshot(page, "office-matching-1366x768");

  // Deciding while a needed field is missing is refused in words.
  await page.locator("button.matching-go").click();
  assert.match(await step(page).locator("[role=alert]").innerText(), /还缺/);
  // The clerk matches 户别 to 家庭类别 (by keyboard: focus the select, choose).
  await family.locator("select").focus();
  await family.locator("select").selectOption({ label: "家庭类别" });
  assert.doesNotMatch(await step(page).innerText(), /判断需要、但没找到的/);
  // 住地 left unused: 城乡 is then a stated default, to accept.
  assert.match(await step(page).locator(".defaults").innerText(), /城乡：表中没有/);
  await page.locator("button.matching-go").click();
  assert.match(await step(page).locator("[role=alert]").innerText(), /接受以上默认处理/);
  await page.locator("input.accept-defaults").check();
  const save = page.waitForEvent("download");
  await page.locator("button.matching-save").click();
  const saved = join(scratch, "map.json");
  await (await save).saveAs(saved);
  const map = JSON.parse(await readFile(saved, "utf8"));
  assert.equal(map.version, 1);
  assert.deepEqual(
    map.columns.find((c) => c.header === "户别"),
    { column: "K", header: "户别", field: "家庭类别" },
  );
  // Headers and fields only: no sample value in the file.
  assert.doesNotMatch(JSON.stringify(map), /张某英|4102/);
  await page.locator("button.matching-go").click();
  await loaded(page).waitFor({ timeout: 60_000 });
  assert.equal(await step(page).count(), 0);
  // Not ticked: nothing stored.
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  // 城乡 taken as unknown: the same families, each decided as the plain file's, where 城乡
  // did not change the answer.
  assert.equal((await loaded(page).innerText()).replace("renamed", "published"), plain.loaded);
  assert.equal(await page.locator("table.register tbody tr").count(), plain.rows);
  await page.close();
});

test("the same register opened with the saved matching file skips the step; 记住这个表格的列 keeps it", async () => {
  const plain = await decidedPlain();
  const page = await openOffice();
  await page.locator("#register-file").setInputFiles(renamed);
  await step(page).waitFor({ timeout: 60_000 });
  // A matching file: 户别 → 家庭类别, 住地 → 城乡.
  const map = {
    kind: "扶助通台账列匹配",
    version: 1,
    columns: [
      { column: "K", header: "户别", field: "家庭类别" },
      { column: "O", header: "住地", field: "城乡" },
    ],
  };
  const file = join(scratch, "full-map.json");
  await writeFile(file, JSON.stringify(map));
  await page.locator("#matching-file").setInputFiles(file);
  await loaded(page).waitFor({ timeout: 60_000 });
  assert.equal(await step(page).count(), 0, "the step skipped");
  assert.equal(await body(page), plain.body, "decided as the unrenamed file");

  // Ticked, the matching is kept (and nothing else), and the next opening skips the step.
  await page.locator("button.show-matching").click();
  await step(page).waitFor();
  await page.locator("input.remember-columns").check();
  await page.locator("input.accept-defaults").check();
  await page.locator("button.matching-go").click();
  await loaded(page).waitFor({ timeout: 60_000 });
  const kept = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(kept, ["fuzhu-office-columns"]);
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem("fuzhu-office-columns")), /张某英|4102/);
  await page.locator("#register-file").setInputFiles(renamed);
  await loaded(page).waitFor({ timeout: 60_000 });
  assert.equal(await step(page).count(), 0, "remembered: no step");
  // Unticked, it is forgotten.
  await page.locator("button.show-matching").click();
  await step(page).waitFor();
  await page.locator("input.remember-columns").uncheck();
  await page.locator("input.accept-defaults").check();
  await page.locator("button.matching-go").click();
  await loaded(page).waitFor({ timeout: 60_000 });
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await page.close();
});

test("the matching step in English: its words, what is missing and the defaults, and the refusals", async () => {
  const page = await openOffice();
  await page.locator(".lang-switch").click();
  await page.locator("#register-file").setInputFiles(renamed);
  await step(page).waitFor({ timeout: 60_000 });
  const text = await step(page).innerText();
  assert.match(text, /Check the columns of "renamed\.csv"/);
  assert.match(text, /The header is on row \d+/);
  assert.match(text, /Needed to decide, but not found:/);
  assert.match(text, /the child's status/, "what is missing, in English");
  assert.deepEqual(
    await step(page).locator("thead th").allInnerTexts(),
    ["Column", "Header", "First three values", "What it is"],
  );
  assert.match(await column(page, "户别").locator("select").getAttribute("aria-label"), /^Column [A-Z]+ "户别" is$/);
  assert.equal(await column(page, "户别").locator("select option").first().innerText(), "Do not use this column");
  // Of the step's own words, nothing is left in Chinese but the register's headers and
  // values, the fields' names (the template's columns) and the file name.
  const own = await step(page).evaluate((s) => {
    const copy = s.cloneNode(true);
    copy.querySelectorAll("tbody, select, li").forEach((e) => e.remove());
    return copy.innerText;
  });
  assert.doesNotMatch(own, /[\u4e00-\u9fff]/, own.match(/.{0,20}[\u4e00-\u9fff].{0,20}/)?.[0]);
  await page.locator("button.matching-go").click();
  assert.match(await step(page).locator("[role=alert]").innerText(), /^Still missing: 子女情况, the child's status/);
  await column(page, "户别").locator("select").selectOption({ label: "家庭类别" });
  assert.match(await step(page).locator(".defaults").innerText(), /城乡 \(urban or rural\): not in the table/);
  await page.locator("button.matching-go").click();
  assert.match(await step(page).locator("[role=alert]").innerText(), /Tick Accept these defaults first/);
  await axeClean(page, "the matching step in English");
  await app.screenshot(page, "office-matching-en-1366x768");
  await page.locator("input.accept-defaults").check();
  await page.locator("button.matching-go").click();
  await loaded(page).waitFor({ timeout: 60_000 });
  // What the worker says of the file, in English: the items with no column named in words,
  // no English text left as the build's private-use tag (U+E000–U+F8FF).
  const about = await page.locator("main").innerText();
  assert.match(about, /are marked to confirm for every household/);
  assert.doesNotMatch(about, /[\ue000-\uf8ff]/, about.match(/.{0,40}[\ue000-\uf8ff].{0,20}/)?.[0]);
  await page.close();
});

test("a column some families need and the file lacks is asked once in the step; those rows say so briefly", async () => {
  const page = await openOffice();
  await page.locator("#register-file").setInputFiles(gradeless);
  await step(page).waitFor({ timeout: 60_000 });
  assert.equal(await loaded(page).count(), 0, "nothing decided before the step");
  // Every column is understood and nothing is missing for every family: the step is there for
  // the grade, among what the clerk accepts.
  assert.equal(await step(page).locator("tr.unmatched").count(), 0);
  assert.equal(await step(page).locator(".notice").count(), 0);
  assert.match(await step(page).locator(".defaults").innerText(), /残疾等级：表中没有（也没有残疾类别及等级），子女伤残的家庭先不判断/);
  await page.locator("button.matching-go").click();
  assert.match(await step(page).locator("[role=alert]").innerText(), /接受以上默认处理/);
  await page.locator("input.accept-defaults").check();
  await page.locator("button.matching-go").click();
  await loaded(page).waitFor({ timeout: 60_000 });
  // The families with a disabled child wait, each saying why in a few words; the rest are
  // decided.
  const text = await body(page);
  assert.match(text, /未判断：表中没有“残疾等级”一列（见表格的提示）/);
  assert.doesNotMatch(text, /请填写/);
  assert.match(text, /可以享受/);
  await page.close();
});

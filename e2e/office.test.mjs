// The street office's page (office.html) in Chromium, on the built dist/: a register saved
// by LibreOffice opened through the file input, the filters and the search, one household's
// results (the family page's own view and print sheet), the exports (the CSV byte for byte
// what `fuzhu register` writes for the same file, the .xlsx read back by `fuzhu register`),
// 清除, the wipe after 30 minutes without use (on a paused page clock), bad files, axe, and
// no request off the origin, nothing stored. At 360×640 and at a desktop's 1280×800.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(ROOT, "tests", "register");
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const DESKTOP = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };

let app;
let scratch;
before(async () => {
  app = await startApp();
  scratch = await mkdtemp(join(tmpdir(), "fuzhu-office-"));
});
after(async () => {
  await app?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** `fuzhu register ARGS` (the native twin), built natively as the Makefile's native commands. */
function fuzhu(args) {
  const bin = join(ROOT, "target", "debug", "fuzhu");
  const env = { ...process.env };
  for (const v of ["RUSTC_BOOTSTRAP", "CARGO_UNSTABLE_BUILD_STD", "CARGO_UNSTABLE_BUILD_STD_FEATURES", "CARGO_BUILD_RUSTFLAGS", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET", "RUSTUP_TOOLCHAIN"]) delete env[v];
  if (!existsSync(bin)) execFileSync("cargo", ["build", "--quiet", "--bin", "fuzhu"], { cwd: ROOT, env, stdio: "inherit" });
  return execFileSync(bin, args, { cwd: ROOT, env, maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] });
}

async function openOffice(options = {}) {
  const page = await app.newPage({ path: "/office.html", ...options });
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#register-file").waitFor({ state: "attached" });
  return page;
}

/** Chooses `file` in the file input and waits for what the page says of it (by its name, so a
 *  message left from the file before does not count). */
async function load(page, file) {
  await page.locator("#register-file").setInputFiles(file);
  await page
    .locator(".desk-file .loaded, .desk-error", { hasText: `“${basename(file)}”` })
    .first()
    .waitFor({ timeout: 60_000 });
}

const rows = (page) => page.locator("table.register tbody tr");

async function audit(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  });
  assert.deepEqual(violations, [], `${what}: axe violations`);
}

/** Saves the download a click starts; its path. */
async function download(page, selector, name) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  const path = join(scratch, name);
  await d.saveAs(path);
  return { path, suggested: d.suggestedFilename() };
}

const storage = (page) =>
  page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookies: document.cookie }));

for (const [size, options] of [
  ["360x640", {}],
  ["1280x800", DESKTOP],
]) {
  test(`${size}: a register opened, filtered, searched, a household opened, exported and cleared`, async () => {
    const page = await openOffice(options);
    assert.equal(await page.locator("h1").innerText(), "特殊家庭台账核查");
    await audit(page, `opening screen ${size}`);
    await load(page, join(FIXTURES, "register.xlsx"));
    const expected = JSON.parse(await readFile(join(FIXTURES, "households.json"), "utf8"));
    const households = expected.length;
    const errors = expected.filter((h) => h.error).length;
    assert.equal(await rows(page).count(), households, "every household in the table");
    assert.match(await page.locator(".desk-file .loaded").innerText(), new RegExp(`共${households}户`));
    await app.screenshot(page, `office-list-${size}`);
    await audit(page, `table ${size}`);

    // 有错误: exactly the rows the fixture's notes say cannot be decided, each saying 第N行.
    await page.locator("button.filter", { hasText: "有错误" }).click();
    assert.equal(await rows(page).count(), errors);
    const errorLines = expected.filter((h) => h.error).map((h) => h.line);
    for (let k = 0; k < errors; k += 1) {
      const text = await rows(page).nth(k).innerText();
      assert.match(text, new RegExp(`第${errorLines[k]}行`));
    }
    assert.equal(await page.locator("button.filter.on").getAttribute("aria-pressed"), "true");

    // 现在可以申请, then the search by 编号 within it.
    await page.locator("button.filter", { hasText: "现在可以申请" }).click();
    const claimNow = await rows(page).count();
    assert.ok(claimNow > 0 && claimNow < households, `${claimNow} can claim now`);
    await page.locator("button.filter", { hasText: "全部" }).click();
    await page.locator(".search input").fill("KF-001");
    assert.equal(await rows(page).count(), 1);
    await page.locator(".search input").fill("");
    assert.equal(await rows(page).count(), households);

    // One household: the family page's results and print sheet, by keyboard.
    await page.locator("button.open-row").first().focus();
    await page.keyboard.press("Enter");
    await page.locator(".desk-household .screen.results").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "screen-title");
    assert.ok((await page.locator(".group .items > li").count()) > 0, "items listed");
    assert.equal(await page.locator(".print-sheet").count(), 1, "the family's print sheet");
    await page.locator("details").evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
    await app.screenshot(page, `office-household-${size}`, { fullPage: size === "360x640" });
    await audit(page, `household ${size}`);
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator(".print-sheet").isVisible(), "the sheet prints");
    assert.equal(await page.locator("table.register").count(), 0);
    await page.emulateMedia({ media: "screen" });
    await page.locator("button.back-to-list").click();
    await rows(page).first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "list-title");

    // Print all: every listed household the policy covers, one sheet each.
    await page.evaluate(() => {
      window.print = () => {
        window.__printed = document.querySelectorAll(".print-all .print-sheet").length;
      };
    });
    const label = await page.locator("button.print-all").innerText();
    const printable = Number(label.match(/（(\d+)户）/)[1]);
    await page.locator("button.print-all").click();
    await page.waitForFunction(() => window.__printed !== undefined);
    assert.equal(await page.evaluate(() => window.__printed), printable);
    assert.ok(printable > 0);

    if (size === "1280x800") {
      // The exports: the CSV exactly what the command line writes for the same file; the
      // .xlsx, read back by the command line, decides to the same CSV.
      const csv = await download(page, "button.export-csv", "page.csv");
      assert.match(csv.suggested, /^核查结果-register-\d{8}\.csv$/, "the file's name carries the check date");
      const native = fuzhu(["register", join(FIXTURES, "register.xlsx")]);
      assert.ok((await readFile(csv.path)).equals(native), "the page's CSV equals fuzhu register's");
      const xlsx = await download(page, "button.export-xlsx", "page.xlsx");
      assert.match(xlsx.suggested, /^核查结果-register-\d{8}\.xlsx$/);
      const head = (await readFile(xlsx.path)).subarray(0, 4);
      assert.ok(head.equals(Buffer.from("PK\x03\x04", "latin1")), "an .xlsx (zip) file");
      assert.ok(fuzhu(["register", xlsx.path]).equals(native), "the exported .xlsx reads back to the same answers");
      // English.
      await page.locator(".lang-switch").click();
      await page.waitForFunction(() => document.documentElement.lang === "en");
      assert.equal(await page.locator("h1").innerText(), "Register check for special families");
      await app.screenshot(page, `office-list-en-${size}`);
      await audit(page, "table in English");
      await page.locator(".lang-switch").click();
    }

    // 清除 asks first: 不清除 keeps the register; 确定清除 forgets it.
    await page.locator("button.desk-clear").click();
    await page.locator(".clear-ask button.clear-keep").click();
    assert.equal(await rows(page).count(), households, "不清除 keeps every household");
    await page.locator("button.desk-clear").click();
    await page.locator(".clear-ask button.clear-go").click();
    assert.equal(await page.locator("table.register").count(), 0);
    assert.match(await page.locator(".desk-status").innerText(), /已清除/);
    assert.deepEqual(await storage(page), { local: 0, session: 0, cookies: "" }, "nothing stored");
    app.assertSameOrigin(page);
    app.assertNoErrors(page);
    await page.context().close();
  });
}

test("after 30 minutes without use the register is wiped, and at 29:59 not yet", async () => {
  const page = await app.newPage({ path: "/policy.css", ...DESKTOP });
  await page.clock.install();
  await page.goto(`${app.origin}/office.html`);
  await page.locator("#register-file").waitFor({ state: "attached", timeout: 30_000 });
  await load(page, join(FIXTURES, "register.xlsx"));
  await rows(page).first().waitFor();
  // The last use: a click on a filter. Then the clock stands still until the test moves it.
  await page.locator("button.filter", { hasText: "全部" }).click();
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
  await page.clock.runFor(28 * 60 * 1000);
  assert.equal(await page.locator(".idle-warning").count(), 0, "no warning two minutes before");
  await page.clock.runFor(2 * 60 * 1000 - 2000);
  assert.ok((await rows(page).count()) > 0, "wiped before 30 minutes");
  assert.match(await page.locator(".idle-warning[role=alertdialog]").innerText(), /1分钟后将自动清除/);
  await page.clock.runFor(2000);
  await page.locator(".desk-status", { hasText: "30分钟没有操作" }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("table.register").count(), 0);
  await page.context().close();
});

test("bad files get a clear Chinese message and the page goes on", async () => {
  const page = await openOffice(DESKTOP);
  const png = join(scratch, "台账.xlsx");
  await writeFile(png, Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
  await load(page, png);
  assert.match(await page.locator(".desk-error[role=alert]").innerText(), /这不是表格文件：文件内容是一张图片/);
  const empty = join(scratch, "空.csv");
  await writeFile(empty, "");
  await load(page, empty);
  assert.match(await page.locator(".desk-error").innerText(), /文件是空的/);
  const headerOnly = join(scratch, "表头.csv");
  await writeFile(headerOnly, "编号,城乡,子女情况\n");
  await load(page, headerOnly);
  assert.match(await page.locator(".notices").innerText(), /只有表头/);
  const dup = join(scratch, "重复.csv");
  await writeFile(dup, "子女情况,城乡,城乡\n死亡,城镇,农村\n");
  await load(page, dup);
  assert.match(await page.locator(".desk-error").innerText(), /有两列都是“城乡”/);
  await audit(page, "a refused file");
  // Merged cells saved by LibreOffice (tests/register/README.md): the title and the group row
  // above the header are said to be skipped, the columns under 女方 and 男方 are theirs, and
  // the data under a header merged across two columns is named as having no header.
  await load(page, join(FIXTURES, "merged-header.xlsx"));
  const notices = await page.locator(".notices").innerText();
  assert.match(notices, /表头在第3行；第1行是标题，第2行是分组行（女方、男方等已并入列名）/);
  assert.match(notices, /J列没有表头（可能是合并的单元格）/);
  const heads = await page.locator("table.register thead th").allInnerTexts();
  for (const h of ["女方姓名", "女方出生日期", "女方户籍", "男方出生日期", "男方户籍"]) assert.ok(heads.includes(h), `${h} in ${heads}`);
  assert.equal(await rows(page).count(), 2);
  assert.equal(await page.locator("tr.row-error").count(), 0, "both households decided");
  // Formulas: by the result Calc saved with them (15 days), and refused, naming the row, the
  // column and the formula, where the file has no saved result (openpyxl).
  const cellUnder = async (header) => {
    const k = (await page.locator("table.register thead th").allInnerTexts()).indexOf(header);
    return page.locator("table.register tbody tr").first().locator("th, td").nth(k).innerText();
  };
  await load(page, join(FIXTURES, "formulas-saved.xlsx"));
  assert.equal(await page.locator("tr.row-error").count(), 0);
  assert.equal(await cellUnder("女方今年住院天数"), "15");
  assert.equal(await cellUnder("错误"), "");
  await load(page, join(FIXTURES, "formulas-unsaved.xlsx"));
  assert.equal(await page.locator("tr.row-error").count(), 1);
  assert.match(await cellUnder("错误"), /第2行 F列“女方今年住院天数”：是公式“=10\+5”/);
  // A good file after the bad ones.
  await load(page, join(FIXTURES, "register-gbk.csv"));
  assert.ok((await rows(page).count()) > 5, "the GBK CSV reads");
  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("a sheet's QR code (office.html#code) opens the family page with the same code", async () => {
  const page = await app.newPage({ path: "/office.html#v9-not-a-real-code" });
  await page.waitForURL(/\/index\.html#v9-not-a-real-code$/, { timeout: 30_000 });
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.context().close();
});

/** A register of `n` good households as UTF-8 CSV (as scripts/bench-office.mjs writes). */
function bigCsv(n) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const check = (s) => "10X98765432"[[...s].reduce((sum, c, i) => sum + Number(c) * weights[i], 0) % 11];
  const lines = ["编号,核查日期,城乡,子女情况,再生育或收养,女方身份证号,女方户籍,男方出生日期,男方开封户籍"];
  for (let i = 0; i < n; i += 1) {
    const id17 = `41029919${String(60 + (i % 20)).padStart(2, "0")}0${1 + (i % 9)}1${i % 10}${String((i * 2) % 1000).padStart(3, "0")}`;
    lines.push(`K${i},2026-06-01,${i % 2 ? "农村" : "城镇"},死亡,否,${id17}${check(id17)},是,1960/1/${1 + (i % 28)},是`);
  }
  return `${lines.join("\n")}\n`;
}

test("a long register is read in the worker: the page says how many households it has read, then lists them all", async () => {
  const page = await openOffice(DESKTOP);
  const file = join(scratch, "3000户.csv");
  await writeFile(file, bigCsv(3000));
  // Every progress line the page shows while it reads.
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const line = document.querySelector(".progress-line");
      if (line && window.__progress.at(-1) !== line.textContent) window.__progress.push(line.textContent);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await load(page, file);
  assert.match(await page.locator(".desk-file .loaded").innerText(), /共3000户/);
  assert.equal(await rows(page).count(), 50, "the first page of the table");
  const seen = await page.evaluate(() => window.__progress);
  assert.ok(seen.some((t) => /已读\d+户/.test(t)), `progress shown: ${JSON.stringify(seen)}`);
  assert.ok(
    app.requests(page).some((u) => /\/fuzhu-office-worker-[0-9a-f]{16}\.js$/.test(u)),
    "the worker script was loaded",
  );
  // The households the worker decided open as any other.
  await page.locator("button.open-row").first().click();
  await page.locator(".desk-household .screen.results").waitFor();
  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("where the worker cannot start, the page reads the file itself, with the same table", async () => {
  const page = await app.newPage({ path: "/policy.css", ...DESKTOP });
  // A worker script that reports at once that the wasm would not start in it.
  await page.route(/\/fuzhu-office-worker-[0-9a-f]{16}\.js$/, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "self.postMessage('failed: not here');" }),
  );
  await page.goto(`${app.origin}/office.html`);
  await page.locator("#register-file").waitFor({ state: "attached", timeout: 30_000 });
  await load(page, join(FIXTURES, "register.xlsx"));
  const expected = JSON.parse(await readFile(join(FIXTURES, "households.json"), "utf8"));
  assert.equal(await rows(page).count(), expected.length);
  await load(page, join(FIXTURES, "register-gbk.csv"));
  assert.equal(await rows(page).count(), expected.length, "and the next file too");
  app.assertNoErrors(page);
  await page.context().close();
});

test("printing many listed sheets asks first, then prepares them a few at a time, each drawn once", async () => {
  const page = await openOffice(DESKTOP);
  const file = join(scratch, "150户.csv");
  await writeFile(file, bigCsv(150));
  await load(page, file);
  await page.evaluate(() => {
    window.print = () => {
      window.__printed = document.querySelectorAll(".print-all .print-sheet").length;
    };
    // Each household's named sheet as it is put in the page: drawn once, never again while
    // later ones are added (yew once rebuilt every earlier sheet on each frame: 12 s for 111).
    window.__built = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.classList?.contains("named-sheet")) window.__built += 1;
    }).observe(document.body, { childList: true, subtree: true });
  });
  assert.match(await page.locator("button.print-all").innerText(), /（150户）/);
  await page.locator("button.print-all").click();
  assert.match(await page.locator(".print-ask[role=alert]").innerText(), /将打印150户的告知单/);
  // 取消: nothing printed, nothing drawn.
  await page.locator(".print-ask button.print-cancel").click();
  assert.equal(await page.locator(".print-ask, div.print-all").count(), 0);
  await page.locator("button.print-all").click();
  await page.locator("button.print-go").click();
  // 150 sheets drawn a few at a time: over a minute on a 2-core machine under a load of 20
  // while the tests ran; this test is about what is printed, not how fast.
  await page.waitForFunction(() => window.__printed !== undefined, null, { timeout: 240_000 });
  assert.equal(await page.evaluate(() => window.__printed), 150);
  assert.equal(await page.evaluate(() => window.__built), 150, "each sheet drawn once");
  assert.equal(await page.locator("div.print-all, .print-preparing").count(), 0, "the sheets are gone after printing");
  // Fewer than 100 (a filter): printed without asking.
  await page.evaluate(() => delete window.__printed);
  await page.locator(".search input").fill("K1");
  const listed = Number((await page.locator("button.print-all").innerText()).match(/（(\d+)户）/)[1]);
  assert.ok(listed > 0 && listed < 100, `${listed} listed`);
  await page.locator("button.print-all").click();
  await page.waitForFunction(() => window.__printed !== undefined, null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => window.__printed), listed);
  app.assertNoErrors(page);
  await page.context().close();
});

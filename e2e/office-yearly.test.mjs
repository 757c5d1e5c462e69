// The office's yearly work on office.html (issue 21), in Chromium at 1366×768 on the built
// dist/: answers first in the table, filters that narrow, search by ID number, the office's
// own details, the year's 名单 as 花名册 and 公示 (read back by LibreOffice, and equal to what
// `fuzhu register --list-apply` writes), named sheets in print (each printed page, read back
// from the PDF by Ghostscript, names its household), the draft applications, the export's
// date and scope, 清除 asking first, the warning before the idle wipe, and axe.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { axeClean } from "./lib/axe.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DESKTOP = { viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false };

let app;
let scratch;
before(async () => {
  app = await startApp();
  scratch = await mkdtemp(join(tmpdir(), "fuzhu-yearly-"));
});
after(async () => {
  await app?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** An 18-character ID number (GB 11643) from its area, birth day and sequence. */
function id(birth, seq, area = "410204") {
  const first = `${area}${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first].reduce((s, c, k) => s + Number(c) * weights[k], 0);
  return first + "10X98765432"[sum % 11];
}

const HEAD =
  "编号,核查日期,社区,城乡,子女情况,残疾等级,残疾类别,再生育或收养,女方姓名,女方身份证号,女方开封户籍,男方姓名,男方身份证号,男方开封户籍,已领特别扶助金,联系电话,备注说明";
const family = (no, child, grade, kind, mother, got, note = "") =>
  `${no},2026-03-01,东苑社区,城镇,${child},${grade},${kind},否,王${no},${id(mother, "002")},是,李${no},${id("19750505", "011")},是,${got},1380000${no.slice(1).padStart(4, "0")},${note}`;

// Fathers of 51. A1 turns 49 in 2026; A2 is 56, owed and marked not received; A3 receives it;
// A4's child is living (not covered by this policy); A5's child is disabled (grade 2,
// intellectual), the mother turning 49 in 2026; A6 turns 49 in 2027; A7 is 44.
const REGISTER = [
  HEAD,
  family("A1", "死亡", "", "", "19770715", ""),
  family("A2", "死亡", "", "", "19700315", "否"),
  family("A3", "死亡", "", "", "19700315", "是"),
  family("A4", "健在", "", "", "19770715", ""),
  family("A5", "伤残", "二级", "智力", "19771001", "", "一段很长很长的备注，说明这一户的情况和上次走访的记录"),
  family("A6", "死亡", "", "", "19780220", ""),
  family("A7", "死亡", "", "", "19820315", ""),
].join("\n");

async function registerFile() {
  const path = join(scratch, "东苑台账.csv");
  await writeFile(path, "\ufeff" + REGISTER + "\n");
  return path;
}

function localToday() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** `fuzhu ARGS` (the native twin), built as the Makefile's native commands build it. */
function fuzhu(args) {
  const bin = join(ROOT, "target", "debug", "fuzhu");
  const env = { ...process.env };
  for (const v of ["RUSTC_BOOTSTRAP", "CARGO_UNSTABLE_BUILD_STD", "CARGO_UNSTABLE_BUILD_STD_FEATURES", "CARGO_BUILD_RUSTFLAGS", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET", "RUSTUP_TOOLCHAIN"]) delete env[v];
  if (!existsSync(bin)) execFileSync("cargo", ["build", "--quiet", "--bin", "fuzhu"], { cwd: ROOT, env, stdio: "inherit" });
  return execFileSync(bin, args, { cwd: ROOT, env, maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] });
}

/** An .xlsx as LibreOffice reads it: its CSV (UTF-8). */
function libreOfficeCsv(xlsx) {
  const out = join(scratch, `lo-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  execFileSync("soffice", [
    "--headless",
    `-env:UserInstallation=file://${scratch}/lo-profile`,
    "--convert-to",
    "csv:Text - txt - csv (StarCalc):44,34,76",
    "--outdir",
    out,
    xlsx,
  ], { stdio: "ignore" });
  const name = xlsx.split("/").pop().replace(/\.xlsx$/, ".csv");
  return readFile(join(out, name), "utf8");
}

/** Each page of a PDF as text (Ghostscript's txtwrite, one page at a time). */
function pdfPages(pdf) {
  const count = Number(
    execFileSync("gs", ["-q", "-dNODISPLAY", "-dNOSAFER", "-dNOPAUSE", "-dBATCH", `--permit-file-read=${pdf}`, "-c", `(${pdf}) (r) file runpdfbegin pdfpagecount = quit`]).toString().trim(),
  );
  const pages = [];
  for (let n = 1; n <= count; n += 1) {
    // NFKC: the PDF's text maps some characters to their Kangxi radical look-alikes (⼾ for 户).
    const text = execFileSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=txtwrite", `-dFirstPage=${n}`, `-dLastPage=${n}`, "-sOutputFile=-", pdf]).toString("utf8");
    pages.push(text.normalize("NFKC"));
  }
  return pages;
}

const hasFullId = (s) => /\d{17}[\dX]/.test(s);

async function openOffice() {
  const page = await app.newPage({ path: "/office.html", ...DESKTOP });
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#register-file").setInputFiles(await registerFile());
  await page.locator(".desk-file .loaded").waitFor({ timeout: 60_000 });
  return page;
}

const rows = (page) => page.locator("table.register tbody tr");
const count = async (page, label) =>
  Number(await page.locator("button.filter", { hasText: label }).locator(".count").innerText());

async function download(page, selector, name) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  const path = join(scratch, name);
  await d.saveAs(path);
  return { path, suggested: d.suggestedFilename() };
}

test("answers first: 行号, 编号, the names, the answers; the office's columns folded; cut cells readable", async () => {
  const page = await openOffice();
  const heads = await page.locator("table.register thead th").allInnerTexts();
  assert.deepEqual(heads.slice(0, 5), ["行号", "编号", "女方姓名", "男方姓名", "判断日期"]);
  assert.ok(heads.indexOf("可以享受") < heads.indexOf("核查日期"), "answers before the office's own columns");
  // The office's own columns are folded until asked for.
  assert.equal(await page.locator("table.register thead th", { hasText: "备注说明" }).isVisible(), false);
  await page.locator("#show-own-columns").check();
  assert.equal(await page.locator("table.register thead th", { hasText: "备注说明" }).isVisible(), true);
  // Scrolled sideways, 行号 and 编号 stay where they were.
  const region = page.locator(".table-scroll");
  const before = await page.locator("table.register tbody tr").first().locator("td.c-lead").boundingBox();
  await region.evaluate((e) => (e.scrollLeft = 2000));
  const after = await page.locator("table.register tbody tr").first().locator("td.c-lead").boundingBox();
  assert.ok(Math.abs(before.x - after.x) < 1, `编号 stays in place (${before.x} → ${after.x})`);
  await app.screenshot(page, "office-yearly-table-scrolled-1366x768");
  // A long cell: its whole text on hover (title) and it takes focus.
  const long = page.locator("td[tabindex]", { hasText: "一段很长很长的备注" }).first();
  assert.match(await long.getAttribute("title"), /上次走访的记录/);
  await long.focus();
  assert.equal(await long.evaluate((e) => getComputedStyle(e).whiteSpace), "normal");
  await region.evaluate((e) => (e.scrollLeft = 0));
  await axeClean(page, "the table, answers first");
  await page.context().close();
});

test("filters narrow: 现在可以申请, 今年需申报特别扶助, 不适用本政策; search by ID number's last digits", async () => {
  const page = await openOffice();
  assert.equal(await count(page, "全部"), 7);
  // Only A2 has something to apply for now (special support, marked not received): A3
  // receives it, A4 is not covered, and the rest have only what every family has without
  // applying (五定两包, visits, the rewards that go on) while special support is to come.
  assert.equal(await count(page, "现在可以申请"), 1);
  assert.equal(await count(page, "今年需申报特别扶助"), 3);
  assert.equal(await count(page, "不适用本政策"), 1);
  // 需要核实 narrows too: the one-off relief (to confirm for every bereaved family) and the
  // insurance subsidies (no 养老保险 or 医疗保险 column, said once for the file) leave nothing
  // a row itself leaves open on this register.
  assert.equal(await count(page, "需要核实"), 0);
  assert.match(await page.locator(".notices").innerText(), /表中没有“养老保险”“医疗保险”一列/);
  await page.locator("button.filter", { hasText: "今年需申报特别扶助" }).click();
  assert.deepEqual(
    (await rows(page).locator("td.c-lead").allInnerTexts()).map((t) => t.trim()),
    ["A1", "A2", "A5"],
  );
  await page.locator("button.filter", { hasText: "全部" }).click();
  const a5 = id("19771001", "002");
  await page.locator(".search input").fill(a5.slice(-4));
  assert.equal(await rows(page).count(), 1);
  assert.match(await rows(page).first().innerText(), /A5/);
  await page.locator(".search input").fill(a5);
  assert.equal(await rows(page).count(), 1);
  await page.locator(".search input").fill("");
  await app.screenshot(page, "office-yearly-filters-1366x768");
  await page.context().close();
});

test("the year's 名单: 花名册 and 公示 downloaded, read back by LibreOffice, the same as the command line's", async () => {
  const page = await openOffice();
  // The office's details, not remembered: nothing stored.
  await page.locator("#office-name").fill("开封市鼓楼区东苑街道办事处");
  await page.locator("#office-phone").fill("0371-12345678");
  assert.equal(await page.evaluate(() => localStorage.length), 0, "not remembered unless 记住 is ticked");
  await page.locator("#yearly-year").fill("2026");
  assert.match(await page.locator(".yearly-count").innerText(), /2026年需申报：3户/);
  await page.locator("#yearly-title").scrollIntoViewIfNeeded();
  await app.screenshot(page, "office-yearly-list-1366x768");
  await axeClean(page, "the yearly list and the office's details");
  const today = localToday().replaceAll("-", "");
  const roster = await download(page, "button.export-roster", "roster.xlsx");
  assert.equal(roster.suggested, `2026年特别扶助申报花名册-${today}.xlsx`);
  const pub = await download(page, "button.export-public", "public.xlsx");
  assert.equal(pub.suggested, `2026年特别扶助申报公示-${today}.xlsx`);
  const rosterCsv = await libreOfficeCsv(roster.path);
  const publicCsv = await libreOfficeCsv(pub.path);
  assert.match(rosterCsv, /^开封市鼓楼区东苑街道办事处2026年度计划生育家庭特别扶助申报对象花名册/);
  for (const no of ["A1", "A2", "A5"]) {
    assert.ok(rosterCsv.includes(`王${no}`) && publicCsv.includes(`王${no}`), no);
  }
  for (const no of ["A3", "A4", "A6", "A7"]) assert.ok(!rosterCsv.includes(`王${no}`), no);
  assert.ok(rosterCsv.includes(id("19770715", "002")), "the 花名册 has full ID numbers");
  assert.ok(rosterCsv.includes("智力二级") && rosterCsv.includes("按省定标准"));
  assert.ok(!hasFullId(publicCsv), "no full ID number in the 公示");
  assert.ok(publicCsv.includes(`410204********${id("19770715", "002").slice(-4)}`));
  assert.ok(!publicCsv.includes("智力") && !publicCsv.includes("二级"), "nothing of the disability but 伤残");
  assert.ok(publicCsv.includes("监督电话：0371-12345678"));
  // The command line's twin gives the same list.
  const input = await registerFile();
  const cliRoster = join(scratch, "cli-roster.xlsx");
  const cliPublic = join(scratch, "cli-public.xlsx");
  fuzzhuList(input, cliRoster, []);
  fuzzhuList(input, cliPublic, ["--public", "--phone", "0371-12345678"]);
  assert.equal(await libreOfficeCsv(cliRoster), rosterCsv);
  assert.equal(await libreOfficeCsv(cliPublic), publicCsv);
  await page.context().close();
});

function fuzzhuList(input, out, extra) {
  fuzhu(["register", input, "--list-apply", "2026", "--today", localToday(), "--office", "开封市鼓楼区东苑街道办事处", ...extra, "-o", out]);
}

test("the office's details head every sheet; kept only while 记住 is ticked", async () => {
  const page = await openOffice();
  await page.locator("#office-name").fill("东苑街道办事处");
  await page.locator("#office-phone").fill("0371-12345678");
  await page.locator("#office-remember").check();
  assert.equal(await page.evaluate(() => localStorage.getItem("fuzhu-office-details").split("\n")[0]), "东苑街道办事处");
  await page.locator("button.open-row").first().click();
  await page.locator(".office-contact").first().waitFor({ state: "attached" });
  assert.match(await page.locator(".print-sheet .office-contact").first().textContent(), /东苑街道办事处.*0371-12345678/);
  // Words for who is asking: the register's, never 您 or 老人.
  const view = await page.locator(".desk-household").innerText();
  assert.ok(!/老人|您/.test(view), view.match(/.{0,12}(老人|您).{0,12}/)?.[0]);
  assert.match(await page.locator(".desk-household").textContent(), /根据台账/);
  await page.locator("button.back-to-list").click();
  // Once given, the details are folded; opened again to untick 记住.
  await page.locator(".office-details summary").click();
  await page.locator("#office-remember").uncheck();
  assert.equal(await page.evaluate(() => localStorage.length), 0, "unticking removes them");
  await page.context().close();
});

test("the office's name comes from the register's 填报 line unless the clerk gave one", async () => {
  const published = join(ROOT, "tests", "register", "office", "published.xlsx");
  const page = await app.newPage({ path: "/office.html", ...DESKTOP });
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#register-file").setInputFiles(published);
  await page.locator(".desk-file .loaded").waitFor({ timeout: 60_000 });
  assert.equal(await page.locator("#office-name").inputValue(), "某某街道办事处");
  assert.match(await page.locator(".office-details").innerText(), /单位名称取自台账的填报行/);
  await page.context().close();
  // A name the clerk remembered is kept.
  const other = await app.newPage({ path: "/office.html", ...DESKTOP });
  await other.evaluate(() => localStorage.setItem("fuzhu-office-details", "东苑街道办事处\n\n\n"));
  await other.reload();
  await other.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await other.locator("#register-file").setInputFiles(published);
  await other.locator(".desk-file .loaded").waitFor({ timeout: 60_000 });
  assert.equal(await other.locator("#office-name").inputValue(), "东苑街道办事处");
  await other.evaluate(() => localStorage.clear());
  await other.context().close();
});

test("print-all: a cover list, then each household named on every printed page (PDF read back)", async () => {
  const page = await openOffice();
  await page.locator("#office-name").fill("东苑街道办事处");
  await page.locator("button.filter", { hasText: "今年需申报特别扶助" }).click();
  await page.evaluate(() => {
    window.print = () => {
      window.__sheets = document.querySelector("div.print-all").outerHTML;
    };
  });
  await page.locator("button.print-all").click();
  await page.waitForFunction(() => window.__sheets !== undefined);
  // What was printed, alone on the page, in print media.
  await page.evaluate(() => {
    document.body.innerHTML = `<div class="desk"><main class="app"><section class="screen desk-list">${window.__sheets}</section></main></div>`;
    document.documentElement.setAttribute("data-print-all", "");
  });
  await page.emulateMedia({ media: "print" });
  const pdf = join(scratch, "print-all.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  const pages = pdfPages(pdf);
  assert.ok(pages.length >= 4, `${pages.length} pages`);
  assert.match(pages[0], /告知单目录.{0,3}共3/);
  for (const no of ["A1", "A2", "A5"]) assert.ok(pages[0].includes(no), `${no} on the cover`);
  const norm = (t) => t.replace(/\s+/g, "");
  for (const [k, text] of pages.slice(1).entries()) {
    const named = ["A1", "A2", "A5"].filter((no) => norm(text).includes(`编号${no}`) && norm(text).includes(`女方王${no}`));
    assert.equal(named.length, 1, `page ${k + 2} names exactly one household: ${text.slice(0, 200)}`);
  }
  // Every page's bottom margin numbers it: the printout's 第P页，共M页 as the PDF counts its
  // pages, and, on each household's pages, 本户第N页 counted from 1 again for each household
  // (页 comes back as its radical look-alike ⻚, which NFKC leaves as it is).
  assert.match(norm(pages[0]), new RegExp(`第1.{1,3}共${pages.length}.$`), "the cover's number");
  let household = null;
  let own = 0;
  for (const [k, text] of pages.slice(1).entries()) {
    const t = norm(text);
    const m = t.match(/本.第(\d+).{1,3}全部第(\d+).{1,3}共(\d+)/);
    assert.ok(m, `page ${k + 2} is numbered: ${t.slice(-60)}`);
    const no = ["A1", "A2", "A5"].find((x) => t.includes(`编号${x}`));
    own = no === household ? own + 1 : 1;
    household = no;
    assert.deepEqual(m.slice(1).map(Number), [own, k + 2, pages.length], `page ${k + 2} (${no})`);
  }
  for (const no of ["A1", "A2", "A5"]) {
    assert.ok(pages.some((t) => norm(t).includes(`编号${no}`) && /本.第1.{1,3}全部第/.test(norm(t))), `${no}'s first page`);
  }
  await page.context().close();
});

test("one household printed alone: named, and 第N页，共M页 on each printed page (PDF read back)", async () => {
  const page = await openOffice();
  await page.locator("button.filter", { hasText: "今年需申报特别扶助" }).click();
  await rows(page).filter({ hasText: "A5" }).locator("button.open-row").click();
  await page.locator(".desk-household .print-sheet").waitFor({ state: "attached" });
  await page.emulateMedia({ media: "print" });
  const pdf = join(scratch, "one.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  const pages = pdfPages(pdf);
  assert.ok(pages.length >= 2, `${pages.length} pages`);
  const norm = (t) => t.replace(/\s+/g, "");
  for (const [k, text] of pages.entries()) {
    const t = norm(text);
    assert.ok(t.includes("编号A5") && t.includes("女方王A5"), `page ${k + 1} names the household: ${t.slice(0, 80)}`);
    const m = t.match(/第(\d+).{1,3}共(\d+).$/);
    assert.ok(m, `page ${k + 1} is numbered: ${t.slice(-40)}`);
    assert.deepEqual(m.slice(1).map(Number), [k + 1, pages.length]);
  }
  await page.context().close();
});

test("draft applications: one per household listed, with the reference heading and the review blocks", async () => {
  const page = await openOffice();
  await page.locator("button.filter", { hasText: "今年需申报特别扶助" }).click();
  await page.evaluate(() => {
    window.print = () => {
      window.__forms = document.querySelector(".application-forms").outerHTML;
    };
  });
  assert.match(await page.locator("button.print-drafts").innerText(), /（参考，3户）/);
  await page.locator("button.print-drafts").click();
  await page.waitForFunction(() => window.__forms !== undefined);
  const forms = await page.evaluate(() => window.__forms);
  assert.equal(forms.match(/class="application-form"/g).length, 3);
  assert.equal(forms.match(/供参考，以县（区）卫生健康委的正式表格为准/g).length, 3);
  for (const by of ["村（居）委会初审意见", "乡（镇、街道）审核意见", "县（区）卫生健康委审批意见"]) {
    assert.equal(forms.split(by).length - 1, 3, by);
  }
  assert.ok(forms.includes(id("19770715", "002")) && forms.includes("13800000001"));
  assert.equal(await page.locator(".application-forms").count(), 0, "removed after printing");
  // Shown as printed, for the screenshot.
  await page.evaluate(() => {
    document.body.innerHTML = `<div class="desk"><main class="app">${window.__forms}</main></div>`;
    document.documentElement.setAttribute("data-print-forms", "");
  });
  await page.emulateMedia({ media: "print" });
  await app.screenshot(page, "office-yearly-draft-1366x768", { fullPage: true });
  await page.context().close();
});

test("exports: the whole register or only the listed, named with the date; every row says when", async () => {
  const page = await openOffice();
  await page.locator("button.filter", { hasText: "不适用本政策" }).click();
  await page.locator("#export-listed").check();
  const listed = await download(page, "button.export-csv", "listed.csv");
  assert.match(listed.suggested, /^核查结果-东苑台账-所列-\d{8}\.csv$/);
  const text = (await readFile(listed.path, "utf8")).replace(/^\ufeff/, "");
  const lines = text.trim().split("\r\n");
  assert.equal(lines.length, 2, "the header and the one household listed");
  assert.match(lines[1], /^A4,/);
  const head = lines[0].split(",");
  assert.equal(lines[1].split(",")[head.indexOf("判断日期")], "2026-03-01");
  await page.locator("#export-listed").uncheck();
  const all = await download(page, "button.export-csv", "all.csv");
  assert.match(all.suggested, /^核查结果-东苑台账-\d{8}\.csv$/);
  assert.equal((await readFile(all.path, "utf8")).trim().split("\r\n").length, 8);
  await page.context().close();
});

/** A page of office.html on Playwright's clock (installed before the page loads), with the
 *  register opened and the page's WebAssembly memory kept for the test (`__wasmMemory`). */
async function openOnClock() {
  const page = await app.newPage({ path: "/policy.css", ...DESKTOP });
  await page.clock.install();
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => {
      window.__wasmMemory = e.detail.wasm.memory;
    });
  });
  await page.goto(`${app.origin}/office.html`);
  await page.locator("#register-file").waitFor({ state: "attached", timeout: 30_000 });
  await page.locator("#register-file").setInputFiles(await registerFile());
  await page.locator(".desk-file .loaded").waitFor({ timeout: 60_000 });
  return page;
}

test("继续使用 after the idle warning keeps the register, and the 30 minutes start again from it", async () => {
  const page = await openOnClock();
  // The last use: a click on a filter. Then the clock stands still until the test moves it.
  await page.locator("button.filter", { hasText: "全部" }).click();
  const used = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(used + 1000);
  await page.clock.runFor(29 * 60 * 1000 + 10_000);
  await page.locator(".idle-warning[role=alertdialog]").waitFor();
  // A click waits for the page's animation frames, which a paused clock holds back: the
  // clock runs again (in real time, a few seconds at most) for the clerk's click.
  await page.clock.resume();
  await page.locator("button.idle-continue").click();
  await page.locator(".idle-warning").waitFor({ state: "detached" });
  const continued = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(continued + 1000);
  // Past the 30 minutes from the filter's click: the wipe's timer fires, sees the use, and
  // waits again.
  await page.clock.runFor(2 * 60 * 1000);
  assert.equal(await rows(page).count(), 7, "继续使用 kept the register");
  assert.equal(await page.locator(".idle-warning").count(), 0);
  // Counted from 继续使用: the warning again at 29 minutes, the wipe at 30.
  await page.clock.runFor(26 * 60 * 1000);
  assert.equal(await page.locator(".idle-warning").count(), 0, "no warning at 28 minutes");
  await page.clock.runFor(60 * 1000 + 10_000);
  await page.locator(".idle-warning[role=alertdialog]").waitFor();
  assert.equal(await rows(page).count(), 7, "not wiped at 29 minutes");
  await page.clock.runFor(60 * 1000);
  await page.locator(".desk-status", { hasText: "30分钟没有操作" }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("table.register").count(), 0);
  await page.context().close();
});

/** Which of `needles` the page's WebAssembly memory holds (as UTF-8, as Rust keeps text). */
function inWasmMemory(page, needles) {
  return page.evaluate((needles) => {
    const bytes = new Uint8Array(window.__wasmMemory.buffer);
    const holds = (b) => {
      for (let i = bytes.indexOf(b[0]); i !== -1; i = bytes.indexOf(b[0], i + 1)) {
        let k = 1;
        while (k < b.length && bytes[i + k] === b[k]) k += 1;
        if (k === b.length) return true;
      }
      return false;
    };
    return needles.filter((n) => holds(new TextEncoder().encode(n)));
  }, needles);
}

test("after 清除 and after the idle wipe, none of the register's text is left in the page's WebAssembly memory", async () => {
  // What only the register holds: a mother's ID number, a father's, a phone number, and a
  // remark.
  const needles = [id("19771001", "002"), id("19750505", "011"), "13800000005", "上次走访的记录"];
  for (const wipe of ["清除", "idle"]) {
    const page = await openOnClock();
    await page.locator("#show-own-columns").check();
    await page.locator("button.open-row").first().click();
    await page.locator("button.back-to-list").click();
    // The test can see the text while the register is open: the page holds it.
    assert.deepEqual(await inWasmMemory(page, needles), needles, `${wipe}: the register's text is in memory while open`);
    if (wipe === "清除") {
      await page.locator("button.desk-clear").click();
      await page.locator("#clear-go").click();
      await page.locator(".desk-status", { hasText: "已清除" }).waitFor();
    } else {
      const now = await page.evaluate(() => Date.now());
      await page.clock.pauseAt(now + 1000);
      await page.clock.runFor(31 * 60 * 1000);
      await page.locator(".desk-status", { hasText: "30分钟没有操作" }).waitFor({ timeout: 5000 });
    }
    assert.equal(await page.locator("table.register").count(), 0);
    assert.deepEqual(await inWasmMemory(page, needles), [], `${wipe}: nothing of the register is left`);
    await page.context().close();
  }
});

test("清除 asks first: 不清除 keeps the register, 确定清除 forgets it", async () => {
  // The idle warning and the wipe after 30 minutes are tested on a paused page clock in
  // office.test.mjs, 继续使用 above.
  const page = await openOffice();
  await page.locator("button.desk-clear").click();
  assert.match(await page.locator(".clear-ask[role=alertdialog]").innerText(), /确定清除吗/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "clear-go", "focus on the question");
  await app.screenshot(page, "office-yearly-clear-ask-1366x768");
  await page.locator("button.clear-keep").click();
  assert.equal(await rows(page).count(), 7);
  await page.locator("button.desk-clear").click();
  await page.locator("#clear-go").click();
  await page.locator("table.register").waitFor({ state: "detached", timeout: 10_000 });
  await page.context().close();
});

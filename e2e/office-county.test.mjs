// The county's view on office.html (issue 22), in Chromium at 1366×768 on the built dist/:
// the 统计 view's charts read back from their SVG text and found equal to the tables beside
// them, to the 统计 sheet of the export (read by LibreOffice) and to `fuzhu register --stats`;
// printed in print media emulation on at most two A4 pages headed by the office's name and
// the day (read back from the PDF by Ghostscript); a date ahead, with the families that
// change by then; 与上次比较 with the page's own earlier export, and its changes downloaded;
// axe on each view. Every wait is for the page's own signal, never a sleep.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
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
  scratch = await mkdtemp(join(tmpdir(), "fuzhu-county-"));
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

const p2 = (n) => String(n).padStart(2, "0");
const iso = (d) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
const TODAY = new Date(new Date().getFullYear(), new Date().getMonth(), new Date().getDate());
const daysAhead = (n) => new Date(TODAY.getFullYear(), TODAY.getMonth(), TODAY.getDate() + n);
/** The birth day (YYYYMMDD) of someone turning `age` in `days` days. */
const turning = (age, days) => {
  const d = daysAhead(days);
  return `${d.getFullYear() - age}${p2(d.getMonth() + 1)}${p2(d.getDate())}`;
};
const AHEAD = daysAhead(60);

const HEAD =
  "编号,县区,社区,城乡,子女情况,残疾等级,残疾类别,再生育或收养,女方姓名,女方身份证号,女方开封户籍,男方姓名,男方身份证号,男方开封户籍,已领特别扶助金";
const family = (no, area, community, child, grade, kind, mother, father, got = "") =>
  `${no},${area},${community},城镇,${child},${grade},${kind},否,王${no},${id(mother, "002")},是,李${no},${id(father, "011")},是,${got}`;

// B1's mother turns 49 in 20 days; B2 is 56 and receives it; B3's child is disabled (grade 2);
// B4's child is living (not a special family); B5's mother is 44; B6's father turns 60 in 40
// days; B7 lives in 兰考县.
const FAMILIES = [
  family("B1", "鼓楼区", "东苑社区", "死亡", "", "", turning(49, 20), "19700505"),
  family("B2", "鼓楼区", "东苑社区", "死亡", "", "", "19700315", "19690505", "是"),
  family("B3", "鼓楼区", "西苑社区", "伤残", "二级", "智力", "19680601", "19670505"),
  family("B4", "鼓楼区", "西苑社区", "健在", "", "", "19770715", "19750505"),
  family("B5", "鼓楼区", "东苑社区", "死亡", "", "", "19820315", "19800505"),
  family("B6", "鼓楼区", "东苑社区", "死亡", "", "", "19750101", turning(60, 40)),
  family("B7", "兰考县", "城关社区", "死亡", "", "", "19720808", "19710505"),
];

async function registerFile(name, lines) {
  const path = join(scratch, name);
  await writeFile(path, "\ufeff" + [HEAD, ...lines].join("\n") + "\n");
  return path;
}

/** `fuzhu ARGS` (the native twin), built as the Makefile's native commands build it. */
function fuzhu(args) {
  const bin = join(ROOT, "target", "debug", "fuzhu");
  const env = { ...process.env };
  for (const v of ["RUSTC_BOOTSTRAP", "CARGO_UNSTABLE_BUILD_STD", "CARGO_UNSTABLE_BUILD_STD_FEATURES", "CARGO_BUILD_RUSTFLAGS", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET", "RUSTUP_TOOLCHAIN"]) delete env[v];
  if (!existsSync(bin)) execFileSync("cargo", ["build", "--quiet", "--bin", "fuzhu"], { cwd: ROOT, env, stdio: "inherit" });
  return execFileSync(bin, args, { cwd: ROOT, env, maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] }).toString();
}

/** The lines of one 【title】 table of `fuzhu register --stats`, each split into its cells. */
function cliTable(text, title) {
  const lines = text.split("\n");
  const from = lines.indexOf(`【${title}】`);
  assert.ok(from >= 0, `--stats has 【${title}】`);
  const out = [];
  for (const l of lines.slice(from + 2)) {
    if (!l.trim() || l.startsWith("【")) break;
    out.push(l.trim().split(/\s+/));
  }
  return out;
}

/** An .xlsx's sheet (the first unless `sheet`, from 1) as LibreOffice reads it: its CSV
 * lines, split. */
function libreOfficeRows(xlsx, sheet = 1) {
  const out = join(scratch, `lo-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  execFileSync("soffice", [
    "--headless",
    `-env:UserInstallation=file://${scratch}/lo-profile`,
    "--convert-to",
    `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`,
    "--outdir",
    out,
    xlsx,
  ], { stdio: "ignore" });
  // With a sheet number LibreOffice names the file after the sheet (all-统计.csv): the one
  // file written.
  const [name] = readdirSync(out).filter((f) => f.endsWith(".csv"));
  return readFile(join(out, name), "utf8").then((t) => t.split("\n").map((l) => l.split(",")));
}

/** The sheets' names in a workbook (xl/workbook.xml). */
function sheetNames(xlsx) {
  const xml = execFileSync("python3", ["-c", "import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode())", xlsx]).toString();
  return [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
}

/** Each page of a PDF as text (Ghostscript's txtwrite, one page at a time). */
function pdfPages(pdf) {
  const count = Number(
    execFileSync("gs", ["-q", "-dNODISPLAY", "-dNOSAFER", "-dNOPAUSE", "-dBATCH", `--permit-file-read=${pdf}`, "-c", `(${pdf}) (r) file runpdfbegin pdfpagecount = quit`]).toString().trim(),
  );
  const pages = [];
  for (let n = 1; n <= count; n += 1) {
    const text = execFileSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=txtwrite", `-dFirstPage=${n}`, `-dLastPage=${n}`, "-sOutputFile=-", pdf]).toString("utf8");
    pages.push(text.normalize("NFKC"));
  }
  return pages;
}

async function openOffice(lines = FAMILIES, name = "东苑台账.csv") {
  const page = await app.newPage({ path: "/office.html", ...DESKTOP });
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#register-file").setInputFiles(await registerFile(name, lines));
  await page.locator(".desk-file .loaded").waitFor({ timeout: 60_000 });
  return page;
}

async function download(page, selector, name) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  const path = join(scratch, name);
  await d.saveAs(path);
  return { path, suggested: d.suggestedFilename() };
}

async function showStats(page) {
  await page.locator("button.tab-stats").click();
  await page.locator(".stats-view svg#chart-items").waitFor();
}

/** The numbers a chart writes beside its bars: per row (its data-label), per series. */
const chartNumbers = (page, chart) =>
  page.$$eval(`svg#${chart} g.bar-row`, (rows) =>
    rows.map((r) => ({
      label: r.dataset.label,
      ...Object.fromEntries([...r.querySelectorAll("text.n")].map((t) => [t.dataset.series, t.textContent])),
    })),
  );

/** An HTML table of the 统计 view by its caption: its body rows' cells. */
const statsTable = (page, caption) =>
  page.$$eval("table.stats-table", (tables, caption) => {
    const t = tables.find((x) => x.caption?.textContent === caption);
    return t ? [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)) : null;
  }, caption);

const count = async (page, label) =>
  Number(await page.locator("button.filter", { hasText: label }).locator(".count").innerText());

test("统计: the charts' numbers, read from the SVG, are the tables', the 统计 sheet's and the command line's", async () => {
  const page = await openOffice();
  await showStats(page);
  const items = await chartNumbers(page, "chart-items");
  assert.equal(items.length, 25, "one bar per item");
  const special = items.find((r) => r.label === "特别扶助金");
  // B2, B3 (a disabled child's family), B6 and B7 can claim it now; B1 turns 49 in 20 days
  // and B5 later: 将来; B2 receives it (已领).
  assert.equal(special.eligible, "4");
  assert.equal(special.future, "2");
  assert.equal(special.received, "1");
  // The table beside, the same numbers.
  const table = await statsTable(page, "各项目户数");
  assert.deepEqual(
    items.map((r) => [r.label, r.eligible, r.check, r.future]),
    table.map((r) => [r[0], r[1], r[2], r[3]]),
  );
  // The command line's --stats on the same file and day.
  const csv = join(scratch, "东苑台账.csv");
  const cli = fuzhu(["register", csv, "--stats", "--today", iso(TODAY)]);
  const cliItems = cliTable(cli, "各项目户数");
  assert.deepEqual(
    items.map((r) => [r.eligible, r.check, r.future]),
    cliItems.map((r) => r.slice(-5, -2)),
  );
  // Families by type and by place: the tables beside the charts, as the command line's.
  const types = await statsTable(page, "家庭类别");
  assert.deepEqual(types.map((r) => r[1]), ["5", "1", "1", "7"]);
  assert.deepEqual(types, cliTable(cli, "家庭类别"));
  assert.deepEqual(await statsTable(page, "按县区"), [["鼓楼区", "6"], ["兰考县", "1"]]);
  assert.deepEqual(await statsTable(page, "按社区"), [["东苑社区", "4"], ["西苑社区", "2"], ["城关社区", "1"]]);
  // The coming twelve months: B1's mother turning 49, B6's father turning 60.
  const months = await page.$$eval("svg#chart-months g.month", (gs) =>
    gs.map((g) => [g.dataset.month, ...[...g.querySelectorAll("text.n")].map((t) => t.textContent)]),
  );
  assert.equal(months.length, 12);
  assert.deepEqual(months, cliTable(cli, "今后12个月（特殊家庭）"));
  const monthOf = (d) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}`;
  assert.equal(months.find((m) => m[0] === monthOf(daysAhead(20)))[1], "1", "B1 turns 49 that month");
  assert.ok(Number(months.find((m) => m[0] === monthOf(daysAhead(40)))[2]) >= 1, "B6's father turns 60 that month");
  await axeClean(page, "the 统计 view");
  await page.locator("#stats-title").evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: join(ROOT, "docs", "office-stats.png") });
  await page.locator("figure.chart-items").evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: join(ROOT, "docs", "office-stats-items.png") });
  await page.locator("figure.chart-months").evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: join(ROOT, "docs", "office-stats-months.png") });
  // The page's export has the 统计 sheet after the answers, read by LibreOffice: the same
  // numbers.
  await page.locator("button.tab-table").click();
  const all = await download(page, "button.export-xlsx", "all.xlsx");
  assert.deepEqual(sheetNames(all.path), ["核查结果", "统计"]);
  const rows = await libreOfficeRows(all.path, 2);
  const at = rows.findIndex((r) => r[0] === "各项目户数");
  const sheetItems = rows.slice(at + 2, at + 2 + 25);
  assert.deepEqual(
    items.map((r) => [r.label, r.eligible, r.check, r.future]),
    sheetItems.map((r) => [r[0], r[1], r[2], r[3]]),
  );
  await page.context().close();
});

test("统计 prints on at most two A4 pages headed by the office's name and the day", async () => {
  const page = await openOffice();
  await page.locator("#office-name").fill("开封市鼓楼区东苑街道办事处");
  await showStats(page);
  assert.match(await page.locator(".stats-head").innerText(), /开封市鼓楼区东苑街道办事处/);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".desk-tabs").isVisible(), false, "no controls in print");
  assert.equal(await page.locator(".stats-view").isVisible(), true);
  const pdf = join(scratch, "stats.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  const pages = pdfPages(pdf);
  assert.ok(pages.length >= 1 && pages.length <= 2, `${pages.length} pages`);
  const zhDay = `${TODAY.getFullYear()}年${TODAY.getMonth() + 1}月${TODAY.getDate()}日`;
  assert.match(pages[0].replace(/\s+/g, ""), /开封市鼓楼区东苑街道办事处/);
  assert.ok(pages[0].replace(/\s+/g, "").includes(zhDay), `the day ${zhDay} on the first page`);
  assert.ok(pages.join("").replace(/\s+/g, "").includes("特别扶助金"));
  await page.screenshot({ path: join(ROOT, "docs", "office-stats-print.png"), fullPage: true });
  await page.context().close();
});

test("a date ahead: every answer, filter and statistic for that day, and who changes by then and why", async () => {
  const page = await openOffice();
  const claimNow = await count(page, "现在可以申请");
  await page.locator("#as-of-date").fill(iso(AHEAD));
  await page.locator("button.as-of-go").click();
  await page.locator(".as-of-changes h2").waitFor();
  assert.match(await page.locator(".as-of-changes h2").innerText(), new RegExp(`按${AHEAD.getFullYear()}年${AHEAD.getMonth() + 1}月${AHEAD.getDate()}日判断`));
  const b1 = await page.locator("tr.as-of-change", { hasText: "B1" }).innerText();
  assert.match(b1, /特别扶助金：将来可以享受（[\d-]+起） → 可以享受/);
  assert.match(b1, /女方满49周岁/);
  const b6 = await page.locator("tr.as-of-change", { hasText: "B6" }).innerText();
  assert.match(b6, /男方满60周岁/);
  assert.equal(await page.locator("tr.as-of-change", { hasText: "B4" }).count(), 0, "B4 does not change");
  // The filters count for that day: B1 can claim now.
  assert.equal(await count(page, "现在可以申请"), claimNow + 1);
  await axeClean(page, "the table for a day ahead, with its changes");
  // The statistics for that day, the same as the command line's --as-of --stats.
  await showStats(page);
  assert.match(await page.locator(".stats-date").innerText(), new RegExp(`${AHEAD.getFullYear()}年`));
  const items = await chartNumbers(page, "chart-items");
  assert.equal(items.find((r) => r.label === "特别扶助金").eligible, "5");
  const cli = fuzhu(["register", join(scratch, "东苑台账.csv"), "--as-of", iso(AHEAD), "--stats", "--today", iso(TODAY)]);
  assert.deepEqual(items.map((r) => [r.eligible, r.check, r.future]), cliTable(cli, "各项目户数").map((r) => r.slice(-5, -2)));
  // The page's export for that day has the 变化 sheet of --as-of, B1 on it.
  await page.locator("button.tab-table").click();
  const ahead = await download(page, "button.export-xlsx", "ahead.xlsx");
  assert.equal(ahead.suggested, `核查结果-东苑台账-${iso(AHEAD).replaceAll("-", "")}.xlsx`);
  assert.deepEqual(sheetNames(ahead.path), ["核查结果", "统计", "变化"]);
  const rows = await libreOfficeRows(ahead.path, 3);
  assert.ok(rows.some((r) => r.includes("特别扶助金") && r.join(",").includes("B1")), "B1 in the changes");
  await showStats(page);
  // Back to the day of the check.
  await page.locator("button.as-of-back").click();
  await page.locator(".as-of-changes").waitFor({ state: "detached" });
  // The statistics are summed again for today, in the worker: await the day's charts.
  await page.locator(".stats-view .stats-ahead").waitFor({ state: "detached" });
  await page.locator(".stats-view svg#chart-items").waitFor();
  const again = await chartNumbers(page, "chart-items");
  assert.equal(again.find((r) => r.label === "特别扶助金").eligible, "4");
  await page.context().close();
});

test("与上次比较: the page's earlier export beside a changed register, the changes downloaded", async () => {
  const page = await openOffice();
  const old = await download(page, "button.export-xlsx", "last-time.xlsx");
  // Since then: B5 left, B8 arrived, B3's child died (now 失独).
  const now = FAMILIES.filter((l) => !l.startsWith("B5,"))
    .map((l) => (l.startsWith("B3,") ? family("B3", "鼓楼区", "西苑社区", "死亡", "", "", "19680601", "19670505") : l))
    .concat([family("B8", "鼓楼区", "东苑社区", "死亡", "", "", "19690909", "19680505")]);
  await page.locator("#register-file").setInputFiles(await registerFile("东苑台账-12月.csv", now));
  await page.locator(".desk-file .loaded", { hasText: "东苑台账-12月" }).waitFor();
  await page.locator("button.tab-compare").click();
  // Not an export of this tool: said, nothing compared.
  await page.locator("#previous-export").setInputFiles(join(scratch, "东苑台账.csv"));
  await page.locator(".compare-error").waitFor();
  assert.match(await page.locator(".compare-error").innerText(), /不是本工具导出的核查结果/);
  await page.locator("#previous-export").setInputFiles(old.path);
  await page.locator(".compare-summary").waitFor();
  const summary = await page.locator(".compare-summary").innerText();
  assert.match(summary, /新增1户，减少1户，1户的结果有变化/);
  assert.match(await page.locator("tr.compare-row.added").innerText(), /B8/);
  assert.match(await page.locator("tr.compare-row.removed").innerText(), /B5/);
  assert.match(await page.locator("tr.compare-row.changed").innerText(), /B3[\s\S]*→/);
  await axeClean(page, "与上次比较");
  await page.locator(".compare-summary").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT, "docs", "office-compare.png") });
  // The download, and the command line's --compare on the same files: the same list.
  const got = await download(page, "button.export-compare", "changes.xlsx");
  const rows = (await libreOfficeRows(got.path)).filter((r) => r.length > 1);
  const cliOut = join(scratch, "cli-changes.xlsx");
  fuzhu(["register", join(scratch, "东苑台账-12月.csv"), "--compare", old.path, "-o", cliOut, "--today", iso(TODAY)]);
  const cliRows = (await libreOfficeRows(cliOut)).filter((r) => r.length > 1);
  assert.deepEqual(rows, cliRows);
  assert.deepEqual(rows.slice(1).map((r) => r[0]).filter((k, i, a) => a.indexOf(k) === i).sort(), ["减少", "变化", "新增"].sort());
  await page.context().close();
});

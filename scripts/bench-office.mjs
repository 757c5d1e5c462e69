// Benchmark (not a timed test): the office page (office.html in DIST) from the file chosen to
// the table shown, for a register of ROWS households, in the machine's headless Chromium.
//
//   node scripts/bench-office.mjs [DIST] [ROWS] [RUNS]     (defaults: dist 10000 5)
//
// The register is made here (every row a good household, as tests/register.rs's big_csv:
// mothers' ID numbers with their GB 11643 check characters, fathers' birth dates, town and
// country, hospital days), as UTF-8 CSV, and as .xlsx saved by LibreOffice Calc (or, without
// it, by `fuzhu register CSV -o X.xlsx`). Each run is a fresh page: the time runs from setInputFiles until the table's first
// row exists, and includes reading the file, parsing it, deciding every household and drawing
// the first page of the table. The page's own mark (performance.now() at the input's change
// event) is reported as well, without the DevTools round trips. docs/benchmarks.md has the figures.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startApp } from "../e2e/lib/browser.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dist = resolve(process.argv[2] ?? join(ROOT, "dist"));
const rows = Number(process.argv[3] ?? 10_000);
const runs = Number(process.argv[4] ?? 5);

/** GB 11643's check character of the first 17 digits. */
function checkChar(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return "10X98765432"[sum % 11];
}

function register(n) {
  const lines = ["编号,核查日期,城乡,子女情况,再生育或收养,女方身份证号,女方户籍,男方出生日期,男方开封户籍,女方今年住院天数"];
  for (let i = 0; i < n; i += 1) {
    const birth = `19${String(60 + (i % 20)).padStart(2, "0")}0${1 + (i % 9)}1${i % 10}`;
    const id17 = `410299${birth}${String((i * 2) % 1000).padStart(3, "0")}`;
    lines.push(
      `K${i},2026-06-01,${i % 2 === 0 ? "城镇" : "农村"},死亡,否,${id17}${checkChar(id17)},是,1960/1/${1 + (i % 28)},${i % 3 === 0 ? "否" : "是"},${i % 100}`,
    );
  }
  return lines.join("\n") + "\n";
}

/** The same number of families laid out as offices publish their 台账 (issue 17, point 8;
 *  tests/register/office/README.md): a merged title, a 填报单位/填报日期 line, a header over two
 *  rows (女方 / 男方 / 独生子女 merged over 姓名, 身份证号码, 出生年月), a column-number row, the
 *  families with 家庭类别 失独/伤残, 残疾类别及等级 "智力二级", birth months as 1968.06, 196603 (a
 *  number cell) and 1970年9月, 婚姻状况 and 户籍地址, then a 合计 row, a blank row and the
 *  signature line. Written as flat OpenDocument for LibreOffice Calc to save as .xlsx. */
function published(n) {
  const esc = (t) => String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const text = (t) => (t === "" ? "<table:table-cell/>" : `<table:table-cell office:value-type="string"><text:p>${esc(t)}</text:p></table:table-cell>`);
  const num = (v) => `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  const span = (t, cols, rows = 1) =>
    `<table:table-cell${cols > 1 ? ` table:number-columns-spanned="${cols}"` : ""}${rows > 1 ? ` table:number-rows-spanned="${rows}"` : ""} office:value-type="string"><text:p>${esc(t)}</text:p></table:table-cell>`;
  const covered = (k) => "<table:covered-table-cell/>".repeat(k);
  const row = (cells) => `<table:table-row>${cells.join("")}</table:table-row>`;
  const width = 17;
  const rowsXml = [
    row([span("某某街道计划生育特殊家庭信息台账", width), covered(width - 1)]),
    row([span("填报单位：某某街道办事处（盖章）", 12), covered(11), span("填报日期：2026年11月30日", 5), covered(4)]),
    row([
      span("序号", 1, 2), span("社区", 1, 2), span("女方", 3), covered(2), span("男方", 3), covered(2), span("独生子女", 2), covered(1),
      span("家庭类别", 1, 2), span("残疾类别及等级", 1, 2), span("婚姻状况", 1, 2), span("户籍地址", 1, 2), span("城乡", 1, 2),
      span("联系电话", 1, 2), span("备注", 1, 2),
    ]),
    row([covered(2), ...["姓名", "身份证号码", "出生年月", "姓名", "身份证号码", "出生年月", "姓名", "出生年月"].map(text), covered(7)]),
    row(Array.from({ length: width }, (_, i) => text(`(${i + 1})`))),
  ];
  const communities = ["东门社区", "西门社区", "南门社区", "北门社区"];
  const counties = ["开封市鼓楼区东门街", "开封市杞县城关镇", "兰考县城关镇", "开封市祥符区"];
  for (let i = 0; i < n; i += 1) {
    const y = 1960 + (i % 20);
    const m = 1 + (i % 12);
    const mm = String(m).padStart(2, "0");
    // (y, m) repeats every 60 rows, so the block number keeps every ID number unique.
    const block = Math.floor(i / 60);
    const motherId17 = `410299${y}${mm}1${i % 10}${String((block * 2) % 1000).padStart(3, "0")}`;
    const fatherId17 = `410299${y - 2}${mm}2${i % 10}${String((block * 2 + 1) % 1000).padStart(3, "0")}`;
    const lost = i % 3 !== 0;
    // The birth month in the three ways offices write it; the father's as a number cell.
    const month = [`${y}.${mm}`, `${y}年${m}月`, `${y}.${m}`][i % 3];
    rowsXml.push(
      row([
        num(i + 1), text(communities[i % 4]),
        text(`张某${i}`), text(`${motherId17}${checkChar(motherId17)}`), text(month),
        text(`李某${i}`), text(`${fatherId17}${checkChar(fatherId17)}`), num(Number(`${y - 2}${mm}`)),
        text(`李某某${i}`), text(`${y + 26}.${mm}`),
        text(lost ? "失独" : "伤残"), text(lost ? "" : ["智力二级", "肢体一级", "精神三级"][i % 3]),
        text(["初婚", "再婚", "初婚"][i % 3]), text(`${counties[i % 4]}${i}号`), text(i % 2 === 0 ? "城镇" : "农村"),
        text(""), text(""),
      ]),
    );
  }
  rowsXml.push(row(Array.from({ length: width }, () => text(""))));
  rowsXml.push(row([text("合计"), text(`${n}户`), ...Array.from({ length: width - 2 }, () => text(""))]));
  rowsXml.push(row([text("单位负责人："), text(""), text(""), text("审核人："), text(""), text(""), text("制表人："), ...Array.from({ length: 5 }, () => text("")), text("填表日期：2026年11月30日"), ...Array.from({ length: 4 }, () => text(""))]));
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="台账">
<table:table-column table:number-columns-repeated="${width}"/>
${rowsXml.join("\n")}
</table:table></office:spreadsheet></office:body></office:document>
`;
}

const native = () => {
  const env = { ...process.env };
  for (const v of ["RUSTC_BOOTSTRAP", "CARGO_UNSTABLE_BUILD_STD", "CARGO_UNSTABLE_BUILD_STD_FEATURES", "CARGO_BUILD_RUSTFLAGS", "CARGO_TARGET_DIR", "CARGO_BUILD_TARGET", "RUSTUP_TOOLCHAIN"]) delete env[v];
  execFileSync("cargo", ["build", "--quiet", "--release", "--bin", "fuzhu"], { cwd: ROOT, env, stdio: "inherit" });
  return join(ROOT, "target", "release", "fuzhu");
};

const dir = await mkdtemp(join(tmpdir(), "fuzhu-bench-office-"));
const csv = join(dir, `register-${rows}.csv`);
const xlsx = join(dir, `register-${rows}.xlsx`);
await writeFile(csv, register(rows));
// As an office's file: LibreOffice Calc saves the CSV as .xlsx (the ID column, the 6th,
// imported as text, as scripts/make-register-fixtures.sh does). Without Calc: the command
// line's own .xlsx, which has the answers' columns too (more to read; the page drops them).
let made = "LibreOffice Calc";
try {
  execFileSync("soffice", ["--headless", "--infilter=CSV:44,34,76,1,6/2", "--convert-to", "xlsx", "--outdir", dir, csv], { stdio: "ignore", timeout: 300_000 });
} catch {
  made = "fuzhu register -o";
  execFileSync(native(), ["register", csv, "-o", xlsx, "--today", "2026-12-01"], { stdio: ["ignore", "ignore", "ignore"] });
}
console.log(`register of ${rows} rows: CSV, and .xlsx made by ${made}`);
// The published shape, saved as .xlsx by LibreOffice Calc (no fallback: without Calc it is left out).
const shaped = join(dir, `published-${rows}.xlsx`);
let files = [csv, xlsx];
try {
  await writeFile(join(dir, `published-${rows}.fods`), published(rows));
  execFileSync("soffice", ["--headless", "--convert-to", "xlsx", "--outdir", dir, join(dir, `published-${rows}.fods`)], { stdio: "ignore", timeout: 300_000 });
  files.push(shaped);
  console.log(`the same ${rows} families laid out as offices publish them (title, two-row header, 合计, signatures): .xlsx made by LibreOffice Calc`);
} catch {
  console.log("no LibreOffice Calc: the published shape is not measured");
}

/** 打印所列家庭的告知单 for the households a search lists (K1…: 1,111 of 10,000), window.print
 *  replaced by a stub that counts the sheets: from the click to print() and the longest task. */
const PRINT_QUERY = "K1";
async function printAll(page) {
  await page.locator(".search input").fill(PRINT_QUERY);
  await page.evaluate(() => {
    window.print = () => {
      window.__printed = [performance.now(), document.querySelectorAll(".print-all .print-sheet").length];
    };
    window.__long = [];
  });
  const start = await page.evaluate(() => performance.now());
  await page.locator("button.print-all").click();
  // The page asks first from 100 sheets on (the build before it did not).
  const asked = await page
    .locator("button.print-go")
    .click({ timeout: 2000 })
    .then(() => true)
    .catch(() => false);
  await page.waitForFunction(() => window.__printed, null, { timeout: 600_000, polling: 500 });
  await page.waitForTimeout(300);
  const [at, sheets] = await page.evaluate(() => window.__printed);
  const longest = await page.evaluate((s) => Math.max(0, ...window.__long.filter(([t]) => t >= s).map(([, d]) => d)), start);
  return { sheets, ms: at - start, asked, longest };
}
let printed;

const app = await startApp({ dist });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const file of files) {
    const wall = [];
    const inPage = [];
    const longest = [];
    for (let run = 0; run < runs; run += 1) {
      const page = await app.newPage({ path: "/office.html", viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });
      await page.locator("#register-file").waitFor({ state: "attached", timeout: 30_000 });
      await page.evaluate(() => {
        // The main thread's long tasks (50 ms or more) while the file is read: the longest
        // one is how long the page could not answer a click.
        window.__long = [];
        new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({
          type: "longtask",
        });
        document.addEventListener("change", () => (window.__chosen = performance.now()), { capture: true, once: true });
        new MutationObserver((_, obs) => {
          if (document.querySelector("table.register tbody tr")) {
            window.__shown = performance.now();
            obs.disconnect();
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
      const start = performance.now();
      await page.locator("#register-file").setInputFiles(file);
      await page.locator("table.register tbody tr").first().waitFor({ timeout: 120_000 });
      wall.push(performance.now() - start);
      inPage.push(await page.evaluate(() => window.__shown - window.__chosen));
      // Long tasks are reported a little after they end.
      await page.waitForTimeout(300);
      longest.push(
        await page.evaluate(() => Math.max(0, ...window.__long.filter(([t, d]) => t + d >= window.__chosen && t <= window.__shown).map(([, d]) => d))),
      );
      const shown = await page.locator(".desk-file .loaded").innerText();
      if (!shown.includes(`共${rows}户`)) throw new Error(`the page says ${shown}`);
      if (run === 0 && file === csv) printed = await printAll(page);
      await page.context().close();
    }
    const f = (xs) => xs.map((x) => x.toFixed(0)).join(", ");
    console.log(
      `${file === shaped ? "published-shape xlsx" : file.endsWith(".csv") ? "CSV " : "xlsx"} ${rows} rows: median ${median(wall).toFixed(0)} ms from setInputFiles to the table ` +
        `(runs: ${f(wall)}); in the page, change event to first row: median ${median(inPage).toFixed(0)} ms (${f(inPage)}); ` +
        `longest main-thread task meanwhile: median ${median(longest).toFixed(0)} ms (${f(longest)}; 0: none of 50 ms or more)`,
    );
  }
  if (printed) {
    console.log(
      `print ${printed.sheets} listed sheets (search "${PRINT_QUERY}"): ${printed.ms.toFixed(0)} ms from the click to print() ` +
        `(confirmed ${printed.asked ? "in the page" : "without asking"}); longest main-thread task ${printed.longest.toFixed(0)} ms`,
    );
  }
} finally {
  await app.close();
  await rm(dir, { recursive: true, force: true });
}

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
  for (const file of [csv, xlsx]) {
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
      `${file.endsWith(".csv") ? "CSV " : "xlsx"} ${rows} rows: median ${median(wall).toFixed(0)} ms from setInputFiles to the table ` +
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

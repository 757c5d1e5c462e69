// Benchmark (not a timed test): the county's view of office.html (DIST) on a register of ROWS
// families (default 100,000; about 20 MB of UTF-8 CSV with names and addresses), in the
// machine's headless Chromium at 1366×768, RUNS fresh pages (default 1):
//
//   node scripts/bench-county.mjs [DIST] [ROWS] [RUNS]
//
// Each run opens the register, downloads the page's own export of the families a search
// lists (the earlier file to compare with; not timed), then times, from the click to the answer on the page: 统计, the register
// decided for a day 200 days ahead (with the families that change; from the table), 统计 for that day, and
// 与上次比较 with the export. Over each, the main thread's long tasks (a PerformanceObserver
// for 'longtask', 50 ms or more) give the longest task: how long a click could have waited.
// The worker's WebAssembly memory (its size never shrinks, so it is the peak) is read in the
// worker after the file is read and after each step, through the page's own JS glue, which
// hands back the running wasm's exports. It also checks where each answer was worked out
// (the 统计 view's data-where) and that a progress bar was shown, and keeps a screenshot of
// the first progress state (docs/office-stats-progress.png). docs/benchmarks.md has the figures.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startApp } from "../e2e/lib/browser.mjs";
import { bigRegister, recordProgress } from "../e2e/lib/register.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dist = resolve(process.argv[2] ?? join(ROOT, "dist"));
const rows = Number(process.argv[3] ?? 100_000);
const runs = Number(process.argv[4] ?? 1);
const LONG = 10 * 60_000;

const dir = await mkdtemp(join(tmpdir(), "fuzhu-bench-county-"));
const csv = join(dir, `county-${rows}.csv`);
await writeFile(csv, bigRegister(rows, { wide: true }));
const mb = (n) => (n / 1048576).toFixed(1);
console.log(`register of ${rows} families: ${mb(statSync(csv).size)} MB of CSV`);

const ahead = (() => {
  const d = new Date();
  d.setDate(d.getDate() + 200);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
})();

/** The wasm memory of the page's worker, in bytes (none: no worker). */
async function workerMemory(page) {
  const js = await page.evaluate(() => new URL(window.fuzhuOffice.js, location.href).href);
  const sizes = [];
  for (const w of page.workers()) {
    sizes.push(await w.evaluate(async (js) => (await (await import(js)).default()).memory.buffer.byteLength, js));
  }
  return Math.max(0, ...sizes);
}

/** Runs `act`, then waits for `done`: the time from the action to the answer on the page, the
 *  longest main-thread task meanwhile, the progress bars seen. */
async function timed(page, act, done) {
  const start = await page.evaluate(() => {
    window.__progress = [];
    return performance.now();
  });
  await act();
  await page.waitForFunction(done, null, { timeout: LONG, polling: 100 });
  const end = await page.evaluate(() => performance.now());
  // Long tasks are reported a little after they end.
  await page.waitForTimeout(300);
  const longest = await page.evaluate(
    ([s, e]) => Math.max(0, ...window.__long.filter(([t, d]) => t + d >= s && t <= e).map(([, d]) => d)),
    [start, end],
  );
  const progress = await page.evaluate(() => window.__progress.length);
  return { ms: end - start, longest, progress };
}

const app = await startApp({ dist });
const results = [];
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN", acceptDownloads: true });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({
        type: "longtask",
        buffered: true,
      });
    });
    await page.addInitScript(recordProgress);
    await page.goto(`${app.origin}/office.html`);
    await page.locator("#register-file").waitFor({ state: "attached", timeout: 30_000 });
    const r = { run };
    r.read = await timed(
      page,
      () => page.locator("#register-file").setInputFiles(csv),
      () => document.querySelector(".desk-file .loaded"),
    );
    r.memRead = await workerMemory(page);
    // The earlier export: the families a search for K1 lists (11,111 of 100,000), as an office
    // whose register has grown since; a whole export of 100,000 families with these columns
    // is past the reader's 4,000,000 cells (docs/register.md, Limits) and refused.
    await page.locator(".search input").fill("K1");
    await page.locator("#export-listed").check();
    const [d] = await Promise.all([page.waitForEvent("download", { timeout: LONG }), page.locator("button.export-xlsx").click()]);
    await page.locator("#export-listed").uncheck();
    await page.locator(".search input").fill("");
    const earlier = join(dir, "earlier.xlsx");
    await d.saveAs(earlier);
    r.exportMb = mb(statSync(earlier).size);
    let shot = false;
    r.stats = await timed(
      page,
      async () => {
        await page.locator("button.tab-stats").click();
        if (run === 0) {
          // The clerk's view while it sums: the first progress bar, as it is drawn.
          await page.locator(".county-working progress").waitFor({ timeout: 30_000 });
          await page.screenshot({ path: join(ROOT, "docs", "office-stats-progress.png") });
          shot = true;
        }
      },
      () => document.querySelector(".stats-view[data-where] svg#chart-items"),
    );
    r.where = await page.locator(".stats-view").getAttribute("data-where");
    r.memStats = await workerMemory(page);
    // From the table's tab, so that the day ahead's 统计 is timed on its own below.
    await page.locator("button.tab-table").click();
    r.ahead = await timed(
      page,
      async () => {
        await page.locator("#as-of-date").fill(ahead);
        await page.locator("button.as-of-go").click();
      },
      () => document.querySelector(".as-of-changes h2"),
    );
    r.changes = await page.locator(".as-of-changes h2").innerText();
    r.memAhead = await workerMemory(page);
    r.statsAhead = await timed(
      page,
      () => page.locator("button.tab-stats").click(),
      () => document.querySelector(".stats-view[data-where] svg#chart-items"),
    );
    r.memStatsAhead = await workerMemory(page);
    r.compare = await timed(
      page,
      async () => {
        await page.locator("button.tab-compare").click();
        await page.locator("#previous-export").setInputFiles(earlier);
      },
      () => document.querySelector(".compare-summary, .compare-error"),
    );
    r.compared = await page.locator(".compare-summary, .compare-error").innerText();
    r.memCompare = await workerMemory(page);
    r.shot = shot;
    results.push(r);
    const f = (t) => `${(t.ms / 1000).toFixed(1)} s, longest task ${t.longest.toFixed(0)} ms, ${t.progress} progress states`;
    console.log(`run ${run + 1}:`);
    console.log(`  read and decided: ${f(r.read)}; worker's wasm memory ${mb(r.memRead)} MB`);
    console.log(`  统计 (${r.where}): ${f(r.stats)}; worker's wasm memory ${mb(r.memStats)} MB`);
    console.log(`  a day ahead (${ahead}): ${f(r.ahead)}; ${r.changes}; worker's wasm memory ${mb(r.memAhead)} MB`);
    console.log(`  统计 for that day: ${f(r.statsAhead)}; worker's wasm memory ${mb(r.memStatsAhead)} MB`);
    console.log(`  与上次比较 (export ${r.exportMb} MB): ${f(r.compare)}; ${r.compared}; worker's wasm memory ${mb(r.memCompare)} MB`);
    await context.close();
  }
} finally {
  await app.close();
  await rm(dir, { recursive: true, force: true });
}

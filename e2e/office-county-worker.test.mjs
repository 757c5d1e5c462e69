// The county's view summed in the office page's worker (issue 22.5), in Chromium at 1366×768
// on the built dist/: with a register of 6,000 families, 统计, a day ahead and 与上次比较 are
// worked out by the worker that read the file (the view says where: data-where), the page
// shows how far it has got (a progress bar in .county-working) and the numbers are the very
// numbers the page works out on its own thread when no worker can start (the worker's script
// refused). No timing is asserted here: the figures for 100,000 families come from
// scripts/bench-county.mjs (docs/benchmarks.md). Every wait is for the page's own signal.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { bigRegister, recordProgress } from "./lib/register.mjs";

const DESKTOP = { viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false, locale: "zh-CN" };
const ROWS = 6000;

let app;
let scratch;
let csv;
before(async () => {
  app = await startApp();
  scratch = await mkdtemp(join(tmpdir(), "fuzhu-county-worker-"));
  csv = join(scratch, "全县台账.csv");
  await writeFile(csv, bigRegister(ROWS));
});
after(async () => {
  await app?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** office.html with the register open; `worker: false` refuses the worker's script, so the
 *  page reads and sums on its own thread. Every .county-working progress bar the page shows
 *  is recorded in window.__progress (value / max). */
async function open({ worker = true } = {}) {
  const context = await app.browser.newContext(DESKTOP);
  if (!worker) await context.route(/fuzhu-office-worker-[0-9a-f]+\.js$/, (r) => r.abort());
  const page = await context.newPage();
  await page.addInitScript(recordProgress);
  await page.goto(`${app.origin}/office.html`);
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
  await page.locator("#register-file").setInputFiles(csv);
  await page.locator(".desk-file .loaded").waitFor({ timeout: 120_000 });
  return page;
}

/** Every table of the 统计 view (its captions and cells). */
const statsTables = (page) =>
  page.$$eval("table.stats-table", (ts) =>
    ts.map((t) => [t.caption?.textContent, ...[...t.rows].map((r) => [...r.cells].map((c) => c.textContent))]),
  );

async function stats(page) {
  await page.evaluate(() => (window.__progress = []));
  await page.locator("button.tab-stats").click();
  await page.locator(".stats-view[data-where] svg#chart-items").waitFor({ timeout: 120_000 });
  return {
    where: await page.locator(".stats-view").getAttribute("data-where"),
    tables: await statsTables(page),
    items: await page.locator("svg#chart-items").innerHTML(),
    progress: await page.evaluate(() => window.__progress),
  };
}

const AHEAD = (() => {
  const d = new Date();
  d.setDate(d.getDate() + 200);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
})();

async function ahead(page) {
  await page.evaluate(() => (window.__progress = []));
  await page.locator("#as-of-date").fill(AHEAD);
  await page.locator("button.as-of-go").click();
  await page.locator(".as-of-changes h2").waitFor({ timeout: 120_000 });
  return {
    title: await page.locator(".as-of-changes h2").innerText(),
    rows: await page.$$eval("tr.as-of-change", (rs) => rs.map((r) => r.innerText)),
    filters: await page.$$eval("button.filter .count", (cs) => cs.map((c) => c.textContent)),
    progress: await page.evaluate(() => window.__progress),
  };
}

async function compare(page, file) {
  await page.evaluate(() => (window.__progress = []));
  await page.locator("button.tab-compare").click();
  await page.locator("#previous-export").setInputFiles(file);
  await page.locator(".compare-summary").waitFor({ timeout: 120_000 });
  return {
    summary: await page.locator(".compare-summary").innerText(),
    rows: await page.$$eval("tr.compare-row", (rs) => rs.map((r) => r.innerText)),
    progress: await page.evaluate(() => window.__progress),
  };
}

/** The page's .xlsx export of the families a search for K1 lists (统计 summed by the worker
 *  holding the register, or by the page without one): each part of the workbook but its
 *  dates (docProps) as a hash, and the 统计 sheet's title line. */
async function exportListed(page, name) {
  await page.locator("button.tab-table").click();
  await page.locator(".search input").fill("K1");
  await page.locator("#export-listed").check();
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator("button.export-xlsx").click()]);
  await page.locator("#export-listed").uncheck();
  await page.locator(".search input").fill("");
  const path = join(scratch, name);
  await d.saveAs(path);
  const py =
    "import sys,zipfile,hashlib;z=zipfile.ZipFile(sys.argv[1]);" +
    "print('\\n'.join(n+' '+hashlib.sha256(z.read(n)).hexdigest() for n in sorted(z.namelist()) if not n.startswith('docProps')));" +
    "import re;print(re.search('统计（[^<]*',''.join(z.read(n).decode() for n in z.namelist() if n.endswith('.xml'))).group(0))";
  const out = execFileSync("python3", ["-c", py, path]).toString().trim().split("\n");
  return { parts: out.slice(0, -1), title: out.at(-1) };
}

test("6,000 families: 统计, a day ahead and 与上次比较 are worked out in the worker with progress shown, and equal the page's own", async () => {
  // The earlier export to compare with: this register's, as the page writes it.
  const first = await open();
  const [d] = await Promise.all([first.waitForEvent("download"), first.locator("button.export-xlsx").click()]);
  const earlier = join(scratch, "上次导出.xlsx");
  await d.saveAs(earlier);
  await first.context().close();

  const inWorker = await open();
  const s1 = await stats(inWorker);
  assert.equal(s1.where, "worker", "统计 summed in the worker");
  assert.ok(s1.progress.length >= 1, `a progress bar was shown (${s1.progress.join(", ")})`);
  const a1 = await ahead(inWorker);
  assert.ok(a1.rows.length > 0, "some families change by then");
  assert.ok(a1.progress.length >= 1, `a progress bar was shown (${a1.progress.join(", ")})`);
  // 统计 for the day ahead: the register decided for that day, summed in the worker too.
  const s1Ahead = await stats(inWorker);
  assert.equal(s1Ahead.where, "worker");
  assert.notDeepEqual(s1Ahead.tables, s1.tables, "the day ahead's statistics differ");
  const c1 = await compare(inWorker, earlier);
  assert.match(c1.summary, /结果有变化/);
  assert.ok(c1.progress.length >= 1, `a progress bar was shown (${c1.progress.join(", ")})`);
  await inWorker.locator("button.tab-stats").click();
  await inWorker.locator(".stats-view[data-where]").waitFor();
  const x1 = await exportListed(inWorker, "所列-worker.xlsx");
  assert.match(x1.title, /：共\d+户/);
  assert.doesNotMatch(x1.title, new RegExp(`共${ROWS}户`), "the 统计 sheet sums the families listed, not the register");

  const inPage = await open({ worker: false });
  const s2 = await stats(inPage);
  assert.equal(s2.where, "page", "without a worker the page sums on its own thread");
  assert.deepEqual(s1.tables, s2.tables, "the same statistics");
  assert.equal(s1.items, s2.items, "the same chart");
  const a2 = await ahead(inPage);
  assert.deepEqual([a1.title, a1.rows, a1.filters], [a2.title, a2.rows, a2.filters], "the same day ahead");
  const s2Ahead = await stats(inPage);
  assert.deepEqual(s1Ahead.tables, s2Ahead.tables, "the same statistics for the day ahead");
  const c2 = await compare(inPage, earlier);
  assert.deepEqual([c1.summary, c1.rows], [c2.summary, c2.rows], "the same comparison");
  const x2 = await exportListed(inPage, "所列-page.xlsx");
  assert.deepEqual(x1, x2, "the export of the families listed is the same, its 统计 summed in the worker or on the page");
  await inPage.context().close();

  // The worker that read the file holds the register (no other worker runs); 清除 ends it.
  const workers = inWorker.workers();
  assert.equal(workers.length, 1, "one worker, holding the register");
  const ended = new Promise((resolve) => workers[0].once("close", resolve));
  await inWorker.locator("button.tab-table").click();
  await inWorker.locator("button.desk-clear").click();
  await inWorker.locator(".clear-ask button.clear-go").click();
  await ended;
  assert.equal(inWorker.workers().length, 0, "no worker is left with the register");
  await inWorker.context().close();
});

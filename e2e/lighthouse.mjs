// The speed gate: Lighthouse 12 (pinned in package.json) in its default mobile mode (a
// mid-range phone, simulated slow 4G and a 4× slower CPU) against the release build served on
// 127.0.0.1, in the machine's Chromium. Not a `*.test.mjs`: the Makefile runs it on its own
// (`make test-speed`), after the other browser tests, so no other test loads the CPU while it
// measures.
//
//   node e2e/lighthouse.mjs [DIST]     (default dist/; FUZHU_LIGHTHOUSE_RUNS, default 5)
//
// First one warm-up run that is not counted: the first page a freshly started Chromium loads
// pays for the browser's own cold start (its code and font caches), which a phone's running
// browser does not; it was often the slowest run (total blocking time up to 240 ms, against
// 20–140 ms in the runs after it). Lighthouse still empties the page's cache and storage
// before every run. Then FUZHU_LIGHTHOUSE_RUNS counted runs (default 5), judged by the run
// with the median performance score: performance ≥ 0.98 and largest contentful paint ≤ 0.8 s;
// accessibility and best practices must be 1.0 in every counted run. Writes each counted run's
// JSON report to e2e/reports/. Exit code 1 when a budget is missed.

import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM, CHROMIUM_ARGS, DIST_DIR } from "./lib/browser.mjs";
import { serveDir } from "./lib/server.mjs";

export const BUDGETS = {
  performance: 0.98,
  accessibility: 1,
  "best-practices": 1,
  lcpMs: 800,
};

const REPORTS = fileURLToPath(new URL("./reports", import.meta.url));

const dist = resolve(process.argv[2] ?? DIST_DIR);
const runs = Number(process.env.FUZHU_LIGHTHOUSE_RUNS ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`lighthouse: FUZHU_LIGHTHOUSE_RUNS must be a whole number of runs, 1 or more (got "${process.env.FUZHU_LIGHTHOUSE_RUNS}")`);
  process.exit(2);
}

const server = await serveDir(dist);
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, logLevel: "silent" });
const results = [];
try {
  await mkdir(REPORTS, { recursive: true });
  const measure = async () => {
    const { lhr, artifacts } = await lighthouse(
      `${server.origin}/`,
      { port: chrome.port, logLevel: "error", output: "json" },
      {
        extends: "lighthouse:default",
        settings: { onlyCategories: ["performance", "accessibility", "best-practices"] },
      },
    );
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return { lhr, artifacts };
  };
  const warm = (await measure()).lhr;
  console.log(
    `lighthouse warm-up run (not counted): performance ${warm.categories.performance.score}, ` +
      `TBT ${warm.audits["total-blocking-time"].numericValue.toFixed(0)} ms`,
  );
  for (let i = 1; i <= runs; i += 1) {
    const { lhr, artifacts } = await measure();
    await writeFile(`${REPORTS}/lighthouse-${i}.json`, JSON.stringify(lhr));
    const audit = (id) => lhr.audits[id];
    // Lighthouse 12.2's own LCP-element audit fails on this Chromium's trace; the trace says.
    const candidates = (artifacts.Trace?.traceEvents ?? []).filter(
      (e) => e.name === "largestContentfulPaint::Candidate" && e.args?.data?.isOutermostMainFrame,
    );
    const lcpNode = candidates.at(-1)?.args?.data?.nodeName;
    const run = {
      run: i,
      performance: lhr.categories.performance.score,
      accessibility: lhr.categories.accessibility.score,
      "best-practices": lhr.categories["best-practices"].score,
      fcpMs: audit("first-contentful-paint").numericValue,
      lcpMs: audit("largest-contentful-paint").numericValue,
      tbtMs: audit("total-blocking-time").numericValue,
      cls: audit("cumulative-layout-shift").numericValue,
      siMs: audit("speed-index").numericValue,
      lcpElement: lcpNode ?? "?",
      failed: ["accessibility", "best-practices"].flatMap((cat) =>
        lhr.categories[cat].auditRefs
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
          .map((ref) => `${cat}: ${ref.id} (${lhr.audits[ref.id].title})`),
      ),
    };
    results.push(run);
    console.log(
      `lighthouse run ${i}/${runs}: performance ${run.performance} accessibility ${run.accessibility} ` +
        `best-practices ${run["best-practices"]} | FCP ${run.fcpMs.toFixed(0)} ms, LCP ${run.lcpMs.toFixed(0)} ms, ` +
        `TBT ${run.tbtMs.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}, SI ${run.siMs.toFixed(0)} ms | LCP element ${run.lcpElement}`,
    );
    for (const f of run.failed) console.log(`  not passed: ${f}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}

const median = [...results].sort((a, b) => a.performance - b.performance || b.lcpMs - a.lcpMs)[Math.floor(results.length / 2)];
const problems = [];
if (median.performance < BUDGETS.performance) problems.push(`performance ${median.performance} < ${BUDGETS.performance}`);
if (median.lcpMs > BUDGETS.lcpMs) problems.push(`LCP ${median.lcpMs.toFixed(0)} ms > ${BUDGETS.lcpMs} ms`);
for (const r of results) {
  for (const cat of ["accessibility", "best-practices"]) {
    if (r[cat] < BUDGETS[cat]) problems.push(`run ${r.run}: ${cat} ${r[cat]} < ${BUDGETS[cat]}`);
  }
}
console.log(
  `lighthouse median (run ${median.run}): performance ${median.performance} (budget ≥ ${BUDGETS.performance}), ` +
    `LCP ${median.lcpMs.toFixed(0)} ms (budget ≤ ${BUDGETS.lcpMs} ms), FCP ${median.fcpMs.toFixed(0)} ms, ` +
    `TBT ${median.tbtMs.toFixed(0)} ms, CLS ${median.cls.toFixed(3)}, SI ${median.siMs.toFixed(0)} ms`,
);
if (problems.length) {
  console.error(`lighthouse: budgets missed:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("lighthouse: every budget met");

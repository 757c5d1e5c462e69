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
// with the median performance score. Writes each counted run's JSON report to e2e/reports/,
// and every figure of the gate, with the machine's load, to e2e/reports/lighthouse-summary.json.
//
// Two kinds of budget (issue 18: a gate that fails because the machine is busy will one day
// block a good submission):
// - hard, whatever the load: largest contentful paint ≤ 0.8 s (median), accessibility and
//   best practices 1.0 in every counted run (and the first load's bytes, `make size-budget`);
// - load-dependent: performance ≥ 0.98 and total blocking time ≤ 200 ms (median). Simulated
//   throttling multiplies the main thread's observed work, so a loaded machine (the 2-core
//   fresh-machine run: TBT 285 ms, performance 0.94) misses them with nothing wrong in the
//   page. When they are missed, the gate waits for the machine to be quiet (1-minute load
//   average at most half the cores, up to 2 minutes) and measures again; it fails only when
//   the quiet retry misses them too. A retry the machine never let be quiet is not judged
//   (a warning, not a failure). It says which happened.
// Exit code 1 when a budget is missed.

import { mkdir, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
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
  tbtMs: 200,
};

const QUIET_LOAD = cpus().length / 2;
const QUIET_WAIT_MS = 120_000;
const load = () => Number(loadavg()[0].toFixed(2));

const REPORTS = fileURLToPath(new URL("./reports", import.meta.url));

const dist = resolve(process.argv[2] ?? DIST_DIR);
const runs = Number(process.env.FUZHU_LIGHTHOUSE_RUNS ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`lighthouse: FUZHU_LIGHTHOUSE_RUNS must be a whole number of runs, 1 or more (got "${process.env.FUZHU_LIGHTHOUSE_RUNS}")`);
  process.exit(2);
}

const server = await serveDir(dist);
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, logLevel: "silent" });
const sets = [];
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
  const measureSet = async (label) => {
  const set = [];
  for (let i = 1; i <= runs; i += 1) {
    const { lhr, artifacts } = await measure();
    await writeFile(`${REPORTS}/lighthouse-${label}${i}.json`, JSON.stringify(lhr));
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
    set.push(run);
    console.log(
      `lighthouse ${label}run ${i}/${runs}: performance ${run.performance} accessibility ${run.accessibility} ` +
        `best-practices ${run["best-practices"]} | FCP ${run.fcpMs.toFixed(0)} ms, LCP ${run.lcpMs.toFixed(0)} ms, ` +
        `TBT ${run.tbtMs.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}, SI ${run.siMs.toFixed(0)} ms | LCP element ${run.lcpElement}`,
    );
    for (const f of run.failed) console.log(`  not passed: ${f}`);
  }
  return set;
  };
  const first = { load: load(), runs: await measureSet("") };
  sets.push(first);
  const soft = softProblems(median(first.runs));
  if (soft.length && !hardProblems(first.runs).length) {
    console.log(`lighthouse: ${soft.join(", ")} at load ${first.load} (${cpus().length} cores): waiting for a quiet machine to measure again`);
    const since = Date.now();
    while (load() > QUIET_LOAD && Date.now() - since < QUIET_WAIT_MS) await new Promise((r) => setTimeout(r, 5000));
    const quiet = { load: load(), retry: true, runs: await measureSet("retry-") };
    sets.push(quiet);
  }
} finally {
  await chrome.kill();
  await server.close();
}

function median(results) {
  return [...results].sort((a, b) => a.performance - b.performance || b.lcpMs - a.lcpMs)[Math.floor(results.length / 2)];
}

/** The budgets that hold whatever the machine's load. */
function hardProblems(results) {
  const m = median(results);
  const problems = [];
  if (m.lcpMs > BUDGETS.lcpMs) problems.push(`LCP ${m.lcpMs.toFixed(0)} ms > ${BUDGETS.lcpMs} ms`);
  for (const r of results) {
    for (const cat of ["accessibility", "best-practices"]) {
      if (r[cat] < BUDGETS[cat]) problems.push(`run ${r.run}: ${cat} ${r[cat]} < ${BUDGETS[cat]}`);
    }
  }
  return problems;
}

/** The budgets a loaded machine can miss with nothing wrong in the page. */
function softProblems(m) {
  const problems = [];
  if (m.performance < BUDGETS.performance) problems.push(`performance ${m.performance} < ${BUDGETS.performance}`);
  if (m.tbtMs > BUDGETS.tbtMs) problems.push(`TBT ${m.tbtMs.toFixed(0)} ms > ${BUDGETS.tbtMs} ms`);
  return problems;
}

const last = sets.at(-1);
const m = median(last.runs);
const hard = hardProblems(sets[0].runs);
const soft = softProblems(m);
// A retry the machine never let be quiet is not a quiet retry: the load-dependent budgets are
// then reported as not judged, never failed (the hard ones above still are).
const unjudged = soft.length > 0 && sets.length > 1 && last.load > QUIET_LOAD;
const verdict = hard.length
  ? "failed a hard budget"
  : unjudged
    ? "load-dependent budgets not judged: missed under load, and the machine stayed busy through the retry"
    : soft.length
    ? "failed the load-dependent budgets on a quiet retry too"
    : sets.length > 1
      ? "missed the load-dependent budgets under load, met them on a quiet retry"
      : "every budget met";
console.log(
  `lighthouse median${last.retry ? " (quiet retry)" : ""} (run ${m.run}, load ${last.load}): performance ${m.performance} (budget ≥ ${BUDGETS.performance}), ` +
    `LCP ${m.lcpMs.toFixed(0)} ms (budget ≤ ${BUDGETS.lcpMs} ms), FCP ${m.fcpMs.toFixed(0)} ms, ` +
    `TBT ${m.tbtMs.toFixed(0)} ms (budget ≤ ${BUDGETS.tbtMs} ms), CLS ${m.cls.toFixed(3)}, SI ${m.siMs.toFixed(0)} ms`,
);
await writeFile(
  `${REPORTS}/lighthouse-summary.json`,
  JSON.stringify({ budgets: BUDGETS, cores: cpus().length, quietLoad: QUIET_LOAD, sets, verdict }, null, 2),
);
if (hard.length) {
  console.error(`lighthouse: hard budgets missed (these hold whatever the load):\n  ${hard.join("\n  ")}`);
  process.exit(1);
}
if (unjudged) {
  console.log(
    `lighthouse: WARNING: ${soft.join(", ")} at load ${sets[0].load}, and again on the retry at load ${last.load}: the machine ` +
      `stayed busy (load > ${QUIET_LOAD}) for the ${QUIET_WAIT_MS / 1000} s wait, so these were not measured on a quiet machine and ` +
      `are not judged; the hard budgets held. Run \`make test-speed\` on a quiet machine to judge them.`,
  );
} else if (soft.length) {
  console.error(`lighthouse: load-dependent budgets missed, and again on a quiet retry at load ${last.load}:\n  ${soft.join("\n  ")}`);
  process.exit(1);
}
console.log(`lighthouse: ${verdict}`);

// How long the main thread is blocked by the task that starts the app (instantiating the wasm
// and rendering the first screen), from Chromium's own trace: the figure behind the speed
// notes in docs/quality.md. Lighthouse's total blocking time is almost all this one task, four
// times over; this measures it directly, over many loads, without Lighthouse's simulation.
// Not a test and not a gate (its figures depend on the machine): run it by hand.
//
//   node e2e/start-task.mjs [DIST] [LOADS]     (default dist/ and 20 loads)
//
// Each load is a fresh phone-sized page with no service worker. Prints each load's start task
// and the tasks over 3 ms in the 100 ms after it (the next frame's style and layout), then the
// median and the longest start task.

import { startApp } from "./lib/browser.mjs";

const dist = process.argv[2];
const loads = Number(process.argv[3] ?? 20);
if (!Number.isInteger(loads) || loads < 1) {
  console.error(`start-task: LOADS must be a whole number, 1 or more (got "${process.argv[3]}")`);
  process.exit(2);
}

const app = await startApp(dist ? { dist } : {});
const starts = [];
try {
  for (let i = 1; i <= loads; i += 1) {
    const page = await app.newPage({ path: "/policy.css", serviceWorkers: "block" });
    await app.browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm"],
    });
    await page.goto(`${app.origin}/`);
    await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
    // Let the frame after the app's first render happen inside the trace.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok)))));
    const events = JSON.parse((await app.browser.stopTracing()).toString()).traceEvents;
    await page.context().close();

    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
    const tasks = onMain.filter((e) => e.name === "RunTask");
    const inside = (task, name) => onMain.some((e) => e.name === name && e.ts >= task.ts && e.ts <= task.ts + task.dur);
    const start = tasks.find((t) => inside(t, "wasm.AsyncInstantiate") || inside(t, "wasm.SyncInstantiate"));
    if (!start) throw new Error(`load ${i}: no task instantiated the wasm (is ${dist ?? "dist/"} a release build?)`);
    const next = tasks
      .filter((t) => t.ts > start.ts && t.ts < start.ts + 100_000 && t.dur > 3_000)
      .map((t) => `${(t.dur / 1000).toFixed(1)} ms`);
    starts.push(start.dur / 1000);
    console.log(`load ${i}/${loads}: start task ${(start.dur / 1000).toFixed(1)} ms; after it: ${next.join(", ") || "nothing over 3 ms"}`);
  }
} finally {
  await app.close();
}
starts.sort((a, b) => a - b);
console.log(
  `start task over ${loads} loads: median ${starts[Math.floor(loads / 2)].toFixed(1)} ms, longest ${starts.at(-1).toFixed(1)} ms`,
);

import { startApp } from "/work/main/e2e/lib/browser.mjs";
const app = await startApp({ dist: process.env.DIST });
const starts = [];
for (let i = 0; i < Number(process.env.N ?? 8); i++) {
  const page = await app.newPage({ path: "/policy.css", serviceWorkers: "block" });
  await app.browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm"] });
  await page.goto(`${app.origin}/`);
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30000 });
  await page.waitForTimeout(300);
  const ev = JSON.parse((await app.browser.stopTracing()).toString()).traceEvents;
  const main = ev.find(e => e.name === "thread_name" && e.args.name === "CrRendererMain");
  const mine = ev.filter(e => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const tasks = mine.filter(e => e.name === "RunTask");
  const t = tasks.filter(t => mine.some(e => e.name === "wasm.AsyncInstantiate" && e.ts >= t.ts && e.ts <= t.ts + t.dur))[0];
  const after = tasks.filter(x => x.ts > t.ts && x.ts < t.ts + 100000 && x.dur > 3000).map(x => (x.dur / 1000).toFixed(1));
  starts.push(t.dur / 1000);
  console.log(`start task ${(t.dur / 1000).toFixed(1)} ms; next tasks >3ms within 100ms: ${after.join(", ")}`);
  await page.context().close();
}
starts.sort((a, b) => a - b);
console.log("median", starts[starts.length >> 1].toFixed(1), "max", starts.at(-1).toFixed(1));
await app.close();

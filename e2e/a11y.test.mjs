// Accessibility audit of the built app (dist/) with axe-core (pinned in package.json), at phone
// size, in Chinese and in English: the welcome screen, a question, the summary, the results
// with every fold opened, and the results as printed. Zero violations of any rule axe runs by
// default (WCAG 2.x A and AA, and its best practices).

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { waitForApp, walkToResults } from "./lib/flow.mjs";

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Runs axe on the page as it is; fails listing each violation and its elements. */
async function audit(page, what) {
  // Through DevTools evaluation, which the page's CSP does not govern.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
    }));
  });
  const report = violations
    .map((v) => `${v.rule} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`)
    .join("\n  ");
  assert.equal(violations.length, 0, `${what}: ${violations.length} axe violation(s)\n  ${report}`);
}

async function setLang(page, lang) {
  const want = lang === "en" ? "en" : "zh-CN";
  if ((await page.evaluate(() => document.documentElement.lang)) !== want) {
    await page.locator(".lang-switch").click();
    await page.waitForFunction((l) => document.documentElement.lang === l, want);
  }
}

for (const lang of ["zh", "en"]) {
  test(`axe finds nothing on any screen (${lang})`, async () => {
    const page = await app.newPage();
    await waitForApp(page);
    await setLang(page, lang);
    await audit(page, `welcome (${lang})`);

    await page.locator(".screen.welcome button.primary").click();
    await page.locator(".screen.question").waitFor();
    await audit(page, `first question (${lang})`);
    // A question with its error message shown (Next without an answer).
    await page.locator(".screen.question button[type=submit]").click();
    await page.locator(".screen.question .error:not(:empty)").waitFor();
    await audit(page, `question with an error (${lang})`);

    await walkToResults(page);
    await page.locator(".screen.results #screen-title").waitFor();
    await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
    await audit(page, `results, folds open (${lang})`);

    await page.emulateMedia({ media: "print" });
    await audit(page, `results as printed (${lang})`);
    await page.emulateMedia({ media: "screen" });

    await page.locator(".screen.results .actions button.secondary").first().click();
    await page.locator(".screen.summary").waitFor();
    await audit(page, `summary (${lang})`);

    app.assertSameOrigin(page);
    app.assertNoErrors(page);
    await page.context().close();
  });
}

test("axe finds nothing in the dark colour scheme (results and a question)", async () => {
  const page = await app.newPage({ colorScheme: "dark" });
  await waitForApp(page);
  await audit(page, "welcome (dark)");
  await page.locator(".screen.welcome button.primary").click();
  await page.locator(".screen.question").waitFor();
  await audit(page, "first question (dark)");
  await walkToResults(page);
  await page.locator(".screen.results #screen-title").waitFor();
  await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
  await audit(page, "results (dark)");
  app.assertNoErrors(page);
  await page.context().close();
});

test("axe finds nothing on the panic page", async () => {
  const page = await app.newPage();
  await waitForApp(page);
  // The trap, uncaught as a real panic's would be: boot.js shows the page.
  await page.evaluate(() => setTimeout(() => window.wasmBindings.fuzhu_force_panic()));
  await page.locator("#fuzhu-restart").waitFor();
  await audit(page, "panic page");
  await page.context().close();
});

test("axe finds nothing on the results when their Chinese cannot be had", async () => {
  // No service worker, so the route below reaches the request (src/later.rs).
  const page = await app.newPage({ serviceWorkers: "block" });
  await page.route(/\/later-[0-9a-f]{16}\.txt$/, (route) => route.abort());
  await page.reload();
  await waitForApp(page);
  await walkToResults(page);
  await page.locator(".screen.preparing .notice[role=alert]").waitFor();
  await audit(page, "results unavailable");
  await page.context().close();
});

test("axe finds nothing on the office page's 统计 and 与上次比较 views (Chinese, English)", async () => {
  const { fileURLToPath } = await import("node:url");
  const fixture = fileURLToPath(new URL("../tests/register/register.xlsx", import.meta.url));
  for (const colorScheme of ["light"]) {
    const page = await app.newPage({ path: "/office.html", viewport: { width: 1366, height: 768 }, colorScheme });
    await page.locator("#app .static-screen").waitFor({ state: "detached", timeout: 30_000 });
    await page.locator("#register-file").setInputFiles(fixture);
    await page.locator(".desk-file .loaded").waitFor({ timeout: 60_000 });
    await page.locator("button.tab-stats").click();
    await page.locator(".stats-view svg#chart-items").waitFor();
    await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
    await audit(page, `统计 (${colorScheme})`);
    await page.locator("button.tab-compare").click();
    await page.locator(".compare-view").waitFor();
    await audit(page, `与上次比较 (${colorScheme})`);
    if (colorScheme === "light") {
      await page.locator("button.tab-stats").click();
      await setLang(page, "en");
      await page.locator(".stats-view svg#chart-items").waitFor();
      await audit(page, "统计 in English");
    }
    await page.context().close();
  }
});

// Privacy and security of the built app (dist/): its Content-Security-Policy holds through a
// whole visit (no violation, no request off the origin), nothing is stored without consent,
// and a panic shows a friendly page whose button brings the answers back.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startApp } from "./lib/browser.mjs";
import { waitForApp, walkToResults } from "./lib/flow.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Records every `securitypolicyviolation` event of every document the page loads. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

const violations = (page) => page.evaluate(() => window.__cspViolations);

test("the page carries a strict Content-Security-Policy", async () => {
  const page = await app.newPage();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.ok(csp, "no CSP meta tag in index.html");
  const directives = Object.fromEntries(
    csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives["default-src"], ["'self'"]);
  assert.deepEqual(directives["connect-src"], ["'self'"]);
  assert.deepEqual(directives["object-src"], ["'none'"]);
  assert.deepEqual(directives["base-uri"], ["'none'"]);
  assert.deepEqual(directives["form-action"], ["'none'"]);
  assert.deepEqual(directives["img-src"], ["'self'", "data:"]);
  const script = directives["script-src"];
  assert.deepEqual(script.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(script.slice(2).length >= 1 && script.slice(2).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)), script.join(" "));
  assert.ok(!csp.includes("unsafe-inline") && !csp.includes("'unsafe-eval'"), csp);
  assert.ok(directives["style-src"].every((s) => s === "'self'" || s.startsWith("'sha256-")), csp);
  // The meta comes before anything it governs.
  const before = await page.evaluate(() => {
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    return [...document.querySelectorAll("script, link, style")].filter(
      (el) => meta.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING,
    ).length;
  });
  assert.equal(before, 0, "a script, link or style precedes the CSP meta");
  await page.context().close();
});

test("a whole visit: no CSP violation, no request off the origin, nothing stored", async () => {
  const page = await app.newPage();
  await watchCsp(page);
  await page.reload(); // so the init script sees the whole load
  await waitForApp(page);

  // Both languages and large text on the welcome screen, then the whole questionnaire.
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  await page.locator(".large-toggle").click();
  await page.locator(".large-toggle").click();
  await walkToResults(page);
  await page.locator(".screen.results #screen-title").waitFor();
  // Every fold opened, the print view, then English results.
  await page.$$eval("details", (all) => all.forEach((d) => (d.open = true)));
  await page.emulateMedia({ media: "print" });
  await page.emulateMedia({ media: "screen" });
  await page.locator(".lang-switch").click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  // Back to the summary and forward again.
  await page.locator(".screen.results .actions button.secondary").first().click();
  await page.locator(".screen.summary").waitFor();
  await page.locator(".screen.summary button.primary").click();
  await page.locator(".screen.results").waitFor();

  assert.deepEqual(await violations(page), [], "CSP violations");
  const stored = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
    indexedDB: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
  }));
  assert.deepEqual(stored, { localStorage: 0, sessionStorage: 0, cookie: "", indexedDB: [] }, "stored without consent");
  assert.deepEqual(await page.context().cookies(), []);
  // The answers are in the address's fragment only: never in a request.
  const fragment = await page.evaluate(() => location.hash);
  assert.ok(fragment.length > 1, "the answers should be in the fragment");
  const withAnswers = app.requests(page).filter((url) => url.includes(fragment.slice(1)));
  assert.deepEqual(withAnswers, [], "a request carried the answers");
  app.assertSameOrigin(page);
  app.assertNoErrors(page);
  await page.context().close();
});

test("a panic shows a friendly page, and 重新打开 brings the answers back", async () => {
  const page = await app.newPage();
  await watchCsp(page);
  await waitForApp(page);
  await walkToResults(page);
  await page.locator(".screen.results #screen-title").waitFor();
  const url = page.url();
  assert.match(url, /#./, "the answers should be in the fragment");

  // The release build traps at once (-Cpanic=immediate-abort, scripts/env.sh) and boot.js
  // shows the page. Thrown where a real panic is: in a task of its own, uncaught.
  await page.evaluate(() => setTimeout(() => window.wasmBindings.fuzhu_force_panic()));

  await page.locator("#fuzhu-restart").waitFor();
  assert.equal((await page.locator("h1").innerText()).trim(), "出了点问题");
  assert.equal((await page.locator("#fuzhu-restart").innerText()).trim(), "重新打开");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "panic-title");
  assert.equal(await page.locator(".screen").count(), 0, "the app's screen should be gone");
  assert.equal(page.url(), url, "the panic must not touch the address");
  await app.screenshot(page, "panic-360x640");
  // Only the panic itself was reported (the trap).
  const errors = app.errors(page);
  assert.ok(errors.length >= 1 && errors.every((e) => /fuzhu_force_panic|unreachable/.test(e)), errors.join("\n"));

  await Promise.all([page.waitForEvent("load"), page.locator("#fuzhu-restart").click()]);
  await waitForApp(page);
  assert.equal(page.url(), url, "the reload keeps the address and its fragment");
  // Every question was answered, so the answers come back as the summary.
  await page.locator(".screen.summary").waitFor();
  assert.ok((await page.locator(".screen.summary .answer-row").count()) > 5);
  assert.deepEqual(await violations(page), [], "CSP violations");
  app.assertSameOrigin(page);
  await page.context().close();
});

// axe-core on a page, for the e2e tests that audit a screen they reach (a11y.test.mjs keeps
// its own, fuller report of each violation):
//
//   await axeClean(page, "the widow's results");   // fails with each rule and its elements

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe on the whole page; fails listing every violation's rule and elements. */
export async function axeClean(page, what) {
  // Through DevTools evaluation, which the page's CSP does not govern.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(violations, [], `axe on ${what}`);
}

// Driving the questionnaire in e2e tests, whatever the order of its questions:
//
//   await waitForApp(page);                      // the wasm app replaced the static screen
//   await walkToResults(page);                   // from the welcome screen to the results
//
// walkToResults answers each question on the screen it finds: the first choice of every
// radio group (child died, no other child, both parents living, both Kaifeng, 龙亭区, town,
// resident schemes, at home…), the given birth dates, the given hospital days, and no tick
// boxes. That makes a bereaved couple over sixty for whom many items apply, at several places.

/** Waits until the wasm app has replaced index.html's static first screen. */
export async function waitForApp(page, { timeout = 30_000 } = {}) {
  await page.locator("#app .static-screen").waitFor({ state: "detached", timeout });
  await page.locator("#app h1").first().waitFor({ timeout });
}

/**
 * From the welcome screen (or any question) to the results screen.
 * @param {import("playwright-core").Page} page
 */
export async function walkToResults(
  page,
  { mother = [1960, 5, 20], father = [1958, 8, 1], days = "12", maxSteps = 40 } = {},
) {
  const welcome = page.locator(".screen.welcome button.primary");
  if (await welcome.count()) await welcome.click();
  for (let step = 0; step < maxSteps; step += 1) {
    // The results, or the results waiting for their Chinese (src/later.rs) when it is slow or
    // cannot be had.
    await page.locator(".screen.question, .screen.summary, .screen.results, .screen.preparing").first().waitFor();
    if (await page.locator(".screen.results, .screen.preparing").count()) return;
    if (await page.locator(".screen.summary").count()) {
      await page.locator(".screen.summary button.primary").click();
      continue;
    }
    const title = (await page.locator("#screen-title").innerText()).trim();
    const screen = page.locator(".screen.question");
    // Radio groups: the first choice of each, unless one is already chosen.
    for (const group of await screen.locator(".cards:has(input[type=radio])").all()) {
      if ((await group.locator("input:checked").count()) === 0) {
        await group.locator("label.card").first().click();
      }
    }
    // A date: the father's when the title names him, otherwise the mother's.
    const selects = screen.locator(".date-picker select");
    if (await selects.count()) {
      const [y, m, d] = /父亲|father/i.test(title) ? father : mother;
      await selects.nth(0).selectOption(String(y));
      await selects.nth(1).selectOption(String(m));
      await selects.nth(2).selectOption(String(d));
    }
    for (const input of await screen.locator(".number-box input").all()) {
      await input.fill(days);
    }
    await screen.locator("button[type=submit]").click();
    await page.waitForFunction(
      (before) => {
        const h1 = document.querySelector("#screen-title");
        return !h1 || h1.innerText.trim() !== before || document.querySelector(".screen.results, .screen.summary");
      },
      title,
      { timeout: 10_000 },
    );
  }
  throw new Error(`no results after ${maxSteps} screens`);
}

// The machine's other browser engines through WebDriver (webdriverio, classic protocol):
// Firefox ESR with geckodriver (cargo install geckodriver), and WebKitGTK's MiniBrowser with
// WebKitWebDriver under a virtual display (xvfb-run). Never a downloaded browser or driver.
//
//   const engine = await startEngine("firefox");   // or "webkit"
//   const browser = engine.browser;                 // a webdriverio Browser
//   await engine.close();                           // the session, the driver, its display

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { remote } from "webdriverio";
import { freePort } from "./servers.mjs";

export const FIREFOX = process.env.FUZHU_FIREFOX ?? "/usr/bin/firefox-esr";
export const GECKODRIVER =
  process.env.GECKODRIVER ?? [join(homedir(), ".cargo/bin/geckodriver"), "/usr/local/bin/geckodriver"].find(existsSync) ?? "geckodriver";
export const MINIBROWSER = process.env.FUZHU_MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

const ENGINES = {
  firefox: {
    command: (port) => [GECKODRIVER, ["--host", "127.0.0.1", "--port", String(port)]],
    // Firefox's window is at least 500 px wide, for its toolbars: a profile whose
    // userChrome.css lifts that, so the window can take a phone's width.
    async profile() {
      const dir = await mkdtemp(join(tmpdir(), "fuzhu-firefox-"));
      await mkdir(join(dir, "chrome"));
      await writeFile(join(dir, "user.js"), 'user_pref("toolkit.legacyUserProfileCustomizations.stylesheets", true);\n');
      await writeFile(
        join(dir, "chrome", "userChrome.css"),
        ":root, #main-window, #navigator-toolbox, #nav-bar, #nav-bar-customization-target, #urlbar-container, " +
          "#TabsToolbar, toolbar, #browser, #appcontent, #tabbrowser-tabbox { min-width: 0 !important; }\n",
      );
      return dir;
    },
    capabilities: (profile) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: FIREFOX,
        args: ["-headless", "-profile", profile],
        prefs: {
          "toolkit.legacyUserProfileCustomizations.stylesheets": true,
          "intl.accept_languages": "zh-CN",
          "browser.shell.checkDefaultBrowser": false,
          // Scrollbars over the page, as on a phone, not beside it.
          "widget.gtk.overlay-scrollbars.enabled": true,
          "layout.testing.overlay-scrollbars.always-visible": false,
        },
      },
    }),
  },
  webkit: {
    // MiniBrowser's window is at least 447 px wide with its toolbar: full screen on a virtual
    // screen of the phone's size, it is exactly the phone's viewport.
    command: (port, { width, height }) => [
      "xvfb-run",
      ["-a", "-s", `-screen 0 ${width}x${height}x24`, "WebKitWebDriver", `--port=${port}`],
    ],
    profile: async () => undefined,
    capabilities: () => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation", "--full-screen"] },
    }),
  },
};

async function driverReady(port, child, until) {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the driver exited (${child.exitCode ?? child.signalCode})`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(2_000) });
      const body = await r.json();
      if (r.ok && (body.value?.ready ?? true)) return;
    } catch {}
    if (Date.now() > until) throw new Error(`the driver did not answer on port ${port}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/**
 * Starts the engine's driver and a session whose viewport is `width`×`height` CSS pixels.
 * @param {"firefox"|"webkit"} name
 */
export async function startEngine(name, { width = 360, height = 640 } = {}) {
  const engine = ENGINES[name];
  const port = await freePort();
  const profile = await engine.profile();
  const [cmd, args] = engine.command(port, { width, height });
  // Its own process group, so that closing it ends xvfb-run's Xvfb and the browser too.
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (d) => (output = (output + d).slice(-4000)));
  child.stderr.on("data", (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise((ok) => child.once("exit", ok));
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {}
  };
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);
  let browser;
  const close = async () => {
    try {
      await browser?.deleteSession();
    } catch {}
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    killGroup("SIGKILL"); // whatever of the group outlived the driver
    process.removeListener("exit", onExit);
    if (profile) await rm(profile, { recursive: true, force: true });
  };
  try {
    await driverReady(port, child, Date.now() + 30_000);
    browser = await remote({
      hostname: "127.0.0.1",
      port,
      path: "/",
      logLevel: "error",
      connectionRetryTimeout: 120_000,
      connectionRetryCount: 1,
      capabilities: { ...engine.capabilities(profile), "wdio:enforceWebDriverClassic": true },
    });
    await browser.setTimeout({ pageLoad: 60_000, script: 30_000 });
    await setViewport(browser, width, height);
  } catch (error) {
    await close();
    error.message += `\n${name} driver output:\n${output}`;
    throw error;
  }
  return { name, browser, close, output: () => output };
}

/** Sizes the window so that the page's viewport is width×height (the window's frame and, in
 *  MiniBrowser, its toolbar take some of it). */
export async function setViewport(browser, width, height) {
  // A window not drawn yet can report a frame smaller than its page (WebKit under Xvfb, once
  // in a fresh-clone run): the size it gives is then not a window's, so the window is sized
  // to the viewport asked and measured again.
  const frame = (n, least) => (Number.isInteger(n) && n >= least && n < 2 ** 31 ? n : least);
  for (let i = 0; i < 5; i++) {
    const inner = await browser.execute(() => [window.innerWidth, window.innerHeight]);
    if (inner[0] === width && inner[1] === height) return;
    const outer = await browser.getWindowSize();
    await browser.setWindowSize(
      frame(outer.width + width - inner[0], width),
      frame(outer.height + height - inner[1], height),
    );
  }
}

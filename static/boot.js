/*
 * 扶助通 boot script: runs before the app, inline at the end of index.html's body (trunk
 * inlines it, so the first screen needs no request but the page's own; the CSP allows it by
 * its hash, see scripts/csp.mjs). Written as plain ES5 so that the fallback itself works on
 * the old Android WebViews and in-app browsers it is there for.
 *
 *  1. Fallback: when WebAssembly is missing, the app's files fail to load or run, or the app
 *     has not replaced index.html's first screen after LOAD_TIMEOUT_MS, show the notice
 *     (#fallback) that links to the text version, policy.html. Should the app mount after
 *     all, it replaces the notice with itself.
 *  2. Embedding: inside an iframe, send the parent {type: "fuzhu:height", height} whenever
 *     the page's height changes, so the street office's page can size the frame. Nothing
 *     else is ever sent: never an answer.
 *  3. Offline: register sw.js, which keeps the app on the phone (see sw.js).
 *  4. A link from a newer release: the app calls fuzhuAwaitRelease() when a link's share
 *     format is newer than it reads. It asks for sw.js again (now, every minute and when the
 *     network returns) and reloads once a newer release has taken over, which then opens the
 *     link; the address, fragment included, is never touched.
 *  5. A panic: the release build traps at once (scripts/env.sh: -Cpanic=immediate-abort), so
 *     the app cannot show its friendly page (src/app/panic.rs); this shows the same page, with
 *     a 重新打开 button that reloads (the answers are in the fragment, which a reload keeps).
 */
(function () {
  "use strict";

  var LOAD_TIMEOUT_MS = 20000;
  var script = document.currentScript;
  var here = script && script.src ? script.src : window.location.href;

  function appRoot() {
    return document.getElementById("app");
  }

  /** The app replaces the static first screen when it mounts. */
  function mounted() {
    var root = appRoot();
    return !!root && !root.querySelector(".static-screen");
  }

  function showFallback(reason) {
    if (mounted()) return;
    var notice = document.getElementById("fallback");
    if (!notice || !notice.hidden) return;
    notice.hidden = false;
    var loading = document.querySelector("#app .loading");
    if (loading) loading.hidden = true;
    document.documentElement.setAttribute("data-fallback", reason);
  }

  // 5. A panic once the app has mounted: the same page as src/app/panic.rs's PAGE.
  var PANIC_PAGE =
    '<main class="app panic-screen" id="main">' +
    '<h1 id="panic-title" tabindex="-1">出了点问题</h1>' +
    '<p class="lead" role="alert">这一页意外出错了。您已经填写的答案还保存在本页的网址里，不会丢失。</p>' +
    "<p>请点下面的按钮重新打开本页，再接着看。</p>" +
    '<div class="actions"><button type="button" class="primary" id="fuzhu-restart">重新打开</button></div>' +
    '<p class="hint" lang="en">Something went wrong. Your answers are kept in this page\'s address: ' +
    "press 重新打开 (open again) to carry on.</p>" +
    "</main>";

  function isTrap(error) {
    return (
      typeof WebAssembly === "object" &&
      typeof WebAssembly.RuntimeError === "function" &&
      error instanceof WebAssembly.RuntimeError
    );
  }

  function showPanic() {
    var root = appRoot() || document.body;
    if (!root || document.getElementById("fuzhu-restart")) return;
    document.documentElement.setAttribute("lang", "zh-CN");
    root.innerHTML = PANIC_PAGE;
    document.getElementById("fuzhu-restart").addEventListener("click", function (event) {
      // Not on to the app's own listeners on #app: its state is not to be trusted now.
      event.stopPropagation();
      window.location.reload();
    });
    document.getElementById("panic-title").focus();
  }

  // 1. Fallback.
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    showFallback("no-webassembly");
  }
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target !== window && target.tagName) {
        // A file failed to load: only the app's own script and module matter.
        var url = target.src || target.href || "";
        if (/\.(js|wasm)(\?|#|$)/.test(url)) showFallback("load-failed");
        return;
      }
      if (mounted() && isTrap(event.error)) return showPanic();
      showFallback("error");
    },
    true
  );
  window.addEventListener("unhandledrejection", function (event) {
    if (mounted() && isTrap(event.reason)) return showPanic();
    showFallback("error");
  });
  window.setTimeout(function () {
    showFallback("timeout");
  }, LOAD_TIMEOUT_MS);

  // 2. Height for the embedding page.
  if (window.parent && window.parent !== window) {
    document.documentElement.className += " embedded";
    var last = -1;
    var report = function () {
      var root = appRoot() || document.body;
      if (!root) return;
      var offset = window.pageYOffset || document.documentElement.scrollTop || 0;
      var height = Math.ceil(root.getBoundingClientRect().bottom + offset);
      if (height === last || !(height > 0)) return;
      last = height;
      window.parent.postMessage({ type: "fuzhu:height", height: height }, "*");
    };
    if (typeof window.ResizeObserver === "function") {
      var observer = new window.ResizeObserver(report);
      observer.observe(appRoot() || document.body);
    } else {
      window.setInterval(report, 500);
    }
    window.addEventListener("load", report);
    window.addEventListener("resize", report);
    report();
  }

  // 3. Offline.
  if ("serviceWorker" in navigator && window.URL) {
    window.addEventListener("load", function () {
      try {
        navigator.serviceWorker.register(new window.URL("sw.js", here).href).catch(function () {
          // No offline copy (private mode, an old browser, http): the app still works online.
        });
      } catch (e) {
        // As above.
      }
    });
  }

  // 4. A newer release.
  window.fuzhuAwaitRelease = function () {
    var sw = navigator.serviceWorker;
    if (!sw || window.fuzhuAwaiting) return;
    window.fuzhuAwaiting = true;
    sw.addEventListener("controllerchange", function () {
      window.location.reload();
    });
    var check = function () {
      sw.getRegistration()
        .then(function (r) {
          if (r) return r.update();
        })
        .catch(function () {});
    };
    check();
    window.setInterval(check, 60000);
    window.addEventListener("online", check);
  };
})();

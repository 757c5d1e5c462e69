/*
 * For a street office's page that shows 扶助通 in an <iframe data-fuzhu src="…">: makes each
 * such frame as tall as the app inside it. The app sends {type: "fuzhu:height", height}
 * whenever its height changes, and nothing else. A message is used only if it comes from
 * one of these frames, from the frame's own origin, with a sane number. See docs/embedding.md.
 */
(function () {
  "use strict";
  var MIN_HEIGHT = 320;
  var MAX_HEIGHT = 30000;

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "fuzhu:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height)) return;
    var frames = document.querySelectorAll("iframe[data-fuzhu]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin = new URL(frame.src, window.location.href).origin;
      if (origin !== event.origin) continue;
      frame.style.height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.ceil(height))) + "px";
    }
  });
})();

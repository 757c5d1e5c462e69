/*
 * 扶助通 service worker: keeps the app on the phone, so it opens and answers without a
 * network once it has been opened online.
 *
 * The build fills in VERSION and PRECACHE between the markers below (scripts/precache.mjs,
 * run by Trunk's post_build hook): every file of the release, and a version made from their
 * contents. Any change to any file therefore changes this file, the browser installs the new
 * worker, and:
 *   install   caches the whole release under "fuzhu-<VERSION>", then takes over at once
 *             (skipWaiting): the release is complete before anything is served from it;
 *   activate  deletes every older "fuzhu-" cache and takes control of open pages
 *             (clients.claim). A page already open keeps running the code it loaded; the
 *             next time the app is opened, it is the new release.
 *   fetch     answers the app's own files from the cache, and a page address (with any
 *             ?office=… parameter) with the cached index.html; offices.json, which the
 *             publishing site may edit after the build (docs/deploy.md), from the network
 *             first, its latest copy kept in the cache for offline use (install cached the
 *             server's copy of it with the rest); anything else goes to the network as usual.
 *
 * A page that receives a link of a newer share format than it reads asks for this file again
 * (boot.js, fuzhuAwaitRelease) and reloads once the newer release has taken over: the link is
 * then opened by the release that made it.
 */
/* PRECACHE-BEGIN (written by scripts/precache.mjs) */
const VERSION = "dev";
const PRECACHE = [];
/* PRECACHE-END */

const PREFIX = "fuzhu-";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === new URL("offices.json", self.registration.scope).pathname) {
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith(respond(request, url));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function respond(request, url) {
  const cache = await caches.open(CACHE);
  let cached;
  if (request.mode === "navigate") {
    cached = await cache.match(url.pathname, { ignoreSearch: true });
    // The app's own address and any path without a file extension are the app.
    if (!cached && (url.pathname.endsWith("/") || !/\.[a-z0-9]+$/i.test(url.pathname))) {
      cached = await cache.match(new URL("index.html", self.registration.scope).href);
    }
  } else {
    cached = await cache.match(request);
  }
  if (cached) return cached;
  return fetch(request);
}

// Puerta's service worker. It keeps the app shell and the Entry Requirements so they can be read
// offline, shows the offline page for everything else, and never stores a page with personal
// data: only the public paths below are ever put in the cache.
const CACHE = "puerta-__VERSION__";
const SHELL = ["/offline", "/entry-requirements", "__CSS__", "__JS__", "/manifest.webmanifest", "/static/icons/icon-192.png"];

function isPublic(url) {
  return url.pathname === "/" || url.pathname === "/offline" || url.pathname === "/manifest.webmanifest" ||
    url.pathname === "/entry-requirements" || url.pathname.startsWith("/entry-requirements/") ||
    url.pathname.startsWith("/static/");
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("puerta-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (url.pathname.startsWith("/static/")) {
    // Content-hashed names never change: cache first.
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((response) => {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
      return response;
    })));
    return;
  }
  if (isPublic(url)) {
    // Network first, so readers see edits; the cached copy when offline.
    event.respondWith(fetch(request).then((response) => {
      const cacheable = response.ok && !/no-store/.test(response.headers.get("Cache-Control") || "");
      if (cacheable) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return response;
    }).catch(() => caches.match(request).then((hit) => hit || caches.match("/offline"))));
    return;
  }
  if (request.mode === "navigate") {
    // Personal pages: never cached; offline, say so.
    event.respondWith(fetch(request).catch(() => caches.match("/offline")));
  }
});

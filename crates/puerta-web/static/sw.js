// Puerta's service worker. It keeps the static assets, the offline page and the Entry
// Requirements so they can be read offline, and shows the offline page for everything else.
//
// It never stores a page rendered for a signed-in person:
// - only static assets and the public pages below are ever stored;
// - only answers the server lets be stored: never `Cache-Control: no-store` or `private`, never
//   one with `Set-Cookie`, never a redirect or an error;
// - the server sends every page answered to a signed-in person as `no-store, private`, so when
//   such a person reads a public page, the worker stores instead a copy fetched without cookies
//   (the page as a visitor sees it, in the same language);
// - pages are network first: a stored copy is used only when the network fails.
const CACHE = "puerta-__VERSION__";
const ASSETS = ["__CSS__", "__JS__", "/manifest.webmanifest", "/static/icons/icon-192.png"];
const PAGES = ["/offline", "/entry-requirements"];
const MATCH = { ignoreVary: true };

function isPublicPage(url) {
  return url.pathname === "/" || url.pathname === "/offline" || url.pathname === "/entry-requirements" ||
    url.pathname.startsWith("/entry-requirements/");
}

// Whether the server allows this answer to be kept.
function storable(response) {
  if (!response || !response.ok || response.redirected || response.type !== "basic") { return false; }
  const cacheControl = (response.headers.get("Cache-Control") || "").toLowerCase();
  return !/no-store|private/.test(cacheControl) && !response.headers.has("Set-Cookie");
}

// A public page as a visitor sees it: no cookies go with the request (and any it sets are
// ignored), so nothing of a signed-in person can be in it.
function asVisitor(href, language) {
  const headers = language ? { "Accept-Language": language } : {};
  return fetch(new Request(href, { credentials: "omit", headers }));
}

function pageLanguage(html) {
  const match = /<html[^>]*\slang="([A-Za-z-]{2,12})"/.exec(html);
  return match ? match[1] : null;
}

async function keepPage(href, response) {
  const cache = await caches.open(CACHE);
  if (storable(response)) {
    await cache.put(href, response);
    return;
  }
  if (!response.ok || response.redirected) { return; }
  // Rendered for a signed-in person (`no-store, private`): keep the visitor's copy instead.
  const language = pageLanguage(await response.text());
  const copy = await asVisitor(href, language);
  if (storable(copy)) { await cache.put(href, copy); }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => Promise.all([
        cache.addAll(ASSETS),
        ...PAGES.map((path) => asVisitor(path, null).then((response) => {
          if (storable(response)) { return cache.put(path, response); }
          return undefined;
        })),
      ]))
      .then(() => self.skipWaiting())
  );
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
    event.respondWith(caches.match(request, MATCH).then((hit) => hit || fetch(request).then((response) => {
      if (storable(response)) {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
      }
      return response;
    })));
    return;
  }
  const publicPage = isPublicPage(url);
  if (publicPage || request.mode === "navigate") {
    // Network first, so readers see edits. Offline: a public page's stored copy, else the
    // offline page; a personal page is never stored, so offline it is always the offline page.
    event.respondWith(fetch(request).then((response) => {
      if (publicPage) { event.waitUntil(keepPage(url.href, response.clone())); }
      return response;
    }).catch(() => (publicPage ? caches.match(url.href, MATCH) : Promise.resolve(undefined))
      .then((hit) => hit || caches.match("/offline", MATCH))));
  }
});

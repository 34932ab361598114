// The web app's service worker. The app's page and its built files come from the cache when the network
// does not answer, so count mode still opens in a cellar with no signal (the counts themselves wait in
// IndexedDB, see src/counting). Answers of the Api are never cached: stock must be live or plainly absent.
const shellCache = "ipf-shell-v1";
const assetCache = "ipf-assets-v1";
const shell = ["/", "/manifest.webmanifest", "/icon.svg", "/icon-192.png", "/icon-512.png"];
const apiPaths = ["/api/", "/hubs/", "/health/", "/openapi/", "/docs", "/.well-known/"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(shellCache).then((cache) => cache.addAll(shell)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  const kept = [shellCache, assetCache];
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => !kept.includes(name)).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || apiPaths.some((path) => url.pathname.startsWith(path))) return;

  if (request.mode === "navigate") {
    // Every screen is the same index.html: fresh from the network when it answers, the last one kept when not.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(shellCache).then((cache) => cache.put("/", copy));
          }
          return response;
        })
        .catch(() => caches.match("/").then((cached) => cached ?? Response.error())),
    );
    return;
  }

  if (url.pathname.startsWith("/assets/")) {
    // Built files are named by their content: one kept is good for ever.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(assetCache).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }

  event.respondWith(fetch(request).catch(() => caches.match(request).then((cached) => cached ?? Response.error())));
});

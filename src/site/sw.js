// casenote's service worker, for the standalone site only (page.js
// registers it; the <casenote-editor> element never does). Plain
// JavaScript, copied by Trunk; it sits at the site's root, so its scope and
// every URL below are relative to wherever the site is deployed.
//
// - Precache: on install, every file of this release (the list below, with
//   each file's SHA-256) is fetched, checked against its hash and put in a
//   cache named for the release. If any file fails or does not match (a
//   deploy half done), the install fails and the release in use stays; the
//   browser tries again on a later load.
// - One release per page: each page is served, from its first byte to its
//   last file, by the release that served its document. A new release
//   takes over at the next load (it activates as soon as its whole set is
//   in), while a page already open keeps getting its own release's files
//   from that release's cache. A release's cache is deleted once no open
//   page uses it.
// - config.json is the deployer's and not part of a release: served from
//   the last copy seen, and refreshed from the network in the background,
//   so a change applies from the next load.
// - Everything else (the API, the inbox, any other URL) is not intercepted.

// Written by .ci/release at build time: { id, files: [{ path, sha256 }] }.
const RELEASE = { "id": "unbuilt", "files": [] };

const PREFIX = "casenote-release-";
const CACHE = PREFIX + RELEASE.id;
const CONFIG_CACHE = "casenote-config";
// Which release each open page (client) was loaded with: one entry per
// client, kept in Cache Storage so that it outlives this worker's restarts.
const PINS_CACHE = "casenote-pages";
const SCOPE = new URL("./", self.location.href).href;
const CONFIG = new URL("config.json", SCOPE).href;
const INDEX = new URL("index.html", SCOPE).href;
const FILES = new Map(RELEASE.files.map((f) => [new URL(f.path, SCOPE).href, f.sha256]));
const pinKey = (clientId) => new URL(`casenote-page/${encodeURIComponent(clientId)}`, SCOPE).href;
const pins = new Map();

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

async function precache() {
  if (FILES.size === 0) throw new Error("casenote sw.js carries no release: build it with trunk (.ci/release)");
  // Each file revalidated (a 304 costs no bytes), and checked against its
  // hash. A file that does not match is fetched once more past the HTTP
  // cache, whose copy may be an older file with the same Last-Modified
  // (a deploy that keeps file times, or two within a second); if it still
  // does not match, the server does not have this release whole yet.
  const fetchChecked = async (url, sha256, cache) => {
    const res = await fetch(url, { cache, credentials: "same-origin" });
    if (!res.ok) throw new Error(`casenote: ${url} answered ${res.status}`);
    const got = hex(await crypto.subtle.digest("SHA-256", await res.clone().arrayBuffer()));
    return got === sha256 ? res : null;
  };
  const fetched = await Promise.all(
    [...FILES].map(async ([url, sha256]) => {
      const res = (await fetchChecked(url, sha256, "no-cache")) || (await fetchChecked(url, sha256, "reload"));
      if (!res) throw new Error(`casenote: ${url} is not the file of release ${RELEASE.id}`);
      return [url, res];
    }),
  );
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(fetched.map(([url, res]) => cache.put(url, res)));
  } catch (e) {
    await caches.delete(CACHE);
    throw e;
  }
  // The deployer's settings, for a first offline load; kept if already there.
  const config = await caches.open(CONFIG_CACHE);
  if (!(await config.match(CONFIG))) {
    try {
      const res = await fetch(CONFIG, { cache: "no-cache" });
      if (res.status < 500) await config.put(CONFIG, res);
    } catch {
      // Offline or refused: the page falls back to its defaults.
    }
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    precache().then(
      // Safe: pages already open stay on their own release (see serveFile).
      () => self.skipWaiting(),
      async (e) => {
        await caches.delete(CACHE);
        throw e;
      },
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(forgetOldReleases());
});

// A page being loaded is not among the clients yet: its pin is kept until
// the page has been seen among them, or for a minute if it never is.
const PIN_GRACE_MS = 60 * 1000;

// Deletes the caches of releases no open page uses, and the pins of pages
// that are gone.
async function forgetOldReleases() {
  const open = new Set((await self.clients.matchAll({ type: "all", includeUncontrolled: true })).map((c) => c.id));
  const store = await caches.open(PINS_CACHE);
  const keep = new Set([CACHE]);
  for (const req of await store.keys()) {
    const id = decodeURIComponent(req.url.slice(req.url.lastIndexOf("/") + 1));
    const res = await store.match(req);
    if (!res) continue;
    const seen = res.headers.has("x-seen");
    if (open.has(id) || (!seen && Date.now() - Number(res.headers.get("x-pinned-at")) < PIN_GRACE_MS)) {
      const release = await res.text();
      keep.add(PREFIX + release);
      if (open.has(id) && !seen) await store.put(req, new Response(release, { headers: { "x-seen": "1" } }));
    } else {
      pins.delete(id);
      await store.delete(req);
    }
  }
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
  }
}

async function pin(clientId) {
  if (!clientId) return;
  pins.set(clientId, RELEASE.id);
  const store = await caches.open(PINS_CACHE);
  await store.put(pinKey(clientId), new Response(RELEASE.id, { headers: { "x-pinned-at": String(Date.now()) } }));
}

async function pinnedRelease(clientId) {
  if (!clientId) return RELEASE.id;
  if (pins.has(clientId)) return pins.get(clientId);
  const res = await (await caches.open(PINS_CACHE)).match(pinKey(clientId));
  const id = res ? await res.text() : RELEASE.id;
  pins.set(clientId, id);
  return id;
}

async function fromRelease(id, url) {
  const cache = await caches.open(PREFIX + id);
  return cache.match(url, { ignoreVary: true });
}

async function serveDocument(event) {
  const res = await fromRelease(RELEASE.id, INDEX);
  if (!res) return fetch(event.request);
  // Pinned before the page can ask for anything else.
  await pin(event.resultingClientId);
  event.waitUntil(forgetOldReleases());
  return res;
}

async function serveFile(event, url) {
  const id = await pinnedRelease(event.clientId);
  // Only if that cache went (the browser evicted it): the network.
  return (await fromRelease(id, url)) || fetch(event.request);
}

async function serveConfig(event) {
  const cache = await caches.open(CONFIG_CACHE);
  const cached = await cache.match(CONFIG, { ignoreVary: true });
  const fresh = fetch(CONFIG, { cache: "no-cache" }).then(async (res) => {
    if (res.status < 500) await cache.put(CONFIG, res.clone());
    return res;
  });
  if (cached) {
    event.waitUntil(fresh.catch(() => {}));
    return cached;
  }
  return fresh;
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = req.url.split("#")[0];
  if (req.mode === "navigate") {
    const page = url.split("?")[0];
    if (page === SCOPE || page === INDEX) event.respondWith(serveDocument(event));
    return;
  }
  if (url === CONFIG) {
    event.respondWith(serveConfig(event));
  } else if (FILES.has(url)) {
    event.respondWith(serveFile(event, url));
  }
  // Anything else, the API and the inbox among it, goes to the network
  // untouched.
});

// casenote benchmark: casenote against a plain-HTML SOAP form (the floor),
// in one run and one browser. Reports numbers; never passes or fails.
// Both sides are served compressed (their precompressed .br and .gz), and
// the page loads are measured under the normal profile and a slow one.
//   node tests/bench/bench.js <base-url> <dist-dir> <examples-dir>
// (run through `bash .ci/bench`, which builds and serves everything). The
// port after the base URL's serves the element's own host page.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const http = require("node:http");
const { chromium } = require(path.resolve(__dirname, "../e2e/node_modules/@playwright/test"));

const base = process.argv[2] || "http://127.0.0.1:8190/";
const dist = process.argv[3] || path.resolve(__dirname, "../../dist");
// The folder served at /examples/: a copy of tests/bench/ with the floor's
// .br and .gz beside its files (`.ci/bench` makes it with .ci/compress).
const examples = process.argv[4] || __dirname;
// Loads of each page, alternating casenote and the floor so that the
// machine's load drifts on both alike. Each load is a first load (a new
// browser context: cold HTTP cache) followed by a repeat load (the same
// context navigating to the page again, its HTTP cache warm).
const LOADS = 15;
const SLOW_LOADS = 5;
// The slow profile, through the DevTools protocol: a slow mobile
// connection and a phone-class CPU.
const SLOW = {
  network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 750_000 / 8 },
  cpu: 4,
};
const SLOW_NAME = "slow profile (1.6 Mbit/s down, 750 kbit/s up, 150 ms, CPU ×4)";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => (x === null || x === undefined ? "n/a" : `${x.toFixed(1)} ms`);
const kb = (x) => `${(x / 1000).toFixed(1)} kB`;
const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

// A file's size as sent: raw, and its precompressed .gz and .br.
function sizes(file) {
  const one = (f) => {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run trunk build --release (or .ci/compress) first`);
    return fs.statSync(f).size;
  };
  return { raw: one(file), gz: one(`${file}.gz`), br: one(`${file}.br`) };
}
const add = (a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz, br: a.br + b.br });
const ZERO = { raw: 0, gz: 0, br: 0 };
const sum = (files) => files.map(sizes).reduce(add, ZERO);

function bytes() {
  const files = walk(dist);
  const by = (re) => files.filter((f) => re.test(f));
  // The critical path (what ready to type waits for), and the parts the
  // editor fetches once it is ready or when one is first used.
  const casenote = {
    wasm: sum(by(/casenote-element_bg\.wasm$/)),
    parts: sum(by(/\/(split|chunk)_[^/]*\.wasm$/)),
    js: sum(by(/(casenote\.js|casenote-element\.js|__wasm_split\.js|snippets\/.*\.js)$/)),
    css: sum(by(/casenote\.css$/)),
    html: sum(by(/index\.html$/)),
  };
  const floor = {
    wasm: ZERO,
    parts: ZERO,
    js: sizes(path.join(examples, "floor.js")),
    css: sizes(path.join(examples, "floor.css")),
    html: sizes(path.join(examples, "floor.html")),
  };
  return { casenote, floor };
}

const editorReady = () => {
  const el = document.querySelector("casenote-editor");
  return !!(el && el.shadowRoot && el.shadowRoot.querySelector("#cn-section-subjective"));
};
const READY = {
  casenote: editorReady,
  element: editorReady,
  elementRevalidated: editorReady,
  floor: () => document.body && document.body.dataset.ready === "1",
};
const FIELD = {
  casenote: (page) => page.locator("casenote-editor").getByLabel("Subjective", { exact: true }),
  floor: (page) => page.getByLabel("Subjective", { exact: true }),
};
// The element in a host page of its own (no config.json, no service
// worker), as the README's caching advice for portal hosts has it: `element`
// loads casenote from a folder named for its release, sent with
// `Cache-Control: public, max-age=31536000, immutable` by a small server
// here (elementHost); `elementRevalidated` loads it from the receiver's fixed
// paths, which it sends with `Cache-Control: no-cache` (revalidated each
// load). Both host pages are sent as the floor's page is (Last-Modified, no
// Cache-Control).
const release = JSON.parse(fs.readFileSync(path.join(dist, "sw.js"), "utf8").match(/^const RELEASE = (.*);$/m)[1]).id;
const hostPort = Number(new URL(base).port) + 1;
const hostPage = (prefix) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>casenote element, host page</title>
    <link rel="modulepreload" href="${prefix}casenote.js" />
    <link rel="modulepreload" href="${prefix}casenote-element.js" />
    <link rel="modulepreload" href="${prefix}__wasm_split.js" />
    <link rel="preload" href="${prefix}casenote-element_bg.wasm" as="fetch" type="application/wasm" crossorigin />
    <link rel="preload" href="${prefix}casenote.css" as="style" />
    <script type="module" src="${prefix}casenote.js"></script>
  </head>
  <body>
    <main><casenote-editor endpoint="/api/notes" format="soap"></casenote-editor></main>
  </body>
</html>
`;
const URL_OF = {
  casenote: base,
  element: `http://127.0.0.1:${hostPort}/element.html`,
  elementRevalidated: `${base}examples/element.html`,
  floor: `${base}examples/floor.html`,
};

// The server of the `element` host page: the page itself, and the build
// under /casenote/<release>/, each file sent as its .br when the browser
// takes brotli (as the receiver does), with a year's immutable max-age.
function elementHost() {
  const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".html": "text/html; charset=utf-8" };
  const page = hostPage(`casenote/${release}/`);
  const started = new Date().toUTCString();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/element.html") {
      res.writeHead(200, { "content-type": TYPES[".html"], "last-modified": started });
      return res.end(page);
    }
    const prefix = `/casenote/${release}/`;
    const root = path.resolve(dist);
    const file = url.pathname.startsWith(prefix) ? path.join(root, path.normalize(url.pathname.slice(prefix.length))) : null;
    if (!file || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      return res.end();
    }
    const headers = {
      "content-type": TYPES[path.extname(file)] || "application/octet-stream",
      "cache-control": "public, max-age=31536000, immutable",
      vary: "accept-encoding",
    };
    let body = file;
    if (/\bbr\b/.test(req.headers["accept-encoding"] || "") && fs.existsSync(`${file}.br`)) {
      headers["content-encoding"] = "br";
      body = `${file}.br`;
    }
    res.writeHead(200, headers);
    res.end(fs.readFileSync(body));
  });
  return new Promise((resolve) => server.listen(hostPort, "127.0.0.1", () => resolve(server)));
}
const SAVED_EVENT = { casenote: "casenote-draft-saved", floor: "floor-draft-saved" };
const PAGES = ["casenote", "element", "elementRevalidated", "floor"];

// What the network did for each navigation, from the DevTools protocol:
// bytes received (headers included), the encodings the server chose, and
// how the repeat load got each file (memory or disk cache, revalidated with
// a 304, or fetched again).
function watchNetwork(cdp) {
  const requests = new Map();
  let phase = null;
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!requests.has(e.requestId)) requests.set(e.requestId, { phase, url: e.request.url, bytes: 0 });
  });
  cdp.on("Network.requestServedFromCache", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.cache = true;
  });
  // The standalone page's service worker answers from its own cache.
  const fromWorker = new Set();
  cdp.on("Network.responseReceived", (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    const enc = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === "content-encoding");
    r.status = e.response.status;
    r.encoding = enc ? enc[1] : "identity";
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) r.cache = true;
    if (e.response.fromServiceWorker) fromWorker.add(e.requestId);
  });
  // The status on the wire: a 304 shows here, where responseReceived
  // reports the cached 200 it revalidated.
  const wireStatus = new Map();
  cdp.on("Network.responseReceivedExtraInfo", (e) => wireStatus.set(e.requestId, e.statusCode));
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  return {
    start: (name) => (phase = name),
    summary: (name) => {
      const rs = [...requests.entries()]
        .filter(([, r]) => r.phase === name && r.url.startsWith("http"))
        .map(([id, r]) => ({ ...r, status: wireStatus.get(id) ?? r.status, worker: fromWorker.has(id) }));
      const count = (f) => rs.filter(f).length;
      return {
        bytes: rs.reduce((n, r) => n + r.bytes, 0),
        encodings: [...new Set(rs.filter((r) => !r.cache && r.status === 200).map((r) => r.encoding))].sort(),
        requests: rs.length,
        worker: count((r) => r.worker),
        cached: count((r) => !r.worker && r.cache),
        revalidated: count((r) => !r.worker && !r.cache && r.status === 304),
        fetched: count((r) => !r.worker && !r.cache && r.status !== 304),
      };
    },
  };
}

const TIMEOUT = 120_000;

// One first load and one repeat load of a page, in a new context.
async function loadTwice(browser, which, slow) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (slow) {
    await cdp.send("Network.emulateNetworkConditions", SLOW.network);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOW.cpu });
  }
  const net = watchNetwork(cdp);
  await page.addInitScript(`(() => {
    const ready = ${READY[which].toString()};
    const tick = () => { if (ready()) { window.__ready = performance.now(); } else { requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
  })()`);
  const result = {};
  for (const load of ["first", "repeat"]) {
    if (load === "repeat") {
      // Let the first load finish its requests; then leave the page, so
      // that coming back is a plain navigation, not a reload.
      await page.waitForLoadState("load");
      await page.waitForTimeout(slow ? 2000 : 500);
      // The standalone page: its service worker has the whole release.
      if (which === "casenote") {
        await page.evaluate(async (id) => {
          await navigator.serviceWorker.ready;
          while (!(await caches.has(`casenote-release-${id}`))) await new Promise((r) => setTimeout(r, 50));
        }, release);
      }
      net.start(null);
      await page.goto("about:blank");
    }
    net.start(load);
    await page.goto(URL_OF[which]);
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: TIMEOUT });
    const t = await page.evaluate(() => window.__ready);
    await page.waitForLoadState("load");
    result[load] = { t, net: null };
  }
  await page.waitForTimeout(slow ? 2000 : 500);
  result.first.net = net.summary("first");
  result.repeat.net = net.summary("repeat");
  await context.close();
  return result;
}

async function readyTimes(browser, loads, slow) {
  const runs = Object.fromEntries(PAGES.map((p) => [p, []]));
  for (let i = 0; i < loads; i++) {
    for (const which of PAGES) {
      runs[which].push(await loadTwice(browser, which, slow));
    }
  }
  const summary = (ts) => ({ median: median(ts), min: Math.min(...ts), max: Math.max(...ts) });
  const of = (rs) => ({
    first: summary(rs.map((r) => r.first.t)),
    repeat: summary(rs.map((r) => r.repeat.t)),
    // The network side of the last run (the same every run).
    net: { first: rs[rs.length - 1].first.net, repeat: rs[rs.length - 1].repeat.net },
  });
  return Object.fromEntries(PAGES.map((p) => [p, of(runs[p])]));
}

async function perChar(page, field, n) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const task = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
  await field.click();
  const before = await task();
  const text = "abcdefghij klmnopqrst ".repeat(Math.ceil(n / 22)).slice(0, n);
  await page.keyboard.type(text);
  await page.waitForTimeout(300);
  const after = await task();
  return ((after - before) * 1000) / n;
}

async function typingCost(browser, which) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(URL_OF[which]);
  await page.waitForFunction(READY[which]);
  const cost = await perChar(page, FIELD[which](page), 1000);
  await context.close();
  return cost;
}

async function commitLatency(browser, which) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(URL_OF[which]);
  await page.waitForFunction(READY[which]);
  await page.evaluate((name) => {
    window.__lat = [];
    window.__pending = null;
    document.addEventListener("keydown", () => (window.__pending = performance.now()), true);
    document.addEventListener(name, () => {
      if (window.__pending !== null) {
        window.__lat.push(performance.now() - window.__pending);
        window.__pending = null;
      }
    });
  }, SAVED_EVENT[which]);
  await FIELD[which](page).click();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.type("x");
    await page.waitForTimeout(120);
  }
  const lat = await page.evaluate(() => window.__lat);
  await context.close();
  return { p50: pct(lat, 50), p99: pct(lat, 99), n: lat.length };
}

function seedNote(id, big) {
  const sections = ["subjective", "objective", "assessment", "plan"].map((key, i) => ({
    key,
    text: big ? "Words the worker wrote about the visit. ".repeat(313).slice(0, 12500) : `${key} text ${i}`,
    quotes: big
      ? Array.from({ length: 50 }, (_, q) => ({ text: `Quote number ${q} in ${key}`, speaker: "client" }))
      : [],
  }));
  return {
    id,
    format: "soap",
    client: { id: "", name: `Client ${id.slice(0, 8)}` },
    author: { id: "", name: "" },
    service: { date: "2026-11-20", start: "", end: "" },
    sections,
    createdAt: "2026-11-20T09:00:00Z",
  };
}

async function seed(page, records) {
  await page.evaluate(
    (recs) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("casenote", 2);
        open.onupgradeneeded = () => {
          for (const name of ["drafts", "outbox"]) {
            if (!open.result.objectStoreNames.contains(name)) {
              open.result.createObjectStore(name, { keyPath: "id" }).createIndex("scope", "scope");
            }
          }
        };
        open.onsuccess = () => {
          const tx = open.result.transaction("drafts", "readwrite");
          for (const r of recs) tx.objectStore("drafts").put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

const uuid = (i) => `${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`;

async function draftsPanel(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}favicon.svg`);
  const now = Date.now();
  await seed(
    page,
    Array.from({ length: 1000 }, (_, i) => ({ id: uuid(i), scope: "default", revision: 1, updatedAt: now - i * 1000, note: seedNote(uuid(i), false) })),
  );
  await page.goto(base);
  await page.waitForFunction(READY.casenote);
  const elapsed = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const root = document.querySelector("casenote-editor").shadowRoot;
        const t0 = performance.now();
        root.querySelector(".drafts-toggle").click();
        // Open: the first page of rows is on screen and the panel says how
        // many drafts there are in all.
        const tick = () => {
          const more = root.querySelector(".more-drafts");
          if (root.querySelectorAll(".draft-row").length >= 50 && more && more.textContent.includes("of 1000 drafts")) {
            requestAnimationFrame(() => resolve(performance.now() - t0));
          } else {
            requestAnimationFrame(tick);
          }
        };
        tick();
      }),
  );
  // "Show 50 more": the next page on screen.
  const more = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const root = document.querySelector("casenote-editor").shadowRoot;
        const t0 = performance.now();
        root.querySelector(".show-more").click();
        const tick = () => {
          if (root.querySelectorAll(".draft-row").length >= 100) {
            requestAnimationFrame(() => resolve(performance.now() - t0));
          } else {
            requestAnimationFrame(tick);
          }
        };
        tick();
      }),
  );
  await context.close();
  return { open: elapsed, more };
}

// The floor holding the same 50,000 characters (12,500 in each of its four
// fields), typed into at the end of Subjective: what the browser itself
// costs for a note that size.
async function floorBig(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(URL_OF.floor);
  await page.waitForFunction(READY.floor);
  const field = FIELD.floor(page);
  await field.evaluate((ta) => {
    const text = "Words the worker wrote about the visit. ".repeat(313).slice(0, 12500);
    for (const t of document.querySelectorAll("textarea")) t.value = text;
  });
  await field.evaluate((ta) => ta.setSelectionRange(ta.value.length, ta.value.length));
  const before = (await field.inputValue()).length;
  const cost = await perChar(page, field, 200);
  const after = (await field.inputValue()).length;
  await context.close();
  return { cost, dropped: 200 - (after - before) };
}

async function bigNote(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}favicon.svg`);
  await seed(page, [{ id: uuid(1), scope: "default", revision: 1, updatedAt: Date.now(), note: seedNote(uuid(1), true) }]);
  await page.addInitScript(`(() => {
    const tick = () => {
      const el = document.querySelector("casenote-editor");
      const ta = el && el.shadowRoot && el.shadowRoot.querySelector("#cn-section-subjective");
      if (ta && ta.value.length > 10000) { window.__ready = performance.now(); } else { requestAnimationFrame(tick); }
    };
    requestAnimationFrame(tick);
  })()`);
  await page.goto(base);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000 });
  const open = await page.evaluate(() => window.__ready);
  const field = FIELD.casenote(page);
  const before = (await field.inputValue()).length;
  await field.evaluate((ta) => ta.setSelectionRange(ta.value.length, ta.value.length));
  const cost = await perChar(page, field, 200);
  const after = (await field.inputValue()).length;
  await context.close();
  return { open, cost, dropped: 200 - (after - before) };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  fs.writeFileSync(path.join(examples, "element.html"), hostPage("../"));
  const host = await elementHost();
  const size = bytes();
  const ready = await readyTimes(browser, LOADS, false);
  const slow = await readyTimes(browser, SLOW_LOADS, true);
  // Typing cost varies from run to run on a shared machine: the median of
  // three runs each, alternating.
  const runs = { casenote: [], floor: [] };
  for (let i = 0; i < 3; i++) {
    runs.casenote.push(await typingCost(browser, "casenote"));
    runs.floor.push(await typingCost(browser, "floor"));
  }
  const typing = { casenote: median(runs.casenote), floor: median(runs.floor) };
  const commit = { casenote: await commitLatency(browser, "casenote"), floor: await commitLatency(browser, "floor") };
  const panel = await draftsPanel(browser);
  const big = await bigNote(browser);
  const floorBigNote = await floorBig(browser);
  const chromiumVersion = browser.version();
  await browser.close();
  host.close();

  const total = (s) => add(add(s.wasm, s.js), add(s.css, s.html));
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");
  const brGz = (s) => `${kb(s.br)} / ${kb(s.gz)}`;
  const sizeRow = (label, a, b) => [`bytes, brotli / gzip: ${label}`, brGz(a), brGz(b), b.br > 0 ? `${ratio(a.br, b.br)} / ${ratio(a.gz, b.gz)}` : "n/a"];
  const span = (r) => `${ms(r.median)} (${r.min.toFixed(0)}–${r.max.toFixed(0)})`;
  const readyRow = (label, r, load, which = "casenote") => [label, span(r[which][load]), span(r.floor[load]), ratio(r[which][load].median, r.floor[load].median)];
  const wire = (n) => `${kb(n.bytes)} (${n.encodings.join(", ") || "none"})`;
  const how = (n) =>
    `${n.requests} requests: ${n.worker ? `${n.worker} from the service worker, ` : ""}${n.cached} from cache, ${n.revalidated} revalidated (304), ${n.fetched} fetched`;
  const rows = [
    sizeRow("wasm, first screen", size.casenote.wasm, size.floor.wasm),
    sizeRow("js", size.casenote.js, size.floor.js),
    sizeRow("css", size.casenote.css, size.floor.css),
    sizeRow("html", size.casenote.html, size.floor.html),
    sizeRow("before ready to type (the critical path)", total(size.casenote), total(size.floor)),
    sizeRow("the parts, fetched once ready or on first use", size.casenote.parts, size.floor.parts),
    sizeRow("total", add(total(size.casenote), size.casenote.parts), total(size.floor)),
    ["received on a first load, all requests with headers (content-encodings sent)", wire(ready.casenote.net.first), wire(ready.floor.net.first), ratio(ready.casenote.net.first.bytes, ready.floor.net.first.bytes)],
    ["received on a repeat load", wire(ready.casenote.net.repeat), wire(ready.floor.net.repeat), ""],
    ["repeat load: how each request was answered (standalone page)", how(ready.casenote.net.repeat), how(ready.floor.net.repeat), ""],
    ["repeat load: how each request was answered (element, immutable release folder)", how(ready.element.net.repeat), how(ready.floor.net.repeat), ""],
    ["repeat load: how each request was answered (element, fixed paths, no-cache)", how(ready.elementRevalidated.net.repeat), how(ready.floor.net.repeat), ""],
    readyRow(`ready to type, first load, median of ${LOADS} (min–max)`, ready, "first"),
    readyRow(`ready to type, repeat load, median of ${LOADS} (min–max): the standalone page, its service worker active`, ready, "repeat"),
    readyRow(`ready to type, first load, ${SLOW_NAME}, median of ${SLOW_LOADS} (min–max)`, slow, "first"),
    readyRow(`ready to type, repeat load, ${SLOW_NAME}, median of ${SLOW_LOADS} (min–max): the standalone page, its service worker active`, slow, "repeat"),
    readyRow(`ready to type, repeat load, slow profile: the element, immutable release folder, median of ${SLOW_LOADS} (min–max)`, slow, "repeat", "element"),
    readyRow(`ready to type, repeat load, slow profile: the element, fixed paths, no-cache, median of ${SLOW_LOADS} (min–max)`, slow, "repeat", "elementRevalidated"),
    readyRow(`ready to type, repeat load: the element, immutable release folder, median of ${LOADS} (min–max)`, ready, "repeat", "element"),
    ["main-thread time per typed character (1,000 chars, median of 3)", ms(typing.casenote), ms(typing.floor), ratio(typing.casenote, typing.floor)],
    ["keystroke to draft committed, p50", ms(commit.casenote.p50), ms(commit.floor.p50), ratio(commit.casenote.p50, commit.floor.p50)],
    ["keystroke to draft committed, p99", ms(commit.casenote.p99), ms(commit.floor.p99), ratio(commit.casenote.p99, commit.floor.p99)],
    ["open the drafts panel with 1,000 drafts (first 50 shown)", ms(panel.open), "n/a", "n/a"],
    ["show the next 50 of those drafts", ms(panel.more), "n/a", "n/a"],
    ["open a 50,000-character note with 200 quotes", ms(big.open), "n/a", "n/a"],
    ["main-thread time per character in that note (floor: the same 50,000 characters)", ms(big.cost), ms(floorBigNote.cost), ratio(big.cost, floorBigNote.cost)],
    ["characters dropped typing 200 into that note", String(big.dropped), String(floorBigNote.dropped), ""],
  ];
  const header = `| measure | casenote | floor | casenote / floor |\n| --- | --- | --- | --- |`;
  const table = [header, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Chromium ${chromiumVersion} (headless).`;
  console.log(`\n${table}\n\n${stamp}`);
  fs.writeFileSync(path.join(__dirname, "latest.md"), `${table}\n\n${stamp}\n`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

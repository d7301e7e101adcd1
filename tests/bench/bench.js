// casenote benchmark: casenote against a plain-HTML SOAP form (the floor),
// in one run and one browser. Reports numbers; never passes or fails.
//   node tests/bench/bench.js <base-url> <dist-dir>
// (run through `bash .ci/bench`, which builds and serves everything).
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const { chromium } = require(path.resolve(__dirname, "../e2e/node_modules/@playwright/test"));

const base = process.argv[2] || "http://127.0.0.1:8190/";
const dist = process.argv[3] || path.resolve(__dirname, "../../dist");
// Loads of each page, alternating casenote and the floor so that the
// machine's load drifts on both alike.
const LOADS = 15;

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const sum = (files) => files.reduce((n, f) => n + gz(f), 0);
const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => (x === null || x === undefined ? "n/a" : `${x.toFixed(1)} ms`);
const kb = (x) => `${(x / 1000).toFixed(1)} kB`;

function bytes() {
  const files = walk(dist);
  const by = (re) => files.filter((f) => re.test(f));
  const casenote = {
    wasm: sum(by(/\.wasm$/)),
    js: sum(by(/(casenote\.js|casenote-element\.js|snippets\/.*\.js)$/)),
    css: sum(by(/casenote\.css$/)),
    html: sum(by(/index\.html$/)),
  };
  const floor = {
    wasm: 0,
    js: gz(path.join(__dirname, "floor.js")),
    css: gz(path.join(__dirname, "floor.css")),
    html: gz(path.join(__dirname, "floor.html")),
  };
  return { casenote, floor };
}

const READY = {
  casenote: () => {
    const el = document.querySelector("casenote-editor");
    return !!(el && el.shadowRoot && el.shadowRoot.querySelector("#cn-section-subjective"));
  },
  floor: () => document.body && document.body.dataset.ready === "1",
};
const FIELD = {
  casenote: (page) => page.locator("casenote-editor").getByLabel("Subjective", { exact: true }),
  floor: (page) => page.getByLabel("Subjective", { exact: true }),
};
const URL_OF = { casenote: base, floor: `${base}examples/floor.html` };
const SAVED_EVENT = { casenote: "casenote-draft-saved", floor: "floor-draft-saved" };

async function readyOnce(browser, which) {
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(`(() => {
      const ready = ${READY[which].toString()};
      const tick = () => { if (ready()) { window.__ready = performance.now(); } else { requestAnimationFrame(tick); } };
      requestAnimationFrame(tick);
    })()`);
    await page.goto(URL_OF[which]);
    await page.waitForFunction(() => window.__ready !== undefined);
    const t = await page.evaluate(() => window.__ready);
    await context.close();
    return t;
  }
}

async function readyTimes(browser) {
  const times = { casenote: [], floor: [] };
  for (let i = 0; i < LOADS; i++) {
    for (const which of ["casenote", "floor"]) {
      times[which].push(await readyOnce(browser, which));
    }
  }
  const summary = (ts) => ({ median: median(ts), min: Math.min(...ts), max: Math.max(...ts) });
  return { casenote: summary(times.casenote), floor: summary(times.floor) };
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
  const size = bytes();
  const ready = await readyTimes(browser);
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
  await browser.close();

  const total = (s) => s.wasm + s.js + s.css + s.html;
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");
  const rows = [
    ["bytes loaded, gzipped: wasm", kb(size.casenote.wasm), kb(size.floor.wasm), "n/a"],
    ["bytes loaded, gzipped: js", kb(size.casenote.js), kb(size.floor.js), ratio(size.casenote.js, size.floor.js)],
    ["bytes loaded, gzipped: css", kb(size.casenote.css), kb(size.floor.css), ratio(size.casenote.css, size.floor.css)],
    ["bytes loaded, gzipped: html", kb(size.casenote.html), kb(size.floor.html), ratio(size.casenote.html, size.floor.html)],
    ["bytes loaded, gzipped: total", kb(total(size.casenote)), kb(total(size.floor)), ratio(total(size.casenote), total(size.floor))],
    [`ready to type, median of ${LOADS} (min–max)`, `${ms(ready.casenote.median)} (${ready.casenote.min.toFixed(0)}–${ready.casenote.max.toFixed(0)})`, `${ms(ready.floor.median)} (${ready.floor.min.toFixed(0)}–${ready.floor.max.toFixed(0)})`, ratio(ready.casenote.median, ready.floor.median)],
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
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Chromium (headless).`;
  console.log(`\n${table}\n\n${stamp}`);
  fs.writeFileSync(path.join(__dirname, "latest.md"), `${table}\n\n${stamp}\n`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

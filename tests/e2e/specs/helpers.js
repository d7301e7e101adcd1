// Shared steps for the end-to-end tests, written as a worker would act:
// through labels and buttons, inside the editor's shadow root.
const fs = require("node:fs");
const path = require("node:path");
const { expect } = require("@playwright/test");
const AxeBuilder = require("@axe-core/playwright").default;

/** axe finds no violation of WCAG 2.2 AA or its best practices now; `state` names the moment. */
async function expectNoViolations(page, state) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations with ${state}`).toEqual([]);
}

/** Presses Tab until the focused element (inside the editor too) is the one whose text is `name`. */
async function tabTo(page, name) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      let e = document.activeElement;
      while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
      return e ? e.textContent.trim() : "";
    });
    if (focused === name) return;
  }
  throw new Error(`never reached ${name} with Tab`);
}

/** Clears the receiver's notes and fault plan (test mode only). */
async function resetReceiver(request) {
  const res = await request.post("api/_test/reset");
  expect(res.status()).toBe(204);
}

/** Makes the receiver fail the next `failNext` POSTs with `status`. */
async function injectFaults(request, failNext, status) {
  await setFaults(request, { failNext, status });
}

/** Sets the receiver's whole fault plan (see receiver/src/faults.rs). */
async function setFaults(request, plan) {
  const res = await request.post("api/_test/faults", { data: plan });
  expect(res.status()).toBe(204);
}

/** Every POST /api/notes the receiver saw since the last reset. */
async function requestLog(request) {
  const res = await request.get("api/_test/log");
  expect(res.ok()).toBeTruthy();
  return res.json();
}

/** Today's local date as YYYY-MM-DD: notes dated today are never late entries. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * A day whose service ending at `end` (HH:MM) is over: today once that
 * time has passed, else yesterday (never a late entry either way). The
 * editor refuses a note of a service that has not ended.
 */
function dayEnded(end) {
  const d = new Date();
  const [h, m] = end.split(":").map(Number);
  if (d.getHours() * 60 + d.getMinutes() < h * 60 + m) d.setDate(d.getDate() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Fills a complete SOAP note. */
async function fillSoap(page, client, date = today()) {
  await fillContact(page, { client, date });
  for (const label of ["Subjective", "Objective", "Assessment", "Plan"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label} for ${client}`);
  }
}

/** Every note the receiver's database holds. */
async function storedNotes(request) {
  const res = await request.get("api/notes");
  expect(res.ok()).toBeTruthy();
  const notes = await res.json();
  // A sample of real payloads for the two-validator schema test (.ci/schema).
  const samples = process.env.CASENOTE_PAYLOAD_SAMPLES;
  if (samples) {
    fs.mkdirSync(samples, { recursive: true });
    for (const n of notes) fs.writeFileSync(path.join(samples, `${n.id}.json`), JSON.stringify(n.note));
  }
  return notes;
}

/** Every review the receiver's database holds; saved with the notes for the schema test. */
async function storedReviews(request) {
  const res = await request.get("api/reviews");
  expect(res.ok()).toBeTruthy();
  const reviews = await res.json();
  const samples = process.env.CASENOTE_PAYLOAD_SAMPLES;
  if (samples) {
    fs.mkdirSync(samples, { recursive: true });
    for (const r of reviews) fs.writeFileSync(path.join(samples, `${r.id}.json`), JSON.stringify(r.note));
  }
  return reviews;
}

/** Opens the standalone editor and waits until it is ready to type in. */
async function openEditor(page) {
  await page.goto("./");
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
}

/** The section block whose label is `label`. */
function section(page, label) {
  return page.locator(".section").filter({ has: page.getByLabel(label, { exact: true }) });
}

/** Adds a quote to the section `label`. */
async function addQuote(page, label, words, context = "") {
  const s = section(page, label);
  await s.getByRole("button", { name: `Add a quote to ${label}` }).click();
  const quote = s.locator(".quote").last();
  await expect(quote.getByLabel("Words, exactly as said")).toBeFocused();
  await page.keyboard.type(words);
  if (context) await quote.getByLabel("Context (optional)").fill(context);
}

/** Fills the contact details. */
async function fillContact(page, { client, date, start, end }) {
  if (client !== undefined) await page.getByLabel("Client", { exact: true }).fill(client);
  if (date) await page.getByLabel("Date of service").fill(date);
  if (start) await page.getByLabel("Start time").fill(start);
  if (end) await page.getByLabel("End time").fill(end);
}

/** Waits until the draft on the device holds the latest edit. */
async function waitForSaved(page) {
  await expect(page.locator(".save-status")).toContainText("Draft saved at");
}

/** Writes raw records (one, or an array) into the editor's drafts store. */
async function putRawDrafts(page, records) {
  await page.evaluate(
    (recs) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("casenote");
        open.onsuccess = () => {
          const tx = open.result.transaction("drafts", "readwrite");
          for (const rec of recs) tx.objectStore("drafts").put(rec);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    Array.isArray(records) ? records : [records],
  );
}

/** A stored draft record of a SOAP note, as the editor writes it. */
function rawDraft({ id, client, updatedAt, text = "words", revision = 1, date = "2026-11-20" }) {
  return {
    id,
    scope: "default",
    revision,
    updatedAt,
    note: {
      id,
      format: "soap",
      client: { id: "", name: client },
      author: { id: "", name: "" },
      service: { date, start: "", end: "" },
      sections: [{ key: "subjective", text, quotes: [] }],
      createdAt: `${date}T09:00:00Z`,
    },
  };
}

/** A note id that sorts by `i`. */
function seqId(i) {
  return `${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`;
}

/** Makes every IndexedDB put throw `name` while window.__failWrites is true (from the start). */
async function failIndexedDbWrites(page, name, message) {
  await page.addInitScript(
    ([n, m]) => {
      window.__failWrites = true;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__failWrites) throw new DOMException(m, n);
        return put.apply(this, args);
      };
    },
    [name, message],
  );
}

/** Every record in the drafts store, read straight from IndexedDB. */
async function rawDrafts(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("casenote");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction("drafts").objectStore("drafts").getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/**
 * Clicks "Review and sign" alone: the checks run, and either the error
 * summary shows or the signing panel opens.
 */
async function reviewAndSign(page) {
  await page.getByRole("button", { name: "Review and sign" }).click();
}

/**
 * Signs the note without sending it: Review and sign, the worker's name
 * where the panel asks for it (a device that remembers the signer does
 * not), the attestation, then Sign the note. The note is then locked,
 * with its Submit signed note banner. `page` may be a locator of one
 * editor where a page holds several.
 */
async function sign(page, name = "Sam Worker") {
  await reviewAndSign(page);
  const agree = page.getByLabel("I agree with this statement");
  await expect(agree).toBeVisible();
  const who = page.getByLabel("Your name");
  if (await who.isVisible()) await who.fill(name);
  await agree.check();
  await page.getByRole("button", { name: "Sign the note" }).click();
}

/** Signs the note (see `sign`) and sends it: Submit signed note. */
async function signAndSend(page, name = "Sam Worker") {
  await sign(page, name);
  await page.getByRole("button", { name: "Submit signed note" }).click();
}

/** Sends the note unsigned where signing is optional: Send without signing, then Send unsigned. */
async function sendUnsigned(page) {
  await page.getByRole("button", { name: "Send without signing" }).click();
  await page.getByRole("button", { name: "Send unsigned" }).click();
}

/**
 * Attaches a screenshot of `page` to the test; with CASENOTE_SCREENSHOTS=1
 * also writes it to tests/e2e/screenshots/<name>.png for the README.
 */
async function screenshot(page, testInfo, name) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
  if (process.env.CASENOTE_SCREENSHOTS === "1") {
    require("fs").copyFileSync(path, require("path").join(__dirname, "..", "screenshots", `${name}.png`));
  }
}

/**
 * Every target on the page (and in the editor) smaller than `min` px, and
 * every select or label whose text is cut, and whether the page scrolls
 * sideways. Links inside a sentence are exempt (WCAG 2.2 2.5.8, inline).
 */
async function layoutProblems(page, min) {
  return page.evaluate((min) => {
    const roots = [document];
    for (const el of document.querySelectorAll("casenote-editor")) if (el.shadowRoot) roots.push(el.shadowRoot);
    const problems = [];
    const name = (e) =>
      `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : ""} "${(e.textContent || e.value || "").trim().slice(0, 30)}"`;
    const canvas = document.createElement("canvas").getContext("2d");
    for (const root of roots) {
      for (const e of root.querySelectorAll("button, select, input:not([type=hidden]), textarea, a[href], summary")) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue; // not shown
        // Out of sight until focused (skip links), or for screen readers only.
        if (e.closest(".visually-hidden") || (getComputedStyle(e).clipPath !== "none" && r.width <= 1)) continue;
        // A link in running text (WCAG 2.2 2.5.8's inline exception): in a
        // paragraph or list item with words of its own beside the link.
        const inSentence =
          e.tagName === "A" &&
          e.parentElement.matches("p, li") &&
          [...e.parentElement.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== "");
        if (!inSentence && (r.width < min - 0.5 || r.height < min - 0.5)) {
          problems.push(`${name(e)} is ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
        if (e.tagName === "SELECT") {
          const style = getComputedStyle(e);
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const widest = Math.max(...[...e.options].map((o) => canvas.measureText(o.text).width));
          const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
          if (widest > room) problems.push(`${name(e)} cuts its text: ${Math.round(widest)} in ${Math.round(room)}`);
        }
      }
      for (const l of root.querySelectorAll("label, legend")) {
        if (l.getBoundingClientRect().width === 0) continue;
        if (l.scrollWidth > l.clientWidth + 1) problems.push(`${name(l)} is cut`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth) {
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} in ${window.innerWidth}`);
    }
    return problems;
  }, min);
}

module.exports = {
  storedReviews,
  layoutProblems,
  expectNoViolations,
  tabTo,
  dayEnded,
  screenshot,
  rawDrafts,
  putRawDrafts,
  rawDraft,
  seqId,
  failIndexedDbWrites,
  today,
  resetReceiver,
  injectFaults,
  setFaults,
  requestLog,
  fillSoap,
  storedNotes,
  openEditor,
  section,
  addQuote,
  fillContact,
  waitForSaved,
  reviewAndSign,
  sign,
  signAndSend,
  sendUnsigned,
};

// Delivery exactly once, through outages: outbox, retries, auth pauses,
// host hooks and events, against a receiver that misbehaves on purpose.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

/** The standalone page requires signing: the note is signed, then sent. */
async function submit(page) {
  await h.signAndSend(page);
}

/** Records the editor's events in window.__events. */
async function recordEvents(page) {
  await page.evaluate(() => {
    window.__events = [];
    for (const name of ["casenote-submitted", "casenote-submit-failed", "casenote-auth-required"]) {
      document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
    }
  });
}

const events = (page) => page.evaluate(() => window.__events);

/** A beforeSubmit hook that takes `ms` to answer; window.__hookStarted is set when it starts. */
async function slowBeforeSubmit(page, ms) {
  await page.evaluate((ms) => {
    document.querySelector("casenote-editor").beforeSubmit = (p) =>
      new Promise((resolve) => {
        window.__hookStarted = true;
        setTimeout(() => resolve(p), ms);
      });
  }, ms);
}

test("50 notes through random faults of every kind: exactly 50 stored, none lost or duplicated", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await h.setFaults(request, {
    // Every mode at least once, then random faults on a third of requests.
    unauthorizedNext: 1,
    failNext: 1,
    status: 503,
    rateLimitNext: 1,
    retryAfter: 1,
    delayNext: 1,
    delayMs: 800,
    dropAfterStoreNext: 2,
    chaos: { rate: 0.35, seed: Date.now() % 100000 },
  });
  await h.openEditor(page);
  // The host answers an auth pause the way a portal would: new credentials.
  await page.evaluate(() => {
    const el = document.querySelector("casenote-editor");
    el.addEventListener("casenote-auth-required", () => {
      setTimeout(() => {
        el.headers = { Authorization: "Bearer refreshed" };
      }, 50);
    });
  });
  for (let i = 1; i <= 50; i++) {
    const client = `Chaos ${String(i).padStart(2, "0")}`;
    await h.fillSoap(page, client);
    await submit(page);
    await expect(page.locator(".confirmation .reference code")).toBeVisible();
    // Under chaos the confirmation changes state as the click lands (about
    // one run in twelve the click was lost: see the closing note of issue
    // 18); this test is about delivery, so the step is retried until the
    // next note's form is there.
    await expect(async () => {
      const again = page.getByRole("button", { name: "Write another note" });
      if (await again.isVisible()) await again.click({ timeout: 2_000 });
      await expect(page.getByLabel("Client", { exact: true })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }
  await expect(page.getByRole("button", { name: /waiting to send/ })).toHaveCount(0, { timeout: 180_000 });

  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(50);
  expect(new Set(notes.map((n) => n.id)).size).toBe(50);
  const clients = notes.map((n) => n.note.client.name).sort();
  expect(clients).toEqual(Array.from({ length: 50 }, (_, i) => `Chaos ${String(i + 1).padStart(2, "0")}`));
  for (const n of notes) expect(n.idempotencyKey).toBe(n.id);

  const log = await h.requestLog(request);
  const seen = new Set(log.map((l) => l.fault.replace(/\(.*\)/, "")));
  for (const mode of ["Status", "RateLimit", "Delay", "DropAfterStore", "Unauthorized", "None"]) {
    expect(seen, `fault mode ${mode} was exercised`).toContain(mode);
  }
  // Every attempt for a note carried that note's id as its Idempotency-Key.
  const ids = new Set(notes.map((n) => n.id));
  for (const l of log) expect(ids).toContain(l.idempotencyKey);
  expect(log.length).toBeGreaterThan(50);
});

test("offline: the note is queued with a clear message and sent when the connection returns", async ({
  page,
  context,
  request,
}) => {
  await h.openEditor(page);
  await recordEvents(page);
  await h.fillSoap(page, "Offline Client");
  await context.setOffline(true);
  await submit(page);
  await expect(page.locator(".confirmation")).toContainText("You are offline");
  await expect(page.getByRole("button", { name: "1 note waiting to send" })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await h.storedNotes(request)).toHaveLength(0);

  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await expect(page.getByRole("button", { name: /waiting to send/ })).toHaveCount(0);
  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(1);
  const submitted = (await events(page)).filter((e) => e.name === "casenote-submitted");
  expect(submitted).toHaveLength(1);
  expect(submitted[0].detail.noteId).toBe(notes[0].id);
  expect(submitted[0].detail.status).toBe(201);
  expect(submitted[0].detail.body.status).toBe("stored");
});

test("offline, then the page is closed: the note is sent on the next load with no action", async ({
  context,
  request,
}) => {
  const page = await context.newPage();
  await h.openEditor(page);
  await h.fillSoap(page, "Closed Tab Client");
  await context.setOffline(true);
  await submit(page);
  await expect(page.locator(".confirmation")).toContainText("You are offline");
  await page.close();
  expect(await h.storedNotes(request)).toHaveLength(0);

  await context.setOffline(false);
  const again = await context.newPage();
  await h.openEditor(again);
  await expect.poll(async () => (await h.storedNotes(request)).length).toBe(1);
  await expect(again.getByRole("button", { name: /waiting to send/ })).toHaveCount(0);
  expect((await h.storedNotes(request))[0].note.client.name).toBe("Closed Tab Client");
});

test("401 pauses the outbox and fires casenote-auth-required; new headers resume it", async ({ page, request }) => {
  await h.setFaults(request, { requireToken: "t0k" });
  await h.openEditor(page);
  await recordEvents(page);
  await h.fillSoap(page, "Auth Client");
  await submit(page);
  await expect(page.getByRole("heading", { name: "Sign in to send" })).toBeVisible();
  await expect(page.locator(".confirmation")).toContainText("error 401");
  const evs = await events(page);
  const auth = evs.find((e) => e.name === "casenote-auth-required");
  expect(auth.detail.status).toBe(401);
  const failed = evs.find((e) => e.name === "casenote-submit-failed");
  expect(failed.detail).toMatchObject({ status: 401, retryable: true, queued: true });

  // Paused: no further attempts while the host has not acted.
  await page.waitForTimeout(1500);
  expect((await h.requestLog(request)).length).toBe(1);

  await page.evaluate(() => {
    document.querySelector("casenote-editor").headers = { Authorization: "Bearer t0k" };
  });
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(1);
  expect(notes[0].id).toBe(auth.detail.noteId);

  // Credentials are never persisted.
  const stored = await page.evaluate(async () => {
    const db = await new Promise((r) => {
      const o = indexedDB.open("casenote");
      o.onsuccess = () => r(o.result);
    });
    const all = async (s) =>
      new Promise((r) => {
        const q = db.transaction(s).objectStore(s).getAll();
        q.onsuccess = () => r(q.result);
      });
    return JSON.stringify([await all("drafts"), await all("outbox"), { ...localStorage }]);
  });
  expect(stored).not.toContain("t0k");
});

test("a note paused by a 401 is sent on the next load once the page has credentials", async ({ page, request }) => {
  await h.setFaults(request, { requireToken: "t0k" });
  await h.openEditor(page);
  await h.fillSoap(page, "Signed Back In Client");
  await submit(page);
  await expect(page.getByRole("heading", { name: "Sign in to send" })).toBeVisible();
  // The worker signs in again, which reloads the portal; it sets the
  // headers before the editor has loaded.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      document.querySelector("casenote-editor").headers = { Authorization: "Bearer t0k" };
    });
  });
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await expect.poll(async () => (await h.storedNotes(request)).length).toBe(1);
  expect((await h.storedNotes(request))[0].note.client.name).toBe("Signed Back In Client");
  await expect(page.getByRole("button", { name: /waiting to send/ })).toHaveCount(0);
});

test("retry() resumes after a 403", async ({ page, request }) => {
  await h.setFaults(request, { failNext: 1, status: 403 });
  await h.openEditor(page);
  await h.fillSoap(page, "Forbidden Client");
  await submit(page);
  await expect(page.getByRole("heading", { name: "Sign in to send" })).toBeVisible();
  await page.evaluate(() => document.querySelector("casenote-editor").retry());
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  expect(await h.storedNotes(request)).toHaveLength(1);
});

test("a 400 with field errors shows them next to the fields and the note stays editable", async ({
  page,
  request,
}) => {
  await h.openEditor(page);
  await recordEvents(page);
  // The host's hook corrupts the date, so the receiver refuses the note.
  await page.evaluate(() => {
    document.querySelector("casenote-editor").beforeSubmit = async (p) => ({
      ...p,
      service: { ...p.service, date: "the 20th" },
    });
  });
  await h.fillSoap(page, "Refused Client");
  await submit(page);
  await expect(page.locator(".send-error")).toContainText("The server found problems with the note");
  const date = page.getByLabel("Date of service");
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field.has-error .error-message")).toContainText("must be a date, YYYY-MM-DD");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Refused Client");
  await expect(page.getByLabel("Plan", { exact: true })).toHaveValue("Plan for Refused Client");
  const failed = (await events(page)).find((e) => e.name === "casenote-submit-failed");
  expect(failed.detail).toMatchObject({ status: 400, retryable: false, queued: false });
  await expect(page.getByRole("button", { name: /waiting to send/ })).toHaveCount(0);

  // The refused note is a draft again: a reload brings it back.
  await h.waitForSaved(page);
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Refused Client");
  expect(await h.storedNotes(request)).toHaveLength(0);
});

test("beforeSubmit can cancel the send or change the payload", async ({ page, request }) => {
  await h.openEditor(page);
  await page.evaluate(() => {
    document.querySelector("casenote-editor").beforeSubmit = async () => false;
  });
  await h.fillSoap(page, "Hook Client");
  await submit(page);
  await expect(page.locator(".send-error")).toContainText("stopped the note from being sent");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Hook Client");
  expect(await h.requestLog(request)).toHaveLength(0);

  await page.evaluate(() => {
    document.querySelector("casenote-editor").beforeSubmit = async (p) => ({ ...p, portalCase: "CASE-77" });
  });
  // Still signed (the hook stopped the send, not the signature): sent again from its banner.
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const notes = await h.storedNotes(request);
  expect(notes[0].note.portalCase).toBe("CASE-77");
});

test("host headers, a CSRF header from a meta tag, and the Idempotency-Key are sent", async ({ page, request }) => {
  await h.openEditor(page);
  await page.evaluate(() => {
    const meta = document.createElement("meta");
    meta.name = "portal-csrf";
    meta.content = "csrf-value-123";
    document.head.append(meta);
    const el = document.querySelector("casenote-editor");
    el.setAttribute("csrf-meta", "portal-csrf");
    el.headers = { "X-Portal-User": "worker-7" };
  });
  await h.fillSoap(page, "Header Client");
  await submit(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [entry] = await h.requestLog(request);
  const notes = await h.storedNotes(request);
  expect(entry.headers["x-portal-user"]).toBe("worker-7");
  expect(entry.headers["x-csrf-token"]).toBe("csrf-value-123");
  expect(entry.headers["idempotency-key"]).toBe(notes[0].id);
  expect(entry.headers["content-type"]).toBe("application/json");
});

test("Try sending now: when the last waiting note goes, the panel says so and keeps focus", async ({ page, request }) => {
  await h.setFaults(request, { rateLimitNext: 1, retryAfter: 3600 });
  await h.openEditor(page);
  await h.fillSoap(page, "Try Now Client");
  await submit(page);
  await expect(page.locator(".confirmation")).toContainText("error 429");
  await page.getByRole("button", { name: "Write another note" }).click();
  const toggle = page.getByRole("button", { name: "1 note waiting to send" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#cn-outbox-title")).toBeFocused();
  await page.getByRole("button", { name: "Try sending now" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await h.storedNotes(request)).length).toBe(1);
  const panel = page.locator("#cn-outbox");
  await expect(panel.locator(".outbox-empty")).toHaveText("Every note that was waiting has been sent.");
  await expect(panel.getByRole("button", { name: "Try sending now" })).toBeFocused();
  await expect(page.getByRole("button", { name: /waiting to send/ })).toHaveCount(0);
  // Closing it puts focus on Drafts, as the waiting-notes button has gone.
  await panel.getByRole("button", { name: "Close" }).press("Enter");
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Drafts" })).toBeFocused();
});

test("429 Retry-After is honoured", async ({ page, request }) => {
  await h.setFaults(request, { rateLimitNext: 1, retryAfter: 2 });
  await h.openEditor(page);
  await h.fillSoap(page, "Slow Down Client");
  await submit(page);
  await expect(page.locator(".confirmation")).toContainText("error 429");
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible({ timeout: 15_000 });
  const log = await h.requestLog(request);
  expect(log).toHaveLength(2);
  expect(log[1].at - log[0].at).toBeGreaterThanOrEqual(1900);
});

test("a timeout aborts the request and the retry does not duplicate the note", async ({ page, request }) => {
  await h.setFaults(request, { delayNext: 1, delayMs: 2500 });
  await h.openEditor(page);
  await recordEvents(page);
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("request-timeout", "1"));
  await h.fillSoap(page, "Timeout Client");
  await submit(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible({ timeout: 15_000 });
  const failed = (await events(page)).filter((e) => e.name === "casenote-submit-failed");
  expect(failed).toHaveLength(1);
  expect(failed[0].detail).toMatchObject({ status: null, retryable: true, queued: true });
  await page.waitForTimeout(2000);
  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(1);
  expect((await h.requestLog(request)).length).toBeGreaterThanOrEqual(2);
});

test("a stored note whose answer was lost is not stored twice", async ({ page, request }) => {
  await h.setFaults(request, { dropAfterStoreNext: 1 });
  await h.openEditor(page);
  await h.fillSoap(page, "Dropped Client");
  await submit(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible({ timeout: 15_000 });
  const log = await h.requestLog(request);
  expect(log.map((l) => l.fault)).toEqual(["DropAfterStore", "None"]);
  expect(await h.storedNotes(request)).toHaveLength(1);
});

test("two tabs with a shared outbox: each note is POSTed once", async ({ context, request }) => {
  const one = await context.newPage();
  await h.openEditor(one);
  await context.setOffline(true);
  for (let i = 1; i <= 4; i++) {
    await h.fillSoap(one, `Queued ${i}`);
    await submit(one);
    await expect(one.locator(".confirmation")).toContainText("You are offline");
    await one.getByRole("button", { name: "Write another note" }).click();
  }
  const two = await context.newPage();
  await two.goto("./").catch(() => {});
  await context.setOffline(false);
  await two.goto("./");
  await expect.poll(async () => (await h.storedNotes(request)).length, { timeout: 15_000 }).toBe(4);
  await one.waitForTimeout(1000);
  const log = await h.requestLog(request);
  expect(log).toHaveLength(4);
  expect(new Set(log.map((l) => l.idempotencyKey)).size).toBe(4);
});

test("a note submitted while beforeSubmit runs is queued even if the page removes the editor", async ({ page, request }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await h.openEditor(page);
  await slowBeforeSubmit(page, 500);
  await h.fillSoap(page, "Departing Client");
  await submit(page);
  // The portal navigates away while the hook is still deciding.
  await page.waitForFunction(() => window.__hookStarted === true);
  await page.evaluate(() => document.querySelector("casenote-editor").remove());
  // Once the hook has answered, the note is in the outbox, not a draft.
  const stores = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open("casenote");
          open.onsuccess = () => {
            const tx = open.result.transaction(["drafts", "outbox"]);
            const out = {};
            tx.objectStore("drafts").count().onsuccess = (e) => (out.drafts = e.target.result);
            tx.objectStore("outbox").count().onsuccess = (e) => (out.outbox = e.target.result);
            tx.oncomplete = () => {
              open.result.close();
              resolve(out);
            };
          };
        }),
    );
  await expect.poll(stores).toEqual({ drafts: 0, outbox: 1 });
  // The next editor on this device sends it, and starts a new note.
  await page.evaluate(() => {
    const fresh = document.createElement("casenote-editor");
    fresh.setAttribute("endpoint", "api/notes");
    document.querySelector("main").append(fresh);
  });
  await expect.poll(async () => (await h.storedNotes(request)).length, { timeout: 10_000 }).toBe(1);
  const notes = await h.storedNotes(request);
  expect(notes[0].note.client.name).toBe("Departing Client");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  expect(errors).toEqual([]);
});

test("a note submitted while beforeSubmit runs is sent once even if the editor is re-mounted meanwhile", async ({
  page,
  request,
}) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await h.openEditor(page);
  await slowBeforeSubmit(page, 700);
  await h.fillSoap(page, "Remounted Client");
  await submit(page);
  // An attribute changes while the hook is still deciding: the editor re-mounts.
  await page.waitForFunction(() => window.__hookStarted === true);
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("author-name", "Sam"));
  // The new editor sends it, and does not bring it back as a draft.
  await expect.poll(async () => (await h.storedNotes(request)).length, { timeout: 10_000 }).toBe(1);
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  await expect(page.locator(".restored")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /waiting to send/ })).toHaveCount(0);
  await page.waitForTimeout(1000);
  expect(await h.storedNotes(request)).toHaveLength(1);
  expect(await h.requestLog(request)).toHaveLength(1);
  expect(errors).toEqual([]);
});

test("a note refused after its editor was removed comes back as a draft", async ({ page, request }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await h.setFaults(request, { failNext: 1, status: 503 });
  await h.openEditor(page);
  await page.evaluate(() => {
    document.querySelector("casenote-editor").beforeSubmit = async (p) => ({
      ...p,
      service: { ...p.service, date: "not a date" },
    });
  });
  await h.fillSoap(page, "Orphan Client");
  await submit(page);
  await expect(page.locator(".confirmation")).toContainText("error 503");
  // The portal navigates away from the editor, then back to a new one.
  await page.evaluate(() => {
    window.__el = document.querySelector("casenote-editor");
    window.__el.remove();
  });
  await page.evaluate(() => {
    const fresh = document.createElement("casenote-editor");
    fresh.setAttribute("endpoint", "api/notes");
    document.querySelector("main").append(fresh);
  });
  await expect(page.locator(".notice").first()).toContainText("The server refused your note for Orphan Client (error 400)");
  await expect(page.locator(".notice").first()).toContainText("open it from Drafts and submit it again to see what to change");
  // Said as well: focus is on the worker's other note.
  await expect(page.locator(".save-announcer")).toContainText("The server refused your note for Orphan Client");
  await page.getByRole("button", { name: "Drafts" }).click();
  await expect(page.locator(".draft-row").filter({ hasText: "Orphan Client" })).toHaveCount(1);
  await expect(page.getByRole("button", { name: /waiting to send/ })).toHaveCount(0);
  expect(await h.storedNotes(request)).toHaveLength(0);
  expect(errors).toEqual([]);
});

test("a note another tab delivers is said as sent in the tab that submitted it, and its host hears it", async ({ context, request }) => {
  const one = await context.newPage();
  await h.openEditor(one);
  // This tab cannot reach the server; the other one can.
  await one.route("**/api/notes", (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  await recordEvents(one);
  await h.fillSoap(one, "Delivered Elsewhere");
  await submit(one);
  await expect(one.getByRole("heading", { name: "Waiting to send" })).toBeVisible();
  const two = await context.newPage();
  await h.openEditor(two);
  // The other tab sends it: when it is due, or now when its host asks.
  await two.evaluate(() => document.querySelector("casenote-editor").retry());
  await expect.poll(async () => (await h.storedNotes(request)).length).toBe(1);
  await expect(one.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const events = await one.evaluate(() => window.__events.map((e) => e.name));
  expect(events).toContain("casenote-submitted");
  expect(await h.requestLog(request)).toHaveLength(1);
});

// Drafts that never lose a word: many drafts, scopes, two tabs, storage
// failures, retention, encryption, purge and status.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

/** Sets attributes on the page's editor (it remounts and restores). */
async function setEditorAttribute(page, name, value) {
  await page.evaluate(([n, v]) => document.querySelector("casenote-editor").setAttribute(n, v), [name, value]);
}

const { rawDrafts } = h;

async function openDrafts(page) {
  await page.getByRole("button", { name: "Drafts" }).click();
  await expect(page.getByRole("heading", { name: "Your drafts on this device" })).toBeFocused();
}

test("several drafts: list, resume and discard after confirmation", async ({ page }) => {
  await h.openEditor(page);
  await h.fillContact(page, { client: "Ana First", date: h.today() });
  await page.getByLabel("Subjective", { exact: true }).fill("one two three");
  await h.waitForSaved(page);

  await openDrafts(page);
  await page.getByRole("button", { name: "Start a new note" }).click();
  await expect(page.getByLabel("Client", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  await page.getByLabel("Note format").selectOption("dap");
  await h.fillContact(page, { client: "Ben Second", date: h.today() });
  await page.getByLabel("Data", { exact: true }).fill("four five");
  await h.waitForSaved(page);

  await openDrafts(page);
  const rows = page.locator(".draft-row");
  await expect(rows).toHaveCount(2);
  const ana = rows.filter({ hasText: "Ana First" });
  await expect(ana).toContainText("SOAP");
  await expect(ana).toContainText(h.today());
  await expect(ana.locator("td.begins")).toHaveText("one two three");
  await expect(ana.locator("td").nth(4)).toHaveText("3");
  const ben = rows.filter({ hasText: "Ben Second" });
  await expect(ben).toContainText("(open now)");
  await expect(ben).toContainText("DAP");
  await expect(ben).toContainText(h.today());
  await expect(ben.locator("td").nth(4)).toHaveText("2");
  await expect(ben.locator("td").nth(3)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M$/);

  await ana.getByRole("button", { name: "Resume the draft for Ana First" }).click();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Ana First");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("one two three");

  await openDrafts(page);
  await rows.filter({ hasText: "Ben Second" }).getByRole("button", { name: "Discard the draft for Ben Second" }).press("Enter");
  // Focus moves to the question's answer, and back to Discard on "Keep it".
  await expect(page.getByRole("button", { name: "Yes, discard the draft for Ben Second" })).toBeFocused();
  await page.getByRole("button", { name: "Keep it" }).press("Enter");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Ben Second" }).getByRole("button", { name: "Discard the draft for Ben Second" })).toBeFocused();
  await rows.filter({ hasText: "Ben Second" }).getByRole("button", { name: "Discard the draft for Ben Second" }).click();
  await page.getByRole("button", { name: "Yes, discard the draft for Ben Second" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Ana First");
  expect((await rawDrafts(page)).map((d) => d.note.client.name)).toEqual(["Ana First"]);
});

test("many drafts open a page at a time, most recent first, and the rest are a keypress away", async ({ page }) => {
  await h.openEditor(page);
  const now = Date.now();
  await h.putRawDrafts(
    page,
    Array.from({ length: 120 }, (_, i) =>
      h.rawDraft({ id: h.seqId(i), client: `Client ${String(i).padStart(3, "0")}`, updatedAt: now - (i + 1) * 60_000 }),
    ),
  );
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Client 000");
  await openDrafts(page);
  const panel = page.locator("#cn-drafts");
  const rows = panel.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(rows.first().getByRole("rowheader")).toContainText("Client 000");
  await expect(rows.nth(49).getByRole("rowheader")).toContainText("Client 049");
  await expect(panel).toContainText("Showing the 50 most recently edited of 120 drafts.");

  // From the keyboard: the next page, with focus on its first draft.
  await panel.getByRole("button", { name: "Show 50 more" }).focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(100);
  await expect(panel.getByRole("button", { name: "Resume the draft for Client 050" })).toBeFocused();
  await panel.getByRole("button", { name: "Show 20 more" }).click();
  await expect(rows).toHaveCount(120);
  await expect(panel.getByRole("button", { name: /Show \d+ more/ })).toHaveCount(0);
  await expect(panel).not.toContainText("Showing the");

  // A draft from the later pages resumes like any other.
  await panel.getByRole("button", { name: "Resume the draft for Client 119" }).click();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Client 119");
});

test("a damaged draft record is skipped and does not hide the others", async ({ page }) => {
  await h.openEditor(page);
  const now = Date.now();
  await h.putRawDrafts(page, [
    { id: "dddddddd-dddd-4ddd-8ddd-dddddddddddd", scope: "default", revision: 1, updatedAt: now, note: "not a note" },
    h.rawDraft({ id: "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee", client: "Intact Client", updatedAt: now - 60_000, text: "intact words" }),
  ]);
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Intact Client");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("intact words");
  await expect(page.getByText("Saved drafts could not be read")).toHaveCount(0);
  // The damaged record is left as it was, not deleted...
  expect((await rawDrafts(page)).map((d) => d.id)).toContain("dddddddd-dddd-4ddd-8ddd-dddddddddddd");
  // ...until the host purges the scope (logout): then it goes too.
  await page.evaluate(() => document.querySelector("casenote-editor").purgeDrafts());
  await expect.poll(async () => (await rawDrafts(page)).filter((d) => d.scope === "default").length).toBe(0);
});

test("draft scopes never see or purge each other's drafts", async ({ page }) => {
  await h.openEditor(page);
  await setEditorAttribute(page, "draft-scope", "alice");
  await h.fillContact(page, { client: "Alice's Client" });
  await h.waitForSaved(page);

  await setEditorAttribute(page, "draft-scope", "bob");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  await openDrafts(page);
  await expect(page.getByText("No drafts yet.")).toBeVisible();
  await page.getByLabel("Client", { exact: true }).fill("Bob's Client");
  await h.waitForSaved(page);
  await page.evaluate(() => document.querySelector("casenote-editor").purgeDrafts());
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");

  await setEditorAttribute(page, "draft-scope", "alice");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Alice's Client");
  const scopes = (await rawDrafts(page)).map((d) => d.scope);
  expect(scopes).toEqual(["alice"]);
});

test("purgeDrafts() removes this scope's drafts, for the host's logout", async ({ page }) => {
  await h.openEditor(page);
  await h.fillContact(page, { client: "Logout Client" });
  await page.getByLabel("Subjective", { exact: true }).fill("Private words");
  await h.waitForSaved(page);
  await page.evaluate(() => document.querySelector("casenote-editor").purgeDrafts());
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  expect(await rawDrafts(page)).toEqual([]);
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("");
});

test("one draft in two tabs: neither is overwritten, and the worker chooses", async ({ context, request }) => {
  const one = await context.newPage();
  await h.openEditor(one);
  await h.fillContact(one, { client: "Two Tabs" });
  await one.getByLabel("Subjective", { exact: true }).fill("written in tab one");
  await h.waitForSaved(one);

  const two = await context.newPage();
  await h.openEditor(two);
  await expect(two.getByLabel("Subjective", { exact: true })).toHaveValue("written in tab one");
  await two.getByLabel("Subjective", { exact: true }).fill("rewritten in tab two");
  await h.waitForSaved(two);

  // Tab one hears of it: its own typing is stored at once, as a separate
  // copy, never over tab two's.
  const conflict = one.locator(".conflict");
  await expect(conflict).toContainText("This draft was changed in another tab or window.");
  await expect(conflict).toContainText("saved as a separate copy");
  await one.getByLabel("Objective", { exact: true }).fill("tab one keeps typing");
  await expect(one.locator(".save-status")).toContainText("Saved as a separate copy at");
  let stored = await rawDrafts(one);
  expect(stored).toHaveLength(2);
  const original = stored.find((d) => !d.copyOf);
  const copy = stored.find((d) => d.copyOf);
  expect(copy.copyOf).toBe(original.id);
  expect(original.note.sections.find((s) => s.key === "subjective").text).toBe("rewritten in tab two");
  expect(copy.note.sections.map((s) => s.text).join(" | ")).toBe("written in tab one | tab one keeps typing");

  // Submitting (here: Review and sign, which leads to it) now would close
  // the draft and delete tab two's words: it is refused until the worker
  // chooses.
  await one.getByRole("button", { name: "Review and sign" }).press("Enter");
  await expect(conflict).toBeFocused();
  await expect(one.locator(".send-error")).toContainText("Choose which version to keep");
  expect(await h.requestLog(request)).toHaveLength(0);
  expect(await rawDrafts(one)).toHaveLength(2);

  await conflict.getByRole("button", { name: "Keep mine as a separate draft" }).click();
  await expect(conflict).toHaveCount(0);
  await expect(one.locator(".notice")).toContainText("Your text here is now a separate draft");
  await expect(one.locator(".notice")).toBeFocused();
  await expect(one.locator(".send-error")).toHaveCount(0);
  await h.waitForSaved(one);
  stored = await rawDrafts(one);
  expect(stored).toHaveLength(2);
  const texts = stored.map((d) => d.note.sections.map((s) => s.text).join(" | ")).sort();
  expect(texts).toEqual(["rewritten in tab two", "written in tab one | tab one keeps typing"]);
  // The copy tab one kept is a draft like any other now.
  expect(stored.filter((d) => d.copyOf)).toEqual([]);
  expect(stored.map((d) => d.id)).toContain(copy.id);
  await expect(two.getByLabel("Subjective", { exact: true })).toHaveValue("rewritten in tab two");
});

test("one draft in two tabs: leaving mid-conflict keeps this tab's text as its own draft", async ({ context }) => {
  const one = await context.newPage();
  await h.openEditor(one);
  await h.fillContact(one, { client: "Leaving Tab" });
  await h.waitForSaved(one);
  const two = await context.newPage();
  await h.openEditor(two);
  await two.getByLabel("Plan", { exact: true }).fill("plan from tab two");
  await h.waitForSaved(two);

  await expect(one.locator(".conflict")).toBeVisible();
  await one.getByLabel("Assessment", { exact: true }).fill("only tab one has this");
  // The host re-mounts the editor (an attribute changed) before the worker chose.
  await one.evaluate(() => document.querySelector("casenote-editor").setAttribute("author-name", "Sam"));
  await expect.poll(async () => (await rawDrafts(two)).length).toBe(2);
  const texts = (await rawDrafts(two)).map((d) => d.note.sections.map((s) => s.text).join(" | ")).sort();
  expect(texts).toEqual(["only tab one has this", "plan from tab two"]);
});

/**
 * Signs the note in `page` and waits until its draft on the device holds
 * the signature: a tab opened after that shows it signed.
 */
async function signAndWaitSaved(page) {
  await h.sign(page);
  await expect(page.getByRole("button", { name: "Submit signed note" })).toBeVisible();
  await expect.poll(async () => (await rawDrafts(page)).some((d) => d.note.signature)).toBe(true);
}

test("one draft in two tabs: a note submitted in one is not sent again from the other", async ({ context, request }) => {
  const one = await context.newPage();
  await h.openEditor(one);
  await h.fillSoap(one, "Submitted Elsewhere");
  await h.waitForSaved(one);
  // Signed before tab two opens (signing writes the draft, which another
  // open tab would see as a change): both tabs hold the same signed note.
  await signAndWaitSaved(one);
  const two = await context.newPage();
  await h.openEditor(two);
  await expect(two.getByLabel("Client", { exact: true })).toHaveValue("Submitted Elsewhere");

  await one.getByRole("button", { name: "Submit signed note" }).click();
  await expect(one.getByRole("heading", { name: "Note sent" })).toBeVisible();
  // Tab two, untouched since, is asked to choose rather than sending it again.
  await two.getByRole("button", { name: "Submit signed note" }).click();
  const conflict = two.locator(".conflict");
  await expect(conflict).toBeFocused();
  await expect(conflict).toContainText("already submitted or discarded in another tab or window");
  await expect(two.locator(".send-error")).toContainText("it was not sent again from here");
  expect(await h.requestLog(request)).toHaveLength(1);
  expect(await h.storedNotes(request)).toHaveLength(1);
  // Starting a new note lets this tab's copy go: no second copy is kept to be sent.
  await conflict.getByRole("button", { name: "Start a new note" }).click();
  await expect(two.getByLabel("Client", { exact: true })).toHaveValue("");
  await expect(two.getByLabel("Client", { exact: true })).toBeFocused();
  await expect(conflict).toHaveCount(0);
  await expect(two.locator(".send-error")).toHaveCount(0);
  await two.getByLabel("Client", { exact: true }).fill("Next Client");
  await h.waitForSaved(two);
  const names = (await rawDrafts(two)).map((d) => d.note.client.name);
  expect(names).toEqual(["Next Client"]);
});

test("one draft in two tabs: a copy of a note submitted elsewhere is kept only when asked", async ({ context, request }) => {
  const one = await context.newPage();
  await h.openEditor(one);
  await h.fillSoap(one, "Kept Copy");
  await h.waitForSaved(one);
  await signAndWaitSaved(one);
  const two = await context.newPage();
  await h.openEditor(two);
  await expect(two.getByLabel("Client", { exact: true })).toHaveValue("Kept Copy");
  await one.getByRole("button", { name: "Submit signed note" }).click();
  await expect(one.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await two.getByRole("button", { name: "Submit signed note" }).click();
  await two.locator(".conflict").getByRole("button", { name: "Keep this copy as a new draft" }).click();
  await expect(two.locator(".notice:not(.restored)")).toBeFocused();
  await h.waitForSaved(two);
  const drafts = await rawDrafts(two);
  expect(drafts.map((d) => d.note.client.name)).toEqual(["Kept Copy"]);
  expect(drafts[0].id).not.toBe((await h.storedNotes(request))[0].id);
});

test("one draft in two tabs: loading the other version", async ({ context }) => {
  const one = await context.newPage();
  await h.openEditor(one);
  await h.fillContact(one, { client: "Load Theirs" });
  await h.waitForSaved(one);
  const two = await context.newPage();
  await h.openEditor(two);
  await two.getByLabel("Plan", { exact: true }).fill("plan from tab two");
  await h.waitForSaved(two);

  await one.getByLabel("Assessment", { exact: true }).fill("typed in tab one before choosing");
  await expect(one.locator(".save-status")).toContainText("Saved as a separate copy at");
  await one.locator(".conflict").getByRole("button", { name: "Load the other version" }).click();
  await expect(one.getByLabel("Plan", { exact: true })).toHaveValue("plan from tab two");
  await expect(one.locator(".notice").first()).toContainText("your unsaved copy");
  // Opened again, the page restores the draft the worker chose, not the
  // copy they left (although it was saved later).
  await one.reload();
  await expect(one.getByLabel("Plan", { exact: true })).toHaveValue("plan from tab two");
  await expect(one.getByLabel("Assessment", { exact: true })).toHaveValue("");
  await one.getByLabel("Assessment", { exact: true }).fill("then tab one adds this");
  await h.waitForSaved(one);
  const stored = await rawDrafts(one);
  expect(stored).toHaveLength(2);
  const theirs = stored.find((d) => !d.copyOf);
  expect(theirs.note.sections.map((s) => s.key).sort()).toEqual(["assessment", "plan"]);
  // Tab one's words before the choice are kept, listed as its unsaved copy.
  const copy = stored.find((d) => d.copyOf === theirs.id);
  expect(copy.note.sections.find((s) => s.key === "assessment").text).toBe("typed in tab one before choosing");
  await one.getByRole("button", { name: "Drafts", exact: true }).click();
  await expect(one.locator(".draft-row", { hasText: "your unsaved copy" })).toHaveCount(1);
});

test("without IndexedDB, drafts fall back to localStorage with a notice", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
  });
  await h.openEditor(page);
  await expect(page.locator(".notice").first()).toContainText("not letting casenote use its database");
  await h.fillContact(page, { client: "Fallback Client" });
  await page.getByLabel("Subjective", { exact: true }).fill("kept in localStorage");
  await h.waitForSaved(page);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("casenote.drafts.")));
  expect(keys).toHaveLength(1);
  await page.reload();
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("kept in localStorage");
});

test("in localStorage too, a full device is reported as full and the text kept", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith("casenote.drafts.")) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, k, v);
    };
  });
  await h.openEditor(page);
  await page.getByLabel("Subjective", { exact: true }).fill("too much for the device");
  await expect(page.locator(".save-status")).toContainText("storage is full");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("too much for the device");
});

test("a failing write (quota) warns, keeps the text and retries by itself", async ({ page }) => {
  await h.failIndexedDbWrites(page, "QuotaExceededError", "The quota has been exceeded.");
  await h.openEditor(page);
  await h.fillContact(page, { client: "Quota Client" });
  await page.getByLabel("Subjective", { exact: true }).fill("must not be lost");
  await expect(page.locator(".save-status")).toContainText("storage is full");
  await expect(page.locator(".save-announcer")).toContainText("Draft not saved");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("must not be lost");

  // beforeunload warns while a save is pending.
  let warned = false;
  page.on("dialog", async (d) => {
    if (d.type() === "beforeunload") warned = true;
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true }).catch(() => {});
  await expect.poll(() => warned).toBe(true);
});

test("a failed write is retried without any new typing", async ({ page }) => {
  await h.failIndexedDbWrites(page, "UnknownError", "disk error");
  await h.openEditor(page);
  await h.fillContact(page, { client: "Retry Client" });
  await expect(page.locator(".save-status")).toContainText("Not saved yet");
  await page.evaluate(() => {
    window.__failWrites = false;
  });
  await expect(page.locator(".save-status")).toContainText("Draft saved at", { timeout: 15_000 });
  await page.evaluate(() => {
    window.__failWrites = true;
  });
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Retry Client");
});

test("words typed while storage was failing are the ones saved once it recovers", async ({ page }) => {
  await h.failIndexedDbWrites(page, "UnknownError", "disk error");
  await h.openEditor(page);
  const subjective = page.getByLabel("Subjective", { exact: true });
  await subjective.fill("one");
  await expect(page.locator(".save-status")).toContainText("Not saved yet");
  // Still failing: more words, each write failing in turn.
  await subjective.fill("one two");
  await subjective.fill("one two three");
  await page.evaluate(() => {
    window.__failWrites = false;
  });
  await expect(page.locator(".save-status")).toContainText("Draft saved at", { timeout: 15_000 });
  // Let any retry that is still scheduled run, then reload.
  await page.waitForTimeout(2_500);
  await page.reload();
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("one two three");
});

test("no warning on leaving once everything is saved", async ({ page }) => {
  await h.openEditor(page);
  await h.fillContact(page, { client: "Saved Client" });
  await h.waitForSaved(page);
  let warned = false;
  page.on("dialog", async (d) => {
    warned = true;
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  expect(warned).toBe(false);
});

test("drafts past their retention are purged on start", async ({ page }) => {
  await h.openEditor(page);
  const day = 24 * 60 * 60 * 1000;
  const old = { text: "old words", date: "2026-11-01" };
  await h.putRawDrafts(page, [
    h.rawDraft({ ...old, id: "11111111-1111-4111-8111-111111111111", client: "Expired Client", revision: 3, updatedAt: Date.now() - 15 * day }),
    h.rawDraft({ ...old, id: "22222222-2222-4222-8222-222222222222", client: "Recent Client", updatedAt: Date.now() - 2 * day }),
  ]);
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Recent Client");
  // Deleted just after the form is ready (an expired draft is never opened).
  await expect.poll(async () => (await rawDrafts(page)).map((d) => d.note.client.name)).toEqual(["Recent Client"]);

  // A host-set retention of one day purges the two-day-old draft too.
  await setEditorAttribute(page, "draft-retention-days", "1");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  await expect.poll(async () => (await rawDrafts(page)).filter((d) => d.note.client.name === "Recent Client")).toEqual([]);
});

test("with the host's key, drafts are encrypted at rest and unreadable without it", async ({ page }) => {
  await h.openEditor(page);
  await page.evaluate(async () => {
    window.__key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    document.querySelector("casenote-editor").encryptionKey = window.__key;
  });
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await h.fillContact(page, { client: "Sealed Client" });
  await page.getByLabel("Subjective", { exact: true }).fill("a confidential disclosure");
  await h.waitForSaved(page);

  const raw = JSON.stringify(await rawDrafts(page));
  expect(raw).toContain('"sealed"');
  expect(raw).not.toContain("Sealed Client");
  expect(raw).not.toContain("confidential");

  // Without the key the draft is neither shown nor listed as text.
  await page.evaluate(() => {
    document.querySelector("casenote-editor").encryptionKey = null;
  });
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  await openDrafts(page);
  await expect(page.locator(".drafts-panel")).toContainText("1 draft on this device is locked");
  await expect(page.locator(".drafts-panel")).not.toContainText("Sealed Client");
  await page.getByRole("button", { name: "Close drafts" }).click();

  // With it again, everything is back.
  await page.evaluate(() => {
    document.querySelector("casenote-editor").encryptionKey = window.__key;
  });
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Sealed Client");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("a confidential disclosure");
});

test("drafts written in clear before the host gave its key are sealed once it does", async ({ page }) => {
  await h.openEditor(page);
  const now = Date.now();
  await h.putRawDrafts(page, [
    h.rawDraft({ id: h.seqId(1), client: "Early Client", updatedAt: now - 60_000, text: "written before the key" }),
    h.rawDraft({ id: h.seqId(2), client: "Other Client", updatedAt: now - 120_000, text: "another early draft" }),
  ]);
  await page.evaluate(async () => {
    window.__key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    document.querySelector("casenote-editor").encryptionKey = window.__key;
  });
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Early Client");
  await expect
    .poll(async () => JSON.stringify(await rawDrafts(page)))
    .not.toMatch(/Early Client|Other Client|before the key|early draft/);
  const raw = await rawDrafts(page);
  expect(raw.filter((d) => d.sealed && !d.note)).toHaveLength(2);
  // Both still open with the key.
  await openDrafts(page);
  await expect(page.locator(".drafts-panel")).toContainText("Other Client");
});

test("a key that is not an AES-GCM CryptoKey stops saving rather than saving in clear", async ({ page }) => {
  await h.openEditor(page);
  await page.evaluate(() => {
    document.querySelector("casenote-editor").encryptionKey = "hunter2";
  });
  await expect(page.locator(".notice").first()).toContainText("not an AES-GCM CryptoKey");
  await page.getByLabel("Client", { exact: true }).fill("Should Not Be Stored");
  await page.waitForTimeout(300);
  expect(JSON.stringify(await rawDrafts(page))).not.toContain("Should Not Be Stored");
});

test("casenote-draft-saved fires with the draft id, revision and time", async ({ page }) => {
  await h.openEditor(page);
  await page.evaluate(() => {
    window.__saved = [];
    document.addEventListener("casenote-draft-saved", (e) => window.__saved.push(e.detail));
  });
  await page.getByLabel("Client", { exact: true }).fill("Event Client");
  await h.waitForSaved(page);
  await expect(page.locator(".save-announcer")).toContainText("Draft saved at");
  const saved = await page.evaluate(() => window.__saved);
  expect(saved.length).toBeGreaterThan(0);
  const last = saved[saved.length - 1];
  expect(last.draftId).toMatch(/^[0-9a-f-]{36}$/);
  expect(last.revision).toBeGreaterThanOrEqual(1);
  expect(new Date(last.savedAt).toString()).not.toBe("Invalid Date");
  expect(JSON.stringify(saved)).not.toContain("Event Client");
});

test("note text never reaches the console or the URL", async ({ page, request }) => {
  const logged = [];
  page.on("console", (m) => logged.push(m.text()));
  page.on("pageerror", (e) => logged.push(e.message));
  await h.openEditor(page);
  const secret = "Zebra-secret-words";
  await h.fillContact(page, { client: `${secret} client`, date: h.today() });
  for (const label of ["Subjective", "Objective", "Assessment", "Plan"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label} ${secret}`);
  }
  await h.injectFaults(request, 1, 503);
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  expect((await h.requestLog(request)).map((l) => l.fault)).toEqual(["Status(503)", "None"]);
  expect(page.url()).not.toContain(secret);
  expect(logged.join("\n")).not.toContain(secret);
});

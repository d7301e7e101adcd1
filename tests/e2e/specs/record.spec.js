// A record that holds up: signing and locking with a content hash, addenda
// that never alter the original, FHIR, print and copy, and inert content.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

const editor = (page, fn, arg) =>
  page.evaluate(([body, a]) => new Function("el", "arg", body)(document.querySelector("casenote-editor"), a), [fn, arg]);

async function asWorker(page) {
  await editor(page, `el.setAttribute("author-id", "W-7"); el.setAttribute("author-name", "Sam Rivera");`);
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
}

async function signNote(page) {
  await page.getByRole("button", { name: "Review and sign" }).click();
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
  const sign = page.getByRole("button", { name: "Sign the note" });
  await expect(sign).toBeDisabled();
  await page.getByLabel("I agree with this statement").check();
  await sign.click();
  await expect(page.locator(".signed")).toContainText("Signed by Sam Rivera");
}

test("signing: refused with reasons when invalid, then locks the note and sends signer and hash", async ({
  page,
  request,
}) => {
  await h.openEditor(page);
  await asWorker(page);
  await page.getByRole("button", { name: "Review and sign" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.locator(".error-summary")).toContainText("Enter the client's name");
  await expect(page.getByRole("heading", { name: "Review and sign" })).toHaveCount(0);

  await h.fillSoap(page, "Signed Client");
  await signNote(page);
  await expect(page.locator(".signed .hash code")).toHaveText(/^[0-9a-f]{64}$/);
  for (const label of ["Client", "Subjective", "Plan"]) {
    await expect(page.getByLabel(label, { exact: true })).not.toBeEditable();
  }
  await expect(page.getByRole("button", { name: "Add a quote to Subjective" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Review and sign" })).toHaveCount(0);

  // Locked across a reload.
  await h.waitForSaved(page);
  await page.reload();
  await expect(page.locator(".signed")).toContainText("Signed by Sam Rivera");
  await expect(page.getByLabel("Subjective", { exact: true })).not.toBeEditable();

  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  const sig = stored.note.signature;
  expect(sig.signerId).toBe("W-7");
  expect(sig.signerName).toBe("Sam Rivera");
  expect(sig.attestation).toContain("I attest");
  expect(sig.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(new Date(sig.signedAt).toString()).not.toBe("Invalid Date");
  // Documented when signed, not when sent.
  expect(stored.note.documentedAt).toBe(sig.signedAt);
  expect(stored.note.timeliness.documentedAt).toBe(sig.signedAt);
});

test("a signed note refused after its editor was removed comes back unsigned, to fix and sign again", async ({
  page,
  request,
}) => {
  await h.setFaults(request, { failNext: 1, status: 503 });
  await h.openEditor(page);
  await asWorker(page);
  await h.fillSoap(page, "Refused Signed Client");
  await signNote(page);
  // The retry is refused: the page changes the signed content.
  await editor(page, `el.beforeSubmit = async (p) => ({ ...p, service: { ...p.service, date: "not a date" } });`);
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.locator(".confirmation")).toContainText("error 503");
  await editor(page, `el.remove();`);
  await page.evaluate(() => {
    const fresh = document.createElement("casenote-editor");
    fresh.setAttribute("endpoint", "api/notes");
    fresh.setAttribute("author-id", "W-7");
    fresh.setAttribute("author-name", "Sam Rivera");
    document.querySelector("main").append(fresh);
  });
  await expect(page.locator(".notice").first()).toContainText("The server refused your note for Refused Signed Client");
  await page.getByRole("button", { name: "Drafts" }).click();
  await page.getByRole("button", { name: "Resume the draft for Refused Signed Client" }).click();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Refused Signed Client");
  await expect(page.locator(".signed")).toHaveCount(0);
  await expect(page.getByLabel("Subjective", { exact: true })).toBeEditable();
  await expect(page.getByRole("button", { name: "Review and sign" })).toBeVisible();
  expect(await h.storedNotes(request)).toHaveLength(0);
});

test("a signed note whose page settings changed is unlocked to sign again, not sent with a stale signature", async ({
  page,
  request,
}) => {
  await h.openEditor(page);
  await asWorker(page);
  await h.fillSoap(page, "Resettled Client");
  await signNote(page);
  await h.waitForSaved(page);
  // The page now says it is a different kind of note: the signed content changes.
  await editor(page, `el.setAttribute("note-type", "social-work")`);
  await expect(page.locator(".signed")).toContainText("Signed by Sam Rivera");
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.locator(".send-error")).toBeFocused();
  await expect(page.locator(".send-error")).toContainText("the signature no longer matches it");
  await expect(page.locator(".signed")).toHaveCount(0);
  await expect(page.getByLabel("Subjective", { exact: true })).toBeEditable();
  expect(await h.storedNotes(request)).toHaveLength(0);
  // Signed again, it is sent.
  await signNote(page);
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.documentType.code).toBe("28656-7");
});

test("a signed note that is late under the page's threshold is unlocked to give the reason", async ({ page, request }) => {
  await h.openEditor(page);
  await editor(page, `el.setAttribute("late-entry-hours", "100")`);
  await asWorker(page);
  const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
  const date = `${old.getFullYear()}-${String(old.getMonth() + 1).padStart(2, "0")}-${String(old.getDate()).padStart(2, "0")}`;
  await h.fillSoap(page, "Threshold Client", date);
  await signNote(page);
  await h.waitForSaved(page);
  // The page's threshold is lower now: signed 2 days after the service, the note is late.
  await editor(page, `el.setAttribute("late-entry-hours", "24")`);
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.locator(".error-summary")).toContainText("This is a late entry");
  await expect(page.locator(".signed")).toHaveCount(0);
  await page.getByLabel("Reason for the late entry").fill("Signed late, sent later");
  await signNote(page);
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.timeliness.lateEntry).toBe(true);
  expect(stored.note.timeliness.lateEntryReason).toBe("Signed late, sent later");
});

test("the host sets the attestation wording; without a signer the note cannot be signed", async ({ page }) => {
  await h.openEditor(page);
  // A page that signs its workers in, but did not say who this one is.
  await editor(page, `el.removeAttribute("signer-entry");`);
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await h.fillSoap(page, "No Signer");
  await page.getByRole("button", { name: "Review and sign" }).click();
  // Said to the worker, in the worker's words: no attribute names.
  await expect(page.locator(".send-error")).toContainText("This page does not know who you are, so the note cannot be signed here.");
  await expect(page.locator(".send-error")).not.toContainText("attribute");
  await editor(
    page,
    `el.setAttribute("author-id", "W-9"); el.setAttribute("attestation", "I confirm this record under agency policy 4.2.");`,
  );
  await page.getByRole("button", { name: "Review and sign" }).click();
  await expect(page.locator(".attestation")).toHaveText("I confirm this record under agency policy 4.2.");
});

test("a tampered signed note is refused by the receiver", async ({ page, request }) => {
  await h.openEditor(page);
  await asWorker(page);
  await h.fillSoap(page, "Tamper Client");
  await signNote(page);
  // The host's hook changes the text after signing: the hash no longer matches.
  await editor(
    page,
    `el.beforeSubmit = async (p) => { p.sections[0].text += " (edited)"; return p; };`,
  );
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.locator(".send-error")).toContainText("error 400");
  expect(await h.storedNotes(request)).toHaveLength(0);
  const log = await h.requestLog(request);
  expect(log).toHaveLength(1);
});

test("an addendum is delivered, linked to its original, and the original is untouched", async ({
  page,
  request,
}) => {
  await h.openEditor(page);
  await asWorker(page);
  await h.fillSoap(page, "Original Client");
  await signNote(page);
  const hash = await page.locator(".signed .hash code").textContent();
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [original] = await h.storedNotes(request);

  await page.getByRole("button", { name: "Write another note" }).click();
  await editor(page, `el.setAttribute("addendum-to", arg.id); el.setAttribute("addendum-to-hash", arg.hash);`, {
    id: original.id,
    hash,
  });
  await expect(page.locator(".addendum-block")).toContainText(`addendum to note ${original.id}`);
  await expect(page.getByLabel("Note format")).toHaveValue("addendum");
  await h.fillContact(page, { client: "Original Client", date: h.today() });
  await page.getByLabel("Kind of addendum").selectOption("correction");
  await page.getByLabel("Addendum", { exact: true }).fill("The visit was at the office, not at home.");
  await h.reviewAndSign(page);
  await expect(page.locator(".error-summary")).toContainText("Say why you are writing this addendum");
  await page.getByLabel("Why you are writing this addendum").fill("Location recorded wrongly");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();

  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(2);
  expect(notes[0]).toEqual(original);
  const add = notes[1].note;
  expect(add.format).toBe("addendum");
  expect(add.addendum).toEqual({ to: original.id, toHash: hash, kind: "correction", reason: "Location recorded wrongly" });
  await page.goto("inbox");
  await expect(page.locator(`[data-note-id="${add.id}"] .addendum`)).toContainText(
    `Addendum (Correction) to note ${original.id}`,
  );
  await page.locator(`[data-note-id="${add.id}"] .addendum a`).click();
  await expect(page).toHaveURL(new RegExp(`#note-${original.id}$`));
});

test("a mismatched or malformed addendum-to hash is reported", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Original Two");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [original] = await h.storedNotes(request);
  await page.getByRole("button", { name: "Write another note" }).click();

  await editor(page, `el.setAttribute("addendum-to", arg); el.setAttribute("addendum-to-hash", "not-a-hash");`, original.id);
  await h.fillContact(page, { client: "Original Two", date: h.today() });
  await page.getByLabel("Addendum", { exact: true }).fill("More detail.");
  await page.getByLabel("Why you are writing this addendum").fill("Forgot a detail");
  await h.reviewAndSign(page);
  await expect(page.locator(".error-summary")).toContainText("the original's fingerprint this page gave is damaged");

  await editor(page, `el.setAttribute("addendum-to-hash", "${"0".repeat(64)}")`);
  await page.getByLabel("Addendum", { exact: true }).fill("More detail.");
  await page.getByLabel("Why you are writing this addendum").fill("Forgot a detail");
  // Passes the editor's checks: signed and sent, the receiver refuses it.
  await h.signAndSend(page);
  await expect(page.locator(".send-error")).toContainText("The server found problems with the note");
  await expect(page.locator(".addendum-block .error-message")).toContainText(
    "The original note has changed since this addendum was started, so it cannot be linked to it. Go back to the inbox, open the original again and choose Write an addendum.",
  );
  expect(await h.storedNotes(request)).toHaveLength(1);
});

test('payload-format="fhir" sends a DocumentReference the receiver accepts', async ({ page, request }) => {
  await h.openEditor(page);
  await editor(page, `el.setAttribute("payload-format", "fhir"); el.setAttribute("client-id", "C-55");`);
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await page.evaluate(() => {
    window.__bodies = [];
    document.querySelector("casenote-editor").beforeSubmit = async (p) => {
      window.__bodies.push(p);
      return p;
    };
  });
  await h.fillSoap(page, "FHIR Client");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [doc] = await page.evaluate(() => window.__bodies);
  expect(doc.resourceType).toBe("DocumentReference");
  expect(doc.status).toBe("current");
  // Signed: final, and who authenticated it.
  expect(doc.docStatus).toBe("final");
  expect(doc.authenticator.display).toBeTruthy();
  expect(doc.text.div).toContain("FHIR Client");
  expect(doc.type.coding[0]).toMatchObject({ system: "http://loinc.org", code: "11506-3" });
  expect(doc.category[0].coding[0].code).toBe("clinical-note");
  expect(doc.subject.reference).toBe("Patient/C-55");
  expect(doc.content.map((c) => c.attachment.contentType)).toEqual(["text/plain; charset=utf-8", "application/json"]);
  const [req] = await h.requestLog(request);
  expect(req.headers["content-type"]).toBe("application/fhir+json");
  const [stored] = await h.storedNotes(request);
  expect(stored.note.client).toEqual({ id: "C-55", name: "FHIR Client" });
});

test("print view and copy as text", async ({ page, context }, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await h.openEditor(page);
  await asWorker(page);
  await h.fillSoap(page, "Print Client");
  await h.addQuote(page, "Subjective", "I can manage", "about money");
  await signNote(page);

  // What the Print button and the browser's print do first.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const printView = page.locator(".print-view");
  await expect(printView).toBeVisible();
  await h.screenshot(page, testInfo, "print-view");
  const doc = printView.locator(".print-document");
  await expect(doc.locator("h1")).toHaveText("SOAP note");
  await expect(doc.locator(".print-header")).toContainText("ClientPrint Client");
  await expect(doc.locator(".print-header")).toContainText(`Date of service${h.today()}`);
  await expect(doc.locator(".print-header")).toContainText("Written bySam Rivera (W-7)");
  await expect(doc.locator("h2")).toHaveText(["Subjective", "Objective", "Assessment", "Plan", "Signature"]);
  await expect(doc.locator(".print-quote blockquote")).toHaveText("“I can manage”");
  await expect(doc.locator(".print-quote figcaption")).toHaveText("Client, about money");
  await expect(doc.locator(".print-signature")).toContainText("Signed by Sam Rivera (W-7) at");
  await expect(doc.locator(".print-signature .hash")).toHaveText(/^Content SHA-256: [0-9a-f]{64}$/);
  await expect(doc.locator(".draft-mark")).toHaveCount(0);
  // Headings are kept with what follows them across a page break.
  expect(await doc.locator("h2").first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe("avoid");
  for (const name of ["Submit signed note", "Print", "Copy as text", "Drafts"]) {
    await expect(page.getByRole("button", { name, exact: true })).toBeHidden();
  }
  await expect(page.getByLabel("Subjective", { exact: true })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(printView).toBeHidden();

  await page.getByRole("button", { name: "Copy as text" }).click();
  await expect(page.locator(".copied")).toHaveText("Copied the note as text.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("SOAP note: Print Client");
  expect(copied).toContain("Subjective\n----------\nSubjective for Print Client\n  “I can manage” (Client, about money)");
  expect(copied).toContain("Content SHA-256:");
});

test("content that looks like HTML or script stays inert text everywhere", async ({ page, request }) => {
  const evil = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
  await h.openEditor(page);
  await h.fillSoap(page, evil);
  await page.getByLabel("Plan", { exact: true }).fill(evil);
  await h.addQuote(page, "Subjective", evil, evil);
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue(evil);
  await page.getByRole("button", { name: "Preview the note" }).click();
  await expect(page.locator(".preview")).toContainText(`SOAP note: ${evil}`);
  await page.getByRole("button", { name: "Drafts" }).click();
  await expect(page.locator(".draft-row")).toContainText(evil);
  await page.getByRole("button", { name: "Close drafts" }).click();
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await expect(page.locator(".confirmation")).toContainText(evil);
  await page.goto("inbox");
  await expect(page.getByRole("heading", { name: `SOAP note: ${evil}` })).toBeVisible();
  await expect(page.locator("blockquote").first()).toContainText(evil);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator("img").count()).toBe(0);
  expect((await h.storedNotes(request))[0].note.client.name).toBe(evil);
});

test("on the standalone page the worker signs with their own name, remembered on this device", async ({
  page,
  request,
}, testInfo) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Standalone Client");
  await page.getByLabel("Subjective", { exact: true }).fill("She claims the rent was paid.");
  await expect(page.locator(".suggestions")).toHaveCount(1);
  await page.getByRole("button", { name: "Review and sign" }).click();
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
  await page.getByLabel("I agree with this statement").check();
  await page.getByRole("button", { name: "Sign the note" }).click();
  await expect(page.locator("#cn-signer-name-error")).toHaveText("Error: Enter your name: it is what your signature shows");
  await expect(page.getByLabel("Your name")).toBeFocused();
  await h.expectNoViolations(page, "the sign panel asking for the worker's name");
  await page.keyboard.type("Rosa Diaz");
  await page.getByLabel("Your staff ID (optional)").fill("RD-12");
  await page.getByRole("button", { name: "Sign the note" }).click();
  const banner = page.locator(".signed");
  await expect(banner).toBeFocused();
  await expect(banner).toContainText("Signed by Rosa Diaz");
  await expect(banner).toContainText("Not sent yet.");
  await h.screenshot(page, testInfo, "signed-banner");
  await h.expectNoViolations(page, "the signed banner");
  // The one way to send it is next to what the banner says; tips are gone.
  await expect(page.getByRole("button", { name: /^Submit/ })).toHaveCount(1);
  await expect(page.locator(".suggestions, .tip")).toHaveCount(0);
  const submit = banner.getByRole("button", { name: "Submit signed note" });
  await page.keyboard.press("Tab");
  await expect(page.locator(".signed button")).toBeFocused();
  await submit.press("Enter");
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.signature).toMatchObject({ signerName: "Rosa Diaz", signerId: "RD-12" });
  expect(stored.note.author).toEqual({ id: "RD-12", name: "Rosa Diaz" });
  // Remembered for the next note, and never in the URL.
  expect(page.url()).not.toContain("Rosa");
  await page.getByRole("button", { name: "Write another note" }).click();
  await h.fillSoap(page, "Second Client");
  await page.getByRole("button", { name: "Review and sign" }).click();
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
  // Remembered: the name is filled in, and the worker can still change it.
  await expect(page.getByLabel("Your name")).toHaveValue("Rosa Diaz");
  await page.getByLabel("I agree with this statement").check();
  await page.getByRole("button", { name: "Sign the note" }).click();
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const second = (await h.storedNotes(request)).find((n) => n.note.client.name === "Second Client");
  expect(second.note.signature).toMatchObject({ signerName: "Rosa Diaz", signerId: "RD-12" });
  expect(second.note.author).toEqual({ id: "RD-12", name: "Rosa Diaz" });
});

test("an unsigned note prints as a DRAFT on every page, and empty optional sections are left out", async ({
  page,
}, testInfo) => {
  await h.openEditor(page);
  await editor(
    page,
    `el.template = { id: "crisis", name: "Crisis contact", sections: [
      { key: "situation", label: "Situation", prompt: "What happened", required: true },
      { key: "safety", label: "Safety plan", prompt: "Steps agreed", required: false } ] };`,
  );
  await page.getByLabel("Note format").selectOption("crisis");
  await h.fillContact(page, { client: "Draft Print Client", date: h.today(), start: "09:00", end: "09:40" });
  await page.getByLabel("Situation", { exact: true }).fill("Called from a friend's flat.");
  // Printing from the Print button builds the document (beforeprint).
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const doc = page.locator(".print-document");
  await expect(doc).toBeVisible();
  await h.screenshot(page, testInfo, "print-draft");
  const mark = doc.locator(".draft-mark");
  await expect(mark).toHaveText("DRAFT: not signed");
  expect(await mark.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
  await expect(doc.locator("h2")).toHaveText(["Situation", "Signature"]);
  await expect(doc.locator(".print-header")).toContainText("09:00–09:40 (40 minutes)");
  await expect(doc.locator(".print-signature")).toContainText("Not signed.");
});

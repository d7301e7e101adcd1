// Supervisory review, the worker's side of asking for it: a host's review
// policy sends the note as awaiting review, and the record and the inbox
// say so, in English and Spanish.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

const editor = (page, fn) => page.evaluate((body) => new Function("el", body)(document.querySelector("casenote-editor")), fn);

test("review=required: the note is sent awaiting review, and the record and the inbox say so", async ({ page, request }) => {
  await h.openEditor(page);
  await editor(page, `el.setAttribute("review", "required"); el.setAttribute("author-id", "W-7"); el.setAttribute("author-name", "Sam Worker");`);
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await h.fillSoap(page, "Review Client");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();

  const [stored] = await h.storedNotes(request);
  expect(stored.note.reviewRequired).toBe(true);
  // The content hash covers it: canonical version 5.
  expect(stored.note.canonicalVersion).toBe(5);

  await page.goto("inbox");
  const note = page.locator("article.print-document").filter({ hasText: "Review Client" });
  await expect(note.locator(".print-label.review")).toHaveText("Awaiting a supervisor's review");
  await h.expectNoViolations(page, "inbox with a note awaiting review");
});

test("without the attribute, a note asks for no review", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Plain Client");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.reviewRequired).toBeUndefined();
  expect(stored.note.canonicalVersion).toBe(3);
});

test("a Spanish note sent for review says so in Spanish in the inbox", async ({ page, request }) => {
  await h.openEditor(page);
  await editor(page, `el.setAttribute("review", "required"); el.setAttribute("lang", "es");`);
  await expect(page.getByLabel("Cliente", { exact: true })).toBeVisible();
  await page.getByLabel("Cliente", { exact: true }).fill("Cliente Revisión");
  await page.getByLabel("Fecha del servicio").fill(h.today());
  for (const label of ["Subjetivo", "Objetivo", "Evaluación", "Plan"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label}: texto`);
  }
  await page.getByRole("button", { name: "Revisar y firmar" }).click();
  await page.getByLabel("Su nombre").fill("Rosa Díaz");
  await page.getByLabel("Estoy de acuerdo con esta declaración").check();
  await page.getByRole("button", { name: "Firmar la nota" }).click();
  await page.getByRole("button", { name: "Enviar la nota firmada" }).click();
  await expect(page.getByRole("heading", { name: "Nota enviada" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.reviewRequired).toBe(true);

  await page.goto("inbox");
  const note = page.locator("article.print-document").filter({ hasText: "Cliente Revisión" });
  await expect(note.locator(".print-label.review")).toHaveText("Pendiente de revisión por un supervisor");
  await h.expectNoViolations(page, "inbox with a Spanish note awaiting review");
});

/** `value` as canonical JSON: keys sorted at every level, no whitespace. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text) => require("node:crypto").createHash("sha256").update(text, "utf8").digest("hex");

/** A supervisor's review of `note`, hashed as the README says (a host building its own review tool would do this). */
function review(note, decision, comments) {
  const r = {
    schema: "casenote-review/v1",
    id: require("node:crypto").randomUUID(),
    note: { id: note.id, contentHash: note.contentHash },
    reviewer: { id: "S-3", name: "Dana Supervisor", credential: "LCSW" },
    decision,
    comments,
    createdAt: "2026-11-27T09:00:00Z",
    decidedAt: new Date().toISOString(),
  };
  r.reviewHash = sha256(
    canonical({ id: r.id, note: r.note, reviewer: r.reviewer, decision, comments, decidedAt: r.decidedAt }),
  );
  if (decision === "cosign") {
    const sig = {
      signerId: "S-3",
      signerName: "Dana Supervisor",
      credential: "LCSW",
      attestation: "I have reviewed this note and co-sign it.",
      signedAt: r.decidedAt,
      reviewHash: r.reviewHash,
    };
    r.coSignature = { ...sig, signatureHash: sha256(canonical(sig)) };
  }
  return r;
}

/** Worker W-7 sends a SOAP note for `client` that asks for review: the note as stored. */
async function sendForReview(page, request, client) {
  await h.openEditor(page);
  await editor(page, `el.setAttribute("review", "required"); el.setAttribute("author-id", "W-7"); el.setAttribute("author-name", "Sam Worker");`);
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await h.fillSoap(page, client);
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  return stored;
}

async function sendReview(request, r) {
  const res = await request.post("api/reviews", {
    data: r,
    headers: { "content-type": "application/json", "idempotency-key": r.id },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test("a supervisor's decisions show in the inbox, its queue and its filters, in English and Spanish, with no axe violations", async ({
  page,
  request,
  context,
  baseURL,
}) => {
  const stored = await sendForReview(page, request, "Queue Client");

  // Waiting: in the queue, oldest first, with its age.
  await page.goto("inbox/reviews");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notes awaiting a supervisor's review");
  await expect(page.locator(".review-queue li")).toHaveCount(1);
  await expect(page.locator(".review-queue li")).toContainText("SOAP note: Queue Client");
  await expect(page.locator(".review-queue li .waiting")).toContainText("sent today");
  await h.expectNoViolations(page, "the review queue");
  await page.getByRole("link", { name: "Open in the inbox" }).click();
  await expect(page.locator(`#note-${stored.id} .print-label.review`)).toHaveText("Awaiting a supervisor's review");

  // Returned with a comment beside its section: off the queue, and filtered as returned.
  const section = stored.note.sections[2];
  await sendReview(
    request,
    review(stored.note, "return", [
      { id: require("node:crypto").randomUUID(), about: { kind: "section", key: section.key }, text: "Say what the assessment rests on." },
    ]),
  );
  // Stored once, as sent (and checked by both schema validators afterwards).
  const reviews = await h.storedReviews(request);
  expect(reviews.map((r) => r.note.decision)).toEqual(["return"]);
  await page.goto("inbox/reviews");
  await expect(page.getByText("No note awaits review.")).toBeVisible();
  await page.goto("inbox");
  await page.getByLabel("Status").selectOption("returned");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=returned/);
  const note = page.locator("article.note");
  await expect(note).toHaveCount(1);
  await expect(note.locator(".print-label.review")).toHaveText("Returned for revision");
  await expect(note.locator(".review-comments li")).toHaveText(`${section.label}: Say what the assessment rests on.`);
  await h.expectNoViolations(page, "the inbox filtered to returned notes");
  await page.getByLabel("Status").selectOption("coSigned");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No note matches these filters.")).toBeVisible();

  // In Spanish: the reader's pages, the filters and the queue.
  await context.addCookies([{ name: "casenote-lang", value: "es", url: baseURL }]);
  await page.goto("inbox?status=returned");
  await expect(page.getByLabel("Estado")).toHaveValue("returned");
  await expect(page.getByRole("button", { name: "Filtrar" })).toBeVisible();
  await h.expectNoViolations(page, "the inbox filtered, in Spanish");
  await page.goto("inbox/reviews");
  await expect(page.getByText("Ninguna nota espera revisión.")).toBeVisible();
  await h.expectNoViolations(page, "the review queue, in Spanish");
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("inbox?status=returned");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("a returned note opens for revision: the comment beside it, the answer kept through a reload, the revision sent and queued", async ({
  page,
  request,
}) => {
  const original = await sendForReview(page, request, "Revision Client");
  const commentId = require("node:crypto").randomUUID();
  const back = review(original.note, "return", [
    { id: commentId, about: { kind: "section", key: "assessment" }, text: "Say what the assessment rests on." },
  ]);
  await sendReview(request, back);

  // The host opens the returned note in the editor.
  const open = async () => {
    await h.openEditor(page);
    await editor(
      page,
      `el.setAttribute("author-id", "W-7"); el.setAttribute("author-name", "Sam Worker"); el.returned = ${JSON.stringify({ note: original.note, review: back })};`,
    );
    await expect(page.getByRole("heading", { name: "Returned for revision" })).toBeVisible();
  };
  await open();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Revision Client");
  await expect(page.getByLabel("Assessment", { exact: true })).toHaveValue("Assessment for Revision Client");
  await expect(page.locator("aside.returned")).toContainText("Returned by Dana Supervisor, LCSW on");
  await expect(page.locator("aside.returned")).toContainText("One comment is beside the section it is about.");
  // The comment sits beside the section it is about, with the answer box.
  const panel = page.locator(".section").filter({ has: page.getByLabel("Assessment", { exact: true }) }).locator(".returned-beside");
  await expect(panel.locator(".about")).toHaveText("Assessment");
  await expect(panel.locator("blockquote")).toHaveText("Say what the assessment rests on.");
  await h.expectNoViolations(page, "a returned note open for revision");
  await panel.getByLabel("Your answer").fill("Added the rent ledger she showed.");
  await page.getByLabel("Assessment", { exact: true }).fill("Rests on the rent ledger she showed.");
  await h.waitForSaved(page);

  // A reload (the host sets the property again): the revision and the answer are kept.
  await page.reload();
  await open();
  await expect(panel.getByLabel("Your answer")).toHaveValue("Added the rent ledger she showed.");
  await expect(page.getByLabel("Assessment", { exact: true })).toHaveValue("Rests on the rent ledger she showed.");

  // In Spanish, the same revision: the panel's words change, the answer stays.
  await editor(page, `el.setAttribute("lang", "es");`);
  await expect(page.getByRole("heading", { name: "Devuelta para revisión" })).toBeVisible();
  const beside = page.locator(".section").filter({ has: page.getByLabel("Evaluación", { exact: true }) }).locator(".returned-beside");
  await expect(beside.getByLabel("Su respuesta")).toHaveValue("Added the rent ledger she showed.");
  await h.expectNoViolations(page, "a returned note open for revision, in Spanish");
  await editor(page, `el.setAttribute("lang", "en");`);
  await expect(page.getByRole("heading", { name: "Returned for revision" })).toBeVisible();

  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(2);
  const revision = notes.find((n) => n.id !== original.id).note;
  expect(revision.revises).toEqual({
    to: original.id,
    toHash: original.note.contentHash,
    review: back.id,
    responses: [{ comment: commentId, text: "Added the rent ledger she showed." }],
  });
  expect(revision.reviewRequired).toBe(true);
  expect(revision.sections[2].text).toBe("Rests on the rent ledger she showed.");
  // The original is as it was, and the revision awaits review.
  expect(notes.find((n) => n.id === original.id).note).toEqual(original.note);
  await page.goto("inbox/reviews");
  await expect(page.locator(".review-queue li")).toHaveCount(1);
  await expect(page.locator(".review-queue li")).toHaveAttribute("data-note-id", notes.find((n) => n.id !== original.id).id);
});

test("a returned value that does not hold together is refused in words, and the editor opens as usual", async ({ page }) => {
  await h.openEditor(page);
  await editor(page, `el.returned = { note: { schema: "casenote/v1" }, review: {} };`);
  await expect(page.locator(".notice, [role=status]").filter({ hasText: "The returned note could not be opened for revision" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Returned for revision" })).toHaveCount(0);
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
});

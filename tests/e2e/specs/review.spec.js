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

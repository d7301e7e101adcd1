// The host's signing policy: the standalone page requires signing (no way
// to send unsigned), the portal leaves it optional (sending unsigned is a
// secondary action that asks once). Enter in a text box reviews and
// signs, the primary action, on both.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

/** The names of the buttons in the editor's Actions group. */
async function actionNames(page) {
  return page
    .getByRole("group", { name: "Actions" })
    .getByRole("button")
    .evaluateAll((bs) => bs.map((b) => b.textContent.trim()));
}

/** Opens the portal example and fills what it does not preset. */
async function portalNote(page) {
  await page.goto("examples/portal/");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Jordan Avery");
  await h.fillContact(page, { date: h.today() });
  for (const label of ["Subjective", "Objective", "Assessment", "Plan"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label} in the portal`);
  }
}

test("signing required: no way to send unsigned, and Enter in a text box reviews and signs", async ({ page, request }) => {
  await h.openEditor(page);
  await expect(page.locator("casenote-editor")).toHaveAttribute("signing", "required");
  expect(await actionNames(page)).toEqual(["Review and sign", "Print", "Copy as text"]);
  await expect(page.getByRole("button", { name: "Send without signing" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Submit note" })).toHaveCount(0);

  // An incomplete note: Enter shows the errors, as Review and sign does.
  await page.getByLabel("Client", { exact: true }).fill("Enter Client");
  await page.getByLabel("Client", { exact: true }).press("Enter");
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.locator(".error-summary")).toContainText("Enter the Plan section");
  await expect(page.getByRole("heading", { name: "Review and sign" })).toHaveCount(0);

  // A complete one: Enter opens the signing panel; nothing is sent.
  await h.fillSoap(page, "Enter Client");
  await page.getByLabel("Client", { exact: true }).press("Enter");
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
  await expect(page.getByLabel("Your name")).toBeVisible();
  await page.waitForTimeout(500);
  expect(await h.requestLog(request)).toHaveLength(0);

  // Signed and sent: the signer is the author.
  await page.getByLabel("Your name").fill("Rosa Diaz");
  await page.getByLabel("I agree with this statement").check();
  await page.getByRole("button", { name: "Sign the note" }).click();
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.signature.signerName).toBe("Rosa Diaz");
  expect(stored.note.signature.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(stored.note.author.name).toBe("Rosa Diaz");

  // The device remembers the signer: the next note has the name filled in.
  await page.getByRole("button", { name: "Write another note" }).click();
  await h.fillSoap(page, "Next Client");
  await h.reviewAndSign(page);
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
  await expect(page.getByLabel("Your name")).toHaveValue("Rosa Diaz");
});

test("signing optional: sending unsigned asks once; Keep editing sends nothing", async ({ page, request }) => {
  await page.goto("examples/portal/");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Jordan Avery");
  expect(await actionNames(page)).toEqual(["Review and sign", "Send without signing", "Print", "Copy as text"]);
  await expect(page.getByRole("button", { name: "Submit note" })).toHaveCount(0);

  // Checked first: a note with problems shows them, and asks nothing.
  await page.getByRole("button", { name: "Send without signing" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.getByRole("heading", { name: "Send this note unsigned?" })).toHaveCount(0);

  await portalNote(page);
  // Enter in a text box does the primary action, Review and sign, even
  // where sending unsigned is allowed.
  await page.getByLabel("Location (optional)").fill("Office");
  await page.getByLabel("Location (optional)").press("Enter");
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
  await page.getByRole("button", { name: "Back to editing" }).click();
  await page.getByRole("button", { name: "Send without signing" }).click();
  const ask = page.getByRole("region", { name: "Send this note unsigned?" });
  await expect(ask).toBeVisible();
  await expect(page.getByRole("heading", { name: "Send this note unsigned?" })).toBeFocused();
  await h.expectNoViolations(page, "asked whether to send unsigned");
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send without signing" })).toBeFocused();
  await page.waitForTimeout(500);
  expect(await h.requestLog(request)).toHaveLength(0);
  await expect(page.getByLabel("Subjective", { exact: true })).toBeEditable();

  await h.sendUnsigned(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.signature ?? null).toBeNull();
  expect(stored.note.author).toEqual({ id: "W-7", name: "Sam Rivera" });
  expect(stored.note.location).toBe("Office");
});

test("signing optional: a note can still be signed, with the page's worker as signer", async ({ page, request }) => {
  await portalNote(page);
  await h.reviewAndSign(page);
  await expect(page.locator(".sign-panel")).toContainText("Signing as Sam Rivera (W-7).");
  await expect(page.getByLabel("Your name")).toHaveCount(0);
  await page.getByLabel("I agree with this statement").check();
  await page.getByRole("button", { name: "Sign the note" }).click();
  // Signed: the only way on is Submit signed note.
  await expect(page.getByRole("button", { name: "Send without signing" })).toHaveCount(0);
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.signature).toMatchObject({ signerId: "W-7", signerName: "Sam Rivera" });
});

test("a note sent unsigned is signed later by its author, as a signature addendum that leaves it unchanged", async ({
  page,
  request,
}) => {
  await portalNote(page);
  await h.sendUnsigned(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [original] = await h.storedNotes(request);
  const before = JSON.stringify(original.note);

  await page.goto("inbox");
  const article = page.locator(`article[data-note-id="${original.id}"]`);
  await expect(article).toContainText("DRAFT: not signed");
  await article.getByRole("link", { name: /^Sign this note/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign this note" })).toBeVisible();
  await h.expectNoViolations(page, "the page to sign a note later");
  await expect(page.locator(".addendum-kind")).toHaveText("Kind of addendum: Signature");
  await expect(page.locator("casenote-editor textarea[name='section.addendum']")).toHaveValue(
    "I wrote this note and sign it as it was sent, unchanged.",
  );
  await expect(page.getByRole("button", { name: "Send without signing" })).toHaveCount(0);
  await page.getByLabel("Why you are writing this addendum").fill("Sent before I had signed it");
  // The page never signs in the author's name for whoever opened it: the
  // worker says who they are, and only the author's staff id is accepted.
  await expect(page.getByText("Only the note's author, Sam Rivera (W-7), can sign it")).toBeVisible();
  await h.reviewAndSign(page);
  await page.getByLabel("Your name").fill("Sam Rivera");
  await page.getByLabel("Your staff ID").fill("W-7");
  await page.getByLabel("I agree with this statement").check();
  await page.getByRole("button", { name: "Sign the note" }).click();
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();

  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(2);
  const signed = notes.find((n) => n.id !== original.id).note;
  expect(signed.addendum).toMatchObject({ to: original.id, kind: "signature", toHash: original.note.contentHash });
  expect(signed.signature).toMatchObject({ signerId: "W-7", signerName: "Sam Rivera" });
  // The original as it was stored, byte for byte.
  expect(JSON.stringify(notes.find((n) => n.id === original.id).note)).toBe(before);

  await page.goto("inbox");
  await expect(article).toContainText("Sent unsigned; signed later by Sam Rivera (W-7) on");
  await expect(article.getByRole("link", { name: /^Sign this note/ })).toHaveCount(0);
  await h.expectNoViolations(page, "the inbox with a note signed later");
});

test("in Spanish: the question before sending unsigned, and the page to sign a note later", async ({ page, context, baseURL }) => {
  await portalNote(page);
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("lang", "es"));
  await expect(page.locator("casenote-editor .casenote-host")).toHaveAttribute("lang", "es");
  await page.getByRole("button", { name: "Enviar sin firmar" }).click();
  const ask = page.getByRole("region", { name: "¿Enviar esta nota sin firmar?" });
  await expect(ask).toContainText("Puede firmarla más tarde");
  await h.expectNoViolations(page, "asked whether to send unsigned (es)");
  await ask.getByRole("button", { name: "Sí, enviar sin firmar" }).click();
  await expect(page.getByRole("heading", { name: "Nota enviada" })).toBeVisible();

  await context.addCookies([{ name: "casenote-lang", value: "es", url: baseURL }]);
  await page.goto("inbox");
  await page.getByRole("link", { name: /^Firmar esta nota/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Firmar esta nota" })).toBeVisible();
  await expect(page.locator("casenote-editor textarea[name='section.addendum']")).toHaveValue(
    "Escribí esta nota y la firmo tal como se envió, sin cambios.",
  );
  await expect(page.locator(".addendum-kind")).toHaveText("Tipo de adenda: Firma");
  await h.expectNoViolations(page, "the page to sign a note later (es)");
});

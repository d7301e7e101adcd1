// The first usable path: write a note with the client's own words, have it
// survive a reload, and deliver it to the reference receiver exactly once.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

async function writeSoap(page, client) {
  await h.fillContact(page, { client, date: h.dayEnded("09:45"), start: "09:00", end: "09:45" });
  await page.getByLabel("Subjective", { exact: true }).fill("Client reports sleeping badly since the eviction notice.");
  await h.addQuote(page, "Subjective", "I just want somewhere safe for my kids", "asked about housing");
  await page.getByLabel("Objective", { exact: true }).fill("Arrived on time. Calm, good eye contact.");
  await page.getByLabel("Assessment", { exact: true }).fill("Housing instability is the main stressor.");
  await page.getByLabel("Plan", { exact: true }).fill("Refer to housing advocate; next visit 2026-11-27.");
  await h.addQuote(page, "Plan", "I'll call them Monday");
}

test("a SOAP note with two quotes is all there after a reload", async ({ page }) => {
  await h.openEditor(page);
  await writeSoap(page, "Jo Reload");
  await h.waitForSaved(page);

  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Jo Reload");
  await expect(page.locator(".notice.restored")).toContainText("Restored your unsent draft");
  await expect(page.getByLabel("Date of service")).toHaveValue(h.dayEnded("09:45"));
  await expect(page.getByLabel("Start time")).toHaveValue("09:00");
  await expect(page.getByLabel("End time")).toHaveValue("09:45");
  await expect(page.getByText("Duration: 45 minutes")).toBeVisible();
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue(
    "Client reports sleeping badly since the eviction notice.",
  );
  await expect(page.getByLabel("Objective", { exact: true })).toHaveValue("Arrived on time. Calm, good eye contact.");
  await expect(page.getByLabel("Assessment", { exact: true })).toHaveValue("Housing instability is the main stressor.");
  await expect(page.getByLabel("Plan", { exact: true })).toHaveValue("Refer to housing advocate; next visit 2026-11-27.");
  const subjectiveQuote = h.section(page, "Subjective").locator(".quote");
  await expect(subjectiveQuote).toHaveCount(1);
  await expect(subjectiveQuote.getByLabel("Words, exactly as said")).toHaveValue("I just want somewhere safe for my kids");
  await expect(subjectiveQuote.getByLabel("Context (optional)")).toHaveValue("asked about housing");
  const planQuote = h.section(page, "Plan").locator(".quote");
  await expect(planQuote.getByLabel("Words, exactly as said")).toHaveValue("I'll call them Monday");
});

test("submit delivers exactly that note, with its quotes, once", async ({ page, request }) => {
  await h.openEditor(page);
  await writeSoap(page, "Jo Submit");
  // The standalone page requires signing.
  await h.signAndSend(page, "Jo's Worker");
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await expect(page.locator(".confirmation")).toBeFocused();

  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(1);
  const note = notes[0].note;
  expect(notes[0].idempotencyKey).toBe(note.id);
  expect(note.schema).toBe("casenote/v1");
  expect(note.format).toBe("soap");
  expect(note.client.name).toBe("Jo Submit");
  expect(note.service).toEqual({ date: h.dayEnded("09:45"), start: "09:00", end: "09:45", durationMinutes: 45 });
  expect(note.sections.map((s) => [s.key, s.loinc])).toEqual([
    ["subjective", "61150-9"],
    ["objective", "61149-1"],
    ["assessment", "51848-0"],
    ["plan", "18776-5"],
  ]);
  expect(note.sections[0].text).toBe("Client reports sleeping badly since the eviction notice.");
  expect(note.sections[0].quotes).toEqual([
    { text: "I just want somewhere safe for my kids", speaker: "client", context: "asked about housing" },
  ]);
  expect(note.sections[3].quotes).toEqual([{ text: "I'll call them Monday", speaker: "client" }]);
  // Signed by the worker, who is its author.
  expect(note.signature.signerName).toBe("Jo's Worker");
  expect(note.signature.contentHash).toBe(note.contentHash);
  expect(note.author.name).toBe("Jo's Worker");
  await expect(page.locator(".reference code")).toHaveText(note.id);

  // The draft is gone: a reload starts a fresh note.
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("");
  expect(await h.storedNotes(request)).toHaveLength(1);
});

test("an empty required section blocks submit with a message and focus on it", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillContact(page, { client: "Jo Missing", date: h.today() });
  await page.getByLabel("Subjective", { exact: true }).fill("Reports feeling better.");
  await page.getByLabel("Objective", { exact: true }).fill("Smiling, relaxed.");
  await page.getByLabel("Assessment", { exact: true }).fill("Improving.");
  await h.reviewAndSign(page);

  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toBeFocused();
  const link = summary.getByRole("link", { name: "Enter the Plan section" });
  await expect(link).toBeVisible();
  const plan = page.getByLabel("Plan", { exact: true });
  await link.click();
  await expect(plan).toBeFocused();
  await expect(plan).toHaveAttribute("aria-invalid", "true");
  await expect(h.section(page, "Plan").locator(".error-message")).toHaveText("Error: Enter the Plan section");
  expect(await h.storedNotes(request)).toHaveLength(0);

  // Fixing it lets the note through.
  await plan.fill("Review in two weeks.");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  expect(await h.storedNotes(request)).toHaveLength(1);
});

test("a missing date of service is reported next to the field", async ({ page }) => {
  await h.openEditor(page);
  await h.fillContact(page, { client: "Jo Date" });
  for (const label of ["Subjective", "Objective", "Assessment", "Plan"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label} text`);
  }
  await h.reviewAndSign(page);
  await expect(page.locator(".error-summary")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Enter the date of service" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Date of service")).toBeFocused();
  await expect(page.locator(".field.has-error .error-message")).toHaveText("Error: Enter the date of service");
});

test("with the receiver answering 500 the note survives, the error is shown, and it is sent once", async ({
  page,
  request,
}) => {
  await h.openEditor(page);
  await writeSoap(page, "Jo Outage");
  await h.injectFaults(request, 1000, 500);
  await h.signAndSend(page);

  const status = page.locator(".confirmation");
  await expect(status).toContainText("Waiting to send");
  await expect(status).toContainText("could not take the note just now (error 500)");
  await expect(status).toContainText("kept on this device");
  await expect(status).toContainText("You can close this page");
  await expect(page.getByRole("button", { name: "1 note waiting to send" })).toBeVisible();
  expect(await h.storedNotes(request)).toHaveLength(0);

  // A reload during the outage loses nothing: the note is still waiting.
  await page.reload();
  await expect(page.getByRole("button", { name: "1 note waiting to send" })).toBeVisible();
  await page.getByRole("button", { name: "1 note waiting to send" }).click();
  await expect(page.locator(".outbox-item")).toContainText("Jo Outage");
  await expect(page.locator(".outbox-item")).toContainText("error 500");

  // Once the server recovers, the same note goes through, once.
  await h.injectFaults(request, 0, 500);
  // The automatic retry may win the race with the click; either way it goes.
  await page
    .getByRole("button", { name: "Try sending now" })
    .click({ timeout: 3000 })
    .catch(() => {});
  await expect(page.getByRole("button", { name: /waiting to send/ })).toHaveCount(0, { timeout: 20_000 });
  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(1);
  expect(notes[0].note.client.name).toBe("Jo Outage");
  expect(notes[0].note.sections[0].quotes).toHaveLength(1);
});

test("a DAP note goes through the same path", async ({ page, request }) => {
  await h.openEditor(page);
  await page.getByLabel("Note format").selectOption("dap");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveCount(0);
  await h.fillContact(page, { client: "Sam DAP", date: h.dayEnded("14:30"), start: "14:00", end: "14:30" });
  await page.getByLabel("Data", { exact: true }).fill("Met at the drop-in. Discussed budgeting.");
  await h.addQuote(page, "Data", "Money runs out by the 20th", "about benefits");
  await page.getByLabel("Assessment", { exact: true }).fill("Needs help with a budget plan.");
  await page.getByLabel("Plan", { exact: true }).fill("Budget session next week.");
  await h.waitForSaved(page);

  await page.reload();
  await expect(page.getByLabel("Note format")).toHaveValue("dap");
  await expect(page.getByLabel("Data", { exact: true })).toHaveValue("Met at the drop-in. Discussed budgeting.");
  await expect(h.section(page, "Data").locator(".quote").getByLabel("Words, exactly as said")).toHaveValue(
    "Money runs out by the 20th",
  );

  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(1);
  const note = notes[0].note;
  expect(note.format).toBe("dap");
  expect(note.formatName).toBe("DAP");
  expect(note.sections.map((s) => s.key)).toEqual(["data", "assessment", "plan"]);
  expect(note.sections[0].quotes).toEqual([
    { text: "Money runs out by the 20th", speaker: "client", context: "about benefits" },
  ]);
});

test("the inbox lists a received note with its content escaped", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillContact(page, { client: "<b>Bold</b> Client", date: h.today() });
  for (const label of ["Subjective", "Objective", "Assessment"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label} text`);
  }
  await page.getByLabel("Plan", { exact: true }).fill("<script>window.__pwned = 1</script>");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();

  await page.goto("inbox");
  await expect(page.getByRole("heading", { name: "SOAP note: <b>Bold</b> Client" })).toBeVisible();
  await expect(page.getByText("<script>window.__pwned = 1</script>")).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await h.storedNotes(request)).toHaveLength(1);
});

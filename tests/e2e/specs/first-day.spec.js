// What a case manager hit on a first real day (issue 18): feedback that
// goes stale, times that cross midnight, formats that ask twice, text left
// in another format, and the layout of a long day's work.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

async function openDrafts(page) {
  await page.getByRole("button", { name: "Drafts", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your drafts on this device" })).toBeFocused();
}

test("the restored-draft notice goes once the worker edits, and after the note is sent", async ({ page }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Restored Client");
  await h.waitForSaved(page);
  await page.reload();
  const restored = page.locator(".notice.restored");
  await expect(restored).toContainText("Restored your unsent draft");
  await page.getByLabel("Plan", { exact: true }).press("End");
  await page.keyboard.type(" More.");
  await expect(restored).toHaveCount(0);

  await page.reload();
  await expect(restored).toBeVisible();
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await expect(restored).toHaveCount(0);
});

test("after a failed submit, each error goes as soon as its field is fixed", async ({ page }) => {
  await h.openEditor(page);
  await h.reviewAndSign(page);
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter the client's name");
  await expect(summary).toContainText("Enter the Plan section");
  await page.getByLabel("Client", { exact: true }).fill("Fixed Client");
  await expect(summary).not.toContainText("Enter the client's name");
  await expect(page.locator("#cn-client-error")).toHaveCount(0);
  await expect(page.getByLabel("Client", { exact: true })).toHaveAttribute("aria-invalid", "false");
  // Still there for what is not fixed yet, and it does not steal focus.
  await expect(summary).toContainText("Enter the Plan section");
  await expect(page.getByLabel("Client", { exact: true })).toBeFocused();
});

test("splitting a pasted note says so and puts focus back in the text box", async ({ page }) => {
  await h.openEditor(page);
  await page.evaluate((text) => {
    const ta = document.querySelector("casenote-editor").shadowRoot.querySelector("#cn-section-subjective");
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, "S: Feels low\nO: Flat affect\nA: Risk low\nP: Call Friday");
  await expect(page.locator(".save-announcer")).toContainText("This paste looks like a whole note");
  await page.getByRole("button", { name: "Split into sections" }).click();
  await expect(page.getByLabel("Subjective", { exact: true })).toBeFocused();
  await expect(page.locator(".save-announcer")).toHaveText(
    "The pasted note was split into Subjective, Objective, Assessment, Plan.",
  );
  await expect(page.locator(".paste-offer")).toHaveCount(0);
});

test("discarding a draft says so", async ({ page }) => {
  await h.openEditor(page);
  await h.fillContact(page, { client: "Discarded Client", date: h.today() });
  await h.waitForSaved(page);
  await page.getByRole("button", { name: "New note" }).click();
  await expect(page.getByLabel("Client", { exact: true })).toBeFocused();
  await openDrafts(page);
  const row = page.locator(".draft-row").filter({ hasText: "Discarded Client" });
  await row.getByRole("button", { name: /^Discard/ }).click();
  // Focus moves to the confirmation once it is drawn (a frame later).
  await expect(row.getByRole("button", { name: /^Yes, discard/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(".notice")).toHaveText("The draft for Discarded Client was discarded.");
  await expect(page.locator(".draft-row").filter({ hasText: "Discarded Client" })).toHaveCount(0);
});

test("a note queued earlier and sent when the editor opens again is announced", async ({ page, context, request }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Queued Client");
  await context.setOffline(true);
  await h.signAndSend(page);
  const confirmation = page.locator(".confirmation");
  await expect(confirmation).toContainText("You are offline");
  // Waiting is not success: no green border.
  const border = await confirmation.evaluate((el) => getComputedStyle(el).borderTopColor);
  expect(border).not.toBe("rgb(21, 128, 61)");
  await page.close();

  const again = await context.newPage();
  await context.setOffline(false);
  await again.goto("./");
  await expect(again.locator(".notice")).toHaveText("Your note for Queued Client, submitted earlier, has now been sent.");
  await expect.poll(async () => (await h.storedNotes(request)).length).toBe(1);
});

/** The latest date whose 23:30–00:45 session has ended by now. */
function overnightDate() {
  const d = new Date();
  d.setDate(d.getDate() - (d.getHours() * 60 + d.getMinutes() >= 45 ? 1 : 2));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

test("an end time before the start asks whether the session ran past midnight", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Night Client", overnightDate());
  await h.fillContact(page, { start: "23:30", end: "00:45" });
  const overnight = page.getByLabel("The session ran past midnight");
  await expect(overnight).toBeVisible();
  await expect(page.locator(".duration")).toHaveText("");
  await h.reviewAndSign(page);
  await expect(page.locator(".error-summary")).toContainText("If the session ran past midnight");
  await h.expectNoViolations(page, "the past-midnight question with its error");
  await overnight.focus();
  await page.keyboard.press("Space");
  await expect(page.locator(".duration")).toHaveText("Duration: 75 minutes");
  await expect(page.locator(".error-summary")).toHaveCount(0);
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.service).toMatchObject({ start: "23:30", end: "00:45", durationMinutes: 75 });
});

test("BIRP, GIRP and PIE ask what was done once, in their Intervention section", async ({ page }) => {
  await h.openEditor(page);
  await expect(page.getByRole("button", { name: "Add an intervention" })).toBeVisible();
  for (const format of ["birp", "girp", "pie"]) {
    await page.getByLabel("Note format").selectOption(format);
    await expect(page.getByLabel("Intervention", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add an intervention" })).toHaveCount(0);
  }
  // A list already written is kept on screen, never hidden.
  await page.getByLabel("Note format").selectOption("soap");
  await page.getByRole("button", { name: "Add an intervention" }).click();
  await page.getByLabel("Intervention 1: what you did").fill("Kept");
  await page.getByLabel("Note format").selectOption("birp");
  await expect(page.getByLabel("Intervention 1: what you did")).toHaveValue("Kept");
});

test("text from another format can be moved into a section of this one", async ({ page }) => {
  await h.openEditor(page);
  await page.getByLabel("Subjective", { exact: true }).fill("Said she is coping.");
  await h.addQuote(page, "Subjective", "I am coping");
  await page.getByLabel("Note format").selectOption("dap");
  await page.getByLabel("Data", { exact: true }).fill("Met at the office.");
  const stray = page.locator(".section.stray");
  await expect(stray).toContainText("Subjective (from another format)");
  await h.expectNoViolations(page, "text from another format");
  await stray.getByLabel("Move the Subjective text into").selectOption("data");
  await stray.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByLabel("Data", { exact: true })).toHaveValue("Met at the office.\n\nSaid she is coping.");
  await expect(page.getByLabel("Data", { exact: true })).toBeFocused();
  await expect(h.section(page, "Data").locator(".quote").getByLabel("Words, exactly as said")).toHaveValue(
    "I am coping",
  );
  await expect(stray).toHaveCount(0);
});

test("the toolbar starts a new note; the drafts list tells drafts apart, even at 320 px", async ({ page }) => {
  await h.openEditor(page);
  await h.fillContact(page, { client: "First Words Client", date: h.today() });
  await page
    .getByLabel("Subjective", { exact: true })
    .fill("Client arrived early and talked about the housing application for a long while today");
  await h.waitForSaved(page);
  await page.getByRole("button", { name: "New note" }).click();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Client", { exact: true })).toBeFocused();
  await page.setViewportSize({ width: 320, height: 700 });
  await openDrafts(page);
  const row = page.locator(".draft-row").filter({ hasText: "First Words Client" });
  const begins = row.locator("td.begins");
  await expect(begins).toHaveText("Client arrived early and talked about the housing…");
  expect(await begins.evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"Begins: "');
  await h.expectNoViolations(page, "the drafts panel at 320 px");
});

test("picking a format alone leaves no draft behind", async ({ page }) => {
  await h.openEditor(page);
  await page.getByLabel("Note format").selectOption("dap");
  await page.getByLabel("Note format").selectOption("birp");
  await page.waitForTimeout(500);
  expect(await h.rawDrafts(page)).toEqual([]);
  await page.getByLabel("Behavior", { exact: true }).fill("Now there is something");
  await h.waitForSaved(page);
  expect(await h.rawDrafts(page)).toHaveLength(1);
});

test("the dark theme gives date and time controls a dark color scheme; text boxes grow", async ({ page }) => {
  await h.openEditor(page);
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("theme", "dark"));
  const scheme = () => page.getByLabel("Date of service").evaluate((el) => getComputedStyle(el).colorScheme);
  await expect.poll(scheme).toBe("dark");
  const plan = page.getByLabel("Plan", { exact: true });
  expect(await plan.evaluate((el) => getComputedStyle(el).fieldSizing)).toBe("content");
  const before = await plan.evaluate((el) => el.getBoundingClientRect().height);
  await plan.fill(Array.from({ length: 12 }, (_, i) => `Line ${i + 1}`).join("\n"));
  const after = await plan.evaluate((el) => el.getBoundingClientRect().height);
  expect(after).toBeGreaterThan(before);
});

test("a quote marked from the text keeps the sentence whole, and the two stay in step", async ({ page }) => {
  await h.openEditor(page);
  const subjective = page.getByLabel("Subjective", { exact: true });
  await subjective.fill("Client said we sat at the kitchen table for an hour.");
  await subjective.evaluate((ta) => {
    const start = ta.value.indexOf("we sat");
    ta.setSelectionRange(start, start + "we sat at the kitchen table".length);
  });
  await subjective.focus();
  // From the keyboard: Tab from the text box to the quote buttons.
  const mark = page.getByRole("button", { name: "Mark selected text as a quote in Subjective" });
  await mark.focus();
  await page.keyboard.press("Enter");
  await expect(subjective).toHaveValue("Client said “we sat at the kitchen table” for an hour.");
  const words = h.section(page, "Subjective").locator(".quote").getByLabel("Words, exactly as said");
  await expect(words).toBeFocused();
  await expect(words).toHaveValue("we sat at the kitchen table");
  // Editing the quote edits the words where they stand.
  await page.keyboard.press("End");
  await page.keyboard.type(" together");
  await expect(subjective).toHaveValue("Client said “we sat at the kitchen table together” for an hour.");
  await expect(page.locator(".quote-differs")).toHaveCount(0);
  // Editing them in the text instead: the quote says they now differ.
  await subjective.fill("Client said we sat together for an hour.");
  await expect(page.locator(".quote-differs")).toContainText("no longer stand in the Subjective text");
  await h.expectNoViolations(page, "a quote that differs from the text");
  await expect(words).toHaveValue("we sat at the kitchen table together");
});

test("writing aids a worker can act on: show, replace and undo, one explanation, a summary", async ({ page }) => {
  await h.openEditor(page);
  const subjective = page.getByLabel("Subjective", { exact: true });
  await subjective.fill("She claims the rent was paid. Met w/ pt; she showed her photo ID. SI and HI discussed.");
  const aids = h.section(page, "Subjective").locator(".suggestions");
  await expect(aids.locator(".flag")).toContainText("“claims”");
  await expect(aids.locator(".shorthand")).toHaveCount(2);
  // One explanation for both abbreviations; "photo ID" is not one.
  await expect(aids.locator(".abbreviation")).toHaveCount(1);
  await expect(aids.locator(".abbreviation")).toContainText("SI, HI are not explained. Spell each out once");
  await expect(aids).not.toContainText("ID,");
  // Said once above the buttons, without blocking.
  await expect(page.locator(".aids-summary")).toHaveText(
    "5 writing suggestions are open, in Subjective. They never stop you submitting.",
  );
  await h.expectNoViolations(page, "writing suggestions with actions");

  // Shown where it stands: selected in the text box.
  await aids.getByRole("button", { name: "Show “claims” in the text" }).press("Enter");
  await expect(subjective).toBeFocused();
  expect(await subjective.evaluate((ta) => ta.value.slice(ta.selectionStart, ta.selectionEnd))).toBe("claims");

  await aids.getByRole("button", { name: "Replace with “says”" }).click();
  await expect(subjective).toHaveValue("She says the rent was paid. Met w/ pt; she showed her photo ID. SI and HI discussed.");
  const status = h.section(page, "Subjective").locator(".aids-status");
  await expect(status).toContainText("Replaced “claims” with “says”.");
  await status.getByRole("button", { name: "Undo" }).click();
  await expect(subjective).toHaveValue("She claims the rent was paid. Met w/ pt; she showed her photo ID. SI and HI discussed.");

  await aids.getByRole("button", { name: "Replace with “with”" }).click();
  await expect(subjective).toHaveValue("She claims the rent was paid. Met with pt; she showed her photo ID. SI and HI discussed.");
  // Nothing blocks: the note is submitted with suggestions open.
  await h.fillContact(page, { client: "Aids Client", date: h.today() });
  for (const label of ["Objective", "Assessment", "Plan"]) await page.getByLabel(label, { exact: true }).fill(`${label}.`);
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
});

// The writing aids of issue 16 (items 2 to 4), from the worker's side and
// from the keyboard: wordy phrases and long sentences, identifiers masked,
// completeness prompts, and the objective-language checker telling a
// verb of doubt from a noun. axe finds nothing with each showing.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

/** Focuses the text box labelled `label` and types `text` into it. */
async function typeInto(page, label, text) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

test("a wordy phrase is replaced from the keyboard, and a long sentence is shown where it stands", async ({ page }) => {
  await h.openEditor(page);
  const long =
    "Client and worker went over the lease, the deposit, the letter from the housing office, the bus routes to the new school, the food bank hours, the clinic's number and the dates of the hearing that was moved twice.";
  await typeInto(page, "Subjective", `In order to pay the rent she called her sister. ${long}`);
  const aids = h.section(page, "Subjective").locator(".suggestions");
  await expect(aids.locator(".wordy")).toContainText("“In order to” says the same as “To”, in fewer words.");
  await expect(aids.locator(".long-sentence")).toContainText("A long sentence (39 words)");
  await h.expectNoViolations(page, "a wordy phrase and a long sentence");

  await h.tabTo(page, "Replace with “To”");
  await page.keyboard.press("Enter");
  const subjective = page.getByLabel("Subjective", { exact: true });
  await expect(subjective).toHaveValue(`To pay the rent she called her sister. ${long}`);
  await expect(h.section(page, "Subjective").locator(".aids-status")).toContainText("Replaced “In order to” with “To”.");

  // Worked out again once typing pauses: the phrase is gone.
  await expect(aids.locator(".wordy")).toHaveCount(0);
  await aids.getByRole("button", { name: "Show the long sentence in the text" }).focus();
  await page.keyboard.press("Enter");
  await expect(subjective).toBeFocused();
  expect(await subjective.evaluate((ta) => ta.value.slice(ta.selectionStart, ta.selectionEnd))).toBe(long);
});

test("identifiers are flagged with the minimum-necessary reason once, masked from the keyboard, and never logged", async ({ page, request }) => {
  const seen = [];
  page.on("console", (m) => seen.push(m.text()));
  page.on("request", (r) => seen.push(r.url()));
  await h.openEditor(page);
  await h.fillSoap(page, "Identifier Client");
  const subjective = page.getByLabel("Subjective", { exact: true });
  await subjective.fill("");
  await typeInto(page, "Subjective", "Sister's cell 555-123-4567. SSN 123-45-6789 on the form; email jo.lee@example.org.");
  const items = h.section(page, "Subjective").locator(".suggestions .identifier");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText("A Social Security number: It identifies a person on its own (45 CFR 164.514(b)(2))");
  await expect(items.nth(0)).toContainText("minimum necessary");
  // The reason is said once; the others point to it.
  await expect(items.nth(1)).toContainText("A phone number: Leave it out too, for the same reason.");
  await expect(items.nth(2)).toContainText("An email address: Leave it out too");
  await h.expectNoViolations(page, "identifiers flagged");

  await h.tabTo(page, "Mask the phone number as “[phone number]”");
  await page.keyboard.press("Enter");
  await expect(subjective).toHaveValue("Sister's cell [phone number]. SSN 123-45-6789 on the form; email jo.lee@example.org.");
  const status = h.section(page, "Subjective").locator(".aids-status");
  await expect(status).toHaveText("Masked the phone number. Undo");
  // Focus waits on Undo (the pressed button went with the old list), and
  // the list has caught up at once, so Tab goes on to what is left.
  await expect(status.getByRole("button", { name: "Undo" })).toBeFocused();
  await expect(items).toHaveCount(2);
  await h.tabTo(page, "Mask the Social Security number as “[SSN ending 6789]”");
  await page.keyboard.press("Enter");
  await expect(subjective).toHaveValue("Sister's cell [phone number]. SSN [SSN ending 6789] on the form; email jo.lee@example.org.");
  await expect(items).toHaveCount(1);
  await expect(status).toHaveText("Masked the Social Security number. Undo");

  // Nothing blocks: the note goes (signed, as the standalone page requires)
  // with the email address still in it.
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  for (const secret of ["555-123-4567", "123-45-6789", "jo.lee@example.org", "5551234567"]) {
    expect(seen.filter((s) => s.includes(secret)), `${secret} in a log or URL`).toEqual([]);
  }
});

test("a suggestion taken before the aids catch up with typing goes where its passage now stands, or says the text has changed; it never guesses", async ({ page }) => {
  await page.clock.install();
  await h.openEditor(page);
  await h.fillSoap(page, "Quick Client");
  const subjective = page.getByLabel("Subjective", { exact: true });
  await subjective.fill("");
  await typeInto(page, "Subjective", "Sister's cell 555-123-4567. Email jo.lee@example.org.");
  const section = h.section(page, "Subjective");
  const items = section.locator(".suggestions .identifier");
  await expect(items).toHaveCount(2);

  // Time stands still: the aids wait for a pause in typing that never comes,
  // so the list still speaks of the text as it was.
  await page.clock.pauseAt(Date.now() + 60_000);
  await subjective.focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("Today. ");
  // Show selects the number where it now stands, not where it was.
  await h.tabTo(page, "Show the phone number in the text");
  await page.keyboard.press("Enter");
  await expect(subjective).toBeFocused();
  expect(await subjective.evaluate((ta) => ta.value.slice(ta.selectionStart, ta.selectionEnd))).toBe("555-123-4567");
  await h.tabTo(page, "Mask the phone number as “[phone number]”");
  await page.keyboard.press("Enter");
  await expect(subjective).toHaveValue("Today. Sister's cell [phone number]. Email jo.lee@example.org.");
  await expect(items).toHaveCount(1);

  // The same email address typed again in front: the one the button meant
  // has moved, and which of the two it is cannot be told.
  await subjective.focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("Jo: jo.lee@example.org. ");
  await h.tabTo(page, "Mask the email address as “[email address]”");
  await page.keyboard.press("Enter");
  const status = section.locator(".aids-status");
  await expect(status).toHaveText(
    "That passage has changed since it was checked, so nothing was replaced. The suggestions are up to date again.",
  );
  await expect(subjective).toHaveValue("Jo: jo.lee@example.org. Today. Sister's cell [phone number]. Email jo.lee@example.org.");
  await expect(items).toHaveCount(1);
  await expect(items).toContainText("2 email addresses");
  await page.clock.runFor(100);
  await expect(subjective).toBeFocused();
  await page.clock.resume();
  await h.expectNoViolations(page, "a suggestion that no longer applies");
});

test("completeness prompts: a plan with no time, an objective with no observation, an intervention with no response", async ({ page }) => {
  await h.openEditor(page);
  await typeInto(page, "Plan", "Continue to support the housing search.");
  await typeInto(page, "Objective", "Client reports feeling better about the move.");
  const plan = h.section(page, "Plan").locator(".prompt");
  const objective = h.section(page, "Objective").locator(".prompt");
  await expect(plan).toHaveText(/^The plan names no next step with a time/);
  await expect(objective).toHaveText(/^Nothing here reads as something you observed/);
  // Prompts are not counted with the suggestions, and block nothing.
  await expect(page.locator(".aids-summary")).toHaveCount(0);

  await page.getByRole("button", { name: "Add an intervention" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Intervention 1: what you did")).toBeFocused();
  await page.keyboard.type("Went through the lease with the client.");
  const prompt = page.locator(".intervention .prompt");
  await expect(prompt).toHaveText("How did the client respond? A word on it shows the next reader whether this helped. It is not required.");
  await h.expectNoViolations(page, "completeness prompts");

  await page.getByLabel("How the client responded (intervention 1)").focus();
  await page.keyboard.type("Client asked for a copy.");
  await expect(prompt).toHaveCount(0);
  await page.getByLabel("Plan", { exact: true }).focus();
  await page.keyboard.press("End");
  await page.keyboard.type(" Review in two weeks.");
  await page.getByLabel("Objective", { exact: true }).focus();
  await page.keyboard.press("End");
  await page.keyboard.type(" She was tearful when talking about her son.");
  await expect(plan).toHaveCount(0);
  await expect(objective).toHaveCount(0);
});

test("the checker: clean and dirty about tests, claims as a verb of doubt but not as a noun, the client's own words left alone", async ({ page }) => {
  await h.openEditor(page);
  await typeInto(
    page,
    "Assessment",
    "A urine screen was dirty. She claims she paid. He insisted it was fixed. Helped with her disability claims at the claims office. Client said “I'm clean now”. The kitchen was clean.",
  );
  const flags = h.section(page, "Assessment").locator(".suggestions .flag");
  await expect(flags).toHaveCount(3);
  await expect(flags.nth(0)).toContainText("“dirty”: Terms NIDA's 'Words Matter' asks to avoid");
  await expect(flags.nth(1)).toContainText("“claims”: Questions the client's credibility");
  // Its category was explained above: the second only advises.
  await expect(flags.nth(2)).toHaveText(/^“insisted”: try said, stated, repeated\./);
  await h.expectNoViolations(page, "objective-language flags");
  await h.tabTo(page, "Replace with “said”");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Assessment", { exact: true })).toHaveValue(
    "A urine screen was dirty. She claims she paid. He said it was fixed. Helped with her disability claims at the claims office. Client said “I'm clean now”. The kitchen was clean.",
  );
});

test("a suggestion dismissed with a reason stays dismissed after a reload, leaves the summary, can be undone, and is never sent", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Dismissal Client");
  const assessment = page.getByLabel("Assessment", { exact: true });
  await assessment.fill("");
  await typeInto(page, "Assessment", "She claims the rent was paid. Client refused the referral.");
  const flags = h.section(page, "Assessment").locator(".suggestions .flag");
  await expect(flags).toHaveCount(2);
  await expect(page.locator(".aids-summary")).toHaveText(/^2 writing suggestions are open, in Assessment\./);

  // From the keyboard: Dismiss opens the reasons, focus on the first.
  await flags.nth(0).getByRole("button", { name: "Dismiss" }).focus();
  await page.keyboard.press("Enter");
  const reasons = flags.nth(0).getByRole("group", { name: "Why does “claims” not apply?" });
  await expect(reasons.getByRole("button", { name: "Not about the client" })).toBeFocused();
  await h.expectNoViolations(page, "the reasons to dismiss a suggestion");
  await page.keyboard.press("Tab");
  await expect(reasons.getByRole("button", { name: "The client's own words" })).toBeFocused();
  await page.keyboard.press("Enter");
  const status = h.section(page, "Assessment").locator(".aids-status");
  await expect(status).toContainText("“claims” dismissed (The client's own words): it is not suggested again while this sentence stands.");
  await expect(flags).toHaveCount(1);
  await expect(page.locator(".aids-summary")).toHaveText(/^1 writing suggestion is open, in Assessment\./);

  // Undo brings it back; dismissing again keeps it dismissed.
  await expect(status.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(flags).toHaveCount(2);
  await flags.nth(0).getByRole("button", { name: "Dismiss" }).click();
  await flags.nth(0).getByRole("button", { name: "The client's own words" }).click();
  await expect(flags).toHaveCount(1);

  // Typing elsewhere keeps it; it is kept with the draft through a reload.
  await page.keyboard.press("Tab");
  await assessment.focus();
  await page.keyboard.press("End");
  await page.keyboard.type(" Will call Friday.");
  await h.waitForSaved(page);
  const stored = await h.rawDrafts(page);
  expect(JSON.stringify(stored)).toContain("clientsOwnWords");
  await page.reload();
  await expect(assessment).toHaveValue("She claims the rent was paid. Client refused the referral. Will call Friday.");
  await expect(flags).toHaveCount(1);
  await expect(flags.nth(0)).toContainText("“refused”");
  await expect(h.section(page, "Assessment").locator(".suggestions")).not.toContainText("“claims”");
  await expect(page.locator(".aids-summary")).toHaveText(/^1 writing suggestion is open/);

  // Rewriting the sentence asks again.
  await assessment.fill("She claims the rent had been paid. Client refused the referral. Will call Friday.");
  await expect(flags).toHaveCount(2);
  await assessment.fill("She claims the rent was paid. Client refused the referral. Will call Friday.");
  await expect(flags).toHaveCount(1);

  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await expect.poll(async () => (await h.storedNotes(request)).length).toBe(1);
  const [note] = await h.storedNotes(request);
  expect(JSON.stringify(note.note)).not.toMatch(/dismiss|clientsOwnWords/);
});

// The whole note the practice asks for: who took part and how, where,
// the plan's follow-ups, an attempted contact, and the client's last note
// at hand from a portal page with its follow-ups marked.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

test("participants, contact mode and location go end to end, from the keyboard, into print, FHIR and the inbox", async ({
  page,
  request,
}) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Contact Client");
  // Keyboard only: the mode, the location, two participants.
  await page.getByLabel("How the contact happened").focus();
  await page.keyboard.press("End"); // the last choice: attempted contact
  await expect(page.locator(".attempt-hint")).toBeVisible();
  await page.getByLabel("How the contact happened").selectOption("homeVisit");
  await expect(page.locator(".attempt-hint")).toHaveCount(0);
  await page.getByLabel("Location (optional)").focus();
  await page.keyboard.type("Client's home, kitchen");
  await h.tabTo(page, "Add a participant");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Participant 1: name")).toBeFocused();
  await page.keyboard.type("Contact Client");
  await h.tabTo(page, "Add a participant");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Participant 2: name")).toBeFocused();
  await page.keyboard.type("Rosa Diaz");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Participant 2: role")).toBeFocused();
  await page.getByLabel("Participant 2: role").selectOption("interpreter");
  // Who they are to the client goes in its own box, not in the name.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Participant 2: relationship to the client")).toBeFocused();
  await page.keyboard.type("aunt");
  await h.expectNoViolations(page, "participants, mode and location");

  // A participant without a name is refused with a link to it.
  await h.tabTo(page, "Add a participant");
  await page.keyboard.press("Enter");
  await h.reviewAndSign(page);
  await expect(page.locator(".error-summary")).toContainText("Enter the name of participant 3, or remove them");
  await page.locator(".error-summary a", { hasText: "participant 3" }).click();
  await expect(page.getByLabel("Participant 3: name")).toBeFocused();
  await page.getByRole("button", { name: "Remove participant 3" }).click();

  // Kept in the draft across a reload.
  await h.waitForSaved(page);
  await page.reload();
  await expect(page.getByLabel("Participant 2: name")).toHaveValue("Rosa Diaz");
  await expect(page.getByLabel("Participant 2: relationship to the client")).toHaveValue("aunt");
  await expect(page.getByLabel("How the contact happened")).toHaveValue("homeVisit");
  await expect(page.getByLabel("Location (optional)")).toHaveValue("Client's home, kitchen");

  // Print shows them.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const header = page.locator(".print-view .print-header");
  await expect(header).toContainText("ContactHome visit");
  await expect(header).toContainText("LocationClient's home, kitchen");
  await expect(header).toContainText("ParticipantsContact Client (Client)Rosa Diaz, aunt (Interpreter)");
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));

  // FHIR: in the DocumentReference's context.
  await page.evaluate(() => {
    window.__bodies = [];
    const el = document.querySelector("casenote-editor");
    el.beforeSubmit = async (p) => {
      window.__bodies.push(p);
      return p;
    };
  });
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("payload-format", "fhir"));
  await expect(page.getByLabel("Participant 2: name")).toHaveValue("Rosa Diaz");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [doc] = await page.evaluate(() => window.__bodies);
  expect(doc.context.event[0].text).toBe("Home visit");
  expect(doc.context.event[0].coding[0].code).toBe("FACE");
  // Where and who: the encounter the note documents, contained in it.
  expect(doc.context.facilityType).toBeUndefined();
  expect(doc.context.related).toBeUndefined();
  expect(doc.context.encounter[0].reference).toBe("#encounter");
  const [encounter] = doc.contained;
  expect(encounter.location[0].location.display).toBe("Client's home, kitchen");
  expect(encounter.participant.map((p) => [p.individual.display, p.type[0].text])).toEqual([
    ["Contact Client", "Client"],
    ["Rosa Diaz, aunt", "Interpreter"],
  ]);

  // The stored payload, and the inbox.
  const [stored] = await h.storedNotes(request);
  // A participant with a relationship: canonical version 4.
  expect(stored.note.canonicalVersion).toBe(4);
  expect(stored.note.contactMode).toBe("homeVisit");
  expect(stored.note.location).toBe("Client's home, kitchen");
  expect(stored.note.participants).toEqual([
    { name: "Contact Client", role: "client" },
    { name: "Rosa Diaz", role: "interpreter", relationship: "aunt" },
  ]);
  await page.goto("inbox");
  const record = page.locator(`[data-note-id="${stored.id}"]`);
  await expect(record).toContainText("Home visit");
  await expect(record).toContainText("Rosa Diaz, aunt (Interpreter)");
  await expect(record).toContainText("Client's home, kitchen");
});

test("follow-ups: checked, sent as followUps and printed", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Follow Client");
  await page.getByRole("button", { name: "Add a follow-up" }).click();
  await expect(page.getByLabel("Follow-up 1: what is to be done")).toBeFocused();
  await page.keyboard.type("Call the landlord about repairs");
  await page.getByRole("button", { name: "Add a follow-up" }).click();
  await expect(page.getByLabel("Follow-up 2: what is to be done")).toBeFocused();
  await page.keyboard.type("Bring the lease");
  await page.getByLabel("Follow-up 2: who").selectOption("other");
  await h.expectNoViolations(page, "two follow-ups");
  await h.reviewAndSign(page);
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Give the date follow-up 1 is due");
  await expect(summary).toContainText("Name the person who will do follow-up 2");
  await expect(summary).toContainText("Give the date follow-up 2 is due");
  await h.expectNoViolations(page, "follow-up errors");
  await page.getByLabel("Follow-up 1: due by").fill("2026-12-09");
  await page.getByLabel("Follow-up 2: their name").fill("Ms Reyes");
  await page.getByLabel("Follow-up 2: due by").fill("2026-12-16");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator(".print-view")).toContainText("Call the landlord about repairs (Worker, by 2026-12-09)");
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.followUps).toEqual([
    { what: "Call the landlord about repairs", who: "worker", due: "2026-12-09" },
    { what: "Bring the lease", who: "other", whoName: "Ms Reyes", due: "2026-12-16" },
  ]);
});

test("a dated follow-up is the Plan's next step with a time: the prompt goes", async ({ page }) => {
  await h.openEditor(page);
  await page.getByLabel("Plan", { exact: true }).fill("Keep supporting the housing search.");
  const prompt = h.section(page, "Plan").locator(".prompt");
  await expect(prompt).toHaveText(/^The plan names no next step with a time/);
  await page.getByRole("button", { name: "Add a follow-up" }).click();
  await expect(page.getByLabel("Follow-up 1: what is to be done")).toBeFocused();
  await page.keyboard.type("Call the housing office");
  await expect(prompt).toHaveCount(1);
  await page.getByLabel("Follow-up 1: due by").fill("2026-12-09");
  await expect(prompt).toHaveCount(0);
  await page.getByRole("button", { name: "Remove follow-up 1" }).click();
  await expect(prompt).toHaveCount(1);
});

test("an attempted contact needs only what was tried", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillContact(page, { client: "Missed Client", date: h.today() });
  await page.getByLabel("How the contact happened").selectOption("attemptedContact");
  await expect(page.locator(".interventions, .challenges")).toHaveCount(0);
  await h.reviewAndSign(page);
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Say what you tried and what happened");
  await expect(summary).not.toContainText("Enter the Objective section");
  await page.getByLabel("Plan", { exact: true }).fill("Knocked at 14:00 and 14:10, no answer; card left. Will call tomorrow.");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  expect(stored.note.contactMode).toBe("attemptedContact");
});

test("previousNote from a portal page: the last note at hand, its follow-ups marked and sent", async ({
  page,
  request,
}) => {
  // The first note, written in the portal, plans two follow-ups.
  await page.goto("examples/portal/");
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await expect(page.locator(".previous-note")).toHaveCount(0);
  // The host's participant is preset.
  await expect(page.getByLabel("Participant 1: name")).toHaveValue("Jordan Avery");
  await h.fillContact(page, { date: h.today() });
  for (const label of ["Subjective", "Objective", "Assessment"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label} of the first visit`);
  }
  await page.getByLabel("Plan", { exact: true }).fill("Chase the housing application.");
  await page.getByLabel("Secure stable housing by March").check();
  await page.getByLabel("Progress on “Secure stable housing by March”").selectOption("improved");
  await page.getByRole("button", { name: "Add a follow-up" }).click();
  await expect(page.getByLabel("Follow-up 1: what is to be done")).toBeFocused();
  await page.keyboard.type("Call the housing office");
  await page.getByLabel("Follow-up 1: due by").fill("2026-12-09");
  await page.getByRole("button", { name: "Add a follow-up" }).click();
  await expect(page.getByLabel("Follow-up 2: what is to be done")).toBeFocused();
  await page.keyboard.type("Apply for the bus pass");
  await page.getByLabel("Follow-up 2: who").selectOption("client");
  await page.getByLabel("Follow-up 2: due by").fill("2026-12-10");
  await h.sendUnsigned(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [first] = await h.storedNotes(request);

  // The next visit: the portal gives the editor that note.
  await page.goto("examples/portal/");
  const panel = page.locator(".previous-note");
  await expect(panel).toBeVisible();
  const toggle = panel.getByRole("button", { name: /^Last note: / });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(panel).toContainText("Chase the housing application.");
  await expect(panel).toContainText("GoalsSecure stable housing by March: Improved");
  await h.expectNoViolations(page, "the previous note panel");
  // It closes and opens from the keyboard.
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(panel.locator(".previous-body")).toBeHidden();
  await page.keyboard.press("Space");
  await expect(panel.locator(".previous-body")).toBeVisible();

  // Marks, by keyboard: the first done, the second not done (needs why).
  await panel.getByRole("radio", { name: "Done" }).first().focus();
  await page.keyboard.press("Space");
  await expect(panel.getByRole("radio", { name: "Done" }).first()).toBeChecked();
  const second = panel.locator(".mark").nth(1);
  await second.getByRole("radio", { name: "Not done" }).check();
  await h.fillContact(page, { date: h.today() });
  for (const label of ["Subjective", "Objective", "Assessment", "Plan"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label} of the second visit`);
  }
  await page.getByRole("button", { name: "Send without signing" }).click();
  await expect(page.locator(".error-summary")).toContainText("Say why “Apply for the bus pass” from the last note was not done");
  await h.expectNoViolations(page, "a mark without its reason");
  await page.locator(".error-summary a", { hasText: "bus pass" }).click();
  await expect(page.getByLabel("Why it was not done (required)")).toBeFocused();
  await page.keyboard.type("Office closed all week");

  // The draft keeps the marks and nothing else of the previous note.
  await h.waitForSaved(page);
  const drafts = JSON.stringify(await h.rawDrafts(page));
  expect(drafts).toContain("Office closed all week");
  expect(drafts).not.toContain("Chase the housing application");
  expect(drafts).not.toContain("first visit");
  // And across a reload.
  await page.reload();
  await expect(page.locator(".previous-note .mark").nth(1).getByRole("radio", { name: "Not done" })).toBeChecked();
  await expect(page.getByLabel("Why it was not done (required)")).toHaveValue("Office closed all week");

  await h.sendUnsigned(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const notes = await h.storedNotes(request);
  const next = notes.find((n) => n.id !== first.id);
  expect(next.note.previousFollowUps).toEqual([
    { note: first.id, index: 0, what: "Call the housing office", status: "done" },
    { note: first.id, index: 1, what: "Apply for the bus pass", status: "notDone", reason: "Office closed all week" },
  ]);
  await page.goto("inbox");
  await expect(page.locator(`[data-note-id="${next.id}"]`)).toContainText("Apply for the bus pass: Not done (Office closed all week)");
});

test("a previous note of another client, or changed since it was written, is refused with the reason", async ({
  page,
}) => {
  await h.openEditor(page);
  await page.evaluate(() => {
    const el = document.querySelector("casenote-editor");
    el.setAttribute("client-id", "C-1");
    el.previousNote = "{\"schema\": \"casenote/v1\"}";
  });
  await expect(page.locator(".notice")).toContainText("The previous note could not be shown: it is not a valid casenote JSON v1 note");
  await expect(page.locator(".previous-note")).toHaveCount(0);
  await h.expectNoViolations(page, "a refused previous note");
});

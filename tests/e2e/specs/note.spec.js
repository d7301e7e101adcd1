// The note itself: every format, host templates, the client's voice, goals,
// interventions, late entries, writing aids and the paste splitter.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

const editor = (page, fn, arg) =>
  page.evaluate(([body, a]) => new Function("el", "arg", body)(document.querySelector("casenote-editor"), a), [fn, arg]);

/** Signs and sends the note (the standalone page requires signing), and returns it as stored. */
async function submitAndGet(page, request) {
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const notes = await h.storedNotes(request);
  return notes[notes.length - 1].note;
}

for (const [id, labels] of [
  ["birp", ["Behavior", "Intervention", "Response", "Plan"]],
  ["girp", ["Goal", "Intervention", "Response", "Plan"]],
  ["pie", ["Problem", "Intervention", "Evaluation"]],
]) {
  test(`the ${id.toUpperCase()} template`, async ({ page, request }) => {
    await h.openEditor(page);
    await page.getByLabel("Note format").selectOption(id);
    await h.fillContact(page, { client: `${id} client`, date: h.today() });
    for (const label of labels) await page.getByLabel(label, { exact: true }).fill(`${label} text`);
    const note = await submitAndGet(page, request);
    expect(note.format).toBe(id);
    expect(note.sections.map((s) => s.label)).toEqual(labels);
    expect(note.sections.find((s) => s.key === "intervention").loinc).toBe("62387-6");
  });
}

test("a host template is offered and listed by name; an invalid one is reported precisely and the built-ins are used", async ({ page, request }) => {
  await h.openEditor(page);
  await editor(
    page,
    `el.template = { id: "crisis", name: "Crisis contact", sections: [
      { key: "situation", label: "Situation", prompt: "What happened and who was there", required: true },
      { key: "safety", label: "Safety plan", prompt: "Steps agreed to stay safe", required: false, loinc: "18776-5" } ] };`,
  );
  await page.getByLabel("Note format").selectOption("crisis");
  await expect(page.getByText("Steps agreed to stay safe")).toBeVisible();
  await h.fillContact(page, { client: "Crisis Client", date: h.today() });
  await page.getByLabel("Situation", { exact: true }).fill("Called from a friend's flat.");
  // The drafts list names the host's format and counts its words.
  await page.getByRole("button", { name: "Drafts", exact: true }).click();
  const row = page.locator(".drafts-panel tbody tr").filter({ hasText: "Crisis Client" });
  await expect(row).toContainText("Crisis contact");
  await expect(row.locator("td").filter({ hasText: /^5$/ })).toHaveCount(1);
  await page.getByRole("button", { name: "Drafts", exact: true }).click();
  const note = await submitAndGet(page, request);
  expect(note.format).toBe("crisis");
  expect(note.sections.map((s) => [s.key, s.loinc ?? null])).toEqual([
    ["situation", null],
    ["safety", "18776-5"],
  ]);

  await page.getByRole("button", { name: "Write another note" }).click();
  await editor(page, `el.template = { id: "Bad Id", name: "X", sections: [{ key: "a", label: "", prompt: "", required: true, loinc: "12" }] };`);
  const notice = page.locator(".notice").first();
  await expect(notice).toContainText("could not be used, so the built-in formats are offered instead");
  await expect(notice).toContainText("id: must be 1 to 40 lower-case letters");
  await expect(notice).toContainText("sections[0].label: must not be empty");
  await expect(notice).toContainText('sections[0].loinc: "12" is not a LOINC code');
  await expect(page.getByLabel("Subjective", { exact: true })).toBeVisible();
});

test("the client's voice: mark as quote, speakers, the rendered note, and the gentle prompt", async ({
  page,
  request,
}) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Voice Client");
  const tip = page.locator(".tip");
  await expect(tip).toContainText("no quote of the client's own words");

  const subjective = page.getByLabel("Subjective", { exact: true });
  await subjective.fill("Client said I am done with that place and left.");
  await editor(
    page,
    `const ta = el.shadowRoot.querySelector("#cn-section-subjective");
     const start = ta.value.indexOf("I am done");
     ta.setSelectionRange(start, start + "I am done with that place".length);`,
  );
  await page.getByRole("button", { name: "Mark selected text as a quote in Subjective" }).click();
  const quote = h.section(page, "Subjective").locator(".quote");
  await expect(quote.getByLabel("Words, exactly as said")).toHaveValue("I am done with that place");
  // The sentence keeps its words, now in quotation marks.
  await expect(subjective).toHaveValue("Client said “I am done with that place” and left.");
  await expect(tip).toHaveCount(0);

  await h.addQuote(page, "Plan", "We will drive her there", "at the door");
  await h.section(page, "Plan").locator(".quote").getByLabel("Said by").selectOption("familyMember");
  await page.getByRole("button", { name: "Preview the note" }).click();
  const preview = page.locator(".preview");
  await expect(preview).toContainText("“I am done with that place” (Client)");
  await expect(preview).toContainText("“We will drive her there” (Family member, at the door)");

  const note = await submitAndGet(page, request);
  expect(note.sections[0].quotes).toEqual([{ text: "I am done with that place", speaker: "client", inText: true }]);
  expect(note.sections[0].text).toBe("Client said “I am done with that place” and left.");
  expect(note.sections[3].quotes).toEqual([
    { text: "We will drive her there", speaker: "familyMember", context: "at the door" },
  ]);
});

test("goals from the host, rated for this contact, with challenges", async ({ page, request }) => {
  await h.openEditor(page);
  await editor(page, `el.goals = [{ id: "G-1", text: "Stable housing" }, { id: "G-2", text: "Keep appointments" }];`);
  await page.getByLabel("Stable housing", { exact: true }).check();
  await page.getByLabel("Progress on “Stable housing”").selectOption("improved");
  await page.getByLabel("Keep appointments", { exact: true }).check();
  await page.getByLabel("Progress on “Keep appointments”").selectOption("declined");
  await page.getByLabel("Keep appointments", { exact: true }).uncheck();
  await page.getByLabel("Keep appointments", { exact: true }).check();
  await page.getByLabel("Challenges and barriers (optional)").fill("No bus fare this week.");
  await h.fillSoap(page, "Goal Client");
  await h.waitForSaved(page);
  await page.reload();
  // The host passes goals on every load; the ratings come back with the draft.
  await editor(page, `el.goals = [{ id: "G-1", text: "Stable housing" }, { id: "G-2", text: "Keep appointments" }];`);
  await expect(page.getByLabel("Progress on “Stable housing”")).toHaveValue("improved");
  const note = await submitAndGet(page, request);
  expect(note.goals).toEqual([
    { id: "G-1", text: "Stable housing", progress: "improved" },
    { id: "G-2", text: "Keep appointments", progress: "notAssessed" },
  ]);
  expect(note.challenges).toBe("No bus fare this week.");
});

test("an intervention that departs from standard procedure needs its reason", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Intervention Client");
  await page.getByRole("button", { name: "Add an intervention" }).click();
  await expect(page.getByLabel("Intervention 1: what you did")).toBeFocused();
  await page.keyboard.type("Home visit alone");
  await page.getByLabel("Departs from standard procedure").check();
  await page.getByLabel("How the client responded").fill("Relieved, talked openly");
  // Each intervention's fields say which intervention they belong to.
  await expect(page.getByLabel("How the client responded (intervention 1)", { exact: true })).toBeVisible();
  await h.reviewAndSign(page);
  await expect(page.locator(".error-summary")).toContainText(
    "Intervention 1 departs from standard procedure: give the reason",
  );
  await page.getByRole("link", { name: /Intervention 1 departs/ }).click();
  const why = page.getByLabel("Why you chose it, and why you departed from standard procedure (required)");
  await expect(why).toBeFocused();
  await why.fill("Client could not travel; supervisor agreed by phone");
  const note = await submitAndGet(page, request);
  expect(note.interventions).toEqual([
    {
      description: "Home visit alone",
      rationale: "Client could not travel; supervisor agreed by phone",
      clientResponse: "Relieved, talked openly",
      deviates: true,
    },
  ]);
});

test("a late entry is labelled and needs a reason; the threshold is the host's", async ({ page, request }) => {
  await h.openEditor(page);
  const old = new Date(Date.now() - 3 * 24 * 3600 * 1000);
  const date = `${old.getFullYear()}-${String(old.getMonth() + 1).padStart(2, "0")}-${String(old.getDate()).padStart(2, "0")}`;
  await h.fillSoap(page, "Late Client", date);
  await expect(page.locator(".late-entry")).toContainText("Late entry.");
  await h.reviewAndSign(page);
  await expect(page.locator(".error-summary")).toContainText("This is a late entry: say why the note is written late");
  await page.getByLabel("Reason for the late entry").fill("Crisis calls all week");
  const note = await submitAndGet(page, request);
  expect(note.timeliness.lateEntry).toBe(true);
  expect(note.timeliness.lateEntryReason).toBe("Crisis calls all week");
  expect(note.timeliness.hoursAfterService).toBeGreaterThan(48);

  // With a host threshold of 100 hours the same note is on time.
  await page.getByRole("button", { name: "Write another note" }).click();
  await editor(page, `el.setAttribute("late-entry-hours", "100")`);
  await h.fillSoap(page, "On Time Client", date);
  await expect(page.locator(".late-entry")).toHaveCount(0);
  const onTime = await submitAndGet(page, request);
  expect(onTime.timeliness.lateEntry).toBe(false);
});

test("a note that becomes late while it is open asks for the reason when it is submitted", async ({ page, request }) => {
  await page.clock.install({ time: new Date(2026, 10, 20, 12, 0, 0) });
  await page.goto("./");
  await editor(page, `el.setAttribute("late-entry-hours", "1")`);
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await h.fillSoap(page, "Slow Client", "2026-11-20");
  await h.fillContact(page, { start: "11:00", end: "11:55" });
  await expect(page.locator(".late-entry")).toHaveCount(0);

  // Two hours later, with nothing changed, the worker submits.
  await page.clock.fastForward("02:00:00");
  await h.reviewAndSign(page);
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("This is a late entry");
  await summary.getByRole("link", { name: /late entry/ }).click();
  await expect(page.getByLabel("Reason for the late entry")).toBeFocused();
  await page.getByLabel("Reason for the late entry").fill("Called away to a crisis");
  const note = await submitAndGet(page, request);
  expect(note.timeliness.lateEntry).toBe(true);
  expect(note.timeliness.lateEntryReason).toBe("Called away to a crisis");
});

test("writing aids flag stigmatizing and opinion words and unexplained abbreviations, never quotes", async ({
  page,
}) => {
  await h.openEditor(page);
  await page.getByLabel("Subjective", { exact: true }).fill('Client claims she is fine. Screened for SI. She said "I was an addict".');
  const subjective = h.section(page, "Subjective");
  await expect(subjective.locator(".flag")).toHaveCount(1);
  await expect(subjective.locator(".flag")).toContainText("“claims”: Questions the client's credibility");
  await expect(subjective.locator(".flag")).toContainText("Try: says, reports, states.");
  await expect(subjective.locator(".abbreviation")).toContainText("SI is not explained");
  await expect(subjective.locator(".word-count")).toHaveText("14 words");

  await page.getByLabel("Objective", { exact: true }).fill("Client seems tired. Suicidal ideation (SI) screen negative.");
  await expect(h.section(page, "Objective").locator(".flag")).toContainText("“seems”: Opinion");
  // Spelled out anywhere in the note, SI is explained everywhere.
  await expect(subjective.locator(".abbreviation")).toHaveCount(0);
  await page.getByLabel("Assessment", { exact: true }).fill("Client seems tired.");
  await expect(h.section(page, "Assessment").locator(".flag")).toHaveCount(0);
  // Advice never blocks: the note can still be submitted.
  await h.fillContact(page, { client: "Aid Client", date: h.today() });
  await page.getByLabel("Plan", { exact: true }).fill("Review.");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
});

test("pasting a whole note with headings offers to split it across sections", async ({ page }) => {
  await h.openEditor(page);
  await page.getByLabel("Subjective", { exact: true }).fill("Earlier text.");
  const pasted = "Phone call.\nS: Feels low\nobjective - Flat affect\nA: Risk low\nPLAN: Call Friday";
  await editor(
    page,
    `const ta = el.shadowRoot.querySelector("#cn-section-subjective");
     const dt = new DataTransfer(); dt.setData("text/plain", arg);
     ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));`,
    pasted,
  );
  const offer = page.locator(".paste-offer");
  await expect(offer).toContainText("Split it into those sections? ".trim());
  await expect(offer).toContainText("(Subjective, Objective, Assessment, Plan)");
  // Said where focus is not, and reached with the keyboard from the text box.
  await expect(page.locator(".save-announcer")).toContainText("This paste looks like a whole note with headings");
  await page.getByLabel("Subjective", { exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(offer.getByRole("button", { name: "Split into sections" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("Earlier text.\n\nPhone call.\n\nFeels low");
  await expect(page.getByLabel("Objective", { exact: true })).toHaveValue("Flat affect");
  await expect(page.getByLabel("Assessment", { exact: true })).toHaveValue("Risk low");
  await expect(page.getByLabel("Plan", { exact: true })).toHaveValue("Call Friday");
});

test("the host can make it a social worker progress note", async ({ page, request }) => {
  await h.openEditor(page);
  await editor(page, `el.setAttribute("note-type", "social-work")`);
  await h.fillSoap(page, "SW Client");
  const note = await submitAndGet(page, request);
  expect(note.documentType).toEqual({ system: "http://loinc.org", code: "28656-7", display: "Social worker Progress note" });
});

test("quotes and interventions survive switching formats back and forth", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await h.openEditor(page);
  await h.addQuote(page, "Subjective", "Kept through the switch");
  await page.getByRole("button", { name: "Add an intervention" }).click();
  await page.getByLabel("Intervention 1: what you did").fill("Kept too");
  await page.getByLabel("Note format").selectOption("dap");
  await page.getByLabel("Data", { exact: true }).fill("Data text");
  await h.addQuote(page, "Data", "A DAP quote");
  await page.getByLabel("Note format").selectOption("soap");
  await expect(h.section(page, "Subjective").locator(".quote").getByLabel("Words, exactly as said")).toHaveValue(
    "Kept through the switch",
  );
  await expect(page.getByLabel("Intervention 1: what you did")).toHaveValue("Kept too");
  await h.waitForSaved(page);
  await page.reload();
  await expect(h.section(page, "Subjective").locator(".quote").getByLabel("Words, exactly as said")).toHaveValue(
    "Kept through the switch",
  );
  expect(errors).toEqual([]);
});

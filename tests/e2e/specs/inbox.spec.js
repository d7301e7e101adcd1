// The receiver's inbox, from the worker's side: a note shown whole, in the
// reader's local time, and an addendum written from it, linked both ways.
const { test, expect } = require("@playwright/test");
const AxeBuilder = require("@axe-core/playwright").default;
const h = require("./helpers");

// Far from UTC, so a time left in UTC would show.
test.use({ timezoneId: "Pacific/Auckland", locale: "en-NZ" });

test.beforeEach(async ({ request, page }) => {
  await h.resetReceiver(request);
  // Every Content-Security-Policy violation on the page, from its start.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

const editor = (page, fn) => page.evaluate((body) => new Function("el", body)(document.querySelector("casenote-editor")), fn);

/** Zero CSP violations so far (axe then adds inline styles of its own), and zero axe violations. */
async function expectClean(page, state) {
  expect(await page.evaluate(() => window.__csp), `CSP violations on ${state}`).toEqual([]);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${state}`).toEqual([]);
  // What axe did to the page is not the page's: count afresh from here.
  await page.evaluate(() => (window.__csp = []));
}

/** Every <time> on the page shows its instant in the reader's local time, UTC in its title. */
async function expectLocalTimes(page) {
  const times = await page.locator("time[datetime]").evaluateAll((ts) =>
    ts.map((t) => ({
      text: t.textContent,
      title: t.title,
      // In the page's language, as that language writes dates.
      local: new Date(t.dateTime).toLocaleString(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" }),
    })),
  );
  expect(times.length).toBeGreaterThan(0);
  for (const t of times) {
    expect(t.text).toBe(t.local);
    expect(t.title).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(t.text).not.toContain("UTC");
  }
}

function daysAgo(n) {
  const d = new Date(Date.now() - n * 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

test("the inbox shows the whole note in local time, and an addendum written from it links both ways", async ({
  page,
  request,
}, testInfo) => {
  const date = daysAgo(3);
  await h.openEditor(page);
  await editor(page, `el.setAttribute("author-id", "W-7"); el.setAttribute("author-name", "Sam Rivera");
    el.goals = [{ id: "G-1", text: "Stable housing" }];`);
  await page.getByLabel("Stable housing", { exact: true }).check();
  await page.getByLabel("Progress on “Stable housing”").selectOption("improved");
  await page.getByLabel("Challenges and barriers (optional)").fill("No bus fare this week.");
  await h.fillSoap(page, "Inbox Client", date);
  await h.addQuote(page, "Subjective", "The rent is paid", "at the door");
  await page.getByRole("button", { name: "Add an intervention" }).click();
  await page.getByLabel("Intervention 1: what you did").fill("Referred to legal aid");
  await page.getByLabel("How the client responded").fill("Relieved");
  await page.getByLabel("Reason for the late entry").fill("Crisis calls all week");
  // The standalone page requires signing; the page says who the worker is.
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [original] = await h.storedNotes(request);

  await page.goto("inbox");
  const note = page.locator(`[data-note-id="${original.id}"]`);
  await expect(note.getByRole("heading", { name: "SOAP note: Inbox Client", exact: true })).toBeVisible();
  await expect(note.locator(".print-header")).toContainText(`Date of service${date}`);
  await expect(note.locator(".print-header")).toContainText("Written bySam Rivera (W-7)");
  // Signed: the record, not a draft.
  await expect(note.locator(".draft-mark")).toHaveCount(0);
  await expect(note.locator(".print-signature")).toContainText("Signed by Sam Rivera (W-7) at");
  await expect(note).toContainText("Late entry: documented");
  await expect(note).toContainText("Reason: Crisis calls all week");
  await expect(note.locator("blockquote")).toHaveText("“The rent is paid”");
  await expect(note.locator("figcaption")).toHaveText("Client, at the door");
  await expect(note.getByRole("heading", { name: "Goals addressed" })).toBeVisible();
  await expect(note).toContainText("Stable housing: Improved");
  await expect(note).toContainText("No bus fare this week.");
  await expect(note).toContainText("Referred to legal aid");
  await expect(note).toContainText("Client's response: Relieved");
  await expect(note.locator(".record-details")).toContainText(`Note id${original.id}`);
  await expect(note.locator(".record-details")).toContainText(`Content SHA-256${original.note.contentHash}`);
  await expectLocalTimes(page);
  await expectClean(page, "the inbox");

  // From the keyboard: past the links at the top and the filters, Tab to
  // Write an addendum, Enter.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Write a note" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Awaiting review" })).toBeFocused();
  for (const field of ["Client", "Author", "Status", "Words in the note"]) {
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(field, { exact: true })).toBeFocused();
  }
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Filter" })).toBeFocused();
  const write = note.getByRole("link", { name: "Write an addendum to the SOAP note of Inbox Client" });
  await h.tabTo(page, (await write.textContent()).trim());
  await expect(write).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/inbox/addendum/${original.id}$`));
  expect(page.url()).not.toContain("Inbox");

  // The editor set to add to it first; the original, read only, in a panel
  // the worker opens.
  await expect(page.getByRole("heading", { level: 1, name: "Write an addendum" })).toBeVisible();
  const shown = page.locator(".original-note");
  await expect(shown.getByRole("heading", { name: "SOAP note: Inbox Client" })).toBeHidden();
  await shown.getByText("The original note, read only").click();
  await expect(shown.getByRole("heading", { name: "SOAP note: Inbox Client" })).toBeVisible();
  await expect(shown).toContainText("Referred to legal aid");
  await expect(page.locator(".addendum-block")).toContainText(`addendum to note ${original.id}`);
  await expect(page.locator(".addendum-block .original")).toHaveText(
    `The original: client Inbox Client, date of service ${date}, written by Sam Rivera (W-7).`,
  );
  await expect(page.getByLabel("Date of service")).toHaveValue(date);
  // An addendum is signed, as a note is on this site.
  await expect(page.getByRole("button", { name: "Send without signing" })).toHaveCount(0);
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Inbox Client");
  await expectClean(page, "the addendum page");
  await h.screenshot(page, testInfo, "addendum-page");

  await page.getByLabel("Kind of addendum").selectOption("clarification");
  await page.getByLabel("Why you are writing this addendum").fill("The address was left out");
  await page.getByLabel("Addendum", { exact: true }).fill("The visit was at 12 Elm Street.");
  // Dated on the original's service, three days ago: the editor counts the
  // addendum a late entry too, and asks why.
  await page.getByLabel("Reason for the late entry").fill("Written after the inbox review");
  await page.getByRole("button", { name: "Review and sign" }).click();
  await page.getByLabel("I agree with this statement").check();
  await page.getByLabel("Your name").fill("Rosa Diaz");
  await page.getByRole("button", { name: "Sign the note" }).click();
  await expect(page.locator(".signed")).toContainText("Signed by Rosa Diaz");
  await page.getByRole("button", { name: "Submit signed note" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  expect(await page.evaluate(() => window.__csp)).toEqual([]);

  const notes = await h.storedNotes(request);
  expect(notes).toHaveLength(2);
  expect(notes[0]).toEqual(original);
  const add = notes[1];
  expect(add.note.addendum).toEqual({
    to: original.id,
    toHash: original.note.contentHash,
    kind: "clarification",
    reason: "The address was left out",
  });
  expect(add.note.service.date).toBe(date);
  expect(add.note.client.name).toBe("Inbox Client");
  expect(add.note.signature.signerName).toBe("Rosa Diaz");

  // Back in the inbox: the original links to its addendum, the addendum to it.
  await page.getByRole("link", { name: "Back to the inbox" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  const addNote = page.locator(`[data-note-id="${add.id}"]`);
  await expect(addNote.locator(".addendum")).toContainText(`Addendum (Clarification) to note ${original.id}`);
  await expect(note.locator(".addenda")).toHaveText(`Addenda: Clarification ${add.id}`);
  await expectLocalTimes(page);
  await expectClean(page, "the inbox with an addendum");
  await h.screenshot(page, testInfo, "inbox");
  await note.locator(".addenda a").click();
  await expect(page).toHaveURL(new RegExp(`#note-${add.id}$`));
  await addNote.locator(".addendum a").click();
  await expect(page).toHaveURL(new RegExp(`#note-${original.id}$`));
});

test("an addendum page for a note the inbox does not hold says so", async ({ page }) => {
  const res = await page.goto("inbox/addendum/00000000-0000-4000-8000-000000000000");
  expect(res.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No such note" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the inbox" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
});

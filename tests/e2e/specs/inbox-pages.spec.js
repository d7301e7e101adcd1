// The receiver's pages as a supervisor and a phone worker meet them: the
// note's header laid out from 320 to 1440 px with no overflow, both pages
// in the language the worker chose, dates written as that language writes
// them, and the addendum editor first on a phone.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

/** Sends a signed note with two participants from the standalone page. */
async function sendWithParticipants(page) {
  await h.openEditor(page);
  await h.fillSoap(page, "Layout Client With A Rather Long Name");
  for (const [n, name, role] of [
    [1, "Layout Client With A Rather Long Name", "client"],
    [2, "Rosa Ortiz-Villanueva de la Fuente", "familyMember"],
  ]) {
    await page.getByRole("button", { name: "Add a participant" }).click();
    await page.getByLabel(`Participant ${n}: name`).fill(name);
    await page.getByLabel(`Participant ${n}: role`).selectOption(role);
  }
  await page.getByLabel("Participant 2: relationship to the client").fill("mother");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
}

/** Where the header's values sit against their labels, and any overflow. */
function headerLayout(page) {
  return page.evaluate(() => {
    const dl = document.querySelector(".print-header dl");
    const labels = [...dl.querySelectorAll("dt")].map((d) => d.getBoundingClientRect());
    const values = [...dl.querySelectorAll("dd")].map((d) => d.getBoundingClientRect());
    const stacked = getComputedStyle(dl).display === "block";
    const labelRight = Math.max(...labels.map((r) => r.right));
    return {
      stacked,
      // Side by side, every value is right of every label.
      valuesInLabelColumn: stacked ? 0 : values.filter((r) => r.left < labelRight).length,
      narrowestValue: Math.min(...values.map((r) => r.width)),
      scrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

test("the note's header holds from 320 to 1440 px: every participant in the value column, nothing overflows", async ({
  page,
}) => {
  await sendWithParticipants(page);
  await page.goto("inbox");
  await expect(page.locator(".print-header dd", { hasText: "Rosa Ortiz-Villanueva de la Fuente, mother (Family member)" })).toBeVisible();
  for (const width of [320, 390, 412, 768, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const layout = await headerLayout(page);
    expect(layout.valuesInLabelColumn, `at ${width} px`).toBe(0);
    expect(layout.scrollsSideways, `at ${width} px`).toBe(false);
    expect(layout.narrowestValue, `at ${width} px`).toBeGreaterThan(100);
  }
});

test("the inbox and the addendum page are in the language the worker chose, with its dates, and the editor comes first on a phone", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await sendWithParticipants(page);
  // Chosen on the standalone page.
  await page.getByRole("button", { name: "Write another note" }).click();
  await page.locator("#page-language").selectOption("es");
  await page.goto("inbox");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Bandeja de entrada" })).toBeVisible();
  await expect(page.locator("main")).toContainText("1 nota recibida.");
  await expect(page.locator(".record-details")).toContainText("Detalles del registro");
  // Dates as Spanish writes them, in the reader's time.
  const times = await page.locator("time[datetime]").evaluateAll((ts) =>
    ts.map((t) => [t.textContent, new Date(t.dateTime).toLocaleString("es", { dateStyle: "medium", timeStyle: "short" })]),
  );
  expect(times.length).toBeGreaterThan(0);
  for (const [shown, spanish] of times) expect(shown).toBe(spanish);
  // Nothing of the page's own words is left in English.
  for (const english of ["Record details", "Write an addendum", "notes received", "Times are shown"]) {
    await expect(page.locator("main")).not.toContainText(english);
  }
  await h.expectNoViolations(page, "the inbox in Spanish on a phone");
  expect(await h.layoutProblems(page, 44), "the inbox's targets on a phone").toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth)).toBe(false);

  await page.getByRole("link", { name: /^Escribir una adenda/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Escribir una adenda" })).toBeVisible();
  // The editor is in the page's language, and starts on the first screen.
  const editor = page.locator("casenote-editor");
  await expect(editor.getByLabel("Tipo de adenda")).toBeVisible();
  const top = await editor.evaluate((e) => e.getBoundingClientRect().top);
  expect(top).toBeLessThan(844);
  // The original is a panel the worker opens.
  await expect(page.locator(".original-note")).not.toHaveAttribute("open", "");
  await page.getByText("La nota original, solo lectura").click();
  await expect(page.locator(".original-note .print-header")).toBeVisible();
  await h.expectNoViolations(page, "the addendum page in Spanish on a phone");
  expect(await h.layoutProblems(page, 44), "the addendum page's targets on a phone").toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth > innerWidth)).toBe(false);
  await context.close();
});

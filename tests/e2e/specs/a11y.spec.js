// WCAG 2.2 AA: axe-core finds nothing in any state, the whole flow works
// from the keyboard, and the layout holds at 320 px and at 200% zoom.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

// The standalone page requires signing; the portal leaves it optional.
for (const [where, signed] of [["./", true], ["examples/portal/", false]]) {
  test(`axe finds no violation in any state: ${where}`, async ({ page, context }) => {
    await page.goto(where);
    await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
    await h.expectNoViolations(page, "the empty editor");

    await page.getByRole("button", { name: "Add a quote to Subjective" }).click();
    await page.getByRole("button", { name: signed ? "Review and sign" : "Send without signing" }).click();
    await expect(page.locator(".error-summary")).toBeFocused();
    await h.expectNoViolations(page, "validation errors shown");

    await page.getByRole("button", { name: "Drafts" }).click();
    await expect(page.getByRole("heading", { name: "Your drafts on this device" })).toBeVisible();
    await h.expectNoViolations(page, "the drafts panel open");
    await page.getByRole("button", { name: "Close drafts" }).click();

    await page.getByLabel("Words, exactly as said").fill("I am managing");
    await h.fillSoap(page, "Axe Client");
    if (signed) {
      await h.reviewAndSign(page);
      await expect(page.getByLabel("Your name")).toBeVisible();
      await h.expectNoViolations(page, "the signing panel asking who signs");
      await page.getByLabel("Your name").fill("Axe Worker");
      await page.getByLabel("I agree with this statement").check();
      await page.getByRole("button", { name: "Sign the note" }).click();
      await expect(page.getByRole("button", { name: "Submit signed note" })).toBeVisible();
      await context.setOffline(true);
      await page.getByRole("button", { name: "Submit signed note" }).click();
    } else {
      await page.getByRole("button", { name: "Send without signing" }).click();
      await expect(page.getByRole("heading", { name: "Send this note unsigned?" })).toBeVisible();
      await h.expectNoViolations(page, "asked to confirm sending unsigned");
      await context.setOffline(true);
      await page.getByRole("button", { name: "Send unsigned" }).click();
    }
    await expect(page.locator(".confirmation")).toContainText("You are offline");
    await page.getByRole("button", { name: "1 note waiting to send" }).click();
    await h.expectNoViolations(page, "offline with a queued note");
    await context.setOffline(false);
    await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
    await h.expectNoViolations(page, "the note sent");
  });
}

test("axe finds no violation while signing, once signed, and in an addendum", async ({ page }) => {
  await h.openEditor(page);
  await page.evaluate(() => {
    const el = document.querySelector("casenote-editor");
    el.setAttribute("author-id", "W-7");
    el.setAttribute("author-name", "Sam Rivera");
    el.goals = [{ id: "G-1", text: "Stable housing" }];
  });
  await h.fillSoap(page, "Axe Signed Client");
  await page.getByLabel("Stable housing").check();
  await page.getByRole("button", { name: "Add an intervention" }).click();
  await page.getByLabel("Intervention 1: what you did").fill("Budget coaching");
  await page.getByRole("button", { name: "Preview the note" }).click();
  await page.getByRole("button", { name: "Review and sign" }).click();
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
  await h.expectNoViolations(page, "the review-and-sign panel");
  await page.getByLabel("I agree with this statement").check();
  await page.getByRole("button", { name: "Sign the note" }).click();
  await expect(page.locator(".signed")).toBeVisible();
  await h.expectNoViolations(page, "a signed note");

  await page.evaluate(() =>
    document.querySelector("casenote-editor").setAttribute("addendum-to", "11111111-1111-4111-8111-111111111111"),
  );
  await expect(page.locator(".addendum-block")).toBeVisible();
  await h.reviewAndSign(page);
  await h.expectNoViolations(page, "an addendum with errors");
});

test("axe finds no violation in the dark theme", async ({ page }) => {
  await h.openEditor(page);
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("theme", "dark"));
  await h.reviewAndSign(page);
  await h.expectNoViolations(page, "the dark theme with errors");
});

test("the whole flow works from the keyboard, in a logical order, with no trap", async ({ page, request }) => {
  await h.openEditor(page);
  await page.getByRole("link", { name: "Received notes" }).focus();
  // Date and time inputs have one stop per part (month, day, year...):
  // collapse repeats to compare the order of fields.
  const order = [];
  for (let i = 0; i < 38 && order.length < 19; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el.id || el.textContent.trim();
    });
    if (order[order.length - 1] !== name) order.push(name);
  }
  expect(order).toEqual([
    "page-language",
    "Skip to the note’s sections",
    "Skip to the actions: Review and sign",
    "Drafts",
    "New note",
    "cn-client",
    "cn-format",
    "cn-service-date",
    "cn-service-start",
    "cn-service-end",
    "cn-contact-mode",
    "cn-location",
    "Add a participant",
    "cn-section-subjective",
    "Add a quote to Subjective",
    "Mark selected text as a quote in Subjective",
    "cn-section-objective",
    "Add a quote to Objective",
    "Mark selected text as a quote in Objective",
  ]);

  // Write and send a whole note with the keyboard alone.
  await page.getByLabel("Client", { exact: true }).focus();
  await page.keyboard.type("Keyboard Client");
  await page.getByLabel("Date of service").focus();
  const [y, m, d] = h.today().split("-");
  await page.keyboard.type(`${m}${d}${y}`);
  await page.getByLabel("Subjective", { exact: true }).focus();
  await page.keyboard.type("Said it all from the keyboard.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add a quote to Subjective" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Words, exactly as said")).toBeFocused();
  await page.keyboard.type("Typed, not clicked");
  for (const section of ["Objective", "Assessment", "Plan"]) {
    await page.getByLabel(section, { exact: true }).focus();
    await page.keyboard.type(`${section} by keyboard.`);
  }
  // The standalone page requires signing: review, say who signs, agree,
  // sign and send, all from the keyboard.
  const tabUntil = async (target) => {
    for (let i = 0; i < 20; i++) {
      if (await target.evaluate((b) => b.getRootNode().activeElement === b)) break;
      await page.keyboard.press("Tab");
    }
    await expect(target).toBeFocused();
  };
  await tabUntil(page.getByRole("button", { name: "Review and sign" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
  await tabUntil(page.getByLabel("Your name"));
  await page.keyboard.type("Keyboard Worker");
  await tabUntil(page.getByLabel("I agree with this statement"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("I agree with this statement")).toBeChecked();
  await tabUntil(page.getByRole("button", { name: "Sign the note" }));
  await page.keyboard.press("Enter");
  await expect(page.locator(".signed")).toBeFocused();
  await tabUntil(page.getByRole("button", { name: "Submit signed note" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [note] = await h.storedNotes(request);
  expect(note.note.client.name).toBe("Keyboard Client");
  expect(note.note.service.date).toBe(h.today());
  expect(note.note.sections[0].quotes[0].text).toBe("Typed, not clicked");
  expect(note.note.signature.signerName).toBe("Keyboard Worker");

  // No trap: Tab moves on past the editor's last control.
  await page.getByRole("button", { name: "Write another note" }).focus();
  await page.keyboard.press("Tab");
  const inside = await page.evaluate(() => document.activeElement.tagName === "CASENOTE-EDITOR");
  expect(inside).toBe(false);
});

for (const [name, viewport, scale] of [
  ["320 px wide", { width: 320, height: 800 }, 1],
  ["200% zoom", { width: 640, height: 450 }, 2],
]) {
  test(`the layout holds at ${name}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
    const page = await context.newPage();
    await h.openEditor(page);
    await page.getByRole("button", { name: "Add a quote to Subjective" }).click();
    await h.reviewAndSign(page);
    await expect(page.locator(".error-summary")).toBeVisible();
    await page.getByRole("button", { name: "Drafts" }).click();
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [];
      if (document.documentElement.scrollWidth > width) wide.push(`page ${document.documentElement.scrollWidth}`);
      const root = document.querySelector("casenote-editor").shadowRoot;
      for (const el of root.querySelectorAll("input, select, textarea, button, table, .error-summary")) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 0.5) wide.push(`${el.tagName}#${el.id || el.className} ends at ${r.right}`);
      }
      return wide;
    });
    expect(overflow).toEqual([]);
    await context.close();
  });
}

test("axe finds no violation in the drafts panel holding more than one page", async ({ page }) => {
  await h.openEditor(page);
  const now = Date.now();
  await h.putRawDrafts(
    page,
    Array.from({ length: 60 }, (_, i) => h.rawDraft({ id: h.seqId(i), client: `Client ${i}`, updatedAt: now - (i + 1) * 60_000 })),
  );
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Client 0");
  await page.getByRole("button", { name: "Drafts" }).click();
  await expect(page.getByRole("button", { name: "Show 10 more" })).toBeVisible();
  await h.expectNoViolations(page, "a page of drafts and Show more");
});

test("each quote's controls have a name of their own", async ({ page }) => {
  await h.openEditor(page);
  await h.addQuote(page, "Subjective", "first words");
  await h.addQuote(page, "Plan", "plan words");
  await h.addQuote(page, "Plan", "more plan words");
  for (const name of ["Remove quote (quote 1 in Subjective)", "Remove quote (quote 1 in Plan)", "Remove quote (quote 2 in Plan)"]) {
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(1);
  }
  await expect(page.getByRole("textbox", { name: "Words, exactly as said (quote 2 in Plan)", exact: true })).toHaveValue("more plan words");
  await expect(page.getByRole("combobox", { name: "Said by (quote 1 in Subjective)", exact: true })).toHaveCount(1);
  await expect(page.getByRole("textbox", { name: "Context (optional) (quote 1 in Plan)", exact: true })).toHaveCount(1);
});

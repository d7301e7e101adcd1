// Where focus goes when the control a keyboard user was on goes away or
// an action fails: never back to the top of the page.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

const host = (page, body) =>
  page.evaluate((b) => new Function("el", b)(document.querySelector("casenote-editor")), body);

test("a refusal that names no field focuses the message, and the note stays", async ({ page, request }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Lost Address");
  await h.injectFaults(request, 1, 404);
  await h.sign(page);
  await page.getByRole("button", { name: "Submit signed note" }).press("Enter");
  const message = page.locator(".send-error");
  await expect(message).toContainText("was not found (error 404)");
  await expect(message).toBeFocused();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Lost Address");
});

test("a cancelled send focuses the message instead of the disabled button", async ({ page }) => {
  await h.openEditor(page);
  await host(page, `el.beforeSubmit = async () => false;`);
  await h.fillSoap(page, "Held Back");
  await h.sign(page);
  await page.getByRole("button", { name: "Submit signed note" }).press("Enter");
  await expect(page.locator(".send-error")).toContainText("stopped the note from being sent");
  await expect(page.locator(".send-error")).toBeFocused();
});

test("Back to editing returns to Review and sign; the signed time is local", async ({ page }) => {
  await h.openEditor(page);
  await host(page, `el.setAttribute("author-name", "Sam Rivera");`);
  await h.fillSoap(page, "Signing Client");
  await page.getByRole("button", { name: "Review and sign" }).press("Enter");
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
  // No author id: the name alone, without empty brackets.
  await expect(page.locator(".sign-panel")).toContainText("Signing as Sam Rivera.");
  await page.getByRole("button", { name: "Back to editing" }).press("Enter");
  await expect(page.getByRole("button", { name: "Review and sign" })).toBeFocused();

  await page.getByRole("button", { name: "Review and sign" }).press("Enter");
  await page.getByLabel("I agree with this statement").check();
  await page.getByRole("button", { name: "Sign the note" }).press("Enter");
  await expect(page.locator(".signed")).toContainText(/Signed by Sam Rivera at [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M\./);
});

test("removing a quote or an intervention moves focus to its Add button", async ({ page }) => {
  await h.openEditor(page);
  await h.addQuote(page, "Subjective", "I will call on Monday");
  await h.section(page, "Subjective").getByRole("button", { name: "Remove quote" }).press("Enter");
  await expect(h.section(page, "Subjective").locator(".quote")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add a quote to Subjective" })).toBeFocused();

  await page.getByRole("button", { name: "Add an intervention" }).click();
  await page.getByRole("button", { name: "Add an intervention" }).click();
  await page.getByRole("button", { name: "Remove intervention 2" }).press("Enter");
  await expect(page.getByRole("button", { name: "Remove intervention 1" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove intervention 2" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add an intervention" })).toBeFocused();
});

test("a field points at its error message only while there is one", async ({ page }) => {
  await h.openEditor(page);
  const client = page.getByLabel("Client", { exact: true });
  await expect(client).not.toHaveAttribute("aria-describedby", /.*/);
  await page.getByRole("button", { name: "Review and sign" }).press("Enter");
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(client).toHaveAttribute("aria-describedby", "cn-client-error");
  await expect(page.locator("#cn-client-error")).toContainText("Enter the client's name");
  await client.fill("Named Now");
  await page.getByRole("button", { name: "Review and sign" }).press("Enter");
  await expect(page.locator("#cn-client-error")).toHaveCount(0);
  await expect(client).not.toHaveAttribute("aria-describedby", /.*/);
});

test("an empty quote's error is on the quote, and the summary link goes to it", async ({ page }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Quote Client");
  await h.addQuote(page, "Plan", "I'll call on Monday");
  const plan = h.section(page, "Plan");
  await plan.getByRole("button", { name: "Add a quote to Plan" }).click();
  await page.getByRole("button", { name: "Review and sign" }).press("Enter");
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: /A quote in Plan has no words/ }).press("Enter");
  const empty = plan.locator(".quote").nth(1).getByLabel("Words, exactly as said");
  await expect(empty).toBeFocused();
  await expect(empty).toHaveAttribute("aria-invalid", "true");
  await expect(plan.locator(".quote").nth(1).locator(".error-message")).toContainText("has no words");
  await expect(plan.locator(".quote").nth(0).getByLabel("Words, exactly as said")).toHaveAttribute("aria-invalid", "false");
  await expect(page.getByLabel("Plan", { exact: true })).toHaveAttribute("aria-invalid", "false");
});

test("removing an intervention drops errors that named items by their place", async ({ page }) => {
  await h.openEditor(page);
  await page.getByRole("button", { name: "Add an intervention" }).click();
  await page.getByRole("button", { name: "Add an intervention" }).click();
  await page.getByRole("button", { name: "Review and sign" }).press("Enter");
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText("Describe intervention 1");
  await expect(summary).toContainText("Describe intervention 2");
  await page.getByRole("button", { name: "Remove intervention 1" }).click();
  // The remaining intervention is not blamed for the removed one: after a
  // failed submit every edit checks again, so it is named by its new place
  // (intervention 1, the first in the list), and only once.
  await expect(summary).not.toContainText("Describe intervention 2");
  await expect(summary.getByRole("link", { name: /^Describe intervention/ })).toHaveCount(1);
  await expect(summary.getByRole("link", { name: "Describe intervention 1, or remove it" })).toHaveAttribute(
    "href",
    "#cn-interventions-0-description",
  );
  await expect(page.locator(".interventions .error-message")).toHaveCount(1);
  await expect(summary).toContainText("Enter the client's name");
});

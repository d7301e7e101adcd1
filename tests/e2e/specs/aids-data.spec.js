// The writing aids' lists and model load after the first screen
// (casenote-aids-LANG.json beside the element's files): only the language
// in use, only once there is text to check. A file that cannot load is
// said in place, the aids that need no list still run, nothing typed is
// lost, and the next pause in typing tries again. axe finds nothing in
// either state.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

test("the lists and model load after the first screen, in the language in use, and the model reads what no list does", async ({ page }) => {
  const asked = [];
  page.on("request", (r) => {
    if (r.url().includes("casenote-aids-")) asked.push(new URL(r.url()).pathname);
  });
  await h.openEditor(page);
  // Ready to type, and nothing of the aids' data asked for yet.
  expect(asked).toEqual([]);

  const assessment = page.getByLabel("Assessment", { exact: true });
  await assessment.focus();
  await page.keyboard.type("He tends to disappear whenever things get hard.");
  const flags = h.section(page, "Assessment").locator(".suggestions .flag");
  await expect(flags).toHaveCount(1);
  await expect(flags.first()).toContainText("Reads as a judgement of the client rather than a description");
  await expect(flags.first()).toContainText("Try: describe what was seen or heard, and what the client said, in their words.");
  expect(asked).toEqual(["/casenote-aids-en.json"]);
  await h.expectNoViolations(page, "a sentence the model flags");

  // Shown where it stands: the words that weighed most are selected.
  await flags.first().getByRole("button", { name: /^Show “.+” in the text$/ }).click();
  await expect(assessment).toBeFocused();
  const selected = await assessment.evaluate((ta) => ta.value.slice(ta.selectionStart, ta.selectionEnd));
  expect("He tends to disappear whenever things get hard.").toContain(selected);
  expect(selected.length).toBeGreaterThan(0);

  // A second section's check reuses the loaded file.
  await page.getByLabel("Plan", { exact: true }).focus();
  await page.keyboard.type("Client refused the referral; will call Friday.");
  await expect(h.section(page, "Plan").locator(".suggestions .flag")).toContainText("“refused”");
  expect(asked).toEqual(["/casenote-aids-en.json"]);
});

test.describe("when the aids' data cannot load", () => {
  // The page's service worker would answer from its cache: block it, as a
  // portal without one would be.
  test.use({ serviceWorkers: "block" });

  test("it is said in place, the other aids run, nothing typed is lost, and the next pause tries again", async ({ page }) => {
    await page.route("**/casenote-aids-en.json", (route) => route.abort());
    await h.openEditor(page);
    const subjective = page.getByLabel("Subjective", { exact: true });
    await subjective.focus();
    await page.keyboard.type("Met w/ client. Client refused the referral.");
    const section = h.section(page, "Subjective");
    await expect(section.locator(".aids-unavailable")).toHaveText(
      "The word lists could not load, so objective language and wordy phrases were not checked (shorthand, abbreviations, identifiers, long sentences and prompts were). They will try again when you next pause typing.",
    );
    await expect(section.locator(".suggestions .shorthand")).toContainText("“w/”");
    await expect(section.locator(".suggestions .flag")).toHaveCount(0);
    await expect(subjective).toHaveValue("Met w/ client. Client refused the referral.");
    await h.expectNoViolations(page, "the aids' data failed to load");

    await page.unroute("**/casenote-aids-en.json");
    await subjective.focus();
    await page.keyboard.press("End");
    await page.keyboard.type(" Next visit Friday.");
    await expect(section.locator(".suggestions .flag")).toContainText("“refused”");
    await expect(section.locator(".aids-unavailable")).toHaveCount(0);
    await expect(subjective).toHaveValue("Met w/ client. Client refused the referral. Next visit Friday.");
  });
});

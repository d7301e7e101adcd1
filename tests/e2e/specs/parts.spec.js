// The parts of the editor that load on first use (src/ui/part.rs): each is
// a split_<part>.wasm beside the element's files, fetched the first time it
// is needed, or as soon as the editor is ready. The first screen waits
// for none of them. A part
// that cannot load (a 404, offline on a portal without the service worker)
// is said in its place, in the worker's language, with a way to try again;
// nothing typed is lost, and trying again loads it.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

/** The split parts' file names the page asked for, in order. */
function partsAsked(page) {
  const asked = [];
  page.on("request", (r) => {
    const name = new URL(r.url()).pathname.split("/").pop();
    if (/^(split|chunk)_.*\.wasm$/.test(name)) asked.push(name);
  });
  return asked;
}

test("ready to type, and a draft saved, while every part is still on its way; each works once it arrives", async ({ page }) => {
  // Every part's request is held until the first screen has done its work.
  const held = [];
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(/\/(split|chunk)_[^/]*\.wasm$/, async (route) => {
    held.push(new URL(route.request().url()).pathname.split("/").pop());
    await released;
    await route.continue();
  });
  await h.openEditor(page);
  await page.getByLabel("Client", { exact: true }).fill("Part Client");
  await page.getByLabel("Subjective", { exact: true }).fill("Met at the office.");
  await h.waitForSaved(page);
  // Once ready, the editor asks for the parts a worker may need
  // next (FHIR only where the host sends it).
  await expect.poll(() => held.length).toBeGreaterThan(0);
  release();
  await page.getByRole("button", { name: "Drafts" }).click();
  await expect(page.getByRole("heading", { name: "Your drafts on this device" })).toBeFocused();
  await h.fillSoap(page, "Part Client");
  await h.reviewAndSign(page);
  await expect(page.getByRole("heading", { name: "Review and sign" })).toBeFocused();
});

test.describe("when a part cannot load", () => {
  // The page's service worker would answer from its cache: block it, as a
  // portal without one would be.
  test.use({ serviceWorkers: "block" });

  /** Answers every request for `file` with a 404 until `unblock` is called. */
  async function block(page, file) {
    const pattern = `**/${file}`;
    await page.route(pattern, (route) => route.fulfill({ status: 404, body: "not here" }));
    return () => page.unroute(pattern);
  }

  test("a panel says so in place, keeps what was typed, and Try again loads it", async ({ page }) => {
    const unblock = await block(page, "split_drafts.wasm");
    await h.openEditor(page);
    await page.getByLabel("Client", { exact: true }).fill("Kept Client");
    await page.getByLabel("Subjective", { exact: true }).fill("Words that must not be lost.");
    await h.waitForSaved(page);
    await page.getByRole("button", { name: "Drafts" }).click();
    const failed = page.locator(".part-failed");
    await expect(failed).toHaveText(
      "This part of the editor could not be loaded: Your drafts on this device. What you have written is kept. Check your connection, then try again.Try again",
    );
    await expect(failed).toHaveAttribute("role", "alert");
    await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("Words that must not be lost.");
    await h.expectNoViolations(page, "a part that could not load");

    await unblock();
    await failed.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { name: "Your drafts on this device" })).toBeVisible();
    await expect(failed).toHaveCount(0);
    await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("Words that must not be lost.");
  });

  test("the next use tries again: a panel closed and opened again loads it", async ({ page }) => {
    const unblock = await block(page, "split_drafts.wasm");
    await h.openEditor(page);
    await page.getByLabel("Plan", { exact: true }).fill("Call back on Friday.");
    const drafts = page.getByRole("button", { name: "Drafts" });
    await drafts.click();
    await expect(page.locator(".part-failed")).toContainText("Your drafts on this device");
    await drafts.click();
    await expect(page.locator(".part-failed")).toHaveCount(0);
    await unblock();
    await drafts.click();
    await expect(page.getByRole("heading", { name: "Your drafts on this device" })).toBeFocused();
    await expect(page.getByLabel("Plan", { exact: true })).toHaveValue("Call back on Friday.");
  });

  test("signing's part: said in place, Try again opens the panel, the note unchanged", async ({ page }) => {
    const unblock = await block(page, "split_signing.wasm");
    await h.openEditor(page);
    await h.fillSoap(page, "Retry Client");
    await h.reviewAndSign(page);
    const failed = page.locator(".part-failed");
    await expect(failed).toContainText("This part of the editor could not be loaded: Review and sign.");
    await h.expectNoViolations(page, "signing's part could not load");
    await unblock();
    await failed.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByLabel("I agree with this statement")).toBeVisible();
    await expect(page.getByLabel("Plan", { exact: true })).toHaveValue("Plan for Retry Client");
  });

  test("each part that cannot load is said where it would be, in Spanish too", async ({ page }) => {
    // Every part and every chunk of code they share.
    await page.route(/\/(split|chunk)_[^/]*\.wasm$/, (route) => route.fulfill({ status: 404, body: "not here" }));
    await h.openEditor(page);
    await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("lang", "es"));
    await expect(page.getByLabel("Cliente", { exact: true })).toBeVisible();
    await page.getByLabel("Subjetivo", { exact: true }).fill("Dijo que durmió poco.");
    // The writing aids, in each section, and the note as it will be recorded.
    await expect(h.section(page, "Subjetivo").locator(".part-failed")).toContainText(
      "No se pudo cargar esta parte del editor: Ayudas de redacción.",
    );
    await page.getByRole("button", { name: "Borradores" }).click();
    await expect(page.locator(".part-failed").filter({ hasText: "Sus borradores en este dispositivo" })).toContainText(
      "Lo que ha escrito se conserva.",
    );
    await expect(page.getByLabel("Subjetivo", { exact: true })).toHaveValue("Dijo que durmió poco.");
    await h.expectNoViolations(page, "parts that could not load, in Spanish");
    await page.unroute(/\/(split|chunk)_[^/]*\.wasm$/);
    await page.locator(".part-failed").filter({ hasText: "Sus borradores en este dispositivo" }).getByRole("button", { name: "Volver a intentarlo" }).click();
    await expect(page.getByRole("heading", { name: "Sus borradores en este dispositivo" })).toBeVisible();
  });
});

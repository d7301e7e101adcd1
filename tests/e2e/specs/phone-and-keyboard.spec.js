// The keyboard route and phone targets: skip links take a keyboard worker
// to the note's sections and to Review and sign in a few keys; section
// headings are a screen reader's headings; every target is big enough for
// a finger, and no select or label is cut, in English and Spanish.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

/** The focused element's text, inside the editor's shadow root too. */
function focusedText(page) {
  return page.evaluate(() => {
    let e = document.activeElement;
    while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
    return e ? e.textContent.trim() : "";
  });
}

async function pickLanguage(page, lang) {
  const select = page.locator("#page-language");
  await expect(select).toBeVisible();
  await select.selectOption(lang);
  await expect(page.locator("casenote-editor .casenote-host")).toHaveAttribute("lang", lang);
}

for (const [lang, skip, sign, heading] of [
  ["en", "Skip to the actions: Review and sign", "Review and sign", "Subjective"],
  ["es", "Saltar a las acciones: Revisar y firmar", "Revisar y firmar", "Subjetivo"],
]) {
  test(`from the top of the page, ${sign} is at most 10 keys away, and the sections are headings (${lang})`, async ({
    page,
  }) => {
    await h.openEditor(page);
    await h.fillSoap(page, "Keyboard Client");
    await h.waitForSaved(page);
    if (lang === "es") await pickLanguage(page, "es");
    // Start again from the very top of the page, as after a reload.
    await page.reload();
    await expect(page.locator("casenote-editor").locator(".note-form")).toBeVisible();
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.keyboard.press("Home");
    let keys = 0;
    const press = async (key) => {
      keys += 1;
      await page.keyboard.press(key);
    };
    // Tab until the skip link, then Enter, then Tab to the button.
    while ((await focusedText(page)) !== skip) {
      await press("Tab");
      expect(keys, "the skip link is among the first few Tab stops").toBeLessThanOrEqual(8);
    }
    await expect(page.getByRole("link", { name: skip })).toBeVisible();
    await h.expectNoViolations(page, `the skip link focused (${lang})`);
    await press("Enter");
    await expect(page.locator("casenote-editor #cn-actions")).toBeFocused();
    await press("Tab");
    expect(await focusedText(page)).toBe(sign);
    expect(keys).toBeLessThanOrEqual(10);
    // And it does what it says.
    await press("Enter");
    await expect(page.getByRole("heading", { name: sign })).toBeFocused();

    // The other skip link lands on the note's sections: the next Tab is
    // the first section.
    await page.reload();
    await expect(page.locator("casenote-editor").locator(".note-form")).toBeVisible();
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    const toSections = page.getByRole("navigation").getByRole("link").first();
    await toSections.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("casenote-editor #cn-sections")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(heading, { exact: true })).toBeFocused();

    // Landmarks and headings: the form and its sections are named regions,
    // and every section of the format is a heading.
    await expect(page.getByRole("form")).toHaveCount(1);
    for (const name of lang === "en"
      ? ["Subjective", "Objective", "Assessment", "Plan"]
      : ["Subjetivo", "Objetivo", "Evaluación", "Plan"]) {
      await expect(page.getByRole("heading", { name, level: 3, exact: true })).toHaveCount(1);
    }
  });
}


for (const lang of ["en", "es"]) {
  for (const width of [320, 390, 412]) {
    test(`at ${width} px with a finger, every target is at least 44 px and nothing is cut (${lang})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        hasTouch: true,
        isMobile: true,
        deviceScaleFactor: 2,
      });
      const page = await context.newPage();
      await h.openEditor(page);
      expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
      await h.fillSoap(page, "Phone Client");
      if (lang === "es") await pickLanguage(page, "es");
      expect(await h.layoutProblems(page, 44), "a note written").toEqual([]);
      // The skip links, as Tab shows them.
      for (const i of [0, 1]) {
        await page.locator("casenote-editor .skip-links a").nth(i).focus();
        expect(await h.layoutProblems(page, 44), `skip link ${i + 1} focused`).toEqual([]);
      }
      const t = lang === "en"
        ? { quote: "Add a quote to Subjective", intervention: "Add an intervention", drafts: "Drafts", sign: "Review and sign", back: "Back to editing" }
        : { quote: "Añadir una cita en Subjetivo", intervention: "Añadir una intervención", drafts: "Borradores", sign: "Revisar y firmar", back: "Volver a la edición" };
      // The signing panel: who signs, and the checkbox to agree.
      await page.getByRole("button", { name: t.sign }).click();
      await expect(page.locator("casenote-editor .sign-panel input[type=checkbox]")).toBeVisible();
      expect(await h.layoutProblems(page, 44), "the signing panel").toEqual([]);
      await page.getByRole("button", { name: t.back }).click();
      // More controls: a quote, an intervention, and the errors they bring.
      await page.getByRole("button", { name: t.quote }).click();
      await page.getByRole("button", { name: t.intervention }).click();
      await page.getByRole("button", { name: t.sign }).click();
      await expect(page.locator("casenote-editor .error-summary")).toBeVisible();
      expect(await h.layoutProblems(page, 44), "errors shown").toEqual([]);
      await page.getByRole("button", { name: t.drafts }).click();
      expect(await h.layoutProblems(page, 44), "the drafts panel").toEqual([]);
      await context.close();
    });
  }
}

test("with a mouse, every target is at least 24 px (en)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await h.openEditor(page);
  expect(await page.evaluate(() => matchMedia("(pointer: fine)").matches)).toBe(true);
  await page.getByRole("button", { name: "Add a quote to Subjective" }).click();
  await page.getByRole("button", { name: "Review and sign" }).click();
  expect(await h.layoutProblems(page, 24)).toEqual([]);
});

// The worker's language: the whole interface in Spanish with lang="es" and
// back, live, without losing a keystroke; the note sent in Spanish keeps
// its keys and codes; the layout right to left. axe in each state.
const fs = require("node:fs");
const path = require("node:path");
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

/** The catalog's one-line messages without variables: id → text. */
function catalog(lang) {
  const dir = path.resolve(__dirname, "../../../src/i18n", lang);
  const out = new Map();
  for (const file of fs.readdirSync(dir)) {
    for (const line of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const m = /^([a-z0-9-]+) = ([^{]+)$/.exec(line);
      if (m) out.set(m[1], m[2].trim());
    }
  }
  return out;
}

/**
 * The messages of `from` that read differently in `to` and stand on the
 * page: words of the other language left behind. Whole words only, and
 * messages long enough not to be words of both.
 */
async function leftOver(page, from, to) {
  const shown = await page.evaluate(() => {
    const editor = document.querySelector("casenote-editor");
    const parts = [document.body.innerText, editor.shadowRoot.querySelector(".casenote").innerText];
    for (const el of [...document.querySelectorAll("*"), ...editor.shadowRoot.querySelectorAll("*")]) {
      for (const a of ["aria-label", "placeholder", "title"]) if (el.hasAttribute(a)) parts.push(el.getAttribute(a));
    }
    return parts.join("\n");
  });
  const a = catalog(from);
  const b = catalog(to);
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...a]
    .filter(([id, text]) => id !== "lang-name" && b.get(id) !== text && text.length >= 6)
    .filter(([, text]) => new RegExp(`(^|[^\\p{L}])${escape(text)}($|[^\\p{L}])`, "u").test(shown))
    .map(([id, text]) => `${id}: ${text}`);
}

async function pickLanguage(page, current, lang) {
  await page.getByLabel(current, { exact: true }).selectOption(lang);
  await expect(page.locator("casenote-editor .casenote-host")).toHaveAttribute("lang", lang);
}

test("the whole interface switches to Spanish with lang=es and back, live, and nothing typed is lost", async ({ page }) => {
  await h.openEditor(page);
  await page.getByLabel("Client", { exact: true }).fill("Ana Ruiz");
  await page.getByLabel("Subjective", { exact: true }).fill("Dijo que durmió poco esta semana.");
  await h.waitForSaved(page);

  await pickLanguage(page, "Language", "es");
  await expect(page.getByLabel("Cliente", { exact: true })).toHaveValue("Ana Ruiz");
  await expect(page.getByLabel("Subjetivo", { exact: true })).toHaveValue("Dijo que durmió poco esta semana.");
  await expect(page.getByRole("heading", { name: "Nota de caso" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Notas recibidas" })).toBeVisible();
  // The standalone page requires signing: Review and sign is the action.
  await expect(page.getByRole("button", { name: "Revisar y firmar" })).toBeVisible();
  // The aids read a Spanish note with Spanish lists, and say so in Spanish.
  await page.getByLabel("Evaluación", { exact: true }).fill("Con el fin de pagar, alega que el casero no vino.");
  const aids = h.section(page, "Evaluación").locator(".suggestions");
  await expect(aids.locator(".wordy")).toContainText("“Con el fin de” dice lo mismo que “Para”, con más palabras.");
  await expect(aids.locator(".flag")).toContainText("“alega”");
  await page.getByLabel("Evaluación", { exact: true }).fill("");
  await expect(page.locator("casenote-editor .save-status")).toContainText("Borrador guardado a las");
  expect(await leftOver(page, "en", "es")).toEqual([]);
  await h.expectNoViolations(page, "the editor in Spanish");

  // An error, a field message and the summary, in Spanish too.
  await page.getByLabel("Cliente", { exact: true }).fill("");
  await page.getByRole("button", { name: "Revisar y firmar" }).click();
  await expect(page.getByRole("heading", { name: "Hay un problema" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Escriba el nombre del cliente" })).toBeVisible();
  expect(await leftOver(page, "en", "es")).toEqual([]);
  await h.expectNoViolations(page, "errors in Spanish");
  await page.getByLabel("Cliente", { exact: true }).fill("Ana Ruiz");

  // The worker's choice stays with this device.
  await page.reload();
  await expect(page.getByLabel("Subjetivo", { exact: true })).toHaveValue("Dijo que durmió poco esta semana.");

  await pickLanguage(page, "Idioma", "en");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Ana Ruiz");
  await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("Dijo que durmió poco esta semana.");
  await expect(page.getByRole("link", { name: "Received notes" })).toBeVisible();
  expect(await leftOver(page, "es", "en")).toEqual([]);
});

test("a note written in Spanish is sent with its language and Spanish labels; keys, enums and codes do not change", async ({ page, request }) => {
  await h.openEditor(page);
  await pickLanguage(page, "Language", "es");
  await page.getByLabel("Cliente", { exact: true }).fill("Ana Ruiz");
  await page.getByLabel("Fecha del servicio").fill(h.today());
  for (const label of ["Subjetivo", "Objetivo", "Evaluación", "Plan"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label}: texto`);
  }
  await page.getByLabel("Cómo se realizó el contacto").selectOption("phone");
  // Signed, in Spanish: the standalone page requires it.
  await page.getByRole("button", { name: "Revisar y firmar" }).click();
  await expect(page.getByRole("heading", { name: "Revisar y firmar" })).toBeFocused();
  await page.getByLabel("Su nombre").fill("Rosa Díaz");
  await page.getByLabel("Estoy de acuerdo con esta declaración").check();
  expect(await leftOver(page, "en", "es")).toEqual([]);
  await h.expectNoViolations(page, "signing, in Spanish");
  await page.getByRole("button", { name: "Firmar la nota" }).click();
  await page.getByRole("button", { name: "Enviar la nota firmada" }).click();
  await expect(page.getByRole("heading", { name: "Nota enviada" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  const note = stored.note;
  expect(note.language).toBe("es");
  expect(note.canonicalVersion).toBe(3);
  expect(note.sections.map((s) => [s.key, s.label, s.loinc])).toEqual([
    ["subjective", "Subjetivo", "61150-9"],
    ["objective", "Objetivo", "61149-1"],
    ["assessment", "Evaluación", "51848-0"],
    ["plan", "Plan", "18776-5"],
  ]);
  expect(note.contactMode).toBe("phone");
  expect(note.documentType.code).toBe("11506-3");
  expect(note.signature.signerName).toBe("Rosa Díaz");
  await h.expectNoViolations(page, "sent, in Spanish");
});

test("the element's own lang wins over the page's, and right to left it lays out without overlap or clipping", async ({ page }) => {
  await h.openEditor(page);
  await page.getByLabel("Client", { exact: true }).fill("Ana Ruiz");
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("lang", "es"));
  await expect(page.getByLabel("Cliente", { exact: true })).toHaveValue("Ana Ruiz");
  // The page around it stays English.
  await expect(page.getByRole("link", { name: "Received notes" })).toBeVisible();

  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("dir", "rtl"));
  await page.getByRole("button", { name: "Añadir una intervención" }).click();
  await page.getByRole("button", { name: "Añadir un participante" }).click();
  const layout = await page.evaluate(() => {
    const root = document.querySelector("casenote-editor").shadowRoot.querySelector(".casenote");
    const box = root.getBoundingClientRect();
    const shown = [...root.querySelectorAll("label, input, textarea, select, button, legend, h2, h3")].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden" && !e.closest(".visually-hidden");
    });
    const problems = [];
    for (const e of shown) {
      const r = e.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) problems.push(`clipped: ${e.tagName} ${e.textContent.trim().slice(0, 30)}`);
      if (e.scrollWidth > e.clientWidth + 1 && ["LABEL", "BUTTON", "LEGEND", "H2", "H3"].includes(e.tagName)) {
        problems.push(`overflows itself: ${e.tagName} ${e.textContent.trim().slice(0, 30)}`);
      }
    }
    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        const a = shown[i];
        const b = shown[j];
        if (a.contains(b) || b.contains(a)) continue;
        const p = a.getBoundingClientRect();
        const q = b.getBoundingClientRect();
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) problems.push(`overlap: ${a.tagName} "${a.textContent.trim().slice(0, 20)}" / ${b.tagName} "${b.textContent.trim().slice(0, 20)}"`);
      }
    }
    // Right to left: a field's label starts at its right edge.
    const label = root.querySelector('label[for="cn-client"]').getBoundingClientRect();
    const input = root.querySelector("#cn-client").getBoundingClientRect();
    return {
      direction: getComputedStyle(root).direction,
      overflow: root.scrollWidth - root.clientWidth,
      problems,
      labelAtStart: Math.abs(label.right - input.right) < 2,
    };
  });
  expect(layout.direction).toBe("rtl");
  expect(layout.overflow).toBeLessThanOrEqual(1);
  expect(layout.problems).toEqual([]);
  expect(layout.labelAtStart).toBe(true);
  await h.expectNoViolations(page, "right to left");
});

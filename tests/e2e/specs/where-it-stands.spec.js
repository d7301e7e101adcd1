// Where the note stands: after sending the status says only what is true;
// offline is said at once, quietly; the inbox link says it needs the
// network; and the notes sent from this device stay listed.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

test("after sending, the status says only that the note was sent", async ({ page }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Status Client");
  await h.waitForSaved(page);
  await expect(page.locator("casenote-editor .save-status")).toContainText("Draft saved");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await expect(page.locator("casenote-editor .save-status")).toHaveText("");
  await expect(page.locator("casenote-editor")).not.toContainText("Draft saved");
});

for (const lang of ["en", "es"]) {
  test(`offline is said as soon as it happens, and the inbox link says it needs the network (${lang})`, async ({
    page,
    context,
  }) => {
    await h.openEditor(page);
    if (lang === "es") {
      await page.locator("#page-language").selectOption("es");
      await expect(page.locator("casenote-editor .casenote-host")).toHaveAttribute("lang", "es");
    }
    const t = lang === "en"
      ? { offline: "Offline. Your drafts are safe on this device", inbox: "Received notes", needs: "the inbox needs the network" }
      : { offline: "Sin conexión. Sus borradores están a salvo", inbox: "Notas recibidas", needs: "la bandeja necesita conexión" };
    const indicator = page.locator("casenote-editor .offline-indicator");
    await expect(indicator).toHaveText("");
    await expect(indicator).toHaveAttribute("role", "status");
    await context.setOffline(true);
    await expect(indicator).toContainText(t.offline);
    await expect(page.locator("#inbox-offline")).toContainText(t.needs);
    await h.expectNoViolations(page, `offline (${lang})`);
    // The link does not lead into the browser's error page.
    const url = page.url();
    await page.getByRole("link", { name: t.inbox }).click();
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    await expect(page.locator("casenote-editor .offline-indicator")).toContainText(t.offline);
    await context.setOffline(false);
    await expect(indicator).toHaveText("");
    await expect(page.locator("#inbox-offline")).toHaveText("");
  });
}

test("the notes sent from this device are listed with when, whom, where and their reference, and stay after a reload", async ({
  page,
  request,
}) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Listed Client");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [stored] = await h.storedNotes(request);
  await page.reload();
  await page.getByRole("button", { name: "Drafts" }).click();
  const sent = page.getByRole("region", { name: "Sent from this device" });
  await expect(sent).toBeVisible();
  await expect(sent).toContainText("Kept here for 30 days after sending");
  const row = sent.locator(".sent-note");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Listed Client");
  await expect(row).toContainText("SOAP");
  await expect(row).toContainText(h.today());
  await expect(row).toContainText(`Reference: ${stored.id}`);
  await expect(row).toContainText("/api/notes");
  await h.expectNoViolations(page, "the sent list");
  // Never the note's text.
  await expect(sent).not.toContainText("Subjective for Listed Client");
  // In Spanish too.
  await page.locator("#page-language").selectOption("es");
  await page.getByRole("button", { name: "Borradores" }).click();
  const enviadas = page.getByRole("region", { name: "Enviadas desde este dispositivo" });
  await expect(enviadas.locator(".sent-note")).toContainText(`Referencia: ${stored.id}`);
  await h.expectNoViolations(page, "the sent list (es)");
});

test("a host's sent-retention-days=0 keeps no list, and purgeDrafts() clears it", async ({ page }) => {
  await h.openEditor(page);
  await h.fillSoap(page, "Unlisted Client");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await page.getByRole("button", { name: "Drafts" }).click();
  await expect(page.locator("casenote-editor .sent-note")).toHaveCount(1);
  await page.evaluate(() => document.querySelector("casenote-editor").purgeDrafts());
  await page.reload();
  await page.getByRole("button", { name: "Drafts" }).click();
  await expect(page.getByRole("region", { name: "Sent from this device" })).toContainText("No notes sent from this device yet.");

  await page.getByRole("button", { name: "Close drafts" }).click();
  await h.fillSoap(page, "Second Unlisted");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("sent-retention-days", "0"));
  await page.getByRole("button", { name: "Drafts" }).click();
  await expect(page.getByRole("region", { name: "Sent from this device" })).toContainText("No notes sent from this device yet.");
});

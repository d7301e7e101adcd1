// Embeds anywhere: the element contract, isolation from hostile CSS, strict
// CSP, several editors, clean removal, upgrades, themes, the standalone site.
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

/** Collects CSP violations and console errors from the start of the page. */
async function watchPage(page) {
  const problems = [];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  return problems;
}

/** A computed style inside the editor's shadow root. */
function shadowStyle(page, selector, property, index = 0) {
  return page.evaluate(
    ([sel, prop, i]) => {
      const root = document.querySelectorAll("casenote-editor")[i].shadowRoot;
      return getComputedStyle(root.querySelector(sel)).getPropertyValue(prop);
    },
    [selector, property, index],
  );
}

test("the agency-portal example: hostile CSS cannot break the editor, and events reach the portal", async ({
  page,
  request,
}) => {
  const problems = await watchPage(page);
  await page.goto("examples/portal/");
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Jordan Avery");
  // The portal's own page really is hostile...
  expect(await page.evaluate(() => getComputedStyle(document.querySelector("h1")).textTransform)).toBe("uppercase");
  // ...and none of it reaches the editor.
  expect(await shadowStyle(page, "#cn-section-subjective", "display")).toBe("block");
  expect(await shadowStyle(page, "#cn-section-subjective", "border-top-width")).toBe("2px");
  expect(parseFloat(await shadowStyle(page, "#cn-section-subjective", "height"))).toBeGreaterThan(60);
  expect(await shadowStyle(page, "label", "display")).toBe("block");
  expect(await shadowStyle(page, ".casenote-host", "text-transform")).toBe("none");
  expect(await shadowStyle(page, ".casenote-host", "letter-spacing")).toBe("normal");
  expect(await shadowStyle(page, ".casenote-host", "font-size")).toBe("16px");
  // The portal's html { font-size: 62.5% } must not shrink rem-sized text.
  expect(await shadowStyle(page, ".title", "font-size")).toBe("22px");
  expect(await shadowStyle(page, ".hint", "font-size")).toBe("15px");
  // Signing is optional in the portal: Review and sign and Send without signing.
  for (const part of ["sign", "send-unsigned"]) {
    expect(await shadowStyle(page, `button[part~=${part}]`, "visibility")).toBe("visible");
    expect(await shadowStyle(page, `button[part~=${part}]`, "font-size")).toBe("16px");
  }

  await h.fillContact(page, { date: h.today() });
  for (const label of ["Subjective", "Objective", "Assessment", "Plan"]) {
    await page.getByLabel(label, { exact: true }).fill(`${label} in the portal`);
  }
  // The submit button (Send unsigned, part "submit") is in the confirmation: the hostile CSS misses it too.
  await page.getByRole("button", { name: "Send without signing" }).click();
  await expect(page.getByRole("heading", { name: "Send this note unsigned?" })).toBeVisible();
  expect(await shadowStyle(page, "button[part~=submit]", "visibility")).toBe("visible");
  expect(await shadowStyle(page, "button[part~=submit]", "font-size")).toBe("16px");
  await page.getByRole("button", { name: "Send unsigned" }).click();
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await expect(page.locator("#event-log")).toContainText("casenote-submitted");
  await expect(page.locator("#event-log")).toContainText("casenote-draft-saved");

  const [note] = await h.storedNotes(request);
  expect(note.note.client).toEqual({ id: "C-1042", name: "Jordan Avery" });
  expect(note.note.author).toEqual({ id: "W-7", name: "Sam Rivera" });
  const [req] = await h.requestLog(request);
  expect(req.headers["authorization"]).toBe("Bearer demo-session");
  expect(req.headers["x-csrf-token"]).toBe("demo-csrf-token-4711");
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(problems).toEqual([]);
});

// The standalone page requires signing; the portal leaves it optional.
for (const [where, signed] of [["./", true], ["examples/portal/", false]]) {
  test(`no CSP violation under the strict policy: ${where}`, async ({ page }) => {
    const problems = await watchPage(page);
    const res = await page.goto(where);
    expect(res.headers()["content-security-policy"]).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
    await page.getByLabel("Subjective", { exact: true }).fill("typing under CSP");
    await page.getByRole("button", { name: "Add a quote to Subjective" }).click();
    await page.getByRole("button", { name: "Drafts" }).click();
    await page.getByRole("button", { name: "Close drafts" }).click();
    await page.getByRole("button", { name: signed ? "Review and sign" : "Send without signing" }).click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await h.waitForSaved(page);
    expect(await page.evaluate(() => window.__csp)).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test("several editors on one page work independently", async ({ page, request }) => {
  await h.openEditor(page);
  await page.evaluate(() => {
    const first = document.querySelector("casenote-editor");
    first.setAttribute("draft-scope", "first");
    const second = document.createElement("casenote-editor");
    second.setAttribute("endpoint", "api/notes");
    second.setAttribute("draft-scope", "second");
    second.setAttribute("format", "dap");
    document.querySelector("main").append(second);
  });
  const editors = page.locator("casenote-editor");
  const one = editors.nth(0);
  const two = editors.nth(1);
  await expect(two.getByLabel("Data", { exact: true })).toBeVisible();
  await one.getByLabel("Client", { exact: true }).fill("First Editor Client");
  await two.getByLabel("Client", { exact: true }).fill("Second Editor Client");
  await expect(one.getByLabel("Client", { exact: true })).toHaveValue("First Editor Client");
  await expect(one.locator(".save-status")).toContainText("Draft saved");
  await expect(two.locator(".save-status")).toContainText("Draft saved");

  for (const [editor, labels] of [
    [one, ["Subjective", "Objective", "Assessment", "Plan"]],
    [two, ["Data", "Assessment", "Plan"]],
  ]) {
    await editor.getByLabel("Date of service").fill(h.today());
    for (const label of labels) await editor.getByLabel(label, { exact: true }).fill(`${label} text`);
  }
  // The page's own editor requires signing; the one added here (no
  // signing attribute) leaves it optional.
  await h.sendUnsigned(two);
  await expect(two.getByRole("heading", { name: "Note sent" })).toBeVisible();
  await expect(one.getByRole("button", { name: "Review and sign" })).toBeVisible();
  await h.signAndSend(one);
  await expect(one.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const clients = (await h.storedNotes(request)).map((n) => [n.note.client.name, n.note.format]).sort();
  expect(clients).toEqual([
    ["First Editor Client", "soap"],
    ["Second Editor Client", "dap"],
  ]);
});

test("removing the element flushes its draft and unmounts with no errors and no leaked listeners", async ({
  page,
}) => {
  const problems = await watchPage(page);
  await page.addInitScript(() => {
    window.__listeners = 0;
    for (const target of [window, document]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      const live = new Set();
      target.addEventListener = (type, fn, opts) => {
        const key = `${type}`;
        if (!live.has(fn)) {
          live.add(fn);
          window.__listeners++;
        }
        return add(type, fn, opts);
      };
      target.removeEventListener = (type, fn, opts) => {
        if (live.delete(fn)) window.__listeners--;
        return remove(type, fn, opts);
      };
    }
  });
  await h.openEditor(page);
  const mounted = await page.evaluate(() => window.__listeners);
  await page.getByLabel("Client", { exact: true }).fill("Removed Client");
  // Remove at once: the flush on removal keeps what was typed.
  await page.evaluate(() => {
    window.__editor = document.querySelector("casenote-editor");
    window.__editor.remove();
  });
  await expect.poll(() => page.evaluate(() => window.__editor.shadowRoot.childElementCount)).toBe(0);
  const removed = await page.evaluate(() => window.__listeners);
  expect(removed).toBeLessThan(mounted);

  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => document.querySelector("main").append(window.__editor));
    await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Removed Client");
    expect(await page.evaluate(() => window.__listeners)).toBe(mounted);
    await page.evaluate(() => window.__editor.remove());
    await expect.poll(() => page.evaluate(() => window.__listeners)).toBe(removed);
  }
  await page.reload();
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Removed Client");
  expect(problems).toEqual([]);
});

test("an element in the page before the script loads is upgraded, keeping properties set early", async ({
  page,
  request,
}) => {
  await page.route("**/casenote.js", async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      const el = document.querySelector("casenote-editor");
      window.__definedEarly = customElements.get("casenote-editor") !== undefined;
      el.headers = { "X-Set-Before-Upgrade": "yes" };
    });
  });
  await h.openEditor(page);
  expect(await page.evaluate(() => window.__definedEarly)).toBe(false);
  await h.fillSoap(page, "Early Client");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const [req] = await h.requestLog(request);
  expect(req.headers["x-set-before-upgrade"]).toBe("yes");
});

test("configuration never comes from the URL", async ({ page, request }) => {
  await page.goto("./?endpoint=http%3A%2F%2F127.0.0.1%3A9%2Fsteal#endpoint=http://127.0.0.1:9/steal");
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await h.fillSoap(page, "URL Client");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  expect(await h.storedNotes(request)).toHaveLength(1);
});

// page.route cannot answer a request that the service worker answers (the
// reload below would get the worker's copy of config.json): this test is of
// page.js reading its settings, so it runs without the worker (offline.spec.js
// covers config.json through it).
test.describe("config.json as page.js reads it", () => {
  test.use({ serviceWorkers: "block" });

  test("a broken config.json is reported and the page still works with its defaults", async ({ page, request }) => {
    await page.route("**/config.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: '{"endpoint": "api/notes", "colour": "red",' }),
    );
    await h.openEditor(page);
    await expect(page.locator("#config-problems")).toContainText("config.json is not valid JSON");
    await page.unroute("**/config.json");
    await page.route("**/config.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: '{"endpoint": "api/notes", "colour": "red"}' }),
    );
    await page.reload();
    await expect(page.locator("#config-problems")).toContainText('"colour" is not a setting');
    await h.fillSoap(page, "Config Client");
    await h.signAndSend(page);
    await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
    expect(await h.storedNotes(request)).toHaveLength(1);
  });
});

test("the standalone build works served under a sub-path", async ({ page, request }) => {
  const base = process.env.CASENOTE_SUBPATH_URL;
  await request.post(`${base}api/_test/reset`);
  await page.goto(base);
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await h.fillSoap(page, "Sub-path Client");
  await h.signAndSend(page);
  await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
  const notes = await (await request.get(`${base}api/notes`)).json();
  expect(notes.map((n) => n.note.client.name)).toEqual(["Sub-path Client"]);
  expect(await h.storedNotes(request)).toHaveLength(0);
  await page.getByRole("link", { name: "Received notes" }).click();
  await expect(page).toHaveURL(`${base}inbox`);
  await expect(page.getByRole("heading", { name: "SOAP note: Sub-path Client" })).toBeVisible();

  // The portal example works under the sub-path too.
  await page.goto(`${base}examples/portal/`);
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Received notes" })).toHaveAttribute("href", "../../inbox");
  expect(await page.locator("casenote-editor").evaluate((el) => new URL(el.getAttribute("endpoint"), document.baseURI).href)).toBe(
    `${base}api/notes`,
  );
});

test("themes: dark, custom properties and ::part() from the host", async ({ page }) => {
  await h.openEditor(page);
  expect(await shadowStyle(page, ".casenote", "background-color")).toBe("rgb(255, 255, 255)");
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("theme", "dark"));
  expect(await shadowStyle(page, ".casenote", "background-color")).toBe("rgb(17, 24, 39)");
  await page.evaluate(() => {
    const el = document.querySelector("casenote-editor");
    el.setAttribute("theme", "light");
    el.style.setProperty("--casenote-accent", "rgb(128, 0, 128)");
    const sheet = new CSSStyleSheet();
    // The standalone page requires signing: an unsigned note's primary
    // button is Review and sign (part "sign"); part "submit" is only in
    // the signed banner.
    sheet.replaceSync("casenote-editor::part(sign) { outline: 4px solid rgb(255, 0, 0); }");
    document.adoptedStyleSheets = [sheet];
  });
  expect(await shadowStyle(page, "button[part~=sign]", "background-color")).toBe("rgb(128, 0, 128)");
  expect(await shadowStyle(page, "button[part~=sign]", "outline-color")).toBe("rgb(255, 0, 0)");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => document.querySelector("casenote-editor").setAttribute("theme", "auto"));
  expect(await shadowStyle(page, ".casenote", "background-color")).toBe("rgb(17, 24, 39)");
});

/** A host page on `origin`, served by the test (no network), that loads the
 * editor from the receiver at `baseURL`: another origin. Chromium asks
 * before a page loads from loopback (Local Network Access): granted here,
 * so that only CORS decides. */
async function crossOriginHost(page, origin, baseURL) {
  await page.context().grantPermissions(["local-network-access"]);
  await page.route(`${origin}/portal/`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Portal</title>
        <script type="module" src="${baseURL}casenote.js"></script></head>
        <body><main><casenote-editor></casenote-editor></main></body></html>`,
    }),
  );
  await page.goto(`${origin}/portal/`);
}

test("a page on another origin loads the editor when the receiver allows that origin", async ({ page, baseURL }) => {
  const problems = await watchPage(page);
  const origin = new URL(baseURL).origin.replace("127.0.0.1", "localhost");
  await crossOriginHost(page, origin, baseURL);
  await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => !!customElements.get("casenote-editor"))).toBe(true);
  expect(problems).toEqual([]);
});

test("a page on an origin the receiver does not allow cannot load the editor", async ({ page, baseURL }) => {
  const failed = [];
  page.on("requestfailed", (r) => failed.push(r.url()));
  await crossOriginHost(page, new URL(baseURL).origin.replace("127.0.0.1", "[::1]"), baseURL);
  await expect.poll(() => failed.some((u) => u.endsWith("/casenote.js"))).toBe(true);
  expect(await page.evaluate(() => !!customElements.get("casenote-editor"))).toBe(false);
});

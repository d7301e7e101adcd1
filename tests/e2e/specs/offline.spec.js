// Offline use of the standalone site (issue 17): its service worker
// precaches the release, so that with no network the page loads, a note is
// written and waits in the outbox, and arrives once the connection is back;
// a new release takes over at the next load, never mixed with the old one,
// and an open draft loses nothing.
const { test, expect } = require("@playwright/test");
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const AxeBuilder = require("@axe-core/playwright").default;
const h = require("./helpers");

const ROOT = path.resolve(__dirname, "../../..");
const DIST = path.join(ROOT, "dist");
const RECEIVER = process.env.CASENOTE_RECEIVER || path.join(ROOT, "target/release/casenote-receiver");
// A receiver of this spec's own, serving a copy of the build that the test
// replaces with another release: two past the suite's port (9383 beside
// 9381 and its sub-path twin on 9382).
const SWAP_PORT = Number(process.env.CASENOTE_E2E_PORT || 8181) + 2;

/** The release the service worker in a built folder carries. */
function releaseOf(site) {
  const line = fs.readFileSync(path.join(site, "sw.js"), "utf8").match(/^const RELEASE = (.*);$/m);
  return JSON.parse(line[1]).id;
}

/** The release caches the page's origin holds. */
async function releaseCaches(page) {
  return page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("casenote-release-")).sort());
}

/** Waits until the page's service worker is active with its release cached. */
async function waitForOffline(page, release) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => {}));
  await expect.poll(() => releaseCaches(page)).toContain(`casenote-release-${release}`);
}

/** Every URL any cache of the page's origin holds. */
async function cachedUrls(page) {
  return page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    }
    return urls;
  });
}

for (const where of ["root", "sub-path"]) {
  test(`with no network the page loads, a note is written and queued, and it arrives once when the network is back (${where})`, async ({
    page,
    context,
    request,
  }) => {
    const base = where === "root" ? new URL("./", test.info().project.use.baseURL).href : process.env.CASENOTE_SUBPATH_URL;
    expect((await request.post(`${base}api/_test/reset`)).status()).toBe(204);
    await page.goto(base);
    await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
    await waitForOffline(page, releaseOf(DIST));

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // config.json came from the worker's copy: no problem to report.
    await expect(page.locator("#config-problems")).toBeHidden();
    // The API and the inbox are the network's only: offline, they fail.
    for (const url of ["api/notes", "inbox"]) {
      expect(await page.evaluate((u) => fetch(u).then(() => "answered", () => "failed"), url)).toBe("failed");
    }
    expect((await cachedUrls(page)).filter((u) => /\/(api|inbox)\b/.test(new URL(u).pathname))).toEqual([]);
    if (where === "root") {
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
    }

    await h.fillSoap(page, "Offline Load Client");
    // The standalone page requires signing, which works offline too.
    await h.signAndSend(page);
    await expect(page.locator(".confirmation")).toContainText("You are offline");
    await expect(page.getByRole("button", { name: "1 note waiting to send" })).toBeVisible();
    const stored = async () => (await (await request.get(`${base}api/notes`)).json()).length;
    expect(await stored()).toBe(0);

    await context.setOffline(false);
    await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
    await expect(page.getByRole("button", { name: /waiting to send/ })).toHaveCount(0);
    await page.waitForTimeout(1000);
    const notes = await (await request.get(`${base}api/notes`)).json();
    expect(notes).toHaveLength(1);
    expect(notes[0].note.client.name).toBe("Offline Load Client");
  });
}

test("the site is installable: Chromium reads its manifest and finds nothing missing", async ({ page }) => {
  await h.openEditor(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => {}));
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  const parsed = JSON.parse(manifest.data);
  expect(parsed).toMatchObject({ start_url: "./", scope: "./", display: "standalone" });
  for (const icon of parsed.icons) {
    const res = await page.request.get(new URL(icon.src, manifest.url).href);
    expect(res.ok(), icon.src).toBe(true);
    if (icon.type === "image/png") {
      const png = await res.body();
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
  }
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // A Playwright context is an off-the-record profile, where Chromium never
  // offers to install; that is the only objection allowed.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
});

test.describe("a new release", () => {
  let tmp;
  let site;
  let receiver;
  const base = `http://127.0.0.1:${SWAP_PORT}/`;

  test.beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "casenote-release-swap-"));
    site = path.join(tmp, "site");
    fs.cpSync(DIST, site, { recursive: true });
    receiver = spawn(RECEIVER, ["--port", String(SWAP_PORT), "--db", path.join(tmp, "notes.sqlite"), "--site", site, "--test-mode"], {
      stdio: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}api/notes`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the receiver on port ${SWAP_PORT} did not start`);
  });

  test.afterEach(async () => {
    receiver.kill();
    await new Promise((r) => receiver.once("exit", r));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Rewrites one file of the served build (its .br and .gz go, so the plain file is what is sent). */
  function write(file, text) {
    fs.writeFileSync(path.join(site, file), text);
    // Last-Modified has whole seconds: a file rewritten within the second
    // the build was copied would revalidate as unchanged (304), so the new
    // one is dated two seconds on, as a deploy a little later would be.
    const later = new Date(Date.now() + 2000);
    fs.utimesSync(path.join(site, file), later, later);
    for (const x of [".br", ".gz"]) fs.rmSync(path.join(site, file + x), { force: true });
  }
  const restamp = () => {
    execFileSync("bash", [path.join(ROOT, ".ci/release"), site], { stdio: "ignore" });
    for (const x of [".br", ".gz"]) fs.rmSync(path.join(site, `sw.js${x}`), { force: true });
  };
  // Asks the browser to check sw.js now; answers what became of the new
  // worker it found: "activated", "redundant" (its install failed), or
  // "none" (sw.js had not changed).
  const checkForUpdate = (page) =>
    page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const found = new Promise((resolve) => reg.addEventListener("updatefound", () => resolve(reg.installing), { once: true }));
      await reg.update();
      const worker = await Promise.race([found, new Promise((r) => setTimeout(() => r(null), 2000))]);
      if (!worker) return "none";
      return new Promise((resolve) => {
        const settled = () => ["activated", "redundant"].includes(worker.state) && resolve(worker.state);
        worker.addEventListener("statechange", settled);
        settled();
      });
    });
  const fetched = (page, file) => page.evaluate((f) => fetch(f).then((r) => r.text()), file);

  test("takes over at the next load; the open draft loses nothing and no page mixes two releases", async ({ page }) => {
    const a = releaseOf(site);
    await page.goto(base);
    await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
    await waitForOffline(page, a);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await h.fillContact(page, { client: "Release Swap Client", date: h.today() });
    const subjective = page.getByLabel("Subjective", { exact: true });
    await subjective.fill("Written under the old release.");
    await h.waitForSaved(page);

    const css = fs.readFileSync(path.join(site, "casenote.css"), "utf8");
    const cssB = `${css}\n/* release B */\n`;

    // A deploy half done: the new sw.js is out, but casenote.css is still
    // the old file. The new release must not install.
    write("casenote.css", cssB);
    restamp();
    const b = releaseOf(site);
    expect(b).not.toBe(a);
    write("casenote.css", css);
    expect(await checkForUpdate(page)).toBe("redundant");
    expect(await releaseCaches(page)).toEqual([`casenote-release-${a}`]);

    // The deploy completes: the new release installs and activates.
    write("casenote.css", cssB);
    expect(await checkForUpdate(page)).toBe("activated");
    expect(await releaseCaches(page)).toContain(`casenote-release-${b}`);

    // The page already open still gets its own release's files, and keeps working.
    expect(await fetched(page, "casenote.css")).toBe(css);
    await subjective.press("End");
    await subjective.pressSequentially(" And after the update.");
    await h.waitForSaved(page);

    // The next load is the new release, with the draft whole.
    await page.reload();
    await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Release Swap Client");
    await expect(subjective).toHaveValue("Written under the old release. And after the update.");
    expect(await fetched(page, "casenote.css")).toBe(cssB);
    // The old release's cache goes once no page uses it.
    await expect
      .poll(async () => {
        await page.reload();
        return releaseCaches(page);
      })
      .toEqual([`casenote-release-${b}`]);

    // And the new release delivers the note, once.
    await expect(subjective).toHaveValue("Written under the old release. And after the update.");
    for (const label of ["Objective", "Assessment", "Plan"]) {
      await page.getByLabel(label, { exact: true }).fill(`${label} for Release Swap Client`);
    }
    await h.signAndSend(page);
    await expect(page.getByRole("heading", { name: "Note sent" })).toBeVisible();
    const notes = await (await page.request.get(`${base}api/notes`)).json();
    expect(notes).toHaveLength(1);
    expect(notes[0].note.sections.find((s) => s.key === "subjective").text).toBe(
      "Written under the old release. And after the update.",
    );
  });

  test("a change to config.json applies from the next load, and offline its last copy is used", async ({ page, context }) => {
    await page.goto(base);
    await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
    await waitForOffline(page, releaseOf(site));
    await page.reload();
    const editor = page.locator("casenote-editor");
    await expect(editor).toHaveAttribute("format", "soap");

    const config = JSON.parse(fs.readFileSync(path.join(site, "config.json"), "utf8"));
    write("config.json", JSON.stringify({ ...config, format: "dap" }));
    // This load is answered from the worker's copy, and refreshes it.
    await page.reload();
    await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open("casenote-config")).match("config.json"))?.text()))
      .toContain('"dap"');
    await page.reload();
    await expect(editor).toHaveAttribute("format", "dap");
    await expect(page.getByLabel("Data", { exact: true })).toBeVisible();

    await context.setOffline(true);
    await page.reload();
    await expect(editor).toHaveAttribute("format", "dap");
    await expect(page.getByLabel("Data", { exact: true })).toBeVisible();
    await expect(page.locator("#config-problems")).toBeHidden();
  });
});

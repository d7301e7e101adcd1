// The whole browser is SIGKILLed 100 ms after the last keystroke; on the
// same profile, every character is back.
const { test, expect, chromium } = require("@playwright/test");
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const h = require("./helpers");

const ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
];

async function launch(profile, port) {
  const child = spawn(
    "/usr/bin/chromium",
    [...ARGS, `--user-data-dir=${profile}`, `--remote-debugging-port=${port}`, "about:blank"],
    { detached: true, stdio: "ignore" },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`${endpoint}/json/version`);
      if (res.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] || (await context.newPage());
  return { child, browser, page };
}

function killGroup(child) {
  return new Promise((resolve) => {
    child.once("exit", resolve);
    process.kill(-child.pid, "SIGKILL");
  });
}

test("every character survives SIGKILL of the whole browser 100 ms after the last keystroke", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "casenote-crash-"));
  const port = 9300 + Math.floor(Math.random() * 500);
  try {
    let { child, browser, page } = await launch(profile, port);
    await page.goto(baseURL);
    await expect(page.getByLabel("Client", { exact: true })).toBeVisible();
    await page.getByLabel("Client", { exact: true }).click();
    await page.keyboard.type("Crash Client");
    await page.getByLabel("Subjective", { exact: true }).click();
    await page.keyboard.type("Says the heating broke on Tuesday.");
    await page.getByLabel("Objective", { exact: true }).click();
    await page.keyboard.type("Flat is cold; two heaters in use.");
    await page.getByLabel("Plan", { exact: true }).click();
    await page.keyboard.type("Call the landlord today, last word");
    await page.waitForTimeout(100);
    await killGroup(child);
    await browser.close().catch(() => {});

    ({ child, browser, page } = await launch(profile, port));
    await page.goto(baseURL);
    await expect(page.getByLabel("Client", { exact: true })).toHaveValue("Crash Client");
    await expect(page.getByLabel("Subjective", { exact: true })).toHaveValue("Says the heating broke on Tuesday.");
    await expect(page.getByLabel("Objective", { exact: true })).toHaveValue("Flat is cold; two heaters in use.");
    await expect(page.getByLabel("Plan", { exact: true })).toHaveValue("Call the landlord today, last word");
    await killGroup(child);
    await browser.close().catch(() => {});
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test("two tabs that disagree about a draft: SIGKILL of the browser loses neither tab's words", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "casenote-crash-two-"));
  const port = 9300 + Math.floor(Math.random() * 500);
  try {
    let { child, browser, page: a } = await launch(profile, port);
    await a.goto(baseURL);
    await a.getByLabel("Client", { exact: true }).click();
    await a.keyboard.type("Two Tabs Killed");
    await a.getByLabel("Subjective", { exact: true }).click();
    await a.keyboard.type("Tab A wrote this first.");
    await expect(a.locator(".save-status")).toContainText("Draft saved at");

    const b = await a.context().newPage();
    await b.goto(baseURL);
    await expect(b.getByLabel("Subjective", { exact: true })).toHaveValue("Tab A wrote this first.");
    // Tab A saves again; tab B, which has not typed since it loaded, types a sentence...
    await a.getByLabel("Objective", { exact: true }).click();
    await a.keyboard.type("Tab A saw the flat.");
    await expect(a.locator(".save-status")).toContainText("Draft saved at");
    await b.getByLabel("Plan", { exact: true }).click();
    await b.keyboard.type("Tab B plans a visit on Friday.");
    // ...and tab A types again; the browser dies 100 ms later.
    await a.getByLabel("Assessment", { exact: true }).click();
    await a.keyboard.type("Tab A last words");
    await a.waitForTimeout(100);
    await killGroup(child);
    await browser.close().catch(() => {});

    ({ child, browser, page: a } = await launch(profile, port));
    await a.goto(`${baseURL}api/notes`);
    const drafts = await h.rawDrafts(a);
    const text = (d, key) => (d.note.sections.find((s) => s.key === key) || { text: "" }).text;
    const original = drafts.find((d) => !d.copyOf);
    const copy = drafts.find((d) => d.copyOf);
    expect(drafts).toHaveLength(2);
    expect(copy.copyOf).toBe(original.id);
    expect(text(original, "objective")).toBe("Tab A saw the flat.");
    expect(text(original, "assessment")).toBe("Tab A last words");
    expect(text(copy, "plan")).toBe("Tab B plans a visit on Friday.");
    expect(text(copy, "subjective")).toBe("Tab A wrote this first.");
    // The next start lists both: the copy is marked as this device's unsaved copy.
    await a.goto(baseURL);
    await a.getByRole("button", { name: "Drafts", exact: true }).click();
    await expect(a.locator(".draft-row")).toHaveCount(2);
    await expect(a.locator(".draft-row", { hasText: "your unsaved copy" })).toHaveCount(1);
    await killGroup(child);
    await browser.close().catch(() => {});
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

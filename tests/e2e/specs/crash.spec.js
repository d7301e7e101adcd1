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

// Sign-in through the agency's own OpenID Connect provider, and the access
// log. A real provider (the oidc-provider package) signs users in; a proxy
// in front of the receiver (sign-in/proxy.mjs, as oauth2-proxy would be)
// passes the signed-in user on in X-Forwarded-Email, from the one address
// the receiver trusts. A worker signs in and sends a note; a supervisor
// reads it; an auditor sees who read it; a request that skips the proxy
// is refused, whatever user it claims.
const { test, expect } = require("@playwright/test");
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const h = require("./helpers");

const base = Number(process.env.CASENOTE_E2E_PORT || 8181) + 10;
const [providerPort, receiverPort, proxyPort] = [base, base + 1, base + 2];
const proxy = `http://127.0.0.1:${proxyPort}/`;
const receiverBin =
  process.env.CASENOTE_RECEIVER || path.resolve(__dirname, "../../../target/release/casenote-receiver");

test.describe.configure({ mode: "serial" });

const children = [];
let dir;

/** Starts `command` and waits until `url` answers; `quiet` drops its
 * stderr (the provider warns that its development sign-in is on). */
async function start(command, args, url, quiet = false) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", quiet ? "ignore" : "inherit"] });
  children.push(child);
  for (let i = 0; i < 150; i++) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${command} never answered at ${url}`);
}

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "casenote-sign-in-"));
  const signIn = path.resolve(__dirname, "../sign-in");
  await start("node", [path.join(signIn, "provider.mjs"), providerPort, `${proxy}oauth2/callback`],
    `http://127.0.0.1:${providerPort}/.well-known/openid-configuration`, true);
  await start(receiverBin, [
    "--port", receiverPort, "--db", path.join(dir, "notes.sqlite"), "--site", path.resolve(__dirname, "../../../dist"),
    "--user-header", "X-Forwarded-Email", "--trusted-proxy", "127.0.0.2", "--auditor", "audit@example.org",
  ].map(String), `http://127.0.0.1:${receiverPort}/`);
  await start("node", [path.join(signIn, "proxy.mjs"), proxyPort, `http://127.0.0.1:${providerPort}`, receiverPort], proxy);
});

test.afterAll(() => {
  for (const c of children) c.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A page of its own browser context: a user's own cookies. */
async function userPage(browser) {
  return (await browser.newContext()).newPage();
}

/** Signs in at the provider as `email`, from the page it sent us to. */
async function signIn(page, email) {
  await page.getByPlaceholder("Enter any login").fill(email);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a worker signs in and sends a note; a supervisor's read is logged, and an auditor sees it", async ({ browser }) => {
  const worker = await userPage(browser);
  await worker.goto(proxy);
  await signIn(worker, "worker@example.org");
  await expect(worker.getByLabel("Client", { exact: true })).toBeVisible();
  await h.fillSoap(worker, "Signed Client");
  // The standalone page (through the proxy) requires signing.
  await h.signAndSend(worker);
  await expect(worker.getByRole("heading", { name: "Note sent" })).toBeVisible();

  const supervisor = await userPage(browser);
  await supervisor.goto(`${proxy}inbox`);
  await signIn(supervisor, "supervisor@example.org");
  await expect(supervisor.getByRole("heading", { name: /SOAP note: Signed Client/ })).toBeVisible();
  await expect(supervisor.locator(".access-log")).toHaveCount(0);

  const auditor = await userPage(browser);
  await auditor.goto(`${proxy}inbox`);
  await signIn(auditor, "audit@example.org");
  const log = auditor.locator(".access-log");
  await expect(log).toContainText("supervisor@example.org read it in the inbox");
  await expect(log).toContainText("from 127.0.0.1");
  await expect(log.locator("li").first()).toContainText("audit@example.org read it in the inbox");
  await h.expectNoViolations(auditor, "the inbox with its access log");
});

test("a request that skips the sign-in is refused, whatever user it claims", async () => {
  const direct = await fetch(`http://127.0.0.1:${receiverPort}/api/notes`, {
    headers: { "x-forwarded-email": "audit@example.org" },
  });
  expect(direct.status).toBe(403);
  expect((await direct.json()).error).toContain("reached through the agency's sign-in");
  const unsigned = await fetch(`${proxy}api/notes`, { redirect: "manual" });
  expect(unsigned.status).toBe(302);
  expect(unsigned.headers.get("location")).toContain(`127.0.0.1:${providerPort}/`);
});

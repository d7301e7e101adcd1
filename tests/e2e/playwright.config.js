// End-to-end tests: the release build served by the reference receiver, in
// Debian's Chromium. Nothing downloads a browser.
const path = require("node:path");
const os = require("node:os");
const { defineConfig } = require("@playwright/test");

const port = Number(process.env.CASENOTE_E2E_PORT || 8181);
const receiver =
  process.env.CASENOTE_RECEIVER || path.resolve(__dirname, "../../target/release/casenote-receiver");
// .ci/test names the file, to run `casenote-receiver verify` on it after.
const db = process.env.CASENOTE_E2E_DB || path.join(os.tmpdir(), `casenote-e2e-${process.pid}.sqlite`);
const subDb = path.join(os.tmpdir(), `casenote-e2e-sub-${process.pid}.sqlite`);
const site = path.resolve(__dirname, "../../dist");
const examples = path.resolve(__dirname, "../../examples");
const subPort = port + 1;
process.env.CASENOTE_SUBPATH_URL = `http://127.0.0.1:${subPort}/team/notes/`;

module.exports = defineConfig({
  testDir: "./specs",
  // One receiver with test-wide fault injection: run tests one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // Both receivers judge late entries against 100 hours, the highest
  // threshold the tests' host pages set with late-entry-hours: a receiver's
  // own threshold decides, and a host sets the two alike.
  webServer: [
    {
      // A page on http://localhost:<port> (another origin than 127.0.0.1's,
      // served by the test itself) may load the editor.
      command: `"${receiver}" --port ${port} --db "${db}" --site "${site}" --examples "${examples}" --test-mode --allow-origin http://localhost:${port} --late-entry-hours 100`,
      url: `http://127.0.0.1:${port}/api/notes`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
    },
    {
      // The same build deployed under a sub-path.
      command: `"${receiver}" --port ${subPort} --db "${subDb}" --site "${site}" --site-path /team/notes --examples "${examples}" --test-mode --late-entry-hours 100`,
      url: `http://127.0.0.1:${subPort}/team/notes/api/notes`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});

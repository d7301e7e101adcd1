// Served compressed: the build's precompressed files (FILE.br and FILE.gz,
// written by the post_build hook .ci/compress) are what the receiver sends,
// negotiated on Accept-Encoding, with Vary, and decoding to the very bytes
// of the file beside them (so a compressed file is never stale).
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { test, expect } = require("@playwright/test");
const h = require("./helpers");

const dist = path.resolve(__dirname, "../../../dist");
const LOADED = ["casenote-element_bg.wasm", "casenote-element.js", "casenote.js", "casenote.css"];
const COMPRESSIBLE = /\.(js|wasm|css|html|json|svg|webmanifest)$/;

const walk = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));

test.beforeEach(async ({ request }) => {
  await h.resetReceiver(request);
});

test("every compressible file in dist/ has a .br and a .gz that decode to it", async () => {
  const files = walk(dist).filter((f) => COMPRESSIBLE.test(f));
  for (const name of [...LOADED, "index.html"]) expect(files).toContain(path.join(dist, name));
  expect(files.some((f) => f.includes(`${path.sep}snippets${path.sep}`))).toBe(true);
  for (const f of files) {
    const raw = fs.readFileSync(f);
    const rel = path.relative(dist, f);
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${f}.br`)).equals(raw), `${rel}.br decodes to ${rel}`).toBe(true);
    expect(zlib.gunzipSync(fs.readFileSync(`${f}.gz`)).equals(raw), `${rel}.gz decodes to ${rel}`).toBe(true);
  }
});

test("the browser gets the element's files as brotli, with Vary: Accept-Encoding, decoding to dist/", async ({
  page,
}) => {
  const responses = new Map();
  page.on("response", (res) => {
    const name = new URL(res.url()).pathname.split("/").pop();
    if (LOADED.includes(name) && !responses.has(name)) responses.set(name, res);
  });
  await h.openEditor(page);
  for (const name of LOADED) {
    const res = responses.get(name);
    expect(res, `${name} was loaded`).toBeTruthy();
    const sent = await res.request().allHeaders();
    expect(sent["accept-encoding"], `Chromium offers brotli for ${name}`).toMatch(/\bbr\b/);
    const headers = await res.allHeaders();
    expect(headers["content-encoding"], `${name}: content-encoding`).toBe("br");
    expect((headers.vary || "").toLowerCase(), `${name}: vary`).toContain("accept-encoding");
    expect((await res.body()).equals(fs.readFileSync(path.join(dist, name))), `${name} decodes to dist/${name}`).toBe(
      true,
    );
  }
  // instantiateStreaming needs the wasm's own type, not the .br file's.
  expect((await responses.get("casenote-element_bg.wasm").allHeaders())["content-type"]).toMatch(/^application\/wasm/);
});

test("a client that takes only gzip gets gzip; one that takes none gets the plain file", async ({ request }) => {
  const wasm = fs.readFileSync(path.join(dist, "casenote-element_bg.wasm"));
  const gz = await request.get("casenote-element_bg.wasm", { headers: { "Accept-Encoding": "gzip" } });
  expect(gz.status()).toBe(200);
  expect(gz.headers()["content-encoding"]).toBe("gzip");
  expect((gz.headers().vary || "").toLowerCase()).toContain("accept-encoding");
  expect(gz.headers()["content-type"]).toMatch(/^application\/wasm/);
  // Playwright decodes the body as a browser would.
  expect((await gz.body()).equals(wasm)).toBe(true);

  const plain = await request.get("casenote-element_bg.wasm", { headers: { "Accept-Encoding": "identity" } });
  expect(plain.status()).toBe(200);
  expect(plain.headers()["content-encoding"] || "identity").toBe("identity");
  expect((await plain.body()).equals(wasm)).toBe(true);
});

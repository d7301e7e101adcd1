// Size report: where the wasm's bytes go, from twiggy's view of the release
// build before wasm-opt (which keeps function names). Groups code by crate
// and lists the largest functions.
//   node tests/bench/size-report.js <path to the release .wasm>
// Generic code is counted under the crate that defines it: tachys and
// reactive_graph rows include casenote's own views, instantiated.
const { execFileSync } = require("node:child_process");

const wasm = process.argv[2];
const csv = execFileSync("twiggy", ["top", "-n", "1000000", "-f", "csv", wasm], { maxBuffer: 1 << 28 }).toString();
const rows = csv
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent
    const m = line.match(/^"?(.*?)"?,(\d+),[\d.eE+-]+,[^,]*,[^,]*$/);
    return m ? { name: m[1].replace(/""/g, '"'), size: Number(m[2]) } : null;
  })
  // Custom sections (names, wasm-bindgen's metadata) are not shipped.
  .filter((r) => r && !r.name.includes("function names") && !r.name.startsWith("custom section"));

function crateOf(name) {
  if (/^data\[/.test(name)) return "(static data: strings, tables)";
  if (/^(import|export|elem|table|type)\b/.test(name)) return "(imports, exports, tables)";
  let m = name.match(/^<(?:&(?:mut )?)?([a-z_][a-z0-9_]*)/);
  if (m && !/^(str|char|f32|f64|u\d+|i\d+|usize|isize|bool|T|F)$/.test(m[1])) return m[1];
  m = name.match(/^([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::(?:([a-z_][a-z0-9_]*)::)?/);
  if (m) return m[1] === "casenote" && m[2] ? `casenote::${m[2]}` : m[1];
  m = name.match(/ as ([a-z_][a-z0-9_]*)/);
  return m ? m[1] : "(other)";
}

const total = rows.reduce((n, r) => n + r.size, 0);
const by = new Map();
for (const r of rows) by.set(crateOf(r.name), (by.get(crateOf(r.name)) || 0) + r.size);
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
console.log(`Size report: ${require("node:path").basename(wasm)} before wasm-opt, ${(total / 1000).toFixed(1)} kB of code and data\n`);
console.log("| crate | bytes | share |\n| --- | ---: | ---: |");
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`| ${k} | ${v} | ${pct(v)} |`);
console.log("\nLargest functions:\n");
for (const r of [...rows].sort((a, b) => b.size - a.size).slice(0, 15)) {
  console.log(`  ${String(r.size).padStart(7)}  ${r.name.replace(/::h[0-9a-f]{16}$/, "").slice(0, 110)}`);
}

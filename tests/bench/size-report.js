// Size report: where the first screen's wasm bytes go, read by wabt's
// wasm-objdump from the main module before wasm-opt (which keeps function
// names): code by crate, static data, and the largest functions. The parts
// (split_*.wasm) are not in it: .ci/size gives each one's size.
//   node tests/bench/size-report.js <path to the main .wasm>
// Generic code is counted under the crate that defines it: tachys and
// reactive_graph rows include casenote's own views, instantiated.
const { execFileSync } = require("node:child_process");

const wasm = process.argv[2];
const dump = execFileSync("wasm-objdump", ["-x", wasm], { maxBuffer: 1 << 28 }).toString();
const rows = [];
// " - func[12] size=345 <name>" in the Code section; " - segment[0] memory=0 size=98126 - init ..." in Data.
let section = "";
for (const line of dump.split("\n")) {
  const head = line.match(/^(\w+)\[\d+\]:$/);
  if (head) section = head[1];
  const fn = section === "Code" && line.match(/^ - func\[\d+\] size=(\d+)(?: <(.*)>)?$/);
  if (fn) rows.push({ name: fn[2] || "(unnamed)", size: Number(fn[1]) });
  const data = section === "Data" && line.match(/^ - segment\[(\d+)\].* size=(\d+)/);
  if (data) rows.push({ name: `data[${data[1]}]`, size: Number(data[2]) });
}

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

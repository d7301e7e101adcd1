// Validates casenote JSON payloads against src/domain/casenote-v1.schema.json,
// and reviews (schema "casenote-review/v1") against casenote-review-v1.schema.json,
// with ajv in strict mode (draft 2020-12, ajv-formats): one of the two
// independent validators of .ci/schema.
// Usage: node validate-schema.js FILE_OR_DIR... [--invalid FILE_OR_DIR...]
const fs = require("node:fs");
const path = require("node:path");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
// Strict mode refuses to compile a schema with an unknown format or keyword.
const compiled = (name) =>
  ajv.compile(JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../src/domain", name), "utf8")));
const noteSchema = compiled("casenote-v1.schema.json");
const reviewSchema = compiled("casenote-review-v1.schema.json");
// A review is held to the review's schema; anything else to the note's.
const schemaOf = (value) => (value && value.schema === "casenote-review/v1" ? reviewSchema : noteSchema);

const payloads = (args) =>
  args.flatMap((arg) =>
    fs.statSync(arg).isDirectory()
      ? fs.readdirSync(arg).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(arg, f))
      : [arg],
  );
const args = process.argv.slice(2);
const cut = args.includes("--invalid") ? args.indexOf("--invalid") : args.length;
const valid = payloads(args.slice(0, cut));
const invalid = payloads(args.slice(cut + 1));
if (valid.length === 0) {
  console.error("validate-schema.js: no payloads given");
  process.exit(1);
}
const read = (f) => JSON.parse(fs.readFileSync(f, "utf8"));
let failed = 0;
for (const f of valid) {
  const value = read(f);
  const validate = schemaOf(value);
  if (!validate(value)) {
    failed += 1;
    for (const e of validate.errors) console.log(`${f}: ${e.instancePath || "(root)"}: ${e.message}`);
  }
}
for (const f of invalid) {
  const value = read(f);
  if (schemaOf(value)(value)) {
    failed += 1;
    console.log(`${f}: accepted, but it breaks the schema`);
  }
}
console.log(`ajv strict: ${valid.length} payloads, ${invalid.length} broken ones; ${failed} wrong`);
process.exit(failed ? 1 : 0);

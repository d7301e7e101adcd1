#!/usr/bin/env python3
"""Validates casenote JSON payloads against src/domain/casenote-v1.schema.json,
and reviews (schema "casenote-review/v1") against casenote-review-v1.schema.json,
with Python's jsonschema (draft 2020-12), format checking on: one of the two
independent validators of .ci/schema. Usage:
validate.py FILE_OR_DIR... [--invalid FILE_OR_DIR...]
Exits 1 if any payload fails, any after --invalid passes, or format
checking is not really on."""

import json
import pathlib
import sys

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

ROOT = pathlib.Path(__file__).resolve().parents[2]
checker = FormatChecker()


def compiled(name):
    schema = json.loads((ROOT / "src/domain" / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=checker)


note_validator = compiled("casenote-v1.schema.json")
review_validator = compiled("casenote-review-v1.schema.json")


def validator_of(value):
    """A review is held to the review's schema; anything else to the note's."""
    is_review = isinstance(value, dict) and value.get("schema") == "casenote-review/v1"
    return review_validator if is_review else note_validator

# Format checking that is silently off (date-time needs rfc3339-validator)
# would let anything through: prove each format the schema uses is checked.
for fmt, bad in [("date-time", "2026-11-26 10:00"), ("date", "2026-02-30"), ("uuid", "not-a-uuid")]:
    if fmt not in checker.checkers or checker.conforms(bad, fmt):
        sys.exit(f"validate.py: jsonschema {jsonschema.__name__} does not check format {fmt!r}: install rfc3339-validator")

def payloads(args):
    files = []
    for arg in args:
        p = pathlib.Path(arg)
        files.extend(sorted(p.glob("*.json")) if p.is_dir() else [p])
    return files


args = sys.argv[1:]
cut = args.index("--invalid") if "--invalid" in args else len(args)
valid, invalid = payloads(args[:cut]), payloads(args[cut + 1 :])
if not valid:
    sys.exit("validate.py: no payloads given")

failed = 0
for f in valid:
    value = json.loads(f.read_text(encoding="utf-8"))
    errors = sorted(validator_of(value).iter_errors(value), key=lambda e: list(e.path))
    for e in errors:
        print(f"{f}: {'/'.join(map(str, e.path)) or '(root)'}: {e.message}")
    failed += bool(errors)
for f in invalid:
    value = json.loads(f.read_text(encoding="utf-8"))
    if validator_of(value).is_valid(value):
        print(f"{f}: accepted, but it breaks the schema")
        failed += 1
print(
    f"python jsonschema (formats checked): {len(valid)} payloads, {len(invalid)} broken ones; {failed} wrong"
)
sys.exit(1 if failed else 0)

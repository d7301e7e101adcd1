#!/usr/bin/env python3
"""Checks the FHIR resources casenote builds against three validators
nobody here wrote, and the rules they leave unchecked.

    validate.py FILE_OR_FOLDER...

- FHIR R4 (4.0.1): fhir.resources 6.4.0's models (pydantic 1), in
  tests/fhir/.venv-r4;
- FHIR R4B (4.3.0): fhir.resources 8.3.0's R4B models (pydantic 2), in
  tests/fhir/.venv-r4b (the two cannot share one environment);
- the HL7 R4 JSON Schema (fhir.schema.json, 4.0.1, from the npm registry;
  see .ci/setup), by jsonschema, against the resource's own definition;
- what none of them checks: docStatus is one of R4's codes, and a
  narrative's div is well-formed XHTML, a div in the XHTML namespace
  (FHIR's txt-1 and txt-2).

Each check runs once per call in its own environment over every file.
Exits 1, naming each file and check that failed, when any fails.
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ENVS = {"R4": ".venv-r4", "R4B": ".venv-r4b", "R4 JSON Schema": ".venv-r4b"}
XHTML = "{http://www.w3.org/1999/xhtml}"
DOC_STATUS = {"preliminary", "final", "amended", "entered-in-error"}


def check_one(name, data):
    """Raises with the validator's words if `data` fails check `name`."""
    if name == "R4":
        from fhir.resources import get_fhir_model_class

        get_fhir_model_class(data["resourceType"]).parse_obj(data)
    elif name == "R4B":
        from fhir.resources.R4B import get_fhir_model_class

        get_fhir_model_class(data["resourceType"]).model_validate(data)
    else:
        import jsonschema

        with open(os.path.join(HERE, "fhir.schema.json")) as f:
            schema = json.load(f)
        own = {"definitions": schema["definitions"], "$ref": "#/definitions/" + data["resourceType"]}
        errors = list(jsonschema.Draft6Validator(own).iter_errors(data))
        if errors:
            raise ValueError("; ".join(f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:200]}" for e in errors))


def unchecked_rules(data):
    """What the validators leave out, as a list of problems."""
    problems = []
    if data.get("resourceType") == "DocumentReference" and data.get("docStatus") not in DOC_STATUS | {None}:
        problems.append(f"docStatus {data.get('docStatus')!r} is not one of {sorted(DOC_STATUS)}")
    resources = [data] + list(data.get("contained", []))
    for r in resources:
        text = r.get("text")
        if text is None:
            continue
        try:
            root = ET.fromstring(text["div"])
        except ET.ParseError as e:
            problems.append(f"{r['resourceType']}.text.div is not well-formed XML: {e}")
            continue
        if root.tag != XHTML + "div":
            problems.append(f"{r['resourceType']}.text.div's root is {root.tag}, not an XHTML div")
        for el in root.iter():
            if el.tag in (XHTML + "script", XHTML + "form", XHTML + "iframe") or any(a.startswith("on") for a in el.attrib):
                problems.append(f"{r['resourceType']}.text.div holds {el.tag}, which FHIR narrative forbids")
    return problems


def files_in(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith(".json"):
                    yield os.path.join(p, name)
        else:
            yield p


def main(argv):
    if argv[:1] == ["--one"]:
        # In a check's own environment: --one CHECK FILE...
        failed = False
        for path in argv[2:]:
            with open(path) as f:
                data = json.load(f)
            try:
                check_one(argv[1], data)
            except Exception as e:  # the validator's words, whatever it raises
                failed = True
                print(f"{path}: {argv[1]}: {e}")
        return 1 if failed else 0
    files = list(files_in(argv))
    if not files:
        print("validate.py: no FHIR resources given", file=sys.stderr)
        return 1
    failed = False
    for name, env in ENVS.items():
        python = os.path.join(HERE, env, "bin", "python")
        run = subprocess.run([python, __file__, "--one", name, *files], capture_output=True, text=True)
        if run.returncode != 0:
            failed = True
            print((run.stdout + run.stderr).rstrip())
    for path in files:
        with open(path) as f:
            for problem in unchecked_rules(json.load(f)):
                failed = True
                print(f"{path}: {problem}")
    if failed:
        return 1
    print(f"fhir: {len(files)} resources valid as R4, as R4B, against the R4 JSON Schema, with well-formed narratives")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/bin/sh
# Renders the sample audit of report_test.cpp as JSON and SARIF, then validates the JSON
# against man/nwaudit-report.schema.json and the SARIF against the SARIF 2.1.0 schema kept in
# ../shared/schemas beside the checkout, plus what GitHub code scanning needs on top of it.
# Without python3's jsonschema, or without ../shared, it says SKIPPED and passes.
# usage: report_schemas_test.sh NWAUDIT_TESTS SOURCE_DIR
tests=$1
top=$2

if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "SKIPPED: python3 with jsonschema is not installed (Debian: python3-jsonschema); reports not validated"
  exit 0
fi

samples=$(mktemp -d)
trap 'rm -rf "$samples"' EXIT
if ! NWAUDIT_REPORT_SAMPLES="$samples" "$tests" -tc='report: write sample reports*' >"$samples/log" 2>&1; then
  echo "FAIL: could not render the sample reports:"
  sed 's/^/  | /' "$samples/log"
  exit 1
fi

python3 - "$samples" "$top/man/nwaudit-report.schema.json" "$top/../shared/schemas" <<'PYTHON'
import glob, json, os, sys
import jsonschema

samples, report_schema, shared_schemas = sys.argv[1:4]
failures = 0

def fail(message):
    global failures
    failures += 1
    print("FAIL: " + message)

def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)

def validate(document_path, schema_path):
    schema = load(schema_path)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(load(document_path)), key=lambda error: list(error.path))
    for error in errors:
        where = "/".join(str(part) for part in error.path) or "(top)"
        fail(f"{os.path.basename(document_path)}: {where}: {error.message}")
    if not errors:
        print(f"{os.path.basename(document_path)} is valid against {os.path.basename(schema_path)}")

# Beyond the schema: what GitHub code scanning needs to accept and show every result.
def check_github_constraints(document_path):
    name = os.path.basename(document_path)
    log = load(document_path)
    for run in log.get("runs", []):
        rules = run["tool"]["driver"].get("rules", [])
        for rule in rules:
            for field in ("shortDescription", "fullDescription", "help"):
                if not rule.get(field, {}).get("text", "").strip():
                    fail(f"{name}: rule {rule.get('id')}: no {field}.text")
        for number, result in enumerate(run.get("results", [])):
            where = f"{name}: result {number}"
            if not result.get("ruleId"):
                fail(f"{where}: no ruleId")
            index = result.get("ruleIndex")
            if index is None or index >= len(rules) or rules[index]["id"] != result.get("ruleId"):
                fail(f"{where}: ruleIndex does not point at its rule")
            if not result.get("message", {}).get("text", "").strip():
                fail(f"{where}: no message.text")
            if not result.get("partialFingerprints"):
                fail(f"{where}: no partialFingerprints")
            locations = result.get("locations", [])
            if not locations:
                fail(f"{where}: no locations")
            for location in locations:
                physical = location.get("physicalLocation", {})
                uri = physical.get("artifactLocation", {}).get("uri", "")
                if not uri:
                    fail(f"{where}: a location without artifactLocation.uri")
                elif ":" in uri.split("/")[0] and not uri.startswith("file:"):
                    fail(f"{where}: {uri} is neither a relative URI nor a file URI")
                if physical.get("region", {}).get("startLine", 0) < 1:
                    fail(f"{where}: a location without region.startLine")
    print(f"{name} meets GitHub code scanning's constraints" if failures == 0 else f"{name}: see above")

for sample in ("report.json", "empty.json"):
    validate(os.path.join(samples, sample), report_schema)

sarif_schemas = sorted(glob.glob(os.path.join(shared_schemas, "sarif*2.1.0*.json")))
if not sarif_schemas:
    print(f"SKIPPED: no SARIF 2.1.0 schema in {shared_schemas}; SARIF not validated")
else:
    for sample in ("report.sarif", "empty.sarif"):
        validate(os.path.join(samples, sample), sarif_schemas[0])
        check_github_constraints(os.path.join(samples, sample))

sys.exit(1 if failures else 0)
PYTHON

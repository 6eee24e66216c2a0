#!/bin/sh
# Renders the sample audits of report_test.cpp and report_measurement_test.cpp as JSON and
# SARIF, and their sample probe reports as JSON, then validates the audits' JSON against
# man/nwaudit-report.schema.json, the probes' against man/nwaudit-probe.schema.json (which
# refers to the former), and the SARIF against the SARIF 2.1.0 schema kept in ../shared/schemas
# beside the checkout, plus what GitHub code scanning needs on top of it. Given the nwaudit
# program too, it does the same with what the command line prints for the lsof listings of
# fixtures/lsof: nwaudit probe --lsof, and an audit of the sample Mac with --lsof. The fleet
# format's lines (--format ndjson), of the samples and of the command line, are validated one by
# one against man/nwaudit-ndjson.schema.json.
# Without python3's jsonschema, or without ../shared, it says SKIPPED and passes.
# usage: report_schemas_test.sh NWAUDIT_TESTS SOURCE_DIR [NWAUDIT]
tests=$1
top=$2
nwaudit=${3:-}

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

# Exit codes below 64 still write the report (findings, an incomplete audit or measurement).
cli_sample() {
  sample_file=$1
  shift
  "$nwaudit" "$@" >"$samples/$sample_file" 2>"$samples/log"
  status=$?
  if [ "$status" -ge 64 ]; then
    echo "FAIL: nwaudit $* exited with $status:"
    sed 's/^/  | /' "$samples/log"
    exit 1
  fi
}
if [ -n "$nwaudit" ] && [ ! -x "$nwaudit" ]; then
  echo "SKIPPED: $nwaudit is not built; the command line's reports not validated"
elif [ -n "$nwaudit" ]; then
  for listing in "$top"/fixtures/lsof/*.txt; do
    listing_name=$(basename "$listing" .txt)
    cli_sample "probe-cli-$listing_name.json" probe --lsof "$listing" --format json
    for format in json sarif; do
      cli_sample "measured-cli-$listing_name.$format" audit --root "$top/fixtures/macs/sonoma" --lsof "$listing" --format "$format"
    done
  done
  for mac in sonoma monterey-kexts iphone-sysdiagnose; do
    for format in json sarif; do
      cli_sample "brief-cli-$mac.$format" audit --root "$top/fixtures/macs/$mac" --brief --format "$format"
    done
  done
  for format in json sarif; do
    cli_sample "redacted-cli-sonoma-personal.$format" audit --root "$top/fixtures/macs/sonoma-personal" --redact --format "$format"
  done
  cli_sample "cli-sonoma.ndjson" audit --root "$top/fixtures/macs/sonoma" --format ndjson
  cli_sample "cli-host-name.ndjson" audit --root "$top/fixtures/macs/ventura-vpn-off-kext-loaded" --format ndjson --host-name
  "$nwaudit" facts --root "$top/fixtures/macs/sonoma" -o "$samples/sonoma-facts.xml"
  cli_sample "cli-facts.ndjson" audit --facts "$samples/sonoma-facts.xml" --format ndjson
fi

python3 - "$samples" "$top/man" "$top/../shared/schemas" <<'PYTHON'
import glob, json, os, sys
import jsonschema

samples, man, shared_schemas = sys.argv[1:4]
report_schema = os.path.join(man, "nwaudit-report.schema.json")
probe_schema = os.path.join(man, "nwaudit-probe.schema.json")
ndjson_schema = os.path.join(man, "nwaudit-ndjson.schema.json")
failures = 0

def fail(message):
    global failures
    failures += 1
    print("FAIL: " + message)

def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)

# nwaudit's schemas by their $id, so that one can refer to another without a download.
def local_schemas():
    return {schema["$id"]: schema for schema in map(load, (report_schema, probe_schema))}

def validator_for(schema):
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    try:
        from referencing import Registry, Resource
    except ImportError:  # jsonschema before 4.18
        resolver = jsonschema.RefResolver.from_schema(schema, store=local_schemas())
        return validator_class(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())
    registry = Registry().with_resources(
        (uri, Resource.from_contents(contents)) for uri, contents in local_schemas().items())
    return validator_class(schema, registry=registry, format_checker=jsonschema.FormatChecker())

def validate(document_path, schema_path):
    validator = validator_for(load(schema_path))
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

def samples_matching(pattern):
    found = sorted(glob.glob(os.path.join(samples, pattern)))
    if not found:
        fail(f"no sample matches {pattern}")
    return [os.path.basename(path) for path in found]

# Only the command line writes the redacted reports.
def cli_samples(pattern):
    return [os.path.basename(path) for path in sorted(glob.glob(os.path.join(samples, pattern)))]

for sample in ["report.json", "empty.json"] + samples_matching("measured-*.json") + samples_matching("brief-*.json") + cli_samples("redacted-*.json"):
    validate(os.path.join(samples, sample), report_schema)
for sample in samples_matching("probe-*.json"):
    validate(os.path.join(samples, sample), probe_schema)

# Each line on its own: one compact object, and nothing but lines.
def validate_lines(document_path, schema_path):
    validator = validator_for(load(schema_path))
    name = os.path.basename(document_path)
    with open(document_path, encoding="utf-8") as file:
        text = file.read()
    if not text.endswith("\n"):
        fail(f"{name}: does not end with a newline")
    for number, line in enumerate(text.splitlines(), start=1):
        for error in validator.iter_errors(json.loads(line)):
            where = "/".join(str(part) for part in error.path) or "(top)"
            fail(f"{name}: line {number}: {where}: {error.message}")
    print(f"{name}: {len(text.splitlines())} lines checked against {os.path.basename(schema_path)}")

for sample in samples_matching("*.ndjson"):
    validate_lines(os.path.join(samples, sample), ndjson_schema)

sarif_schemas = sorted(glob.glob(os.path.join(shared_schemas, "sarif*2.1.0*.json")))
if not sarif_schemas:
    print(f"SKIPPED: no SARIF 2.1.0 schema in {shared_schemas}; SARIF not validated")
else:
    for sample in ["report.sarif", "empty.sarif"] + samples_matching("measured-*.sarif") + samples_matching("brief-*.sarif") + cli_samples("redacted-*.sarif"):
        validate(os.path.join(samples, sample), sarif_schemas[0])
        check_github_constraints(os.path.join(samples, sample))

sys.exit(1 if failures else 0)
PYTHON

#!/bin/sh
# nwaudit audit --redact in every format and nwaudit facts --redact, on the fixture Mac seeded
# with personal data (fixtures/personal_mac.py): no planted value in any output, the kinds
# redacted named, and the verdict and causes those of the unredacted audit.
# usage: redact_cli_test.sh NWAUDIT SOURCE_DIR
nwaudit=$1
top=$2
mac="$top/fixtures/macs/sonoma-personal"
planted="$top/fixtures/redaction/sonoma-personal.planted"
. "$top/tests/cli_checks.sh"

# A planted value must really be in the unredacted output, or the check below proves nothing.
run plain.json audit --root "$mac" --format json
grep -qF "Alice Home VPN" "$out/plain.json" || fail "the unredacted report does not show the planted service name"

for format in text json markdown sarif; do
  run "redacted.$format" audit --root "$mac" --redact --format "$format"
done
run redacted-brief.text audit --root "$mac" --redact --brief
run facts.xml facts --root "$mac" --redact

for file in redacted.text redacted.json redacted.markdown redacted.sarif redacted-brief.text facts.xml; do
  if found=$(grep -F -f "$planted" "$out/$file"); then
    fail "$file shows planted values:"
    echo "$found" | sed 's/^/  | /'
  fi
done
# The bundle a customer sends: not one planted value in any member, decompressed.
"$nwaudit" collect --root "$mac" -o "$out/bundle.tar.gz" >"$out/log" 2>&1 || fail "collect failed: $(cat "$out/log")"
mkdir "$out/bundle"
tar -xzf "$out/bundle.tar.gz" -C "$out/bundle" || fail "the bundle does not unpack"
if found=$(grep -r -a -F -f "$planted" "$out/bundle"); then
  fail "the bundle shows planted values:"
  echo "$found" | sed 's/^/  | /'
fi
run bundle.json audit --root "$out/bundle.tar.gz" --format json

grep -q "redacted: user" "$out/redacted.text" || fail "the text report does not say what was redacted"
grep -q "redacted: user" "$out/redacted.markdown" || fail "the Markdown report does not say what was redacted"

python3 - "$out/plain.json" "$out/redacted.json" "$out/redacted.sarif" "$out/bundle.json" <<'PYTHON' || failures=$((failures + 1))
import json, sys
plain, redacted, sarif, bundle = (json.load(open(path, encoding="utf-8")) for path in sys.argv[1:5])
def outcome(report):
    verdict = report["verdict"]
    return verdict["path"], verdict["confidence"], sorted(verdict["causes"])
if outcome(plain) != outcome(redacted):
    sys.exit(f"FAIL: redacting changed the verdict: {outcome(plain)} became {outcome(redacted)}")
if outcome(plain) != outcome(bundle):
    sys.exit(f"FAIL: the redacted bundle audits to {outcome(bundle)}, the Mac to {outcome(plain)}")
kinds = {entry["kind"] for entry in redacted.get("redacted", [])}
# The kinds the facts of this Mac hold: the app's folder, the proxy and pf hosts, the names given.
for kind in ("user", "server", "name"):
    if kind not in kinds:
        sys.exit(f"FAIL: the JSON report's redacted list has no {kind}: {sorted(kinds)}")
if "redacted" in plain:
    sys.exit("FAIL: an unredacted report has a redacted list")
if not sarif["runs"][0]["properties"].get("redacted"):
    sys.exit("FAIL: the SARIF run's properties have no redacted list")
PYTHON

[ "$failures" -eq 0 ] && echo "PASS: no planted value in any redacted output or in the bundle; verdict and causes unchanged"
[ "$failures" -eq 0 ]

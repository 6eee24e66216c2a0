#!/bin/sh
# Runs the nwaudit executable as a user would and checks what it prints and returns.
# usage: cli_test.sh NWAUDIT SOURCE_DIR
nwaudit=$1
top=$2
failures=0
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

# expect STATUS DESCRIPTION -- COMMAND...: runs it and checks the exit status.
expect() {
  want=$1; what=$2; shift 3
  "$@" >"$out" 2>"$err"
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; sed 's/^/  stderr: /' "$err"; failures=$((failures + 1))
  fi
}
# contains FILE TEXT DESCRIPTION
contains() {
  if ! grep -qF -- "$2" "$1"; then echo "FAIL: $3: no '$2' in output"; sed 's/^/  | /' "$1" | head -20; failures=$((failures + 1)); fi
}

expect 0 "--version" -- "$nwaudit" --version
contains "$out" "nwaudit 0." "--version prints the version"
expect 0 "--help" -- "$nwaudit" --help
contains "$out" "facts" "--help lists the commands"
expect 64 "an unknown option is a usage error" -- "$nwaudit" --no-such-option
expect 0 "facts on the sample Mac" -- "$nwaudit" facts --root "$top/fixtures/macs/sonoma"
contains "$out" 'version="14.4.1"' "facts shows the sample's OS version"
contains "$out" 'status="read"' "facts shows coverage"
expect 0 "facts --schema prints the facts contract" -- "$nwaudit" facts --schema
contains "$out" '"path": "/facts/kext"' "the contract has each element by path"
contains "$out" '"values": [' "the contract lists an enumeration's values"
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import json, sys; json.load(sys.stdin)' <"$out"; then
  echo "FAIL: facts --schema is not JSON"; failures=$((failures + 1))
fi
expect 64 "facts --schema reads no Mac" -- "$nwaudit" facts --schema --root "$top/fixtures/macs/sonoma"
expect 66 "a root that does not exist" -- "$nwaudit" facts --root "$top/fixtures/no-such-mac"
contains "$err" "no-such-mac" "the error names the root"
case "$(uname -s)" in
  Darwin) ;;
  *) expect 64 "no live Mac off macOS" -- "$nwaudit" facts
     contains "$err" "--root" "the message says what to do" ;;
esac
expect 0 "plist --unarchive" -- "$nwaudit" plist --root "$top/fixtures/macs/sonoma" --unarchive \
  /Library/Preferences/com.apple.networkextension.plist
contains "$out" "com.objective-see.lulu.extension" "the archive is decoded"
expect 66 "plist on a broken file" -- "$nwaudit" plist --root "$top/fixtures/plists" /broken/truncated.bplist
contains "$err" "/broken/truncated.bplist: byte offset" "the error names the file and the offset"

# The audit, the default command.
sample="$top/fixtures/macs/sonoma"
expect 0 "audit the sample Mac" -- "$nwaudit" --root "$sample"
contains "$out" "Verdict: one socket per connection" "the verdict comes first"
contains "$out" "NWA-FIREWALL-ENABLED" "the firewall finding is there"
if grep -q "$(printf '\033')" "$out"; then echo "FAIL: colour written to a file"; failures=$((failures + 1)); fi
expect 0 "audit is also a named command" -- "$nwaudit" audit --root "$sample" --format json
contains "$out" '"path": "sockets"' "JSON carries the verdict"
expect 1 "--fail-on high fails on the firewall" -- "$nwaudit" --root "$sample" --fail-on high --format markdown
contains "$out" "NWA-FIREWALL-ENABLED" "markdown lists the finding"
expect 0 "--fail-on critical passes" -- "$nwaudit" --root "$sample" --fail-on critical
expect 0 "--disable takes a rule out" -- "$nwaudit" --root "$sample" --disable NWA-FIREWALL-ENABLED
if grep -q "NWA-FIREWALL-ENABLED" "$out"; then echo "FAIL: a disabled rule still reported"; failures=$((failures + 1)); fi
expect 0 "SARIF output" -- "$nwaudit" --root "$sample" --format sarif -o "$out.sarif"
contains "$out.sarif" '"version": "2.1.0"' "SARIF is written to -o"
rm -f "$out.sarif"
expect 2 "an incomplete audit has its own code" -- "$nwaudit" --root "$top/fixtures/macs/broken"
expect 64 "an unknown format" -- "$nwaudit" --root "$sample" --format yaml
expect 64 "an unknown --fail-on" -- "$nwaudit" --root "$sample" --fail-on severe
expect 64 "--root and --facts together" -- "$nwaudit" --root "$sample" --facts /dev/null

# A saved facts document audits the same as the tree it came from.
facts_file=$(mktemp)
"$nwaudit" facts --root "$sample" -o "$facts_file"
expect 0 "audit a saved facts document" -- "$nwaudit" --facts "$facts_file" --format json
contains "$out" '"path": "sockets"' "the saved facts give the same verdict"
printf '<notfacts/>' > "$facts_file"
expect 66 "a file that is not a facts document" -- "$nwaudit" --facts "$facts_file"
contains "$err" "not an nwaudit facts document" "says what is wrong"
rm -f "$facts_file"

# Observing the path: lsof listings anywhere, a running process where there is a census.
lsof_dir="$top/fixtures/lsof"
expect 0 "probe --lsof of a socket-fallback app" -- "$nwaudit" probe --lsof "$lsof_dir/sockets.txt" --format json
contains "$out" '"path": "sockets"' "the listing shows sockets"
contains "$out" '"tcp": 250' "the census counts its TCP sockets"
expect 0 "probe --lsof of a user-space app, as text" -- "$nwaudit" probe --lsof "$lsof_dir/user-space.txt"
contains "$out" "user-space" "the text names the path"
expect 66 "probe --lsof of a file that is not there" -- "$nwaudit" probe --lsof "$lsof_dir/no-such-listing.txt"
contains "$err" "no-such-listing.txt" "the error names the file"
expect 64 "probe --pid and --lsof together" -- "$nwaudit" probe --pid 1 --lsof "$lsof_dir/sockets.txt"
expect 64 "probe refuses SARIF" -- "$nwaudit" probe --lsof "$lsof_dir/sockets.txt" --format sarif
expect 64 "a malformed --probe-target" -- "$nwaudit" probe --probe-target example.com
expect 1 "an audit with an lsof listing that contradicts the prediction" -- \
  "$nwaudit" --root "$sample" --lsof "$lsof_dir/user-space.txt" --fail-on high --format json
contains "$out" '"contradicted": true' "the report says the observation contradicts the prediction"
expect 64 "--probe-target is for a live audit" -- "$nwaudit" --root "$sample" --probe-target example.com:443
case "$(uname -s)" in
  Darwin) ;;
  *) expect 64 "the probe needs macOS" -- "$nwaudit" probe
     contains "$err" "--lsof FILE" "the message says what works here"
     expect 0 "probe --pid counts a running process" -- "$nwaudit" probe --pid $$ --format json
     contains "$out" '"method": "pid"' "the census is of a process" ;;
esac

# Rules without auditing.
expect 0 "rules lint of the shipped rules" -- "$nwaudit" rules lint
contains "$out" "0 problems" "lint reports no problems"
bad_rules=$(mktemp -d)
printf '<rules><rule id="X" cause="gremlins"/></rules>' > "$bad_rules/bad.xml"
expect 3 "rules lint of a bad file" -- "$nwaudit" rules lint "$bad_rules"
contains "$out" "bad.xml: line 1: unknown cause 'gremlins'" "lint names file, line and problem"
expect 3 "an audit with a bad rule file still reports, with its own code" -- "$nwaudit" --root "$sample" --rules "$bad_rules"
printf '%s\n' '<rules>' '<rule id="USER-TYPO" cause="other" effect="informational" severity="info" confidence="low">' \
  "<title>t</title><when>/facts/kext[@loded='true']</when><message>m</message></rule>" '</rules>' >"$bad_rules/bad.xml"
expect 3 "rules lint of a condition naming an attribute no fact has" -- "$nwaudit" rules lint "$bad_rules"
contains "$out" "bad.xml: line 3: rule USER-TYPO: <when> uses @loded, an attribute no fact has (did you mean @loaded?)" \
  "lint names file, line, rule and the attribute meant"
# Whole-document scans in nested predicates (nwaudit-rules(5), COST OF A CONDITION).
printf '%s\n' '<rules>' '<rule id="USER-COSTLY" cause="other" effect="informational" severity="info" confidence="low">' \
  "<title>t</title><when>//*[count(//*[count(//*) &gt; 0]) &gt; 0]</when><message>m</message></rule>" '</rules>' \
  >"$bad_rules/bad.xml"
expect 0 "rules lint of a costly condition warns, and passes" -- "$nwaudit" rules lint "$bad_rules"
contains "$out" "bad.xml: line 2: rule USER-COSTLY: warning: its condition's cost grows faster than the square" \
  "lint names file, line and rule"
expect 3 "an audit skips a rule over the budget, with its own code" -- "$nwaudit" --root "$sample" --rules "$bad_rules" --format json
contains "$out" "rule USER-COSTLY was skipped: its condition could cost" "the report names the rule and why"
rm -rf "$bad_rules"
user_config=$(mktemp -d)
mkdir -p "$user_config/nwaudit/rules"
printf '<rules><disable id="NWA-FIREWALL-ENABLED"/></rules>' > "$user_config/nwaudit/rules/mine.xml"
expect 0 "the user's rule folder is read" -- env XDG_CONFIG_HOME="$user_config" "$nwaudit" --root "$sample"
if grep -q "NWA-FIREWALL-ENABLED" "$out"; then echo "FAIL: the user's <disable> was ignored"; failures=$((failures + 1)); fi
rm -rf "$user_config"
# The worked custom rule of nwaudit-rules(5) is a rule nwaudit accepts.
example=$(mktemp -d)
awk '/CUSTOM RULE/ { found = 1 } found && /^<rules>$/ { take = 1 } take { print } take && /^<\/rules>$/ { exit }' \
  "$top/man/nwaudit-rules.5" > "$example/acme.xml"
expect 0 "the manual's example rule lints" -- "$nwaudit" rules lint "$example"
contains "$out" "1 rule loaded, 0 problems" "the example is one good rule"
# So is its shared-fix example, whose fix replaces a shipped one in the shipped rules.
awk '/EXAMPLE: SHARED FIXES/ { found = 1 } found && /^<rules>$/ { take = 1 } take { print } take && /^<\/rules>$/ { exit }' \
  "$top/man/nwaudit-rules.5" > "$example/acme-fixes.xml"
expect 0 "the manual's shared-fix example lints" -- "$nwaudit" rules lint "$example"
contains "$out" "3 rules loaded, 0 problems" "the examples are three good rules"
expect 0 "explain a rule whose shared fix a later folder replaces" -- "$nwaudit" explain NWA-KEXT-SFLT-LOADED --rules "$example"
contains "$out" "Fix (on the Mac): Have the help desk unload it until the next restart" "explain shows the replacement"
contains "$out" "shared fix NWA-FIX-KEXT-UNLOAD, defined in $example/acme-fixes.xml:" "explain says where it is defined"
contains "$out" "shared fix NWA-FIX-APP-RAISE-FD-LIMIT, defined in " "explain names the shipped shared fixes"
printf '<rules><rule id="X" cause="other" effect="informational" severity="info" confidence="low"><title>t</title><when>/facts</when><message>m</message>\n<fix ref="NWA-FIX-APP-RAISE-FD-LIMTI"/></rule></rules>' > "$example/typo.xml"
expect 3 "rules lint of a misspelt shared fix" -- "$nwaudit" rules lint "$example"
contains "$out" "typo.xml: line 2: rule X refers to unknown fix NWA-FIX-APP-RAISE-FD-LIMTI (did you mean NWA-FIX-APP-RAISE-FD-LIMIT?)" "lint suggests the closest fix"
rm -rf "$example"
expect 0 "rules list as JSON" -- "$nwaudit" rules list --format json
contains "$out" '"id": "NWA-FIREWALL-ENABLED"' "the list has the rules"
expect 0 "explain a rule" -- "$nwaudit" explain NWA-FIREWALL-ENABLED
contains "$out" "cause       application-firewall" "explain shows the cause"
expect 64 "explain an unknown rule" -- "$nwaudit" explain NO-SUCH-RULE

# nwaudit diff: a Mac, its facts document and its saved report are the same Mac; the forum
# thread's two Macs differ, and the first line says why.
vpn_off="$top/fixtures/macs/ventura-vpn-off-kext-loaded"
saved=$(mktemp -d)
"$nwaudit" facts --root "$vpn_off" -o "$saved/facts.xml"
"$nwaudit" --root "$vpn_off" --format json -o "$saved/report.json"
expect 0 "diff of a Mac with itself" -- "$nwaudit" diff "$vpn_off" "$vpn_off"
contains "$out" "A and B reach the same verdict" "diff says the verdicts are the same"
expect 0 "diff of a Mac with its facts document" -- "$nwaudit" diff "$vpn_off" "$saved/facts.xml"
expect 0 "diff of a Mac with its saved JSON report" -- "$nwaudit" diff "$saved/report.json" "$vpn_off" --format json
contains "$out" '"read_from": "report"' "diff knows A is a saved report"
expect 1 "diff of the thread's two Macs" -- "$nwaudit" diff "$top/fixtures/macs/sonoma-leftovers" "$vpn_off"
if ! head -n 1 "$out" | grep -qF "B uses one socket per connection because the kext com.cisco.kext.acsock"; then
  echo "FAIL: the first line of diff does not answer why B differs"; sed 's/^/  | /' "$out" | head -5; failures=$((failures + 1))
fi
expect 1 "diff as Markdown" -- "$nwaudit" diff "$top/fixtures/macs/sonoma-leftovers" "$vpn_off" --format markdown
contains "$out" "### Causes on one side only" "the Markdown diff has its sections"
expect 64 "diff refuses SARIF" -- "$nwaudit" diff "$vpn_off" "$vpn_off" --format sarif
expect 64 "diff with one side" -- "$nwaudit" diff "$vpn_off"
expect 64 "diff --sysdiagnose names a side" -- "$nwaudit" diff "$vpn_off" "$vpn_off" --sysdiagnose c
expect 66 "diff of a side that does not exist" -- "$nwaudit" diff "$vpn_off" "$top/fixtures/no-such-mac"
contains "$err" "no-such-mac" "the error names the side"
printf '{"schema": "nwaudit-report/1", "verdict": {}}' >"$saved/broken.json"
expect 66 "diff of a JSON file that is not a whole report" -- "$nwaudit" diff "$saved/broken.json" "$vpn_off"
contains "$err" "broken.json" "the error names the file"
for sysdiagnose in "$top"/fixtures/macs/sysdiagnose-*; do
  [ -d "$sysdiagnose" ] || continue
  expect 0 "diff of a sysdiagnose with itself" -- "$nwaudit" diff "$sysdiagnose" "$sysdiagnose" --sysdiagnose both
  expect 66 "diff --sysdiagnose of a Mac that is not one" -- "$nwaudit" diff "$vpn_off" "$sysdiagnose" --sysdiagnose a
done

# The fleet formats: one line each.
expect 0 "ndjson of the sample Mac" -- "$nwaudit" --root "$sample" --format ndjson
if [ "$(wc -l <"$out")" -ne 1 ]; then echo "FAIL: ndjson is not one line"; failures=$((failures + 1)); fi
contains "$out" '"schema":"nwaudit-ndjson/1"' "ndjson carries its schema"
contains "$out" '"rules_version":"sha256:' "ndjson carries the rules' version"
expect 0 "ndjson names a Mac by a pseudonym" -- "$nwaudit" --root "$vpn_off" --format ndjson
contains "$out" '"machine":"mac-' "the pseudonym"
contains "$out" '"machine_kind":"pseudonym"' "says it is a pseudonym"
if grep -q "Yams-MacBook-Pro" "$out"; then echo "FAIL: ndjson shows the host name"; failures=$((failures + 1)); fi
expect 0 "ndjson with --host-name" -- "$nwaudit" --root "$vpn_off" --format ndjson --host-name
contains "$out" '"machine":"Yams-MacBook-Pro","machine_kind":"host-name"' "the host name when asked"
expect 0 "jamf of the sample Mac" -- "$nwaudit" --root "$sample" --format jamf --no-probe
if [ "$(wc -l <"$out")" -ne 1 ] || ! grep -q '^<result>sockets (confirmed): NWA-.*</result>$' "$out"; then
  echo "FAIL: jamf is not one <result> line"; sed 's/^/  | /' "$out"; failures=$((failures + 1))
fi
expect 64 "probe refuses ndjson" -- "$nwaudit" probe --lsof "$lsof_dir/sockets.txt" --format ndjson
rm -rf "$saved"

if [ "$failures" -ne 0 ]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "CLI checks passed"

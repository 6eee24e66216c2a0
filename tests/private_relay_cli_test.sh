#!/bin/sh
# iCloud Private Relay and launchd's descriptor limit through the command line, on the fixture
# Mac with the relay on (fixtures/private_relay_macs.py): the audit names the relay, an lsof
# listing audited beside the Mac's facts gets launchd's limit, and a collect bundle keeps the
# relay's status but not the networks its preferences list.
# usage: private_relay_cli_test.sh NWAUDIT SOURCE_DIR
nwaudit=$1
top=$2
mac="$top/fixtures/macs/sonoma-private-relay"
. "$top/tests/cli_checks.sh"

run facts.xml facts --root "$mac"
grep -q '<private-relay [^>]*state="on"' "$out/facts.xml" || fail "the facts do not say the relay is on"

run audit.txt audit --root "$mac"
grep -q "NWA-PRIVATE-RELAY-ON" "$out/audit.txt" || fail "the audit does not name the relay"
grep -q "^Verdict: user-space networking" "$out/audit.txt" || fail "the relay changed the verdict: $(head -1 "$out/audit.txt")"

# An lsof listing has no limits: beside the Mac's facts the report gives launchd's.
run measured.md audit --root "$mac" --lsof "$top/fixtures/lsof/sockets.txt" --format markdown
grep -q "Limits:\*\* unknown for this process (an lsof listing does not show it); launchd starts apps with soft 256, hard unlimited" \
  "$out/measured.md" || fail "the unknown limit and launchd's are not given"
run measured.json audit --root "$mac" --lsof "$top/fixtures/lsof/sockets.txt" --format json
grep -q '"launchd_limits"' "$out/measured.json" || fail "the JSON report has no launchd_limits"
# Without facts (probe --lsof) nothing is guessed.
run probe.txt probe --lsof "$top/fixtures/lsof/sockets.txt"
grep -q "Limits:" "$out/probe.txt" && fail "probe --lsof guessed a limit"

# A redacted bundle: the relay's status stays, the networks joined do not.
"$nwaudit" collect --root "$mac" -o "$out/bundle.tar.gz" >"$out/log" 2>&1 || fail "collect failed: $(cat "$out/log")"
mkdir "$out/unpacked" && tar -xzf "$out/bundle.tar.gz" -C "$out/unpacked" || fail "the bundle does not unpack"
grep -rq "Cafe Wi-Fi" "$out/unpacked" && fail "the bundle carries a network's name from the relay's preferences"
run bundle.txt audit --root "$out/bundle.tar.gz"
grep -q "NWA-PRIVATE-RELAY-ON" "$out/bundle.txt" || fail "the bundle's audit lost the relay's state"

# Fixture check: the network name is really in the Mac's file, or the bundle check proves nothing.
grep -rqa "Cafe Wi-Fi" "$mac/Users" || fail "the fixture holds no network name to redact"

[ "$failures" -eq 0 ] && echo "private relay: all checks passed"
[ "$failures" -eq 0 ]

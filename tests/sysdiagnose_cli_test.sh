#!/bin/sh
# `audit --sysdiagnose` and `facts --sysdiagnose` on both get-network-info generations, each as its
# folder, as the .tar.gz Apple writes (one top folder named sysdiagnose_...) and as a folder that
# holds that folder: the OS build, the tunnel interface and the pf anchors are read, and the verdict
# is the folder's. And what is not a sysdiagnose is refused.
# usage: sysdiagnose_cli_test.sh NWAUDIT SOURCE_DIR
nwaudit=$1
top=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

verdict_of() {
  "$nwaudit" audit "$@" --format json 2>/dev/null |
    python3 -c 'import json, sys; v = json.load(sys.stdin)["verdict"]; print(v["path"], v["confidence"], v["decided_by"], sorted(v["causes"]))'
}

expect_facts() {  # LABEL XPATH-ish grep pattern... on the facts of the remaining arguments
  label=$1 pattern=$2
  shift 2
  "$nwaudit" facts "$@" >"$work/facts.xml" 2>"$work/facts.err" || fail "$label: facts exited $?"
  grep -q -- "$pattern" "$work/facts.xml" || fail "$label: no $pattern in the facts"
}

for case in "sysdiagnose-sonoma-script 23F79 utun3 com.example.vpn" \
            "sysdiagnose-sequoia-collector 24F74 llw0 com.apple/250.ApplicationFirewall"; do
  set -- $case
  mac=$1 build=$2 interface=$3 anchor=$4
  folder="$top/fixtures/macs/$mac"
  named="$work/$mac/sysdiagnose_2026.12.06_14-30-00+0100_macOS_Mac15,3_$build"
  mkdir -p "$work/$mac" "$work/archives"
  cp -R "$folder" "$named"
  archive="$work/archives/$(basename "$named").tar.gz"
  python3 "$top/tests/archive_of.py" "$named" "$archive" || { fail "$mac: cannot make $archive"; continue; }
  expected=$(verdict_of --root "$folder")
  for input in "$folder" "$archive" "$work/$mac"; do
    expect_facts "$mac ($input)" "build=\"$build\"" --sysdiagnose "$input"
    expect_facts "$mac ($input)" "<interface name=\"$interface\"" --sysdiagnose "$input"
    expect_facts "$mac ($input)" "<anchor path=\"$anchor\"" --sysdiagnose "$input"
    got=$(verdict_of --sysdiagnose "$input")
    [ "$got" = "$expected" ] || fail "$mac ($input): verdict '$got', the folder's is '$expected'"
  done
done

"$nwaudit" audit --sysdiagnose "$top/fixtures/macs/sonoma" >/dev/null 2>"$work/err"
status=$?
[ "$status" -eq 66 ] || fail "a Mac's tree as --sysdiagnose: exit $status, not 66"
grep -q "not a macOS sysdiagnose" "$work/err" || fail "a Mac's tree as --sysdiagnose: no reason given: $(cat "$work/err")"
"$nwaudit" audit --sysdiagnose "$top/fixtures/macs/sysdiagnose-sonoma-script" --root "$top/fixtures/macs/sonoma" \
  >/dev/null 2>&1
status=$?
[ "$status" -eq 64 ] || fail "--sysdiagnose with --root: exit $status, not 64"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "sysdiagnose command line: all passed"

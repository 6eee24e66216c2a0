#!/bin/sh
# nwaudit collect: for every fixture Mac, the bundle holds what its manifest says, and auditing the
# bundle gives what auditing the Mac gives (verdict, confidence, causes, rule IDs, the facts'
# shape), as does the report inside it. What the Mac would not let nwaudit read stays so in the
# bundle. Failures leave no file behind; a live collect off macOS is a usage error.
# usage: collect_test.sh NWAUDIT SOURCE_DIR
nwaudit=$1
top=$2
check="$top/tests/bundle_check.py"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# same WHAT FILE1 FILE2: the two files are equal, or a failure showing how they differ.
same() {
  if ! cmp -s "$2" "$3"; then
    fail "$1"
    diff "$2" "$3" | head -20 | sed 's/^/  /'
  fi
}

# compare NAME MAC BUNDLE: the Mac and its bundle audit alike, and the report inside says so too.
# Redaction may change values in the reports, never the verdict, the rules or the facts' shape.
compare() {
  "$nwaudit" audit --root "$2" --format json >"$work/mac.json" 2>/dev/null
  mac_status=$?
  "$nwaudit" audit --root "$3" --format json >"$work/bundle.json" 2>/dev/null
  bundle_status=$?
  [ "$mac_status" -eq "$bundle_status" ] || fail "$1: the audit of the bundle exits $bundle_status, the Mac's $mac_status"
  python3 "$check" verdict "$work/mac.json" >"$work/mac.verdict"
  python3 "$check" verdict "$work/bundle.json" >"$work/bundle.verdict"
  same "$1: the bundle's verdict or rules differ from the Mac's" "$work/mac.verdict" "$work/bundle.verdict"
  "$nwaudit" facts --root "$2" >"$work/mac.xml" 2>/dev/null
  "$nwaudit" facts --root "$3" >"$work/bundle.xml" 2>/dev/null
  python3 "$check" structure "$work/mac.xml" >"$work/mac.structure"
  python3 "$check" structure "$work/bundle.xml" >"$work/bundle.structure"
  same "$1: the bundle's facts differ in shape from the Mac's" "$work/mac.structure" "$work/bundle.structure"
  python3 "$check" report "$3" >"$work/inside.json"
  python3 "$check" verdict "$work/inside.json" >"$work/inside.verdict"
  same "$1: the report in the bundle has another verdict or other rules" "$work/mac.verdict" "$work/inside.verdict"
}

# exact NAME BUNDLE: unredacted, the report inside is the audit of the bundle, word for word.
exact() {
  "$nwaudit" audit --root "$2" --format json >"$work/bundle.json" 2>/dev/null
  python3 "$check" report "$2" >"$work/inside.json"
  python3 "$check" plain "$work/bundle.json" >"$work/outside.report"
  python3 "$check" plain "$work/inside.json" >"$work/inside.report"
  same "$1: the report in the bundle is not the audit of the bundle" "$work/outside.report" "$work/inside.report"
}

macs=0
for mac in "$top"/fixtures/macs/*/; do
  mac=${mac%/}
  name=$(basename "$mac")
  bundle="$work/$name.tar.gz"
  if ! "$nwaudit" collect --root "$mac" -o "$bundle" >"$work/collect.out" 2>"$work/err"; then
    fail "$name: collect failed: $(cat "$work/err")"
    continue
  fi
  macs=$((macs + 1))
  grep -qF "$bundle (" "$work/collect.out" ||
    fail "$name: collect does not print the bundle's path and size: $(cat "$work/collect.out")"
  [ -s "$work/err" ] && fail "$name: collect wrote to standard error, which is no terminal: $(cat "$work/err")"
  python3 "$check" members "$bundle" >"$work/not-read" || fail "$name: $(cat "$work/not-read")"
  compare "$name" "$mac" "$bundle"
done
[ "$macs" -gt 0 ] || fail "no fixture Mac was collected"

# A bundle of a bundle (to redact one sent with --no-redact) audits alike too.
"$nwaudit" collect --root "$top/fixtures/macs/broken" --no-redact -o "$work/plain.tar.gz" >/dev/null 2>"$work/err" ||
  fail "collect --no-redact: $(cat "$work/err")"
grep -qF "not redacted" "$work/err" || fail "collect --no-redact does not warn that the bundle is not redacted"
python3 -c 'import json, sys, tarfile
t = tarfile.open(sys.argv[1]); m = [n for n in t.getnames() if n.endswith("/manifest.json")][0]
sys.exit(0 if json.load(t.extractfile(m))["redaction"]["applied"] is False else 1)' "$work/plain.tar.gz" ||
  fail "the manifest of a --no-redact bundle does not say it is not redacted"
"$nwaudit" collect --root "$work/plain.tar.gz" -o "$work/again.tar.gz" >/dev/null 2>&1 || fail "collect of a bundle failed"
exact "broken, not redacted" "$work/plain.tar.gz"
compare "a bundle of a bundle" "$top/fixtures/macs/broken" "$work/again.tar.gz"

# What the Mac would not let nwaudit read stays unreadable in the bundle, not missing: here a FIFO
# where the firewall's preferences belong, and a folder of kexts with one.
tree="$work/unreadable"
cp -R "$top/fixtures/macs/sonoma" "$tree"
rm -f "$tree/Library/Preferences/com.apple.alf.plist"
mkfifo "$tree/Library/Preferences/com.apple.alf.plist"
mkdir -p "$tree/Library/Extensions/Empty.kext"
mkfifo "$tree/Library/Extensions/Empty.kext/Info.plist"
"$nwaudit" collect --root "$tree" -o "$work/unreadable.tar.gz" >/dev/null 2>"$work/err" || fail "collect of a tree with a FIFO: $(cat "$work/err")"
python3 "$check" members "$work/unreadable.tar.gz" >"$work/not-read" || fail "unreadable: $(cat "$work/not-read")"
grep -qF "/Library/Preferences/com.apple.alf.plist wrong-type" "$work/not-read" ||
  fail "the manifest does not list the FIFO as not read: $(cat "$work/not-read")"
compare "a Mac with a file it will not read" "$tree" "$work/unreadable.tar.gz"
grep -qF 'path="/Library/Preferences/com.apple.alf.plist" status="broken"' "$work/bundle.xml" ||
  fail "the bundle's audit does not see the firewall's preferences as broken"

# Failures leave nothing behind: a folder that does not exist, and a destination that is a folder.
"$nwaudit" collect --root "$top/fixtures/macs/sonoma" -o "$work/no-such-folder/b.tar.gz" >/dev/null 2>"$work/err"
status=$?
[ "$status" -eq 66 ] || fail "collect into a missing folder: exit $status, expected 66"
grep -qF "no-such-folder" "$work/err" || fail "the error does not name the folder: $(cat "$work/err")"
mkdir -p "$work/out/taken.tar.gz/inside"
"$nwaudit" collect --root "$top/fixtures/macs/sonoma" -o "$work/out/taken.tar.gz" >/dev/null 2>"$work/err"
status=$?
[ "$status" -eq 66 ] || fail "collect onto a folder: exit $status, expected 66"
left=$(ls -A "$work/out")
[ "$left" = "taken.tar.gz" ] || fail "a failed collect left files behind: $left"

# The default name, in the current folder.
(cd "$work/out" && "$nwaudit" collect --root "$top/fixtures/macs/sonoma" >"$work/default.out" 2>&1) ||
  fail "collect with the default name: $(cat "$work/default.out")"
ls "$work/out" | grep -qE '^nwaudit-[0-9]{8}-[0-9]{6}\.tar\.gz$' || fail "no nwaudit-DATE-TIME.tar.gz: $(ls "$work/out")"

# Off macOS there is no live Mac to collect: a usage error that points at --root.
if [ "$(uname -s)" != "Darwin" ]; then
  (cd "$work/out" && "$nwaudit" collect >/dev/null 2>"$work/err")
  status=$?
  [ "$status" -eq 64 ] || fail "live collect off macOS: exit $status, expected 64"
  grep -qF -- "--root" "$work/err" || fail "live collect off macOS does not point at --root: $(cat "$work/err")"
fi

[ "$failures" -eq 0 ] && echo "collect: all checks passed ($macs fixture Macs)"
exit "$failures"

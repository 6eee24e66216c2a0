#!/bin/sh
# nwaudit summarize as a user runs it: its exit statuses, what it says on standard error about a
# report it skipped, and -o. The counting itself is tested in fleet_summary_test.cpp.
# usage: summarize_cli_test.sh NWAUDIT SOURCE_DIR
nwaudit=$1
top=$2
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $1"; sed 's/^/  stderr: /' "$work/err"; failures=$((failures + 1)); }
# expect STATUS DESCRIPTION COMMAND...
expect() {
  want=$1; what=$2; shift 2
  "$@" >"$work/out" 2>"$work/err"
  got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want"
}

"$nwaudit" --root "$top/fixtures/macs/sonoma" --format ndjson >"$work/fleet.ndjson" 2>/dev/null
"$nwaudit" --root "$top/fixtures/macs/sequoia-live" --format json -o "$work/sequoia.json" 2>/dev/null

expect 0 "every report read" "$nwaudit" summarize "$work/fleet.ndjson" "$work/sequoia.json"
grep -q "^nwaudit fleet summary: 2 Macs summarized" "$work/out" || fail "the summary's first line counts 2 Macs"
grep -q "application-firewall" "$work/out" || fail "the firewall is the one remediation of the sample Mac"

printf 'not json\n' >>"$work/fleet.ndjson"
expect 2 "a malformed line is skipped, not fatal" "$nwaudit" summarize "$work" -o "$work/summary.md" --format markdown
grep -q "fleet.ndjson: line 2: not JSON" "$work/err" || fail "standard error names the file and line skipped"
grep -q "^# nwaudit fleet summary" "$work/summary.md" || fail "-o writes the Markdown summary"

expect 66 "a PATH that does not exist" "$nwaudit" summarize "$work/absent" "$work/sequoia.json"
grep -q "Mac summarized" "$work/out" || fail "the readable PATHs are summarized all the same"
expect 64 "an unknown format" "$nwaudit" summarize --format pdf "$work"
expect 64 "no PATH" "$nwaudit" summarize

[ "$failures" -eq 0 ] && echo "summarize: every check passed"
exit "$failures"

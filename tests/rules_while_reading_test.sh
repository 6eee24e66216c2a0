#!/bin/sh
# nwaudit audit loads the rules on a thread of its own while it reads the Mac (two cores or more,
# --jobs not 1). For every fixture Mac, the report, standard error and the exit status are those
# of --jobs 1, which loads the rules first; a rules folder with problems prints the same problems
# in the same order, and before the complaint about a Mac that cannot be read.
# usage: rules_while_reading_test.sh NWAUDIT SOURCE_DIR
nwaudit=$1
top=$2
. "$top/tests/cli_checks.sh"

if [ "$(nproc)" -lt 2 ]; then
  echo "SKIPPED: this process may use one core, where the rules always load first"
  exit 77
fi

# audit_twice NAME ARGS...: nwaudit audit ARGS with --jobs 1 and with --jobs 2; what each printed
# and its exit status must be the same.
audit_twice() {
  name=$1
  shift
  for jobs in 1 2; do
    "$nwaudit" audit --jobs "$jobs" "$@" >"$out/$name.$jobs.out" 2>"$out/$name.$jobs.err"
    echo "$?" >"$out/$name.$jobs.status"
  done
  for part in out err status; do
    if ! cmp -s "$out/$name.1.$part" "$out/$name.2.$part"; then
      fail "$name: the $part of --jobs 2 differs from that of --jobs 1:"
      diff "$out/$name.1.$part" "$out/$name.2.$part" | head -20 | sed 's/^/  | /'
    fi
  done
}

macs=0
for mac in "$top"/fixtures/macs/*/; do
  name=$(basename "$mac")
  macs=$((macs + 1))
  audit_twice "$name.json" --root "$mac" --format json
  audit_twice "$name.text" --root "$mac"
done
[ "$macs" -ge 16 ] || fail "only $macs fixture Macs"

# Rule files with problems: not XML, an unknown root element, a rule without what it needs.
rules="$out/rules"
mkdir "$rules"
printf '<rules><rule id="broken"' >"$rules/a-broken.xml"
printf '<catalog/>\n' >"$rules/b-unknown.xml"
printf '<rules>\n  <rule id="incomplete"/>\n</rules>\n' >"$rules/c-incomplete.xml"
audit_twice problems --root "$top/fixtures/macs/sonoma" --rules "$rules" --format json
for file in a-broken b-unknown c-incomplete; do
  grep -q "$file.xml" "$out/problems.2.err" || fail "the problems of $file.xml are not on standard error"
done
[ "$(grep -n a-broken "$out/problems.2.err" | head -1 | cut -d: -f1)" -lt \
  "$(grep -n c-incomplete "$out/problems.2.err" | head -1 | cut -d: -f1)" ] ||
  fail "the rule files' problems are out of order"

# A Mac that cannot be read: the rules' problems first, then why.
audit_twice missing-root --root "$out/no-such-mac" --rules "$rules"
tail -n 1 "$out/missing-root.2.err" | grep -q "no-such-mac" || fail "the missing root is not the last complaint"
grep -q "a-broken.xml" "$out/missing-root.2.err" || fail "the rules' problems are not printed before a missing root"

[ "$failures" -eq 0 ] || exit 1
echo "rules loaded while reading: $macs fixture Macs, the same output as with --jobs 1"

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
expect 64 "no command is a usage error" -- "$nwaudit"
expect 0 "facts on the sample Mac" -- "$nwaudit" facts --root "$top/fixtures/macs/sonoma"
contains "$out" 'version="14.4.1"' "facts shows the sample's OS version"
contains "$out" 'status="read"' "facts shows coverage"
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

if [ "$failures" -ne 0 ]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "CLI checks passed"

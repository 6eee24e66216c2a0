#!/bin/sh
# The Jamf Pro extension attribute (packaging/jamf/nwaudit-extension-attribute.sh) with fake
# nwaudit programs: one that answers, one that hangs and ignores SIGTERM, one that fails, none
# at all. Each time it must print exactly one <result> line and exit 0, and the hanging one
# must be stopped near the timeout. With shellcheck installed, the script is checked too.
# usage: jamf_extension_attribute_test.sh SOURCE_DIR
top=$1
script="$top/packaging/jamf/nwaudit-extension-attribute.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

fake() {
  printf '#!/bin/sh\n%s\n' "$2" >"$work/$1"
  chmod +x "$work/$1"
}

# run NAME EXPECTED: runs the script with $work/NAME as nwaudit and checks its one line.
run() {
  started=$(date +%s)
  NWAUDIT="$work/$1" NWAUDIT_TIMEOUT=2 sh "$script" >"$work/out" 2>"$work/err"
  status=$?
  took=$(($(date +%s) - started))
  [ "$status" -eq 0 ] || fail "$1: exit status $status"
  [ "$(wc -l <"$work/out")" -eq 1 ] || fail "$1: not exactly one line: $(cat "$work/out")"
  [ "$(cat "$work/out")" = "$2" ] || fail "$1: printed '$(cat "$work/out")', expected '$2'"
  [ "$took" -le 8 ] || fail "$1: took $took seconds with a timeout of 2"
}

# shellcheck disable=SC2016 # expanded by the fake, not here
fake works 'echo "$@" >"$(dirname "$0")/arguments"; echo "<result>sockets (confirmed): NWA-KEXT-SFLT-LOADED</result>"; exit 2'
run works "<result>sockets (confirmed): NWA-KEXT-SFLT-LOADED</result>"
[ "$(cat "$work/arguments")" = "audit --format jamf --no-probe" ] || fail "works: called with '$(cat "$work/arguments")'"

fake hangs "trap '' TERM; sleep 30; sleep 30"
run hangs "<result>error: nwaudit did not finish within 2 seconds</result>"

fake fails 'echo "nwaudit: this is not macOS" >&2; exit 64'
run fails "<result>error: nwaudit exited with status 64 and no result</result>"

run missing "<result>error: nwaudit not found</result>"

if command -v shellcheck >/dev/null 2>&1; then
  shellcheck -s sh "$script" || fail "shellcheck"
else
  echo "shellcheck is not installed: the script's style not checked"
fi

[ "$failures" -eq 0 ] && echo "the extension attribute printed one <result> line every time"
exit "$failures"

#!/bin/sh
# Jamf Pro extension attribute: the Mac's network path, as nwaudit judges it.
#
# In Jamf Pro: Settings > Computer management > Extension attributes > New; data type String,
# input type Script; paste this file. Inventory then shows, for example,
#   sockets (confirmed): NWA-KEXT-SFLT-LOADED, NWA-KERNEL-FILTER-SOCKET
#   user-space (high)
# It runs `nwaudit audit --format jamf --no-probe` (no probe connections: inventory must not
# open any), always prints exactly one <result> line and exits 0, and never takes much longer
# than NWAUDIT_TIMEOUT seconds (default 60): past that, nwaudit is stopped and the result says
# so. macOS has no timeout(1), so the script keeps time itself. NWAUDIT names the program when
# it is not in /usr/local/bin, /opt/homebrew/bin or the PATH.

timeout_seconds=${NWAUDIT_TIMEOUT:-60}
case $timeout_seconds in
  '' | *[!0-9]*) timeout_seconds=60 ;;
esac

result() {
  printf '<result>%s</result>\n' "$1"
  exit 0
}

find_nwaudit() {
  if [ -n "${NWAUDIT:-}" ]; then
    [ -x "$NWAUDIT" ] && printf '%s\n' "$NWAUDIT"
    return
  fi
  for candidate in /usr/local/bin/nwaudit /opt/homebrew/bin/nwaudit "$(command -v nwaudit 2>/dev/null)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      printf '%s\n' "$candidate"
      return
    fi
  done
}

nwaudit=$(find_nwaudit)
[ -n "$nwaudit" ] || result "error: nwaudit not found"

output=$(mktemp "${TMPDIR:-/tmp}/nwaudit-ea.XXXXXX") || result "error: no temporary file"
trap 'rm -f "$output"' EXIT

# nwaudit's output goes to the file and the watchdog's nowhere: Jamf reads this script's output
# until it closes, so nothing left running may hold it open.
"$nwaudit" audit --format jamf --no-probe </dev/null >"$output" 2>/dev/null &
audit_pid=$!
(
  waited=0
  while [ "$waited" -lt "$timeout_seconds" ]; do
    sleep 1
    kill -0 "$audit_pid" 2>/dev/null || exit 0
    waited=$((waited + 1))
  done
  kill -TERM "$audit_pid" 2>/dev/null
  sleep 2
  kill -KILL "$audit_pid" 2>/dev/null
) </dev/null >/dev/null 2>&1 &
watchdog_pid=$!

wait "$audit_pid"
status=$?
kill "$watchdog_pid" 2>/dev/null
wait "$watchdog_pid" 2>/dev/null

line=$(grep -m 1 '^<result>.*</result>$' "$output")
if [ -n "$line" ]; then
  printf '%s\n' "$line"
  exit 0
fi
if [ "$status" -gt 128 ]; then
  result "error: nwaudit did not finish within $timeout_seconds seconds"
fi
result "error: nwaudit exited with status $status and no result"

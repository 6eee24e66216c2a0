# Sourced by the command-line tests: a scratch folder, a failure count, and running nwaudit
# into a file. Expects $nwaudit; sets $out (removed on exit) and $failures.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# run FILE ARGS...: nwaudit ARGS with its output in $out/FILE. Exit codes below 64 still write
# the output (findings, an incomplete audit).
run() {
  file=$1
  shift
  "$nwaudit" "$@" >"$out/$file" 2>"$out/log"
  status=$?
  [ "$status" -lt 64 ] || fail "nwaudit $* exited with $status: $(cat "$out/log")"
}

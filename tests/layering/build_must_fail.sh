#!/bin/sh
# usage: build_must_fail.sh CMAKE BUILD_DIR TARGET HEADER
# Passes when building TARGET fails because HEADER is not found, and only then.
cmake=$1 build=$2 target=$3 header=$4
if output=$("$cmake" --build "$build" --target "$target" 2>&1); then
  echo "FAIL: $target built, so a lower layer could include $header"
  exit 1
fi
if printf '%s\n' "$output" | grep -F "$header" | grep -qiE 'no such file|file not found'; then
  echo "ok: $target cannot include $header"
  exit 0
fi
echo "FAIL: $target did not build, but not because $header was out of reach:"
printf '%s\n' "$output" | tail -20
exit 1

#!/bin/sh
# libarchive is loaded only when an archive is read or written (cmake/libarchive.cmake): an
# audit of a folder does not load it nor what it needs, writing and reading a bundle do, and
# without libarchive a folder is audited as before while an archive fails with the loader's reason.
# The dynamic loader's log (glibc's LD_DEBUG) tells what a run loaded.
# usage: lazy_libarchive_test.sh NWAUDIT SOURCE_DIR LIBARCHIVE_NAME (empty when the build links it)
nwaudit=$1
top=$2
library=$3
mac="$top/fixtures/macs/sonoma"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if [ -z "$library" ]; then
  echo "SKIPPED: this build links libarchive (NWAUDIT_STANDALONE or NWAUDIT_LAZY_LIBARCHIVE=OFF)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# loaded NAME ARGS...: nwaudit ARGS; the files of the shared libraries it loaded in $work/NAME.loaded.
loaded() {
  name=$1
  shift
  LD_DEBUG=libs "$nwaudit" "$@" >"$work/$name.out" 2>"$work/$name.err"
  status=$?
  sed -n 's/.*calling init: //p' "$work/$name.err" | sort -u >"$work/$name.loaded"
  return $status
}

loaded version --version
if ! grep -q 'libc' "$work/version.loaded"; then
  echo "SKIPPED: LD_DEBUG=libs printed nothing here (not glibc's dynamic loader)"
  exit 77
fi

# A folder: neither libarchive nor what it alone needs.
loaded folder --root "$mac" --format json -o "$work/folder.json" || fail "the audit of $mac failed: $(tail -3 "$work/folder.err")"
grep -E '/lib(archive|xml2|icuuc|nettle|acl)\.' "$work/folder.loaded" >"$work/unwanted"
[ -s "$work/unwanted" ] && fail "the audit of a folder loaded: $(tr '\n' ' ' <"$work/unwanted")"

# A bundle: written and read with libarchive, under the name the build linked against.
loaded collect collect --root "$mac" -o "$work/bundle.tar.gz" || fail "collect failed: $(tail -3 "$work/collect.err")"
grep -q "/$library\$" "$work/collect.loaded" || fail "collect did not load $library"
loaded bundle --root "$work/bundle.tar.gz" --format json -o "$work/bundle.json" ||
  fail "the audit of the bundle failed: $(tail -3 "$work/bundle.err")"
grep -q "/$library\$" "$work/bundle.loaded" || fail "the audit of a bundle did not load $library"

# Without libarchive: its file hidden in a mount namespace of this user's own.
file=$(grep "/$library\$" "$work/bundle.loaded" | head -1)
if [ -z "$file" ] || ! unshare -rm true 2>/dev/null; then
  echo "SKIPPED (part): no user and mount namespace here to hide $library in"
else
  file=$(readlink -f "$file")
  unshare -rm sh -c '
    mount --bind /dev/null "$1" || exit 99
    "$2" --root "$3" --format json -o "$4/hidden-folder.json" 2>"$4/hidden-folder.err"; echo $? >"$4/hidden-folder.status"
    "$2" --root "$4/bundle.tar.gz" --format json -o "$4/hidden-bundle.json" 2>"$4/hidden-bundle.err"; echo $? >"$4/hidden-bundle.status"
  ' hide "$file" "$nwaudit" "$mac" "$work"
  if [ $? -eq 99 ]; then
    echo "SKIPPED (part): $file could not be hidden"
  else
    [ "$(cat "$work/hidden-folder.status")" = 0 ] || fail "without libarchive, the audit of a folder exits $(cat "$work/hidden-folder.status")"
    cmp -s "$work/folder.json" "$work/hidden-folder.json" || fail "without libarchive, the report of a folder differs"
    status=$(cat "$work/hidden-bundle.status")
    [ "$status" -ge 64 ] && [ "$status" -lt 70 ] || fail "without libarchive, the audit of a bundle exits $status"
    grep -qF "$work/bundle.tar.gz: libarchive could not be loaded: " "$work/hidden-bundle.err" ||
      fail "without libarchive, the audit of a bundle says: $(cat "$work/hidden-bundle.err")"
  fi
fi

[ "$failures" -eq 0 ] || exit 1
echo "ok: libarchive ($library) is loaded only to read or write an archive"

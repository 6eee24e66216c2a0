#!/bin/sh
# An installed nwaudit works without the build tree: the .tar.gz CPack makes (and the .deb,
# where dpkg-deb can unpack it) and the tree `cmake --install` writes, moved to another place
# after installing, each run from another folder on the sample Mac, must print the report the
# build's own binary prints, with the rules installed beside it (its --version says which).
# usage: package_install_test.sh CMAKE CPACK BUILD_DIR SOURCE_DIR NWAUDIT
cmake=$1 cpack=$2 build=$3 top=$4 nwaudit=$5
failures=0
work=$(mktemp -d "${TMPDIR:-/tmp}/nwaudit-package.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
mkdir "$work/elsewhere"
sample="$top/fixtures/macs/sonoma"

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# The first of the files a pattern matched, or nothing when it matched none.
first() { for file in "$@"; do [ -e "$file" ] && { echo "$file"; return; }; done; }

# The report from the build tree's binary, as every other must print it.
(cd "$work/elsewhere" && "$nwaudit" --root "$sample" --format json) >"$work/expected.json" ||
  fail "the build's nwaudit exited $? on $sample"

# check NAME BINARY RULES: BINARY, run from elsewhere, reads RULES and prints the same report.
check() {
  name=$1 binary=$2 rules=$3
  if [ ! -x "$binary" ]; then fail "$name: no binary at $binary"; return; fi
  version=$(cd "$work/elsewhere" && env -u NWAUDIT_RULES_DIR "$binary" --version) || fail "$name: --version exited $?"
  case $version in
    "nwaudit "*) ;;
    *) fail "$name: --version printed: $version" ;;
  esac
  if ! printf '%s\n' "$version" | grep -qxF "rules: $rules"; then
    fail "$name: reads its rules elsewhere than $rules:"; printf '%s\n' "$version" | sed 's/^/  | /'
  fi
  status=0
  (cd "$work/elsewhere" && env -u NWAUDIT_RULES_DIR "$binary" --root "$sample" --format json) >"$work/$name.json" ||
    status=$?
  if [ "$status" -ne 0 ]; then
    fail "$name: exited $status on $sample"
  elif ! cmp -s "$work/expected.json" "$work/$name.json"; then
    fail "$name: its report differs from the build's"; diff "$work/expected.json" "$work/$name.json" | head -20
  else
    echo "ok: $name ($binary) prints the build's report, with the rules in $rules"
  fi
}

# 1. The packages.
generators=TGZ
dpkg_deb=$(command -v dpkg-deb || true)
[ -n "$dpkg_deb" ] && [ "$(uname -s)" = Linux ] && generators="TGZ;DEB"
if ! "$cpack" --config "$build/CPackConfig.cmake" -G "$generators" -B "$work/packages" >"$work/cpack.log" 2>&1; then
  fail "cpack -G $generators"; tail -20 "$work/cpack.log"
fi
rm -rf "$work/packages/_CPack_Packages"
tarball=$(first "$work"/packages/nwaudit-*.tar.gz)
if [ -z "$tarball" ]; then
  fail "cpack made no .tar.gz"
else
  mkdir "$work/tgz"
  tar -xzf "$tarball" -C "$work/tgz"
  folder=$(first "$work"/tgz/nwaudit-*)
  check tgz "$folder/bin/nwaudit" "$folder/share/nwaudit/rules"
fi
case $generators in
  *DEB*)
    deb=$(first "$work"/packages/nwaudit_*.deb)
    if [ -z "$deb" ]; then
      fail "cpack made no .deb"
    else
      "$dpkg_deb" --field "$deb" Package Version Depends | sed 's/^/deb: /'
      "$dpkg_deb" --contents "$deb" | grep '/usr/share/man/man1/nwaudit.1' >/dev/null || fail "the .deb has no nwaudit.1"
      "$dpkg_deb" -x "$deb" "$work/deb"
      check deb "$work/deb/usr/bin/nwaudit" "$work/deb/usr/share/nwaudit/rules"
    fi ;;
  *) echo "SKIPPED: the .deb (no dpkg-deb here)" ;;
esac

# 2. cmake --install into a prefix, then the prefix moved: nothing may point back.
if "$cmake" --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1; then
  for file in bin/nwaudit share/nwaudit/rules/kernel.xml share/nwaudit/nwaudit-report.schema.json \
              share/man/man1/nwaudit.1 share/man/man5/nwaudit-rules.5; do
    [ -e "$work/prefix/$file" ] || fail "cmake --install wrote no $file"
  done
  mv "$work/prefix" "$work/moved"
  check installed "$work/moved/bin/nwaudit" "$work/moved/share/nwaudit/rules"
else
  fail "cmake --install"; tail -20 "$work/install.log"
fi

[ "$failures" -eq 0 ] && exit 0
echo "$failures failures"
exit 1

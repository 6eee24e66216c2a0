#!/bin/sh
# Every fixture Mac as a .tar.gz and as a .zip (one top folder, entered by itself) gives the same
# facts as its folder, but for the source it names, and the same verdict and exit status. And a
# hostile archive's refused entries reach the facts' coverage and the report.
# usage: archive_root_test.sh NWAUDIT SOURCE_DIR
nwaudit=$1
top=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The facts document without its source="..." attribute, which names what was read.
facts_of() {
  "$nwaudit" facts --root "$1" >"$work/facts.xml" 2>"$work/facts.err"
  echo "exit $?"
  sed 's/ source="[^"]*"//' "$work/facts.xml"
}

# The audit's verdict and exit status.
verdict_of() {
  "$nwaudit" audit --root "$1" --format json >"$work/report.json" 2>/dev/null
  echo "exit $?"
  python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["verdict"], sort_keys=True, indent=1))' \
    <"$work/report.json"
}

for mac in "$top"/fixtures/macs/*/; do
  mac=${mac%/}
  name=$(basename "$mac")
  facts_of "$mac" >"$work/folder.facts"
  verdict_of "$mac" >"$work/folder.verdict"
  for kind in tar.gz zip; do
    archive="$work/$name.$kind"
    python3 "$top/tests/archive_of.py" "$mac" "$archive" || { fail "$name: cannot make $archive"; continue; }
    facts_of "$archive" >"$work/archive.facts"
    if ! cmp -s "$work/folder.facts" "$work/archive.facts"; then
      fail "$name as a $kind: the facts differ from the folder's"
      diff "$work/folder.facts" "$work/archive.facts" | head -20 | sed 's/^/  /'
    fi
    verdict_of "$archive" >"$work/archive.verdict"
    if ! cmp -s "$work/folder.verdict" "$work/archive.verdict"; then
      fail "$name as a $kind: the verdict differs from the folder's"
      diff "$work/folder.verdict" "$work/archive.verdict" | head -20 | sed 's/^/  /'
    fi
  done
done

# A hostile archive: what it refuses is in coverage, under the collector "archive" when no
# collector asked for it, and the audit says it is incomplete.
hostile="$work/hostile"
mkdir -p "$hostile"
cp -R "$top/fixtures/macs/sonoma" "$hostile/mac"
python3 - "$hostile/mac" "$work/hostile.tar.gz" <<'PY'
import io, sys, tarfile
folder, output = sys.argv[1], sys.argv[2]
with tarfile.open(output, "w:gz") as archive:
    archive.add(folder, arcname="mac")
    def add(name, data=b"", kind=tarfile.REGTYPE, link=""):
        info = tarfile.TarInfo(name)
        info.type, info.size, info.linkname = kind, len(data), link
        archive.addfile(info, io.BytesIO(data))
    add("mac/../../etc/passwd", b"root:x:0:0")
    add("/etc/shadow", b"root:*")
    add("mac/dev/tty", kind=tarfile.CHRTYPE)
    add("mac/Library/Preferences/com.apple.alf.plist", b"<plist/>")
    add("mac/stolen", kind=tarfile.LNKTYPE, link="../../etc/passwd")
PY
"$nwaudit" facts --root "$work/hostile.tar.gz" >"$work/hostile.xml" 2>"$work/hostile.err"
status=$?
[ "$status" -eq 0 ] || fail "facts on a hostile archive: exit $status"
for expected in \
  'collector="archive" path="/dev/tty" status="broken" problem="wrong-type" reason="the archive'"'"'s entry &quot;mac/dev/tty&quot; is refused: it is a character device' \
  'collector="archive" path="/stolen" status="broken" problem="malformed"' \
  'path="/Library/Preferences/com.apple.alf.plist" status="broken" problem="malformed" reason="the archive'"'"'s entry &quot;mac/Library/Preferences/com.apple.alf.plist&quot; is refused: another entry has the same name' \
  '&quot;/etc/shadow&quot; is refused: its name is an absolute path' \
  '&quot;mac/../../etc/passwd&quot; is refused: its name climbs out'; do
  grep -qF -- "$expected" "$work/hostile.xml" || fail "hostile archive: no '$expected' in the facts"
done
"$nwaudit" audit --root "$work/hostile.tar.gz" >"$work/hostile.txt" 2>&1
status=$?
[ "$status" -eq 2 ] || fail "audit of a hostile archive: exit $status, expected 2 (incomplete)"
grep -qF "mac/dev/tty" "$work/hostile.txt" || fail "the report does not list the refused device"

# A file that is no archive is an input error that says so.
printf 'not an archive\n' >"$work/notes.txt"
"$nwaudit" facts --root "$work/notes.txt" >/dev/null 2>"$work/notes.err"
status=$?
[ "$status" -eq 66 ] || fail "facts on a text file: exit $status, expected 66"
grep -qF "not an archive nwaudit reads" "$work/notes.err" || fail "no 'not an archive' message: $(cat "$work/notes.err")"

[ "$failures" -eq 0 ] && echo "archive root: all checks passed"
exit "$failures"

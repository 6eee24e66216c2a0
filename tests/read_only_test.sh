#!/bin/sh
# Audits a copy of a sample Mac with hostile entries added (links out of the root, link loops,
# FIFOs and a device where files belong) and proves that nwaudit changed nothing in the tree,
# read nothing outside it, did not block, and exited with the documented status.
# usage: read_only_test.sh NWAUDIT SOURCE_DIR
nwaudit=$1
top=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mac=$work/mac outside=$work/outside out=$work/out
mkdir -p "$outside" "$out"
cp -R "$top/fixtures/macs/sonoma" "$mac"
cp -R "$top/fixtures/macs/monterey-kexts/Library/Extensions/." "$mac/Library/Extensions/"  # Mach-O files to scan

# What must never reach a report: files beside the root, and the host's own /etc.
secret="nwaudit-outside-secret-$$"
plist="<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>globalstate</key><integer>1</integer>"
plist="$plist<key>EnableFirewall</key><true/><key>Secret</key><string>$secret</string></dict></plist>"
printf '%s\n' "$plist" > "$outside/secret.plist"
printf '%s\n' "$plist" > "$outside/com.apple.security.firewall.plist"
printf 'anchor "%s"\n' "$secret" > "$outside/pf.conf"

replace_with_link() { rm -rf "$1"; ln -s "$2" "$1"; }
prefs=$mac/Library/Preferences
replace_with_link "$prefs/com.apple.alf.plist" /etc/shadow
replace_with_link "$prefs/SystemConfiguration/NetworkInterfaces.plist" /etc/passwd
replace_with_link "$mac/Library/SystemExtensions/db.plist" ../../../outside/secret.plist      # .. out of the root
replace_with_link "$prefs/com.apple.networkextension.plist" "$outside/secret.plist"           # a host path
replace_with_link "$prefs/SystemConfiguration/preferences.plist" preferences-loop.plist       # a loop of two
ln -s preferences.plist "$prefs/SystemConfiguration/preferences-loop.plist"
ln -s Loop.kext "$mac/Library/Extensions/Loop.kext"                                           # a loop of one
replace_with_link "$mac/etc/pf.conf" ../../outside/pf.conf                                    # the last component
ln -s ../../outside "$mac/Library/Managed Preferences"                                        # a folder on the way
rm "$mac/System/Library/Extensions/ALF.kext/Contents/Info.plist"
mkfifo "$mac/System/Library/Extensions/ALF.kext/Contents/Info.plist"                          # a FIFO as a plist
rm "$mac/.nwaudit/sysctl.txt"
mkfifo "$mac/.nwaudit/sysctl.txt"                                                             # and as a capture
device=""
if [ "$(uname -s)" = Linux ] && mknod "$work/zero" c 1 5 2>/dev/null; then                   # /dev/zero's numbers
  mv "$work/zero" "$mac/.nwaudit/ifconfig-v.txt"                                              # as a capture
  device="/.nwaudit/ifconfig-v.txt"
else
  echo "SKIPPED: a character device in the tree (mknod is not permitted here); the rest runs"
fi

# Access times count only where nwaudit opens with O_NOATIME (Linux, as the files' owner). They
# are set far in the past first, so that a read would move them even under relatime.
check_atime=no
[ "$(uname -s)" = Linux ] && check_atime=yes
entries=$work/entries
(cd "$work" && find mac outside | LC_ALL=C sort) > "$entries"

content_hash() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum < "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 < "$1" | cut -d' ' -f1
  else cksum < "$1"; fi
}
# One line per entry: a file's content hash, a link's target. Reading the files moves their
# access times, so this is taken apart from the rest.
contents() {
  while IFS= read -r entry; do
    path=$work/$entry
    if [ -h "$path" ]; then
      printf '%s -> %s\n' "$entry" "$(readlink "$path")"
    elif [ -f "$path" ]; then
      printf '%s %s\n' "$entry" "$(content_hash "$path")"
    fi
  done < "$entries"
}
# One line per entry, without following links or reading anything: inode, type and mode, size,
# mtime, ctime, and the access time when it counts.
status() {
  while IFS= read -r entry; do
    path=$work/$entry
    if stat -c '%i' "$work" >/dev/null 2>&1; then
      info=$(stat -c '%i %f %s %y %z' -- "$path"); atime=$(stat -c '%x' -- "$path")
    else
      info=$(stat -f '%i %Xp %z %Fm %Fc' -- "$path"); atime=$(stat -f '%Fa' -- "$path")
    fi
    # Following a link updates its own access time on Linux, whatever the reader does.
    { [ "$check_atime" = yes ] && [ ! -h "$path" ]; } || atime="-"
    printf '%s | %s | %s\n' "$entry" "$info" "$atime"
  done < "$entries"
}
contents > "$work/contents-before"
if [ "$check_atime" = yes ]; then
  while IFS= read -r entry; do
    [ -h "$work/$entry" ] || touch -a -c -d '2001-01-01 00:00:00' "$work/$entry"
  done < "$entries"
fi
status > "$work/status-before"

# run NAME STATUS COMMAND...: runs it with a deadline (a blocked read would hang it).
run() {
  name=$1 want=$2
  shift 2
  if command -v timeout >/dev/null 2>&1; then
    timeout 120 "$@" > "$out/$name" 2> "$out/$name.err"
    got=$?
  else
    "$@" > "$out/$name" 2> "$out/$name.err" &
    pid=$!
    (sleep 120; kill -9 "$pid" 2>/dev/null) &
    watchdog=$!
    wait "$pid"
    got=$?
    kill "$watchdog" 2>/dev/null
  fi
  case $got in
    124|137) fail "$name did not finish within 120 seconds (blocked on a FIFO or device?)" ;;
    "$want") ;;
    *) fail "$name: exit $got, expected $want"; sed 's/^/  stderr: /' "$out/$name.err" ;;
  esac
}
# The tree has unreadable sources that could change the verdict: exit 2 (nwaudit(1), EXIT STATUS).
run report.txt 2 "$nwaudit" --root "$mac"
run report.json 2 "$nwaudit" --root "$mac" --format json
run report.md 2 "$nwaudit" --root "$mac" --format markdown
run report.sarif 2 "$nwaudit" --root "$mac" --format sarif
run facts.xml 0 "$nwaudit" facts --root "$mac"

# Nothing in the tree or beside it changed, and nothing new appeared.
status > "$work/status-after"
if ! cmp -s "$work/status-before" "$work/status-after"; then
  fail "the tree changed:"; diff "$work/status-before" "$work/status-after" | head -20
fi
contents > "$work/contents-after"
if ! cmp -s "$work/contents-before" "$work/contents-after"; then
  fail "contents changed:"; diff "$work/contents-before" "$work/contents-after" | head -20
fi
(cd "$work" && find mac outside | LC_ALL=C sort) > "$work/entries-after"
if ! cmp -s "$entries" "$work/entries-after"; then
  fail "entries appeared or went:"; diff "$entries" "$work/entries-after" | head -20
fi

# Nothing outside the root was read.
for leak in "$secret" "$(head -n 1 /etc/passwd)" "$(head -n 1 /etc/shadow 2>/dev/null)"; do
  [ -n "$leak" ] || continue
  if grep -rqF -- "$leak" "$out"; then fail "outside content in the output: $leak"; fi
done

# Each hostile entry is in coverage, by its Mac path, as not read.
not_read() {
  path=$1 status=$2 reason=$3
  line=$(grep -F "path=\"$path\"" "$out/facts.xml" | grep -F "status=\"$status\"")
  if [ -z "$line" ]; then
    fail "no $status coverage entry for $path"; grep -F "path=\"$path\"" "$out/facts.xml" | sed 's/^/  | /'
  elif ! printf '%s' "$line" | grep -qF -- "$reason"; then
    fail "the entry for $path does not say '$reason': $line"
  fi
}
not_read /Library/Preferences/com.apple.alf.plist missing "No such file"
not_read /Library/Preferences/SystemConfiguration/NetworkInterfaces.plist missing "No such file"
not_read /Library/SystemExtensions/db.plist missing "No such file"
not_read /Library/Preferences/com.apple.networkextension.plist missing "No such file"
not_read /Library/Preferences/SystemConfiguration/preferences.plist broken "symbolic links"
not_read /Library/Extensions/Loop.kext/Contents/Info.plist broken "symbolic links"
not_read /etc/pf.conf missing "No such file"
not_read /System/Library/Extensions/ALF.kext/Contents/Info.plist broken "is a FIFO"
not_read /.nwaudit/sysctl.txt broken "is a FIFO"
[ -z "$device" ] || not_read "$device" broken "is a character device"
if grep -qF 'Managed Preferences' "$out/facts.xml"; then fail "the managed profile beside the root was read"; fi
# ... and the rest of the Mac was still read.
for element in '<os ' '<kext ' '<system-extension ' '<interface' '<pf '; do
  case $element in
    '<interface') [ -z "$device" ] || continue ;;  # the device stands where the interfaces were
  esac
  grep -qF -- "$element" "$out/facts.xml" || fail "no $element element: the audit stopped early"
done
grep -qF 'scanned="true"' "$out/facts.xml" || fail "no kext executable was scanned"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "read-only test passed: the tree is unchanged$([ "$check_atime" = yes ] && echo ', access times included'), nothing outside it was read"

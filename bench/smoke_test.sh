#!/bin/sh
# CTest "bench_smoke": the generators write the same bytes twice, and the benchmark still runs
# (one round on a small Mac, and summarize over two small fleets; no timing is checked).
#     bench/smoke_test.sh NWAUDIT
set -eu
bench=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$bench/full_mac.py" --scale 0.05 "$work/first" >/dev/null
python3 "$bench/full_mac.py" --scale 0.05 "$work/second" >/dev/null
diff -r "$work/first" "$work/second" || { echo "FAIL: bench/full_mac.py wrote different files for the same scale"; exit 1; }
"$bench/run" --smoke --nwaudit "$1"
python3 "$bench/fleet_reports.py" --reports 300 "$work/fleet-first" 2>/dev/null
python3 "$bench/fleet_reports.py" --reports 300 "$work/fleet-second" 2>/dev/null
diff -r "$work/fleet-first" "$work/fleet-second" || { echo "FAIL: bench/fleet_reports.py wrote different files for the same count"; exit 1; }
"$bench/run" --fleet --smoke --nwaudit "$1"

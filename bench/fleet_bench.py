"""The fleet half of the benchmark (bench/run --fleet): nwaudit summarize over synthetic fleets
written by bench/fleet_reports.py, on one core, at several sizes: reports per second, and peak
memory, which must not grow with the number of reports."""
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fleet_reports  # noqa: E402


def summarize_command(nwaudit, fleet, output):
    return [str(nwaudit), "summarize", str(fleet), "--format", "json", "-o", str(output)]


def check_counts(summary_path, reports, malformed, fail):
    """summarize must have counted every report: the Macs plus the malformed lines it skipped."""
    summary = json.loads(Path(summary_path).read_text())
    if summary["macs"] + summary["skipped"] != reports or summary["skipped"] != malformed:
        fail(f"summarize counted {summary['macs']} Macs and skipped {summary['skipped']}, but the fleet holds "
             f"{reports} reports of which {malformed} are malformed")


def measure_fleet(nwaudit, sizes, runs, work, peak_memory, fail, progress):
    """One row per size: reports, files, seconds (median of `runs`), reports per second, peak MiB."""
    results = []
    for size in sizes:
        fleet = work / f"fleet-{size}"
        progress(f"fleet of {size} reports: writing it in {fleet}")
        written, malformed = fleet_reports.write_fleet(fleet, size)
        files = sum(1 for path in fleet.rglob("*") if path.is_file())
        megabytes = sum(path.stat().st_size for path in fleet.rglob("*") if path.is_file()) / 2**20
        output = work / f"summary-{size}.json"
        command = summarize_command(nwaudit, fleet, output)
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the page cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            status = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
            times.append(time.perf_counter() - start)
            if status not in (0, 2):  # 2: malformed reports were skipped, as intended
                fail(f"{' '.join(command)} exited with {status}")
        check_counts(output, written, malformed, fail)
        seconds = statistics.median(times)
        results.append({"reports": size, "files": files, "megabytes": megabytes, "malformed": malformed,
                        "seconds": seconds, "rate": size / seconds,
                        "peak": peak_memory(command, work) if peak_memory else None})
    return results


def report_fleet(results):
    print("| reports | files | size | malformed | summarize, one core | reports per second | peak RSS |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        peak = f"{r['peak']:.1f} MiB" if r["peak"] is not None else "no /usr/bin/time"
        print(f"| {r['reports']} | {r['files']} | {r['megabytes']:.0f} MiB | {r['malformed']} | "
              f"{r['seconds'] * 1000:.0f} ms | {r['rate']:,.0f} | {peak} |")
    first, last = results[0], results[-1]
    if len(results) > 1 and first["peak"] and last["peak"]:
        print(f"reports ×{last['reports'] / first['reports']:.0f}: peak memory ×{last['peak'] / first['peak']:.2f}, "
              f"time ×{last['seconds'] / first['seconds']:.2f}")

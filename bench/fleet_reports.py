#!/usr/bin/env python3
"""Writes a synthetic fleet of nwaudit reports for the fleet benchmark (nwaudit summarize).

    bench/fleet_reports.py [--reports N] OUT

Most of a fleet arrives as ndjson (`nwaudit audit --format ndjson` lines gathered by a log
pipeline or an MDM), written here as daily files of up to 5,000 lines in site folders; about
1 report in 100 is a full JSON report (`--format json`, as attached to a ticket) and 1 in 1,000
a `nwaudit collect` bundle (.tar.gz with report.json and manifest.json). The Macs vary as a
fleet does: macOS 12 to 15, most in user space, a quarter on sockets (the Application Firewall,
third-party kexts of known vendors, custom pf rules, boot arguments, several at once), some
mixed (tunnels, content filters, proxies), a few unknown; about 8 in 100 with blind spots; and
about 2 lines in 1,000 are malformed (cut short, another schema, not JSON). Same N, same bytes.
"""
import argparse
import gzip
import io
import json
import random
import sys
import tarfile
from pathlib import Path

LINES_PER_FILE = 5000
SITES = ["amsterdam", "austin", "berlin", "cork", "singapore", "tokyo"]
VERSIONS = [("12.7.6", "21H1320", 4), ("13.6.9", "22G830", 10), ("13.7.1", "22H221", 6), ("14.4.1", "23E224", 8),
            ("14.6.1", "23G93", 22), ("14.7.2", "23H311", 12), ("15.1.1", "24B91", 14), ("15.3.1", "24D70", 16),
            ("15.4", "24E248", 8)]

# Causes that turn every connection to sockets: (rule, kind, subject, vendor, product, kernel rules beside it).
KEXTS = [
    ("NWA-KEXT-SFLT-LOADED", "at.obdev.nke.LittleSnitch", "Objective Development", "Little Snitch 3/4", "SOCKET"),
    ("NWA-KEXT-SFLT-LOADED", "com.cisco.kext.acsock", "Cisco", "AnyConnect (before macOS 11)", "SOCKET"),
    ("NWA-KEXT-SFLT-LOADED", "com.objective-see.lulu", "Objective-See", "LuLu 0.9/1.x (kext)", "SOCKET"),
    ("NWA-KEXT-NETFILTER-VENDOR", "com.symantec.kext.ips", "Symantec", "Endpoint Protection (IPS)", "IP"),
    ("NWA-KEXT-IFLT-VENDOR", "org.virtualbox.kext.VBoxNetFlt", "Oracle", "VirtualBox bridged networking", "INTERFACE"),
    ("NWA-KEXT-IPF-LOADED", "com.sophos.nke.swi", "Sophos", "Web Intelligence", "IP"),
]
SOME = [
    ("NWA-IF-TUNNEL", "some-connections", lambda r: f"utun{r.randint(2, 9)}", "", ""),
    ("NWA-SYSEXT-CONTENT-FILTER", "some-connections", lambda r: "at.obdev.littlesnitch.networkextension",
     "Objective Development", "Little Snitch 5/6"),
    ("NWA-NE-PROXY-PROVIDER", "some-connections", lambda r: "com.cisco.anyconnect.macos.acsockext", "Cisco",
     "AnyConnect / Secure Client"),
    ("NWA-SERVICE-PROXY", "some-connections", lambda r: "BBBBBBBB-0000-4000-8000-%012d" % r.randint(1, 50), "", ""),
    ("NWA-IF-BRIDGE-MEMBER", "some-connections", lambda r: "vmenet0", "", ""),
]
LATENT = [("NWA-KEXT-CREATES-INTERFACE-NOT-LOADED", "latent", "net.sf.tuntaposx.tun", "tuntaposx", "tun"),
          ("NWA-CONTEXT-FD-LIMIT", "informational", "kernel", "", "")]
BLIND_SPOTS = ["/.nwaudit/ifconfig-v.txt (missing: No such file or directory)",
               "/.nwaudit/kmutil-showloaded.txt (missing: no captured list of loaded kexts; load state unknown)",
               "/Library/Preferences/com.apple.networkextension.plist (broken: byte offset 458: trailer: truncated)"]
UNKNOWN = [("NWA-OS-UNREADABLE", "facts"), ("NWA-OS-BUILD-MISMATCH", "os"), ("NWA-OS-VERSION-UNPARSEABLE", "os")]
# The cause (kind) of each rule above, as a full report names it (rules/*.xml).
KINDS = {"NWA-KERNEL-FILTER-ALF": "application-firewall", "NWA-KERNEL-FILTER-SOCKET": "socket-filter",
         "NWA-KERNEL-FILTER-IP": "ip-filter", "NWA-KERNEL-FILTER-INTERFACE": "interface-filter",
         "NWA-KERNEL-FILTER-PF": "pf", "NWA-PF-CUSTOM": "pf", "NWA-KERNEL-BOOTARG-IF-ATTACH-NX": "boot-args",
         "NWA-KERNEL-NETAGENT": "netagent-disabled", "NWA-KEXT-SFLT-LOADED": "socket-filter",
         "NWA-KEXT-NETFILTER-VENDOR": "other", "NWA-KEXT-IFLT-VENDOR": "interface-filter",
         "NWA-KEXT-IPF-LOADED": "ip-filter", "NWA-IF-TUNNEL": "tunnel", "NWA-SYSEXT-CONTENT-FILTER": "content-filter",
         "NWA-NE-PROXY-PROVIDER": "proxy", "NWA-SERVICE-PROXY": "proxy", "NWA-IF-BRIDGE-MEMBER": "bridge",
         "NWA-KEXT-CREATES-INTERFACE-NOT-LOADED": "kext-interface", "NWA-CONTEXT-FD-LIMIT": "fd-limit"}


def finding(rule, effect, subject, vendor="", product="", severity="high", confidence="confirmed"):
    line = {"rule": rule, "effect": effect, "severity": severity, "confidence": confidence, "subject": subject}
    if vendor:
        line["vendor"] = vendor
    if product:
        line["product"] = product
    return line


def kernel(name, kind):
    return finding(f"NWA-KERNEL-{name}", "all-connections", "kernel"), kind


def one_mac(r, number):
    """(verdict, findings, host, blind spots) of one Mac."""
    version, build, _ = r.choices(VERSIONS, weights=[v[2] for v in VERSIONS])[0]
    host = {"product": "macOS", "version": version, "build": build, "architecture": r.choice(["arm64", "arm64", "x86_64"])}
    findings, causes = [], []
    roll = r.random()
    if roll < 0.60:
        path, decided = "user-space", "kernel"
    elif roll < 0.85:
        path, decided = "sockets", "kernel"
        picks = r.choices(["firewall", "kext", "pf", "boot-args"], weights=[50, 35, 10, 5], k=r.choice([1, 1, 1, 2]))
        for pick in sorted(set(picks)):
            if pick == "firewall":
                findings.append(finding("NWA-KERNEL-FILTER-ALF", "all-connections", "kernel"))
            elif pick == "kext":
                rule, subject, vendor, product, filter_kind = r.choice(KEXTS)
                findings.append(finding(f"NWA-KERNEL-FILTER-{filter_kind}", "all-connections", "kernel"))
                findings.append(finding(rule, "all-connections", subject, vendor, product))
            elif pick == "pf":
                findings.append(finding("NWA-KERNEL-FILTER-PF", "all-connections", "kernel"))
                findings.append(finding("NWA-PF-CUSTOM", "all-connections", "pf", severity="high", confidence="high"))
            else:
                findings.append(finding("NWA-KERNEL-BOOTARG-IF-ATTACH-NX", "all-connections", "kernel"))
        findings.append(finding("NWA-KERNEL-NETAGENT", "all-connections", "kernel"))
    elif roll < 0.96:
        path, decided = "mixed", "kernel"
        for rule, effect, subject, vendor, product in r.sample(SOME, r.choice([1, 1, 2])):
            findings.append(finding(rule, effect, subject(r), vendor, product, "medium", "medium"))
    else:
        path, decided = "unknown", "configuration"
        rule, subject = r.choice(UNKNOWN)
        findings.append(finding(rule, "blocks-verdict", subject))
        if rule == "NWA-OS-UNREADABLE":
            host = {"product": "", "version": "", "build": "", "architecture": ""}
    causes = [f["rule"] for f in findings]
    if r.random() < 0.3:
        rule, effect, subject, vendor, product = r.choice(LATENT)
        findings.append(finding(rule, effect, subject, vendor, product, "low", "low"))
    blind = r.sample(BLIND_SPOTS, r.choice([1, 1, 2])) if r.random() < 0.08 else []
    verdict = {"path": path, "confidence": "confirmed" if decided == "kernel" else "low", "decided_by": decided,
               "contradicted": False, "causes": causes, "blind_spots": blind, "sources_read": 20 - len(blind),
               "sources_sought": 24}
    return verdict, findings, host


def ndjson_line(r, number):
    verdict, findings, host = one_mac(r, number)
    return json.dumps({"schema": "nwaudit-ndjson/1", "tool": {"name": "nwaudit", "version": "0.1.0"},
                       "rules_version": "sha256:0123456789abcdef", "machine": "mac-%012x" % (number * 2654435761 % 2**48),
                       "machine_kind": "pseudonym", "audited_at": "2025-03-%02dT09:%02d:00Z" % (1 + number % 28, number % 60),
                       "host": host, "verdict": verdict, "findings": findings}, separators=(",", ":"))


def full_report(r, number):
    """A full JSON report as `audit --format json` writes it, with its coverage and fixes."""
    verdict, findings, host = one_mac(r, number)
    verdict = dict(verdict, summary="Network.framework will use one BSD socket for every connection on this Mac."
                   if verdict["path"] == "sockets" else "See the findings.", predicted=verdict["path"], observed=False,
                   contradiction="")
    full = []
    for f in findings:
        evidence = {"id": f["subject"]}
        evidence.update({k: f[k] for k in ("vendor", "product") if k in f})
        full.append({"rule": f["rule"], "title": f["rule"].replace("-", " ").title(), "cause": KINDS.get(f["rule"], "os-version"),
                     "effect": f["effect"], "severity": f["severity"], "confidence": f["confidence"],
                     "subject": f["subject"], "message": "The finding's message, a sentence or two. " * 3,
                     "evidence": evidence, "evidence_element": "kext",
                     "fixes": [{"audience": a, "title": "A fix", "description": "What to do, in a few sentences. " * 4,
                                "command": "sudo something", "needs_admin": True, "needs_reboot": False,
                                "needs_mdm": False, "side_effects": ""} for a in ("mac", "app", "app")],
                     "references": [{"title": "xnu source", "url": "https://github.com/apple-oss-distributions/xnu"}],
                     "source": "/Library/Extensions/Example.kext", "contradicted_by": None, "contradiction": ""})
    coverage = [{"collector": "kexts", "path": f"/Library/Extensions/Driver{i}.kext/Contents/Info.plist",
                 "status": "read", "reason": ""} for i in range(24)]
    report = {"schema": "nwaudit-report/1", "tool": {"name": "nwaudit", "version": "0.1.0"}, "host": host,
              "source": "the tree at /tmp/mac", "rules_version": "sha256:0123456789abcdef", "verdict": verdict,
              "findings": full, "coverage": coverage, "rule_problems": []}
    return json.dumps(report, indent=2) + "\n"


def malformed(r, line):
    kind = r.randrange(3)
    if kind == 0:
        return line[: r.randrange(1, len(line) - 1)]  # cut short
    if kind == 1:
        return '{"schema":"someone-else/2","verdict":{"path":"sockets"}}'
    return "ERROR: nwaudit timed out"


def bundle(report):
    data = io.BytesIO()
    with gzip.GzipFile(fileobj=data, mode="wb", mtime=0) as compressed:
        with tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as archive:
            for name, text in (("manifest.json", '{"files": []}\n'), ("report.json", report)):
                member = tarfile.TarInfo("nwaudit-bundle/" + name)
                member.size, member.mtime = len(text.encode()), 1700000000
                archive.addfile(member, io.BytesIO(text.encode()))
    return data.getvalue()


def write_fleet(out, reports):
    """Writes `reports` reports under `out`; returns (reports, malformed lines) written."""
    r = random.Random(15)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = broken = 0
    lines, day = [], 0

    def flush():
        nonlocal lines, day
        if lines:
            folder = out / SITES[day % len(SITES)]
            folder.mkdir(exist_ok=True)
            (folder / f"nwaudit-2025-03-{day:03d}.ndjson").write_text("\n".join(lines) + "\n")
            lines, day = [], day + 1

    for number in range(reports):
        roll = r.random()
        if roll < 0.001:
            (out / "tickets").mkdir(exist_ok=True)
            (out / "tickets" / f"bundle-{number}.tar.gz").write_bytes(bundle(full_report(r, number)))
        elif roll < 0.011:
            (out / "tickets").mkdir(exist_ok=True)
            (out / "tickets" / f"report-{number}.json").write_text(full_report(r, number))
        elif roll < 0.013:
            lines.append(malformed(r, ndjson_line(r, number)))
            broken += 1
        else:
            lines.append(ndjson_line(r, number))
        written += 1
        if len(lines) == LINES_PER_FILE:
            flush()
    flush()
    return written, broken


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000, help="how many reports (default 100000)")
    parser.add_argument("out", type=Path)
    arguments = parser.parse_args()
    written, broken = write_fleet(arguments.out, arguments.reports)
    print(f"{written} reports ({broken} malformed) in {arguments.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks for tests/collect_test.sh.

usage: bundle_check.py members BUNDLE
         the bundle holds manifest.json, report.md and report.json, and every file and report the
         manifest lists is a member of that size and SHA-256; prints the manifest's "not_read" paths
       bundle_check.py report BUNDLE
         prints the bundle's report.json as it is
       bundle_check.py plain REPORT.json
         prints the report without what names the Mac's source ("the archive at ...": the
         bundle's own audit and a later one name it differently)
       bundle_check.py verdict REPORT.json
         prints what must not change between a Mac and its bundle: the verdict's path, confidence,
         basis, causes and counts, and the findings' rule IDs
       bundle_check.py structure FACTS.xml
         prints the facts' structure: each element's path and attribute names, and each coverage
         entry's collector, status and problem (values may be redacted, the shape may not change)
"""
import hashlib
import json
import sys
import tarfile
import xml.etree.ElementTree as ElementTree


def fail(message):
    print("bundle_check: " + message)
    sys.exit(1)


def read_bundle(path):
    with tarfile.open(path, "r:gz") as archive:
        members = {}
        for info in archive.getmembers():
            data = archive.extractfile(info).read() if info.isfile() else None
            members[info.name] = (info, data)
        return members


def only_top_folder(members):
    tops = {name.split("/")[0] for name in members}
    if len(tops) != 1:
        fail("the bundle is not in one top folder: %s" % sorted(tops))
    return tops.pop()


def check_members(path):
    members = read_bundle(path)
    top = only_top_folder(members)
    for name in ("manifest.json", "report.md", "report.json"):
        if members.get(top + "/" + name, (None, None))[1] is None:
            fail("no %s in the bundle" % name)
    manifest = json.loads(members[top + "/manifest.json"][1])
    for key in ("tool", "created", "macos", "files", "not_read", "missing", "reports", "redaction"):
        if key not in manifest:
            fail("the manifest has no %r" % key)
    listed = set()
    for entry in manifest["files"] + manifest["reports"]:
        info, data = members.get(entry["member"], (None, None))
        if data is None:
            fail("the manifest lists %s, which is not a file of the bundle" % entry["member"])
        if len(data) != entry["size"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            fail("%s: its size or SHA-256 is not the manifest's" % entry["member"])
        listed.add(entry["member"])
    for name, (info, data) in members.items():
        if info.isfile() and name not in listed and name != top + "/manifest.json":
            fail("%s is in the bundle but not in the manifest" % name)
        if info.uname or info.gname:
            fail("%s names an owner (%s:%s)" % (name, info.uname, info.gname))
    for entry in manifest["not_read"]:
        print(entry["path"], entry["problem"])


def bundle_report(path):
    members = read_bundle(path)
    sys.stdout.write(members[only_top_folder(members) + "/report.json"][1].decode())


def without_source(value):
    if isinstance(value, dict):
        return {key: without_source(item) for key, item in value.items()
                if not (key == "source" and isinstance(item, str) and item.startswith(("the archive", "the tree")))}
    if isinstance(value, list):
        return [without_source(item) for item in value]
    return value


def plain(path):
    with open(path) as file:
        print(json.dumps(without_source(json.load(file)), indent=1, sort_keys=True))


def verdict(path):
    with open(path) as file:
        report = json.load(file)
    kept = {key: report["verdict"][key] for key in (
        "path", "confidence", "decided_by", "predicted", "causes", "contradicted", "sources_read", "sources_sought")}
    kept["blind_spots"] = len(report["verdict"]["blind_spots"])
    kept["rules"] = sorted(finding["rule"] for finding in report["findings"])
    print(json.dumps(kept, indent=1, sort_keys=True))


def structure(path):
    def walk(element, prefix):
        here = prefix + "/" + element.tag
        if element.tag == "source" and prefix.endswith("/coverage"):
            print(here, element.get("collector"), element.get("status"), element.get("problem"))
        else:
            print(here, " ".join(sorted(element.attrib)))
        for child in element:
            walk(child, here)
    walk(ElementTree.parse(path).getroot(), "")


if __name__ == "__main__":
    {"members": check_members, "report": bundle_report, "plain": plain, "verdict": verdict,
     "structure": structure}[sys.argv[1]](
        sys.argv[2])

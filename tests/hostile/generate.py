#!/usr/bin/env python3
"""Writes the hostile-input corpus that tests/hostile_corpus_test.cpp plants in a Mac tree.

For every kind of input nwaudit reads there are files that are empty, truncated, binary
garbage, nested too deep or that count too many of something, and for every property list a
collector reads, one file per key it reads with that key holding the wrong type. MANIFEST.tsv
says where each file is planted and what nwaudit must make of it:

    file <TAB> where <TAB> expect <TAB> text

where is a Mac path (the file replaces what is there in a copy of fixtures/macs/sonoma), or
"rules", "vendors", "facts" or "lsof" for a knowledge file, a facts document or pasted lsof
output; expect is

    broken       the path's coverage entry is broken (malformed, too large, ...)
    too-large    the same, for one of the limits of nwaudit(1)
    problem      the path was read and its coverage entry lists a <problem>
    read         the path was read (nothing in it has to be wrong)
    knowledge    load_knowledge reports a problem that names the file
    skipped      (a rule file) it loads, and an audit of the sample Mac skips its rule, promptly,
                 with a rule problem that names the file
    facts-error  the facts document is refused with an error
    facts-ok     the facts document loads and is audited
    parsed       (lsof output) the parser takes it
    parser-problem  the parser takes it and reports a problem

and text, when not empty, is what the reason (or a problem's) must contain. The files are
committed, so the test needs no Python. Deterministic: same script, same bytes.
    python3 tests/hostile/generate.py
"""
import hashlib
import importlib.util
import plistlib
import shutil
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOP = HERE.parent.parent

# The fixture builders: binary(), xml(), raw_bplist(), Archive, the sample Macs' files.
_spec = importlib.util.spec_from_file_location("fixtures_generate", TOP / "fixtures" / "generate.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)
binary, xml, raw_bplist, Archive, NULL = (fixtures.binary, fixtures.xml, fixtures.raw_bplist, fixtures.Archive,
                                          fixtures.NULL)

SONOMA = TOP / "fixtures" / "macs" / "sonoma"
SYSEXT_INFO = ("/Library/SystemExtensions/0F3A2C1B-7D64-4E8B-A1C9-2B3D4E5F6A7B/"
               "com.objective-see.lulu.extension.systemextension/Contents/Info.plist")
# The test adds this kext to its tree, its executable missing until a Mach-O is planted.
HOSTILE_KEXT = "/Library/Extensions/Hostile.kext/Contents/"
PLISTS = {
    "system-version": "/System/Library/CoreServices/SystemVersion.plist",
    "alf": "/Library/Preferences/com.apple.alf.plist",
    "managed-firewall": "/Library/Managed Preferences/com.apple.security.firewall.plist",
    "db": "/Library/SystemExtensions/db.plist",
    "sysext-info": SYSEXT_INFO,
    "networkextension": "/Library/Preferences/com.apple.networkextension.plist",
    "preferences": "/Library/Preferences/SystemConfiguration/preferences.plist",
    "network-interfaces": "/Library/Preferences/SystemConfiguration/NetworkInterfaces.plist",
    "kext-info": HOSTILE_KEXT + "Info.plist",
    "loaded-kexts": "/.nwaudit/loaded-kexts.plist",
}
CAPTURES = {
    "sysctl": "/.nwaudit/sysctl.txt",
    "loaded-kexts": "/.nwaudit/kmutil-showloaded.txt",
    "systemextensionsctl": "/.nwaudit/systemextensionsctl-list.txt",
    "ifconfig": "/.nwaudit/ifconfig-v.txt",
    "pfctl-anchors": "/.nwaudit/pfctl-anchors.txt",
    "pfctl-rules": "/.nwaudit/pfctl-rules.txt",
    "pf-conf": "/etc/pf.conf",
    "pf-anchor-file": "/etc/pf.anchors/com.apple",
}
MACHO = HOSTILE_KEXT + "MacOS/Hostile"
LIST_LIMIT = 10_000      # limits::kMaxListEntries
LINE_LIMIT = 100_000     # limits::kMaxCaptureLines
DEPTH_LIMIT = 128        # limits::kMaxNestingDepth

manifest = []


def write(relative, data, where, expect, text=""):
    """Writes one corpus file and its manifest row; `where` may list several places."""
    path = HERE / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    for place in ([where] if isinstance(where, str) else where):
        manifest.append((relative, place, expect, text))


def garbage(size, seed):
    """Bytes that look random, from SHA-256 in counter mode."""
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def sonoma(relative):
    return (SONOMA / relative.lstrip("/")).read_bytes()


# Property lists: the formats, at every place a collector reads one.

def plist_formats():
    everywhere = list(PLISTS.values())
    good = xml({"ProductName": "macOS", "ProductVersion": "14.4.1", "ProductBuildVersion": "23E224"})
    write("plist/empty.plist", b"", everywhere, "broken", "empty")
    write("plist/xml/truncated.plist", good[: len(good) // 2], everywhere, "broken", "line")
    write("plist/xml/garbage.plist", b"<?xml version=\"1.0\"?>\n" + garbage(2048, "xml"), everywhere, "broken")
    deep = "<array>" * (DEPTH_LIMIT + 1) + "</array>" * (DEPTH_LIMIT + 1)
    write("plist/xml/deep.plist", f"<plist version=\"1.0\">{deep}</plist>".encode(), everywhere, "too-large", "nested")
    write("plist/xml/not-a-dictionary.plist", xml(["a", "top", "level", "array"]), everywhere, "broken",
          "top level is an array")
    # No references in XML: the smallest list over the limit, where a collector walks one.
    write("plist/xml/huge-count.plist",
          b"<plist><dict><key>Interfaces</key><array>" + b"<true/>" * (LIST_LIMIT + 1) + b"</array></dict></plist>",
          PLISTS["network-interfaces"], "too-large", "interfaces")

    whole = binary({"ProductName": "macOS", "ProductVersion": "14.4.1", "ProductBuildVersion": "23E224"})
    write("plist/binary/truncated.plist", whole[: len(whole) // 2], everywhere, "broken", "byte offset")
    write("plist/binary/garbage.plist", b"bplist00" + garbage(2048, "bplist"), everywhere, "broken", "byte offset")
    deep_objects = [bytes([0xA1, i + 1]) for i in range(DEPTH_LIMIT + 1)] + [bytes([0x08])]
    write("plist/binary/deep.plist", raw_bplist(deep_objects), everywhere, "too-large", "nested")
    # 24 levels, each an array holding the next twice: 2^24 values from 25 objects.
    doubling = [bytes([0xA2, i + 1, i + 1]) for i in range(24)] + [bytes([0x09])]
    write("plist/binary/huge-count.plist", raw_bplist(doubling), everywhere, "too-large", "values")
    write("plist/binary/cycle.plist", raw_bplist([bytes([0xA1, 0x00])]), everywhere, "broken", "cycle")

    # Lists over the limit, small on disk because every member is one shared object.
    shared_list = binary({"Interfaces": [{"BSD Name": "en0"}] * (LIST_LIMIT + 1)})
    write("plist/binary/huge-list.plist", shared_list, PLISTS["network-interfaces"], "too-large", "interfaces")
    extension = fixtures.sysext_entry("org.example.many", "ABCDE12345", "1.0", "activated_enabled",
                                      "driver_extension", "/Applications/Many.app",
                                      "11111111-2222-4333-8444-555555555555")
    write("plist/binary/huge-extensions.plist", binary({"extensions": [extension] * (LIST_LIMIT + 1)}),
          PLISTS["db"], "too-large", "extensions")
    members = {"VirtualNetworkInterfaces": {"Bridge": {"bridge0": {"Interfaces": ["en1"] * (LIST_LIMIT + 1)}}}}
    write("plist/binary/huge-bridge.plist", binary(members), PLISTS["preferences"], "too-large", "bridge0")


def keyed_archives():
    place = PLISTS["networkextension"]
    whole = fixtures.lulu_content_filter_archive()
    write("keyed-archive/truncated.plist", whole[: len(whole) // 2], place, "broken", "byte offset")
    write("keyed-archive/garbage-objects.plist", binary({
        "$archiver": "NSKeyedArchiver", "$top": {"x": plistlib.UID(1)},
        "$objects": ["$null", {"NS.keys": [plistlib.UID(2)], "NS.objects": garbage(16, "archive")}, 7]}),
        place, "broken", "$top.x")
    write("keyed-archive/not-an-archive.plist", binary({"$archiver": 7, "$objects": {}, "$top": []}), place,
          "broken", "$archiver")
    write("keyed-archive/deep.plist", fixtures.deep_archive(DEPTH_LIMIT + 10), place, "too-large", "nested")
    write("keyed-archive/cycle.plist", fixtures.cycle_archive(), place, "broken", "cycle")
    write("keyed-archive/dangling.plist", fixtures.dangling_uid_archive(), place, "broken", "refers past")
    # Each of 40 configurations decodes to 2^15 values: fine alone, over the limit together.
    archive = Archive()
    ref = archive.string("leaf")
    for _ in range(15):
        ref = archive.array([ref, ref])
    config = archive.obj(["NEConfiguration"], {"Name": archive.string("many"), "Payload": ref})
    top = {f"{i:08X}-0000-4000-8000-000000000000": config for i in range(40)}
    write("keyed-archive/huge-count.plist", archive.dumps(top), place, "too-large", "values")


# Wrong types: every key a collector reads, one file each.

def wrong_value(value):
    if isinstance(value, (dict, list, bool, int)):
        return "wrong type"
    return 7


def key_paths(value, path=()):
    """Every key path in the value: dictionary keys, and the first member of each array."""
    if isinstance(value, dict):
        for key, member in value.items():
            yield path + (key,)
            yield from key_paths(member, path + (key,))
    elif isinstance(value, list) and value:
        yield path + ("[0]",)
        yield from key_paths(value[0], path + ("[0]",))


def replaced(value, path):
    if not path:
        return wrong_value(value)
    head, rest = path[0], path[1:]
    if head == "[0]":
        return [replaced(value[0], rest)] + value[1:]
    copy = dict(value)
    copy[head] = replaced(value[head], rest)
    return copy


def expected_text(path):
    """What the problem must name: the key, or for an array member the array it sits in."""
    return path[-2] if path[-1] == "[0]" else path[-1]


SERVICE = "AAAAAAAA-0000-4000-8000-000000000001"
SET = "11111111-2222-4333-8444-555555555555"
# The keys each collector reads, with values of the right type.
GOOD_PLISTS = {
    "alf": {"globalstate": 1, "stealthenabled": 0},
    "managed-firewall": {"EnableFirewall": True, "BlockAllIncoming": True, "EnableStealthMode": True},
    "system-version": {"ProductName": "macOS", "ProductVersion": "14.4.1", "ProductBuildVersion": "23E224"},
    "kext-info": {"CFBundleIdentifier": "org.example.hostile", "CFBundleExecutable": "Hostile",
                  "CFBundleVersion": "1.0", "CFBundleName": "Hostile"},
    "db": {"extensions": [{
        "identifier": "com.objective-see.lulu.extension", "teamID": "VBG97UB4TA", "state": "activated_enabled",
        "categories": ["com.apple.system_extension.network_extension"],
        "bundleVersion": {"CFBundleShortVersionString": "2.6.3", "CFBundleVersion": "2.6.3"},
        "container": {"bundlePath": "/Applications/LuLu.app"},
        "stagedBundleURL": {"relative": "file://" + SYSEXT_INFO[: -len("/Contents/Info.plist")] + "/"}}]},
    "sysext-info": {"NetworkExtension": {"NEProviderClasses": {
        "com.apple.networkextension.filter-data": "FilterDataProvider"}}},
    "preferences": {
        "CurrentSet": "/Sets/" + SET,
        "Sets": {SET: {"Network": {"Global": {"IPv4": {"ServiceOrder": [SERVICE]}},
                                   "Service": {SERVICE: {"__LINK__": "/NetworkServices/" + SERVICE}}}}},
        "NetworkServices": {SERVICE: {
            "Interface": {"DeviceName": "en0", "Hardware": "Ethernet", "Type": "Ethernet", "SubType": "none"},
            "UserDefinedName": "Ethernet",
            "Proxies": {"HTTPEnable": 1, "HTTPProxy": "proxy.example.com", "HTTPPort": 3128}}},
        "VirtualNetworkInterfaces": {"Bridge": {"bridge0": {"UserDefinedName": "Bridge", "Interfaces": ["en1"]}}}},
    "network-interfaces": {"Interfaces": [{
        "BSD Name": "en0", "SCNetworkInterfaceType": "IEEE80211", "IOBuiltin": True,
        "SCNetworkInterfaceInfo": {"UserDefinedName": "Wi-Fi"}}]},
    "loaded-kexts": {"com.example.kext": {"CFBundleVersion": "1.0"}},
}
# Keys present only so that the collector reaches others: nothing reads them as a type.
NOT_READ = {("preferences", "Sets", SET, "Network", "Service", SERVICE),
            ("preferences", "Sets", SET, "Network", "Service", SERVICE, "__LINK__")}


def wrong_types():
    for kind, good in GOOD_PLISTS.items():
        for path in key_paths(good):
            if (kind,) + path in NOT_READ:
                continue
            name = "~".join("member" if part == "[0]" else part.replace(" ", "_") for part in path)
            write(f"wrong-type/{kind}/{name}.plist", xml(replaced(good, path)), PLISTS[kind], "problem",
                  expected_text(path))
        write(f"wrong-type/{kind}/top-level.plist", xml([good]), PLISTS[kind], "broken", "top level")
    # originPath is read only when stagedBundleURL names no bundle.
    database = GOOD_PLISTS["db"]["extensions"][0]
    without_url = {key: value for key, value in database.items() if key != "stagedBundleURL"}
    write("wrong-type/db/extensions~member~originPath.plist", xml({"extensions": [dict(without_url, originPath=7)]}),
          PLISTS["db"], "problem", "originPath")
    network_extension_wrong_types()


def ne_archive(wrong=None):
    """One content filter configuration; the field named `wrong` holds the wrong type."""
    archive = Archive()

    def field(name, value, wrong_value=7):
        return wrong_value if name == wrong else value

    provider = archive.obj(["NEFilterProviderConfiguration"], {
        "FilterDataProviderBundleIdentifier": field("FilterDataProviderBundleIdentifier",
                                                    archive.string("com.objective-see.lulu.extension"))})
    content_filter = archive.obj(["NEContentFilter"], {
        "Enabled": field("Enabled", True, archive.string("yes")),
        "OnDemandEnabled": field("OnDemandEnabled", False, archive.string("no")),
        "Provider": field("Provider", provider)})
    uuid = "5A1C0B7E-3E0D-4C55-9A57-0B8D2B1E6F10"
    configuration = archive.obj(["NEConfiguration"], {
        "Name": field("Name", archive.string("LuLu")), "Application": field("Application", archive.string("x.lulu")),
        "ApplicationName": field("ApplicationName", archive.string("LuLu")),
        "ContentFilter": field("ContentFilter", content_filter)})
    return archive.dumps({uuid: configuration, "Version": 1})


def network_extension_wrong_types():
    for name in ("Name", "Application", "ApplicationName", "ContentFilter", "Enabled", "OnDemandEnabled", "Provider",
                 "FilterDataProviderBundleIdentifier"):
        write(f"wrong-type/networkextension/{name}.plist", ne_archive(name), PLISTS["networkextension"], "problem",
              name)
    good = ne_archive()
    write("wrong-type/networkextension/top-level.plist", binary([plistlib.loads(good)]), PLISTS["networkextension"],
          "broken", "top level")
    for key, value in (("$archiver", 7), ("$objects", {}), ("$top", [])):
        archive = plistlib.loads(good)
        archive[key] = value
        write(f"wrong-type/networkextension/{key[1:]}-key.plist", binary(archive), PLISTS["networkextension"], "broken",
              key)


# Mach-O: the executable of a kext.

def mach_header_64(ncmds, sizeofcmds):
    return struct.pack("<IiiIIIII", 0xFEEDFACF, 0x01000007, 3, 0xB, ncmds, sizeofcmds, 0, 0)


def symtab(symoff, nsyms, stroff, strsize):
    return struct.pack("<IIIIII", 0x2, 24, symoff, nsyms, stroff, strsize)


def macho():
    real = (TOP / "fixtures" / "macho" / "tun-x86_64").read_bytes()
    write("macho/empty", b"", MACHO, "broken", "too short")
    write("macho/truncated", real[:100], MACHO, "broken", "past the end")
    write("macho/garbage", garbage(1024, "macho"), MACHO, "broken", "not a Mach-O")
    nested = struct.pack(">II", 0xCAFEBABE, 1) + struct.pack(">iiIII", 0x01000007, 3, 28, 8, 0)
    write("macho/nested-universal", nested + struct.pack(">II", 0xCAFEBABE, 1), MACHO, "broken", "not a Mach-O slice")
    write("macho/too-many-architectures", struct.pack(">II", 0xCAFEBABE, 1000) + bytes(64), MACHO, "too-large",
          "architectures")
    write("macho/too-many-load-commands", mach_header_64(5000, 5000 * 8) + bytes(64), MACHO, "too-large",
          "load commands")
    write("macho/load-commands-too-large", mach_header_64(1, (1 << 20) + 8) + bytes(64), MACHO, "too-large",
          "bytes of load commands")
    header = mach_header_64(1, 24)
    write("macho/too-many-symbols", header + symtab(56, 2_000_000, 56, 0), MACHO, "too-large", "symbols")
    # 1025 imported symbols all naming one 16 KiB string: 16 MiB of names from 33 KiB.
    count, name = 1025, b"_" + b"n" * (16 << 10) + b"\0"
    symbols_at = len(header) + 24
    strings_at = symbols_at + count * 16
    table = b"".join(struct.pack("<IBBHQ", 1, 0x01, 0, 0, 0) for _ in range(count))
    write("macho/imported-names-too-large", header + symtab(symbols_at, count, strings_at, 1 + len(name)) + table +
          b"\0" + name, MACHO, "too-large", "imported names")


# Captured command output, at every place one is read.

def over_line_limit():
    write("captures/over-line-limit.txt", b"\n" * (LINE_LIMIT + 1), list(CAPTURES.values()), "too-large", "lines")


def captures():
    for kind, place in CAPTURES.items():
        real = sonoma(place)
        cut = real[: len(real) * 2 // 3]
        write(f"captures/{kind}/empty.txt", b"", place, "problem", "empty")
        write(f"captures/{kind}/truncated.txt", cut, place, "read")
        write(f"captures/{kind}/garbage.txt", garbage(1024, kind), place,
              "broken" if kind == "ifconfig" else "problem")
    write("captures/sysctl/too-many-boot-args.txt", b"kern.bootargs: " + b"v " * (LIST_LIMIT + 1) + b"\n",
          CAPTURES["sysctl"], "too-large", "boot arguments")
    write("captures/sysctl/too-many-filters.txt", b"net.filter_state: " + b"f " * (LIST_LIMIT + 1) + b"\n",
          CAPTURES["sysctl"], "too-large", "filter names")
    # Inline anchors nest to any depth: the reader counts braces, it does not recurse.
    write("captures/pf-conf/deep-inline-anchors.txt", b'anchor "a" {\n' * 1000 + b"}\n" * 1000, CAPTURES["pf-conf"],
          "read")
    loads = "".join(f'load anchor "a{i}" from "/etc/pf.anchors/a{i}"\n' for i in range(65))
    write("captures/pf-conf/too-many-anchor-files.txt", loads.encode(), CAPTURES["pf-conf"], "too-large",
          "anchor files")
    # net.api_stats is the kernel's struct as raw bytes: only its size is checked, so any 416 bytes decode.
    stats = "/.nwaudit/net.api_stats"
    real = sonoma(stats)
    write("captures/net-api-stats/empty.bin", b"", stats, "broken", "0 bytes")
    write("captures/net-api-stats/truncated.bin", real[:200], stats, "broken", "200 bytes")
    write("captures/net-api-stats/garbage.bin", garbage(1000, "stats"), stats, "broken", "1000 bytes")
    write("captures/net-api-stats/garbage-right-size.bin", garbage(len(real), "stats"), stats, "read")
    lsof = (TOP / "fixtures" / "lsof" / "mixed.txt").read_bytes()
    write("lsof/empty.txt", b"", "lsof", "parsed")
    write("lsof/truncated.txt", lsof[: len(lsof) * 2 // 3], "lsof", "parsed")
    write("lsof/garbage.txt", garbage(1024, "lsof"), "lsof", "parser-problem")


# Knowledge files and facts documents, read by their loaders.

def xml_documents():
    rule = (TOP / "rules" / "firewall.xml").read_bytes()
    write("rules/empty.xml", b"", "rules", "knowledge")
    write("rules/truncated.xml", rule[: len(rule) // 2], "rules", "knowledge", "not well-formed")
    write("rules/garbage.xml", garbage(2048, "rules"), "rules", "knowledge")
    condition = "(" * 2000 + "//kext" + ")" * 2000
    write("rules/deep-condition.xml", f"""<rules><rule id="X.DEEP" cause="other" effect="informational"
 severity="info" confidence="low"><title>t</title><when>{condition}</when><message>m</message></rule></rules>
""".encode(), "rules", "knowledge", "does not compile")
    write("rules/deep-elements.xml", b"<rules>" + b"<rule>" * 1000 + b"</rule>" * 1000 + b"</rules>", "rules",
          "knowledge", "unknown element")
    fix_files()
    costly_conditions()
    vendors = (TOP / "rules" / "vendors.xml").read_bytes()
    write("vendors/empty.xml", b"", "vendors", "knowledge")
    write("vendors/truncated.xml", vendors[: len(vendors) // 2], "vendors", "knowledge", "not well-formed")
    write("vendors/garbage.xml", garbage(2048, "vendors"), "vendors", "knowledge")
    write("vendors/deep.xml", b"<vendors>" + b"<prefix>" * 1000 + b"</prefix>" * 1000 + b"</vendors>", "vendors",
          "knowledge", "needs id and vendor")
    write("facts/empty.xml", b"", "facts", "facts-error")
    facts = b'<facts schema="1" tool="nwaudit" source="x"><os product="macOS" version="14.4.1" major="14"/>'
    write("facts/truncated.xml", facts, "facts", "facts-error", "not well-formed")
    write("facts/garbage.xml", garbage(2048, "facts"), "facts", "facts-error")
    write("facts/not-facts.xml", b"<plist/>", "facts", "facts-error", "not an nwaudit facts document")
    write("facts/deep.xml", facts + b"<a>" * 3000 + b"</a>" * 3000 + b"<coverage/></facts>", "facts", "facts-ok")


def fix_files():
    """Shared fixes: a reference is a few bytes, the fix it names may be long, and a wrong id
    is looked up among every defined one."""
    def rule(rule_id, fixes):
        return (f'<rule id="{rule_id}" cause="other" effect="informational" severity="info" confidence="low">'
                f'<title>t</title><when>//kext</when><message>m</message>{fixes}</rule>\n')
    many = '<fix ref="NWA-FIX-APP-RAISE-FD-LIMIT"/>' * 2_000
    write("rules/fix-many-references.xml", f"<rules>{rule('X.MANY', many)}</rules>".encode(), "rules", "knowledge",
          "more than 32 fixes")
    typo = rule("X.TYPO", '<fix ref="NWA-FIX-APP-RAISE-FD-LIMTI"/>')
    write("rules/fix-unknown-reference.xml", f"<rules>{typo}</rules>".encode(), "rules", "knowledge",
          "did you mean NWA-FIX-APP-RAISE-FD-LIMIT?")
    definitions = "".join(f'<fix id="X.FIX.{n:04}" audience="app"><title>t</title></fix>\n' for n in range(2_000))
    unknown = "".join(f'<fix ref="X.FIX.{n:04}.GONE"/>' for n in range(32))
    rules = "".join(rule(f"X.UNKNOWN.{n}", unknown) for n in range(200))
    write("rules/fix-many-unknown-references.xml", f"<rules>{definitions}{rules}</rules>".encode(), "rules",
          "knowledge", "refers to unknown fix X.FIX.0000.GONE")
    broken = '<fix id="NWA-FIX-APP-RAISE-FD-LIMIT" audience="app"><title>t</title></fix>' + "<fix>" * 1000 + "</fix>" * 1000
    write("rules/fix-broken-definitions.xml", f"<rules>{broken}</rules>".encode(), "rules", "knowledge",
          "duplicate fix id NWA-FIX-APP-RAISE-FD-LIMIT")


def costly_conditions():
    """Conditions whose cost grows as a power of the facts' size: each count(//*) inside a
    predicate multiplies it by the number of elements."""
    def rule(rule_id, condition):
        return (f'<rules><rule id="{rule_id}" cause="other" effect="informational" severity="info" confidence="low">'
                f'<title>t</title><when>{condition}</when><message>m</message></rule></rules>\n').encode()
    nested = "//*[count(//*) > 0]"
    for _ in range(2):
        nested = f"//*[count({nested}) > 0]"
    write("conditions/nested-scans.xml", rule("X.COSTLY", nested.replace(">", "&gt;")), "rules", "skipped",
          "rule X.COSTLY was skipped: its condition could cost")
    for _ in range(3):
        nested = f"//*[count({nested}) > 0]"
    write("conditions/nested-deeper.xml", rule("X.NEVER", nested.replace(">", "&gt;")), "rules", "knowledge",
          "even on the facts of an empty Mac")


def main():
    for stale in ("plist", "keyed-archive", "wrong-type", "macho", "captures", "rules", "vendors", "facts", "lsof",
                  "conditions"):
        shutil.rmtree(HERE / stale, ignore_errors=True)
    plist_formats()
    keyed_archives()
    wrong_types()
    macho()
    over_line_limit()
    captures()
    xml_documents()
    rows = ["\t".join(row) for row in manifest]
    (HERE / "MANIFEST.tsv").write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()

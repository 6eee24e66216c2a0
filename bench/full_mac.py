#!/usr/bin/env python3
"""Writes a full-size synthetic Mac for the benchmark, from the fixtures' own formats.

    bench/full_mac.py [--scale N] OUT

At scale 1 it holds what a busy Apple silicon Mac on macOS 14 has: about 900 kext bundles
(Apple's with an Info.plist only, a few dozen third-party ones with a Mach-O executable,
some with PlugIns), a full SystemConfiguration, a dozen system extensions with their staged
bundles, Network Extension configurations, the firewall's and pf's files, and every capture
under .nwaudit/ (ifconfig -v with 25 interfaces). Scale N multiplies every count; a scale
below 1 makes a small Mac for smoke tests. Same scale, same bytes.

The files are written by fixtures/generate.py's helpers; the Mach-O executables are the
ones fixtures/make_kexts.py compiled, so no compiler is needed here.
"""
import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fixtures"))
import generate as fixture  # noqa: E402  (fixtures/generate.py)

# Bundles at scale 1. Apple's: top-level ones, and hosts that each carry PlugIns.
APPLE_SYSTEM_KEXTS = 540
APPLE_LIBRARY_KEXTS = 12
APPLE_PLUGIN_HOSTS = 40
APPLE_PLUGINS_PER_HOST = 8
INTERFACES = 25
SERVICES_PER_UNIT = 12
SETS_PER_UNIT = 4
HARDWARE_INTERFACES = 8
APPLE_LOADED = 180

APPLE_STEMS = """
    ACPIPlatform AGX AHCIPort ANE APFS EmbeddedAudio AudioDMAC BCMWLAN BluetoothHost
    CoreCapture CoreStorage DCPExpert DiskImages FDE Graphics HID HIDKeyboard HIDMouse
    HSBluetooth IOAccessory IOAudio IOGraphics IOKitUSB IOMobileFramebuffer IONVMe IOPCI
    IOReport IOSkywalk IOSurface IOThunderbolt IOTimeSync KeyStore MCCSControl MobileFileIntegrity
    MultitouchHID NVMeController PlatformEnabler PMGR PowerManagement Sandbox SEPManager SMC
    SmartBattery SPIMC Thunderbolt TimeSync TopCase UAS USBAudio USBHost USBMassStorage VirtIO
""".split()

# Third-party kexts: (bundle, identifier, name, Mach-O from fixtures/macho, loaded, plugins).
# The network ones are left over from old products and not loaded; the loaded ones are drivers.
# No filter is among the leftovers: the verdict ranks an unloaded filter kext above the kernel's
# word that user-space networking is on, which would hide the rest of this Mac's picture.
THIRD_PARTY_KEXTS = [
    ("tun", "net.sf.tuntaposx.tun", "tun", "tun-x86_64", False, 0),
    ("tap", "net.sf.tuntaposx.tap", "tap", "tun-x86_64", False, 0),
    ("VBoxDrv", "org.virtualbox.kext.VBoxDrv", "VBoxDrv", "plain-universal64", True, 0),
    ("VBoxNetAdp", "org.virtualbox.kext.VBoxNetAdp", "VBoxNetAdp", "tun-x86_64", False, 0),
    ("HoRNDIS", "com.joshuawise.kexts.HoRNDIS", "HoRNDIS", "plain-arm64", True, 0),
]
DRIVER_VENDORS = ["Acme", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella"]
DRIVER_DEVICES = ["Audio", "Dock", "Serial", "Tablet", "Storage", "Camera", "MIDI", "Display"]
THIRD_PARTY_DRIVERS = 24
DRIVERS_WITH_PLUGINS = 6
STAGED_COPIES = 4


def scaled(count, scale):
    return max(1, round(count * scale))


def uuid(group, index):
    return f"{group:08X}-{index >> 16 & 0xFFFF:04X}-4{index >> 4 & 0xFFF:03X}-8{index & 0xF:03X}-{index:012X}"


def copy_suffix(copy):
    """The suffix that keeps names unique when a scale above 1 repeats a set of things."""
    return "" if copy == 0 else str(copy + 1)


def apple_info(index):
    """Keys an Apple kext's Info.plist has besides the fixture's, so it has a real file's size."""
    return {"CFBundleDevelopmentRegion": "English", "CFBundleSignature": "????", "DTPlatformName": "macosx",
            "DTSDKBuild": "23G80", "LSMinimumSystemVersion": "14.6", "OSBundleRequired": "Root",
            "IOKitPersonalities": {f"Driver{n}": {
                "CFBundleIdentifier": f"com.apple.driver.personality{index}", "IOClass": f"AppleDriver{index}_{n}",
                "IOMatchCategory": "IODefaultMatchCategory", "IOProbeScore": 1000 + n,
                "IOProviderClass": "IOService", "IOPropertyMatch": {"compatible": f"device{index},{n}"}}
                for n in range(3)}}


def apple_kexts(root, scale):
    """Apple's bundles, Info.plist only (their code is in the kernel collection). Returns their ids."""
    identifiers = []

    def add(directory, bundle_name, identifier):
        fixture.kext(root, directory, bundle_name + ".kext", identifier, "1.0." + str(len(identifiers)),
                     bundle_name, executable=bundle_name, extra=apple_info(len(identifiers)))
        identifiers.append(identifier)

    for index in range(scaled(APPLE_SYSTEM_KEXTS, scale)):
        stem = APPLE_STEMS[index % len(APPLE_STEMS)] + copy_suffix(index // len(APPLE_STEMS))
        add("System/Library/Extensions", "Apple" + stem, "com.apple.driver.Apple" + stem)
        if index < scaled(APPLE_PLUGIN_HOSTS, scale):
            for plugin in range(APPLE_PLUGINS_PER_HOST):
                add(f"System/Library/Extensions/Apple{stem}.kext/Contents/PlugIns", f"Apple{stem}Plugin{plugin}",
                    f"com.apple.driver.Apple{stem}.plugin{plugin}")
    for index in range(scaled(APPLE_LIBRARY_KEXTS, scale)):
        stem = APPLE_STEMS[-1 - index % len(APPLE_STEMS)] + "Support" + copy_suffix(index // len(APPLE_STEMS))
        add("Library/Apple/System/Library/Extensions", "Apple" + stem, "com.apple.driver.Apple" + stem)
    return identifiers


def third_party_kexts(root, scale):
    """Third-party bundles with executables, some with PlugIns, a few staged. Returns (id, version) loaded."""
    kexts = []
    for index in range(scaled(THIRD_PARTY_DRIVERS, scale)):
        vendor = DRIVER_VENDORS[index % len(DRIVER_VENDORS)]
        device = DRIVER_DEVICES[index // len(DRIVER_VENDORS) % len(DRIVER_DEVICES)]
        suffix = copy_suffix(index // (len(DRIVER_VENDORS) * len(DRIVER_DEVICES)))
        macho = "plain-universal64" if index % 2 == 0 else "plain-arm64"
        kexts.append((vendor + device + suffix, f"com.{vendor.lower()}.driver.{device}{suffix}",
                      f"{vendor} {device} driver", macho, index % 3 == 0,
                      2 if index < scaled(DRIVERS_WITH_PLUGINS, scale) else 0))
    for copy in range(max(1, round(scale))):
        suffix = copy_suffix(copy)
        kexts += [(bundle + suffix, identifier + suffix, name, macho, loaded, plugins)
                  for bundle, identifier, name, macho, loaded, plugins in THIRD_PARTY_KEXTS]

    loaded = []
    for position, (bundle, identifier, name, macho, is_loaded, plugins) in enumerate(kexts):
        version = f"{position % 7 + 1}.{position % 5}"
        directories = ["Library/Extensions"]
        if position < STAGED_COPIES * scale:
            directories.append("Library/StagedExtensions/Library/Extensions")
        for directory in directories:
            fixture.kext(root, directory, bundle + ".kext", identifier, version, name, executable=bundle, macho=macho)
            for plugin in range(plugins):
                fixture.kext(root, f"{directory}/{bundle}.kext/Contents/PlugIns", f"{bundle}Plugin{plugin}.kext",
                             f"{identifier}.plugin{plugin}", version, f"{name} plug-in {plugin}",
                             executable=f"{bundle}Plugin{plugin}", macho=macho)
        if is_loaded:
            loaded.append((identifier, version))
    return loaded


def loaded_lists(root, apple_identifiers, third_party_loaded, scale):
    """The kernel's loaded kexts, as the live source writes them and as kmutil prints them."""
    rows = list(fixture.APPLE_KEXTS_LOADED)
    rows += [(identifier, "1.0." + str(index), index % 4)
             for index, identifier in enumerate(apple_identifiers[:scaled(APPLE_LOADED, scale)])]
    rows += [(identifier, version, 0) for identifier, version in third_party_loaded]
    fixture.loaded_kexts_plist(root, rows, kernel_base=0xfffffe0007004000)
    fixture.write_text(root + ".nwaudit/kmutil-showloaded.txt", fixture.kmutil_rows(rows))


# One set of system extensions: (identifier, team, version, state, category, app, providers).
SYSTEM_EXTENSIONS = [
    ("io.tailscale.ipn.macsys.network-extension", "W5364U7YZB", "1.70.0", "activated_enabled", "network_extension",
     "/Applications/Tailscale.app", {"com.apple.networkextension.packet-tunnel": "PacketTunnelProvider"}),
    ("io.tailscale.ipn.macsys.network-extension", "W5364U7YZB", "1.68.1", "terminated_waiting_to_uninstall_on_reboot",
     "network_extension", "/Applications/Tailscale.app",
     {"com.apple.networkextension.packet-tunnel": "PacketTunnelProvider"}),
    ("com.cisco.anyconnect.macos.acsockext", "DE8Y96K9QP", "5.1.2042", "activated_disabled", "network_extension",
     "/Applications/Cisco/Cisco Secure Client - Socket Filter.app",
     {"com.apple.networkextension.filter-data": "FilterDataProvider"}),
    ("org.example.dnsproxy.extension", "A1B2C3D4E5", "2.0", "activated_enabled", "network_extension",
     "/Applications/Example DNS.app", {"com.apple.networkextension.dns-proxy": "DNSProxyProvider"}),
    ("com.crowdstrike.falcon.Agent", "X9E956P446", "7.16.18605", "activated_enabled", "endpoint_security",
     "/Applications/Falcon.app", None),
    ("com.microsoft.wdav.epsext", "UBF8T346G9", "101.24062.1", "activated_enabled", "endpoint_security",
     "/Applications/Microsoft Defender.app", None),
] + [(f"com.{vendor.lower()}.driverkit.{device}", "B7C8D9E0F1", "1.4", "activated_enabled", "driver_extension",
      f"/Applications/{vendor} {device}.app", None)
     for vendor, device in zip(DRIVER_VENDORS, DRIVER_DEVICES)]


def system_extensions(root, scale):
    entries = []
    for index in range(scaled(len(SYSTEM_EXTENSIONS), scale)):
        identifier, team, version, state, category, app, providers = SYSTEM_EXTENSIONS[index % len(SYSTEM_EXTENSIONS)]
        identifier += copy_suffix(index // len(SYSTEM_EXTENSIONS))
        entry = fixture.sysext_entry(identifier, team, version, state, category, app, uuid(0x5E, index))
        fixture.sysext_info(root, entry["uniqueID"], identifier, version, providers)
        entries.append((entry, version))
    fixture.write(root + "Library/SystemExtensions/db.plist", fixture.binary({
        "version": 1, "developerMode": False, "bootUUID": uuid(0xB0, 1), "extensionPolicies": [],
        "extensions": [entry for entry, _ in entries]}))
    fixture.write_text(root + ".nwaudit/systemextensionsctl-list.txt", systemextensionsctl_list(entries))


def systemextensionsctl_list(entries):
    """`systemextensionsctl list`: the extensions grouped by category, as the fixtures show it."""
    text = f"{len(entries)} extension(s)\n"
    categories = []
    for entry, _ in entries:
        if entry["categories"][0] not in categories:
            categories.append(entry["categories"][0])
    for category in categories:
        text += f"--- {category}\nenabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"
        for entry, version in entries:
            if entry["categories"][0] != category:
                continue
            marks = "*\t*" if entry["state"] == "activated_enabled" else "\t"
            text += (f"{marks}\t{entry['teamID']}\t{entry['identifier']} ({version}/{version})\t"
                     f"{Path(entry['container']['bundlePath']).stem} Extension\t[{entry['state'].replace('_', ' ')}]\n")
    return text


def ne_configurations(root, scale):
    """com.apple.networkextension.plist: per set, a VPN on, a content filter and a DNS proxy off."""
    archive = fixture.Archive()
    top = {"Index": archive.dictionary({}), "Version": 1, "Generation": 40}
    for copy in range(scaled(1, scale)):
        suffix = copy_suffix(copy)
        tunnel = archive.obj(["NETunnelProviderProtocol", "NEVPNProtocol"], {
            "ProviderBundleIdentifier": archive.string("io.tailscale.ipn.macsys.network-extension" + suffix),
            "ServerAddress": archive.string("Tailscale Mesh"), "DisconnectOnSleep": False})
        vpn = archive.obj(["NEVPN"], {"Enabled": copy == 0, "OnDemandEnabled": copy == 0, "Protocol": tunnel,
                                      "OnDemandRules": fixture.NULL})
        content_filter = archive.obj(["NEContentFilter"], {"Enabled": False, "Provider": archive.obj(
            ["NEFilterProviderConfiguration"], {
                "FilterSockets": True, "FilterPackets": False,
                "FilterDataProviderBundleIdentifier": archive.string("com.cisco.anyconnect.macos.acsockext" + suffix)})})
        dns_proxy = archive.obj(["NEDNSProxy"], {"Enabled": False, "Protocol": archive.obj(
            ["NEDNSProxyProviderProtocol"], {
                "ProviderBundleIdentifier": archive.string("org.example.dnsproxy.extension" + suffix)})})
        for kind, (name, application, fields) in enumerate([
                ("Tailscale", "io.tailscale.ipn.macsys", {"VPN": vpn}),
                ("Cisco Secure Client - Socket Filter", "com.cisco.anyconnect.macos.acsock",
                 {"ContentFilter": content_filter}),
                ("Example DNS Proxy", "org.example.dnsproxy", {"DNSProxy": dns_proxy})]):
            identifier = uuid(0x4E, copy * 3 + kind)
            top[identifier] = fixture.ne_configuration(archive, identifier, name + suffix, application + suffix, fields)
    fixture.write(root + "Library/Preferences/com.apple.networkextension.plist", archive.dumps(top))


# One set of network services: (name, device, hardware, type, subtype, inactive).
SERVICES = [
    ("Wi-Fi", "en0", "AirPort", "Ethernet", "", False),
    ("Thunderbolt Bridge", "bridge0", "", "Bridge", "", False),
    ("USB 10/100/1000 LAN", "en5", "Ethernet", "Ethernet", "", False),
    ("Thunderbolt Ethernet", "en6", "Ethernet", "Ethernet", "", False),
    ("iPhone USB", "en7", "Ethernet", "Ethernet", "", False),
    ("Bluetooth PAN", "en8", "Ethernet", "Ethernet", "", True),
    ("Office VPN (L2TP)", "", "", "PPP", "L2TP", False),
    ("Branch VPN (IPSec)", "", "", "IPSec", "", False),
    ("Lab VPN (IKEv2)", "", "", "IKEv2", "", True),
    ("Tailscale", "", "", "VPN", "io.tailscale.ipn.macsys", False),
    ("Dock Ethernet", "en9", "Ethernet", "Ethernet", "", True),
    ("Phone Tethering", "en10", "Ethernet", "Ethernet", "", True),
]


def network_service(name, device, hardware, kind, subtype, inactive):
    interface = {"Type": kind, "UserDefinedName": name}
    if device:
        interface["DeviceName"] = device
    if hardware:
        interface["Hardware"] = hardware
    if subtype:
        interface["SubType"] = subtype
    service = {"Interface": interface, "UserDefinedName": name,
               "IPv4": {"ConfigMethod": "DHCP"}, "IPv6": {"ConfigMethod": "Automatic"},
               "DNS": {}, "SMB": {}, "Proxies": {"ExceptionsList": ["*.local", "169.254/16"], "FTPPassive": 1}}
    if kind == "PPP":
        service["PPP"] = {"CommRemoteAddress": "vpn.example.com", "AuthName": "user"}
    if inactive:
        service["__INACTIVE__"] = 1
    return service


def system_configuration(root, scale):
    services = {}
    for index in range(scaled(SERVICES_PER_UNIT, scale)):
        name, device, hardware, kind, subtype, inactive = SERVICES[index % len(SERVICES)]
        copy = index // len(SERVICES)
        if copy and device:
            device = f"en{20 + index}"
        services[uuid(0x5C, index)] = network_service(name + copy_suffix(copy), device, hardware, kind, subtype,
                                                      inactive)
    sets = {}
    for index in range(scaled(SETS_PER_UNIT, scale)):
        order = list(services)[index % len(services):] + list(services)[:index % len(services)]
        sets[uuid(0x5E7, index)] = {"UserDefinedName": "Automatic" if index == 0 else f"Location {index}", "Network": {
            "Global": {"IPv4": {"ServiceOrder": order}},
            "Interface": {"en0": {"AirPort": {"JoinModeFallback": ["DoNothing"]}}},
            "Service": {key: {"__LINK__": "/NetworkServices/" + key} for key in services}}}
    fixture.write(root + "Library/Preferences/SystemConfiguration/preferences.plist", fixture.xml({
        "CurrentSet": "/Sets/" + next(iter(sets)), "NetworkServices": services, "Sets": sets,
        "System": {"Network": {"HostNames": {"LocalHostName": "MacBook-Pro"}},
                   "System": {"ComputerName": "MacBook Pro", "ComputerNameEncoding": 0}},
        "VirtualNetworkInterfaces": {"Bridge": {"bridge0": {"Interfaces": ["en1", "en2"],
                                                            "UserDefinedName": "Thunderbolt Bridge"}}},
        "Model": "Mac14,6", "__VERSION__": 20191120}))
    fixture.write(root + "Library/Preferences/SystemConfiguration/NetworkInterfaces.plist", fixture.xml({
        "Interfaces": [network_interface(unit) for unit in range(scaled(HARDWARE_INTERFACES, scale))],
        "Model": "Mac14,6"}))


def network_interface(unit):
    wifi = unit == 0
    return {"BSD Name": f"en{unit}", "IOBuiltin": unit < 3, "IOInterfaceNamePrefix": "en", "IOInterfaceType": 6,
            "IOInterfaceUnit": unit, "IOMACAddress": bytes([0x3C, 0x22, 0xFB, 0, unit >> 8 & 0xFF, unit & 0xFF]),
            "IOPathMatch": f"IOService:/AppleARMPE/arm-io/AppleT600xIO/port{unit}/IOEthernetInterface",
            "SCNetworkInterfaceInfo": {"UserDefinedName": "Wi-Fi" if wifi else f"Ethernet {unit}"},
            "SCNetworkInterfaceType": "IEEE80211" if wifi else "Ethernet"}


def ifconfig(root, scale):
    """The fixture's interfaces (but the kext-made tap0), and more utun tunnels up to the count."""
    def block(name):
        return fixture.ifconfig_blocks(lambda candidate: candidate == name)

    tail = ("bridge100", "destination")  # the last interface, then `route -n get default`'s output
    head = fixture.ifconfig_blocks(lambda name: name not in tail + ("tap0",))
    present = sum(1 for line in head.splitlines() if " flags=" in line and not line[:1].isspace()) + 1
    template = block("utun1")
    extra = "".join(template.replace("utun1", f"utun{4 + n}").replace("index 15", f"index {21 + n}")
                    for n in range(max(0, scaled(INTERFACES, scale) - present)))
    fixture.write_text(root + ".nwaudit/ifconfig-v.txt", head + extra + "".join(block(name) for name in tail))


def captures(root):
    fixture.sysctl(root, filter_state="", enable_netagent=1, socket_flows=9, nexus_flows=318, bootargs="",
                   product="14.6.1", build="23G93", machine="arm64")
    fixture.write(root + ".nwaudit/net.api_stats", fixture.net_api_stats(
        **fixture.APPLE_SOCKET_FILTERS,
        socket_alloc_total=2_731_006, socket_necp_clientuuid_total=3_411,
        nx_flow_inet_stream_total=5_120, nx_flow_inet_dgram_total=3_342,
        nx_flow_inet6_stream_total=1_930, nx_flow_inet6_dgram_total=871,
        ifnet_alloc_count=25, ifnet_alloc_total=29, ifnet_alloc_os_count=25, ifnet_alloc_os_total=29,
        pf_addrule_total=6, pf_addrule_os=6))


def full_mac(out, scale):
    """Writes the Mac into `out`; returns how many kext bundles it has."""
    root = str(Path(out).resolve()) + "/"
    fixture.system_version(root, "14.6.1", "23G93")
    fixture.firewall(root, 0)
    fixture.pf_files(root, custom=False)
    apple = apple_kexts(root, scale)
    third_party_loaded = third_party_kexts(root, scale)
    loaded_lists(root, apple, third_party_loaded, scale)
    system_extensions(root, scale)
    ne_configurations(root, scale)
    system_configuration(root, scale)
    ifconfig(root, scale)
    captures(root)
    return sum(1 for _ in Path(out).glob("**/*.kext"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every count (default 1)")
    parser.add_argument("out", help="folder to write the Mac into; must not exist or be empty")
    arguments = parser.parse_args()
    out = Path(arguments.out)
    if out.exists() and any(out.iterdir()):
        sys.exit(f"full_mac.py: {out} is not empty")
    print(f"{full_mac(out, arguments.scale)} kext bundles in {out}")


if __name__ == "__main__":
    main()

#pragma once

#include <functional>
#include <initializer_list>
#include <string_view>

#include "nwaudit/facts/facts.h"
#include "nwaudit/facts/vendor_catalog.h"
#include "nwaudit/source/source.h"

// The collectors: each reads one kind of source on the Mac into elements of the facts
// document and records in coverage what it read and what it could not. Each declares the
// elements it writes (its part of the facts contract, facts_contract.h) and is listed once in
// src/facts/collector_registry.cpp, which collect_facts runs. Those declared here are for
// tests that run one collector alone; nwaudit-facts(5) documents every element.
namespace nwaudit {
namespace capture {
struct SysctlCapture;
}

// <os>: SystemVersion.plist, and kern.osproductversion and hw.machine when captured.
void collect_os(const Source& source, const capture::SysctlCapture* sysctl, Facts& facts);
// <kernel>: the captured sysctl values (net.filter_state, enable_netagent, NECP flow counts,
// boot-args) and the net.api_stats counters.
void collect_kernel_state(const Source& source, const capture::SysctlCapture* sysctl, Facts& facts);
// <kext>: installed bundles, the imports of third-party executables, the captured loaded list.
void collect_kexts(const Source& source, Facts& facts, unsigned threads = 1);
// <system-extension>: db.plist, the providers each declares, the captured systemextensionsctl list.
void collect_system_extensions(const Source& source, Facts& facts);
// <ne-configuration>: com.apple.networkextension.plist.
void collect_ne_configurations(const Source& source, Facts& facts);
// <service>, <bridge>, <network-interface>: SystemConfiguration preferences.
void collect_network_services(const Source& source, Facts& facts);
// <application-firewall>: com.apple.alf.plist and a managed firewall profile.
void collect_firewall(const Source& source, Facts& facts);
// <pf>: /etc/pf.conf with the anchor files it loads, and the captured pfctl output.
void collect_pf(const Source& source, Facts& facts);
// <interface>: the captured ifconfig -v.
void collect_interfaces(const Source& source, Facts& facts);
// <profile>: the captured `profiles show -output stdout-xml`.
void collect_profiles(const Source& source, Facts& facts);

// Adds vendor, product and vendor-kind to elements whose identifiers the catalog knows.
void annotate_vendors(Facts& facts, const VendorCatalog& vendors);

// Every registered collector, in the documented order, then the vendor annotations. Up to
// `threads` threads read kext bundles when the source reads concurrently; the facts are the
// same for any number.
void collect_facts(const Source& source, const VendorCatalog& vendors, Facts& facts, unsigned threads = 1);
// The same, with the catalog asked for only when the vendor annotations need it, the last step:
// the caller may still be loading it while the Mac is read.
using VendorCatalogWhenAsked = std::function<const VendorCatalog&()>;
void collect_facts(const Source& source, const VendorCatalogWhenAsked& vendors, Facts& facts, unsigned threads = 1);

// Only the collectors named (as coverage names them), in the registry's order: what a probe
// needs to know of the live Mac it runs on, without reading all of it.
void collect_some_facts(const Source& source, std::initializer_list<std::string_view> collectors, Facts& facts);

}  // namespace nwaudit

#include <charconv>

#include "nwaudit/capture/sw_vers_capture.h"
#include "nwaudit/capture/sysctl_capture.h"
#include "collector_registry.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "os";
constexpr const char* kSystemVersion = "/System/Library/CoreServices/SystemVersion.plist";

// "14.4.1" -> 14, 4, 1; missing parts are 0. False when the text is not a dotted version.
bool split_version(std::string_view text, int (&parts)[3]) {
  parts[0] = parts[1] = parts[2] = 0;
  std::size_t index = 0;
  while (!text.empty() && index < 3) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parts[index]);
    if (error != std::errc() || parts[index] < 0) return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    ++index;
    if (text.empty()) return true;
    if (text.front() != '.') return false;
    text.remove_prefix(1);
  }
  return text.empty() && index > 0;
}

// The Darwin major version a macOS release's builds start with ("23G93" for 14.6.1): 10.x is
// Darwin x+4, 11 to 15 are Darwin 20 to 24, and from 26 the two count together (26 is Darwin 25).
// 0 for versions that fit none of these.
int darwin_major_of(const int (&parts)[3]) {
  if (parts[0] == 10) return parts[1] + 4;
  if (parts[0] >= 11 && parts[0] <= 15) return parts[0] + 9;
  if (parts[0] >= 26) return parts[0] - 1;
  return 0;
}

// The number a build string starts with ("23G93" -> 23); 0 when it starts otherwise.
int build_major_of(std::string_view build) {
  int major = 0;
  auto [end, error] = std::from_chars(build.data(), build.data() + build.size(), major);
  if (error != std::errc() || end == build.data() + build.size() || *end < 'A' || *end > 'Z') return 0;
  return major;
}

bool is_macos_name(std::string_view product) {
  return product == "macOS" || product == "Mac OS X" || product == "Mac OS X Server";
}

// What another source says about the release, beside what <os> holds from its own.
void add_claim(FactElement& os, std::string_view source, std::string_view product, std::string_view version,
               std::string_view build, const std::string& os_version, const std::string& os_build) {
  FactElement claim = os.add_child("claim");
  claim.set("source", source);
  if (!product.empty()) claim.set("product", product);
  claim.set("version", version);
  if (!build.empty()) claim.set("build", build);
  const bool matches = version == os_version && (build.empty() || os_build.empty() || build == os_build) &&
                       (product.empty() || is_macos_name(product));
  claim.set("matches", matches);
}

}  // namespace

void collect_os(const Source& source, const capture::SysctlCapture* sysctl, Facts& facts) {
  const auto sw_vers = collector::read_capture(source, facts, kCollector, collector::capture_path("sw_vers.txt"),
                                               capture::parse_sw_vers);
  std::string product;
  std::string version;
  std::string build;
  std::string from = kSystemVersion;
  if (auto system_version = collector::read_plist(source, facts, kCollector, kSystemVersion)) {
    product = system_version->fields.text(&system_version->root, "ProductName");
    version = system_version->fields.text(&system_version->root, "ProductVersion");
    build = system_version->fields.text(&system_version->root, "ProductBuildVersion");
  } else if (sysctl != nullptr && sysctl->value("kern.osproductversion")) {
    // No SystemVersion.plist, but the kernel said which release it is: that is macOS 10.13.4 or later.
    product = "macOS";
    version = *sysctl->value("kern.osproductversion");
    build = std::string(sysctl->value("kern.osversion").value_or(""));
    from = collector::capture_path("sysctl.txt");
  } else if (sw_vers && !sw_vers->version.empty()) {
    product = sw_vers->product;
    version = sw_vers->version;
    build = sw_vers->build;
    from = collector::capture_path("sw_vers.txt");
  } else {
    return;
  }
  int parts[3];
  const bool numeric = split_version(version, parts);

  FactElement os = facts.add("os");
  os.set("product", product);
  os.set("macos", is_macos_name(product));
  os.set("version", version);
  if (numeric) {
    os.set("major", parts[0]);
    os.set("minor", parts[1]);
    os.set("patch", parts[2]);
  }
  os.set("build", build);
  const int darwin = numeric ? darwin_major_of(parts) : 0;
  if (darwin != 0 && build_major_of(build) != 0) os.set("build-fits-version", darwin == build_major_of(build));
  if (sysctl != nullptr) {
    if (auto machine = sysctl->value("hw.machine")) os.set("architecture", *machine);
  }
  os.set("source", from);
  const std::string sysctl_path = collector::capture_path("sysctl.txt");
  if (sysctl != nullptr && from != sysctl_path) {
    if (auto kernel_version = sysctl->value("kern.osproductversion")) {
      add_claim(os, sysctl_path, {}, *kernel_version, sysctl->value("kern.osversion").value_or(""), version, build);
    }
  }
  const std::string sw_vers_path = collector::capture_path("sw_vers.txt");
  if (sw_vers && !sw_vers->version.empty() && from != sw_vers_path) {
    add_claim(os, sw_vers_path, sw_vers->product, sw_vers->version, sw_vers->build, version, build);
  }
}

namespace collector {
namespace {

constexpr contract::Attribute kOs[] = {
    {"product", contract::Type::text, "ProductName: macOS, Mac OS X, ..."},
    {"macos", contract::Type::boolean, "false for a SystemVersion that is not macOS's (iOS, a fake)"},
    {"version", contract::Type::version, "ProductVersion, or kern.osproductversion"},
    {"major", contract::Type::integer, "the version's first number; absent when it is not a dotted version"},
    {"minor", contract::Type::integer, "the version's second number, 0 when missing"},
    {"patch", contract::Type::integer, "the version's third number, 0 when missing"},
    {"build", contract::Type::text, "ProductBuildVersion, or kern.osversion"},
    {"build-fits-version", contract::Type::boolean,
     "whether the build's Darwin number fits the version (23G93 is macOS 14); absent when either is unknown"},
    {"architecture", contract::Type::text, "hw.machine: arm64, x86_64"},
    {"source", contract::Type::path,
     "SystemVersion.plist; the sysctl capture, then the sw_vers capture, when that file is missing"},
};
constexpr contract::Attribute kClaim[] = {
    {"source", contract::Type::path, "the capture that says it: sysctl (kern.osproductversion) or sw_vers"},
    {"product", contract::Type::text, "sw_vers's ProductName; absent for the kernel's"},
    {"version", contract::Type::version, "the release it names"},
    {"build", contract::Type::text, "the build it names; absent when it names none"},
    {"matches", contract::Type::boolean, "false when it names another product, version or build than <os>"},
};
constexpr contract::Element kContract[] = {
    {"/facts/os", "the operating system",
     "/System/Library/CoreServices/SystemVersion.plist; sysctl kern.osproductversion kern.osversion hw.machine; "
     "sw_vers",
     kOs},
    {"/facts/os/claim", "what another source says the release is, beside <os>'s own",
     "sysctl kern.osproductversion kern.osversion; sw_vers", kClaim},
};

}  // namespace

extern const Registration os_collector{
    {kCollector, kContract}, [](const Input& input, Facts& facts) { collect_os(input.source, input.sysctl, facts); }};

}  // namespace collector

}  // namespace nwaudit

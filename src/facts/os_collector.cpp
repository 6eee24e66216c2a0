#include <charconv>

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

}  // namespace

void collect_os(const Source& source, const capture::SysctlCapture* sysctl, Facts& facts) {
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
  } else {
    return;
  }
  int parts[3];
  const bool numeric = split_version(version, parts);

  FactElement os = facts.add("os");
  os.set("product", product);
  os.set("macos", product == "macOS" || product == "Mac OS X" || product == "Mac OS X Server");
  os.set("version", version);
  if (numeric) {
    os.set("major", parts[0]);
    os.set("minor", parts[1]);
    os.set("patch", parts[2]);
  }
  os.set("build", build);
  if (sysctl != nullptr) {
    if (auto machine = sysctl->value("hw.machine")) os.set("architecture", *machine);
  }
  os.set("source", from);
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
    {"architecture", contract::Type::text, "hw.machine: arm64, x86_64"},
    {"source", contract::Type::path, "SystemVersion.plist, or the sysctl capture when that file is missing"},
};
constexpr contract::Element kContract[] = {
    {"/facts/os", "the operating system",
     "/System/Library/CoreServices/SystemVersion.plist; sysctl kern.osproductversion kern.osversion hw.machine", kOs},
};

}  // namespace

extern const Registration os_collector{
    {kCollector, kContract}, [](const Input& input, Facts& facts) { collect_os(input.source, input.sysctl, facts); }};

}  // namespace collector

}  // namespace nwaudit

#include <array>
#include <map>
#include <string>

#include "nwaudit/capture/loaded_kexts.h"
#include "collector_registry.h"
#include "collector_support.h"
#include "loaded_kexts_plist.h"
#include "nwaudit/macho/macho_imports.h"
#include "nwaudit/macho/network_kpis.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/base/limits.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "kexts";

// Where kext bundles are installed, and whether everything there is Apple's.
struct KextDirectory {
  const char* path;
  const char* location;
  bool apple;
};
constexpr std::array<KextDirectory, 4> kDirectories{{
    {"/Library/Extensions", "library", false},
    {"/Library/StagedExtensions", "staged", false},
    {"/Library/Apple/System/Library/Extensions", "apple-library", true},
    {"/System/Library/Extensions", "system", true},
}};

constexpr std::array<macho::NetworkCapability, 5> kCapabilities{
    macho::NetworkCapability::socket_filter, macho::NetworkCapability::ip_filter,
    macho::NetworkCapability::interface_filter, macho::NetworkCapability::creates_interface,
    macho::NetworkCapability::kernel_control};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

class KextCollector {
 public:
  KextCollector(const Source& source, Facts& facts) : source_(source), facts_(facts) {}

  void run() {
    for (const KextDirectory& directory : kDirectories) {
      const std::size_t depth = std::string_view(directory.location) == "staged" ? limits::kMaxStagedDepth : 1;
      find_bundles(directory.path, directory, depth, true);
    }
    mark_loaded();
  }

 private:
  // Looks for *.kext below `path`, `depth` levels down; each bundle's PlugIns are searched too.
  void find_bundles(const std::string& path, const KextDirectory& directory, std::size_t depth, bool top_level) {
    auto entries = source_.list_directory(path);
    if (!entries) {
      if (top_level || entries.error().kind != ErrorKind::not_found) facts_.record_problem(kCollector, entries.error());
      return;
    }
    for (const DirectoryEntry& entry : *entries) {
      const std::string child = path + "/" + entry.name;
      if (ends_with(entry.name, ".kext")) {
        add_bundle(child, directory, 1);
      } else if (entry.type != FileType::directory) {
        continue;
      } else if (depth > 1) {
        find_bundles(child, directory, depth - 1, false);
      } else if (!top_level) {
        note_too_deep(child, "folder levels below " + std::string(directory.path), limits::kMaxStagedDepth,
                      noted_staged_depth_);
      }
    }
  }

  // The first folder that was not searched because it lies too deep; `noted` keeps it the first.
  void note_too_deep(const std::string& path, const std::string& levels, std::size_t limit, bool& noted) {
    if (noted) return;
    noted = true;
    facts_.record_problem(kCollector, Error{ErrorKind::too_large, path, {},
                                            "not searched: more than " + std::to_string(limit) + " " + levels});
  }

  // `plugin_depth` is 1 for a bundle in a kext folder, 2 for one in its Contents/PlugIns, ...
  void add_bundle(const std::string& bundle, const KextDirectory& directory, std::size_t plugin_depth) {
    if (++bundles_seen_ > limits::kMaxKexts) {
      if (bundles_seen_ == limits::kMaxKexts + 1) {
        facts_.record_problem(kCollector, Error{ErrorKind::too_large, bundle, {},
                                                "more than " + std::to_string(limits::kMaxKexts) +
                                                    " kext bundles; the rest were not examined"});
      }
      return;
    }
    const std::string info_path = bundle + "/Contents/Info.plist";
    static constexpr std::string_view kKeys[] = {"CFBundleIdentifier", "CFBundleExecutable", "CFBundleVersion",
                                                 "CFBundleName"};
    auto info = collector::read_plist(source_, facts_, kCollector, info_path, kKeys);
    if (!info) return;
    const plist::Value* keys = &info->root;
    const std::string identifier = info->fields.text(keys, "CFBundleIdentifier");
    const std::string executable = info->fields.text(keys, "CFBundleExecutable");
    const bool apple = directory.apple || identifier.rfind("com.apple.", 0) == 0;

    FactElement element = facts_.add("kext");
    element.set("id", identifier);
    element.set("version", info->fields.text(keys, "CFBundleVersion"));
    element.set("name", info->fields.text(keys, "CFBundleName"));
    element.set("path", bundle);
    element.set("executable", executable);
    element.set("location", directory.location);
    element.set("apple", apple);
    element.set("installed", true);
    element.set("source", info_path);
    by_identifier_.emplace(identifier, element);
    if (!apple && !executable.empty()) scan_executable(bundle + "/Contents/MacOS/" + executable, element);
    find_plugins(bundle + "/Contents/PlugIns", directory, plugin_depth);
  }

  void find_plugins(const std::string& plugins, const KextDirectory& directory, std::size_t plugin_depth) {
    auto entries = source_.list_directory(plugins);
    if (!entries) return;  // most kexts have no PlugIns folder
    for (const DirectoryEntry& entry : *entries) {
      if (!ends_with(entry.name, ".kext")) continue;
      if (plugin_depth == limits::kMaxPlugInDepth) {
        note_too_deep(plugins + "/" + entry.name, "levels of kexts in PlugIns folders", limits::kMaxPlugInDepth,
                      noted_plugin_depth_);
      } else {
        add_bundle(plugins + "/" + entry.name, directory, plugin_depth + 1);
      }
    }
  }

  // What the executable imports says what the kext can do to the network.
  void scan_executable(const std::string& path, FactElement& element) {
    auto file = source_.open_file(path);
    if (!file) {
      facts_.record_problem(kCollector, file.error());
      return;
    }
    auto imports = macho::scan_imports(**file);
    if (!imports) {
      facts_.record_problem(kCollector, imports.error());
      return;
    }
    facts_.record_read(kCollector, path);
    const std::vector<macho::NetworkKpi> kpis = macho::network_kpis_in(imports->imported_symbols);
    element.set("scanned", true);
    for (macho::NetworkCapability capability : kCapabilities) {
      bool used = false;
      for (const macho::NetworkKpi& kpi : kpis) used = used || kpi.capability == capability;
      element.set(macho::to_string(capability), used);
    }
    for (const std::string& architecture : imports->architectures) {
      element.add_child("architecture").set("name", architecture);
    }
    for (const macho::NetworkKpi& kpi : kpis) {
      FactElement import = element.add_child("import");
      import.set("symbol", kpi.symbol);
      import.set("capability", macho::to_string(kpi.capability));
    }
  }

  // The loaded list: the running kernel's, which nwaudit's live source writes, else the captured
  // kmutil showloaded (macOS 11+), else kextstat.
  void mark_loaded() {
    std::optional<capture::LoadedKexts> loaded;
    std::string from;
    bool captured = false;
    for (const char* name : {"loaded-kexts.plist", "kmutil-showloaded.txt", "kextstat.txt"}) {
      from = collector::capture_path(name);
      if (!source_.status(from)) continue;
      captured = true;
      loaded = read_loaded_list(from);
      break;
    }
    if (!loaded) {
      if (!captured) {
        facts_.record_problem(kCollector, Error{ErrorKind::not_found, collector::capture_path("kmutil-showloaded.txt"),
                                                {}, "no captured list of loaded kexts; load state unknown"});
      }
      for (auto& [identifier, element] : by_identifier_) element.set("loaded", "unknown");
      return;
    }
    std::map<std::string, const capture::LoadedKext*> loaded_by_identifier;
    for (const capture::LoadedKext& kext : loaded->kexts) loaded_by_identifier.emplace(kext.bundle_id, &kext);
    for (auto& [identifier, element] : by_identifier_) {
      element.set("loaded", loaded_by_identifier.count(identifier) != 0);
    }
    for (const auto& [identifier, kext] : loaded_by_identifier) {
      if (by_identifier_.count(identifier) != 0) continue;
      FactElement element = facts_.add("kext");
      element.set("id", identifier);
      element.set("version", kext->version);
      element.set("apple", identifier.rfind("com.apple.", 0) == 0);
      element.set("installed", false);
      element.set("loaded", true);
      // A row cut short in the capture may hold only the start of the bundle identifier.
      if (kext->truncated) element.set("truncated", true);
      element.set("source", from);
    }
  }

  std::optional<capture::LoadedKexts> read_loaded_list(const std::string& path) {
    if (!ends_with(path, ".plist")) {
      return collector::read_capture(source_, facts_, kCollector, path, capture::parse_loaded_kexts);
    }
    auto file = collector::read_plist(source_, facts_, kCollector, path);
    if (!file) return std::nullopt;
    return collector::loaded_kexts_from_plist(file->root, file->fields);
  }

  const Source& source_;
  Facts& facts_;
  std::size_t bundles_seen_ = 0;
  bool noted_staged_depth_ = false;
  bool noted_plugin_depth_ = false;
  std::multimap<std::string, FactElement> by_identifier_;
};

}  // namespace

void collect_kexts(const Source& source, Facts& facts) { KextCollector(source, facts).run(); }

namespace collector {
namespace {

constexpr std::string_view kLocations[] = {"library", "staged", "apple-library", "system"};
constexpr std::string_view kLoadStates[] = {"true", "false", "unknown"};
constexpr std::string_view kCapabilityNames[] = {"socket-filter", "ip-filter", "interface-filter",
                                                 "creates-interface", "kernel-control"};
constexpr contract::Attribute kKext[] = {
    {"id", contract::Type::text, "the bundle identifier (CFBundleIdentifier)"},
    {"version", contract::Type::version, "CFBundleVersion"},
    {"name", contract::Type::text, "CFBundleName"},
    {"path", contract::Type::path, "the bundle"},
    {"executable", contract::Type::text, "CFBundleExecutable; empty for a kext without code"},
    {"location", contract::Type::enumeration,
     "which folder: /Library/Extensions, /Library/StagedExtensions, /Library/Apple/System/Library/Extensions, "
     "/System/Library/Extensions",
     kLocations},
    {"apple", contract::Type::boolean, "whether it is Apple's"},
    {"installed", contract::Type::boolean, "whether its bundle is on disk; false for one only the loaded list shows"},
    {"loaded", contract::Type::enumeration, "whether it is loaded now; unknown without a captured list", kLoadStates},
    {"truncated", contract::Type::boolean, "true when the capture's row was cut short (its id may be incomplete)"},
    {"scanned", contract::Type::boolean, "true when its executable was read (third-party kexts only)"},
    {"socket-filter", contract::Type::boolean, "its imports register a socket filter (sflt_register)"},
    {"ip-filter", contract::Type::boolean, "its imports add an IP filter (ipf_addv4, ipf_addv6)"},
    {"interface-filter", contract::Type::boolean, "its imports attach an interface filter (iflt_attach)"},
    {"creates-interface", contract::Type::boolean,
     "its imports create an interface (ifnet_allocate, ifnet_allocate_extended, ifnet_attach)"},
    {"kernel-control", contract::Type::boolean, "its imports register a kernel control (ctl_register)"},
    {"source", contract::Type::path, "its Info.plist, or the loaded list"},
};
constexpr contract::Attribute kArchitecture[] = {
    {"name", contract::Type::text, "a Mach-O slice's architecture: x86_64, arm64e, ..."},
};
constexpr contract::Attribute kImport[] = {
    {"symbol", contract::Type::text, "a network KPI the executable imports"},
    {"capability", contract::Type::enumeration, "what that KPI lets it do", kCapabilityNames},
};
constexpr contract::Element kContract[] = {
    {"/facts/kext", "a kernel extension, installed or loaded",
     "the kext folders' Info.plist and executables; .nwaudit/loaded-kexts.plist, kmutil showloaded or kextstat",
     kKext},
    {"/facts/kext/architecture", "a slice of the executable", "the kext's executable", kArchitecture},
    {"/facts/kext/import", "a network KPI the executable imports", "the kext's executable", kImport},
};

}  // namespace

extern const Registration kexts_collector{{kCollector, kContract},
                                          [](const Input& input, Facts& facts) { collect_kexts(input.source, facts); }};

}  // namespace collector
}  // namespace nwaudit
